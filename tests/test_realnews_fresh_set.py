"""The fresh hand-written set (evals/realnews_fresh/, PolNeAR train articles nobody had used)
shares no article with an earlier real-news corpus; its halves, questions, near misses and
multi-part files are checked with realnews_train's in tests/test_realnews_halves.py.
"""

from __future__ import annotations

from pathlib import Path

import pytest

EVALS = Path(__file__).resolve().parents[1] / "evals"
CORPUS = EVALS / "realnews_fresh" / "corpus"
EARLIER = [
    EVALS / "realnews" / "corpus",
    EVALS / "realnews_train" / "corpus",
    EVALS / "realnews_check" / "corpus",
]


@pytest.mark.parametrize("earlier", EARLIER, ids=lambda p: p.parent.name)
def test_corpus_shares_no_article_with_an_earlier_real_news_corpus(earlier: Path) -> None:
    assert {p.name for p in earlier.glob("*.txt")}
    assert not {p.name for p in CORPUS.glob("*.txt")} & {p.name for p in earlier.glob("*.txt")}
