"""The hand-written real-news sets with two halves on PolNeAR train articles
(evals/realnews_train/ and evals/realnews_fresh/), checked as the first set is
(tests/test_realnews_set.py): each half parses as gold with ids naming its half, every cited
article is in the corpus and in the question's own half, the halves are disjoint and hold whole
stories, every gold string is in the article it cites (corroborated facts in every cited article,
each multi_doc source supplies a fact), no question copies seven words of an article, the mix is
like the tuning set's, and the corpus and ``split.json`` are the builder's rule-chosen PolNeAR
train articles, byte for byte, with their sidecars. The hand-written near misses of both sets
(realnews_train's ``nearmiss_a.jsonl``, realnews_fresh's ``nearmiss_a.jsonl`` and
``nearmiss_b.jsonl``) load as gold with ids naming their half, name the form of their probe, mix
near misses with answerable twins, cite only their own half and hold their gold strings; the
multi-part files likewise. The fresh set's own extra (it shares no article with the earlier
corpora) is in tests/test_realnews_fresh_set.py. The unseen set in the held-out writer's style
(evals/realnews_more/, devset14), the second one (evals/realnews_next/, devset14b), the third
(evals/realnews_last/, devset15), the fourth (evals/realnews_extra/, devset16), the fifth
(evals/realnews_fifth/, devset17), the sixth (evals/realnews_sixth/, devset18), the seventh
(evals/realnews_seventh/, devset19), the eighth (evals/realnews_eighth/, devset20), the ninth
(evals/realnews_ninth/, devset21), the tenth (evals/realnews_tenth/, devset23), the eleventh
(evals/realnews_eleventh/, devset24), the twelfth (evals/realnews_twelfth/, devset25), the
thirteenth (evals/realnews_thirteenth/, devset26), the fourteenth (evals/realnews_fourteenth/,
devset27), the fifteenth (evals/realnews_fifteenth/, devset28), the sixteenth
(evals/realnews_sixteenth/, devset29), the seventeenth (evals/realnews_seventeenth/, devset30),
the eighteenth (evals/realnews_eighteenth/, devset31), the nineteenth
(evals/realnews_nineteenth/, devset32), the twentieth (evals/realnews_twentieth/, devset33), the
twenty-first (evals/realnews_twentyfirst/, devset34), the twenty-second
(evals/realnews_twentysecond/, devset35), the twenty-third (evals/realnews_twentythird/,
devset36), the twenty-fourth (evals/realnews_twentyfourth/, devset37), the twenty-fifth
(evals/realnews_twentyfifth/, devset38), the twenty-sixth (evals/realnews_twentysixth/,
devset39) and the twenty-seventh (evals/realnews_twentyseventh/, devset40) have no near-miss or multi-part files;
each corpus shares no article with any earlier real-news corpus and each half holds at least 50
questions.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from collections import Counter
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from assistant.evaluation.harness import load_gold
from assistant.nlp.text import normalise
from tests.test_realnews_set import KINDS, assert_gold_strings, assert_no_copy

EVALS = Path(__file__).resolve().parents[1] / "evals"
POLNEAR = Path("/work/shared/polnear")
BUILDER = EVALS / "realnews_train" / "build_corpus.py"


@dataclass(frozen=True)
class Halves:
    """One two-half set: its folder, id prefix, the builder's arguments and its mix's floors."""

    folder: str
    prefix: str
    builder_args: tuple[str, ...]
    min_articles: int
    min_questions: int
    min_multi_doc: int
    min_corroborated: int
    min_cited: int = 0
    every_kind_in_each_half: bool = False
    min_per_half: int = 0
    multipart: bool = True  # the set has multipart_{a,b}.jsonl
    earlier: tuple[str, ...] = ()  # folders whose corpora must share no article with this one

    @property
    def dir(self) -> Path:
        return EVALS / self.folder

    @property
    def corpus(self) -> Path:
        return self.dir / "corpus"


#: The real-news corpora in the order they were written: each set from realnews_more on shares
#: no article with the ones before it.
_WRITTEN = (
    "realnews", "realnews_train", "realnews_check", "realnews_fresh", "realnews_more",
    "realnews_next", "realnews_last", "realnews_extra", "realnews_fifth", "realnews_sixth",
    "realnews_seventh", "realnews_eighth", "realnews_ninth", "realnews_tenth", "realnews_eleventh",
    "realnews_twelfth", "realnews_thirteenth", "realnews_fourteenth", "realnews_fifteenth",
    "realnews_sixteenth", "realnews_seventeenth", "realnews_eighteenth", "realnews_nineteenth",
    "realnews_twentieth", "realnews_twentyfirst", "realnews_twentysecond", "realnews_twentythird",
    "realnews_twentyfourth", "realnews_twentyfifth", "realnews_twentysixth",
    "realnews_twentyseventh",
)  # fmt: skip


def _before(folder: str) -> tuple[str, ...]:
    """The corpora written before ``folder``'s."""
    return _WRITTEN[: _WRITTEN.index(folder)]


def _builder(skip: int, folder: str) -> tuple[str, ...]:
    """The builder's arguments for ``folder``: its skip, 20 seeds, and every earlier corpus left
    out but realnews (drawn from PolNeAR dev, which the builder, reading train, never draws)."""
    excluded = [a for f in _before(folder)[1:] for a in ("--exclude-corpus", str(EVALS / f / "corpus"))]
    return ("--skip", str(skip), "--seeds", "20", *excluded)


SETS = [
    Halves("realnews_train", "rt", (), 30, 100, 5, 5),
    Halves("realnews_fresh", "rf", _builder(170, "realnews_fresh"), 24, 140, 8, 4, min_cited=24,
           every_kind_in_each_half=True),
    *(
        Halves(folder, prefix, _builder(skip, folder), 20, 120, 6, corroborated, min_cited=20,
               every_kind_in_each_half=True, min_per_half=50, multipart=False, earlier=_before(folder))
        for folder, prefix, skip, corroborated in [
            ("realnews_more", "rm", 190, 6),
            ("realnews_next", "rx", 210, 5),
            ("realnews_last", "rl", 230, 5),
            ("realnews_extra", "re", 250, 5),
            ("realnews_fifth", "r5", 270, 5),
            ("realnews_sixth", "r6", 290, 5),
            ("realnews_seventh", "r7", 310, 5),
            ("realnews_eighth", "r8", 330, 5),
            ("realnews_ninth", "r9", 350, 5),
            ("realnews_tenth", "r10", 370, 5),
            ("realnews_eleventh", "r11", 390, 5),
            ("realnews_twelfth", "r12", 410, 5),
            ("realnews_thirteenth", "r13", 430, 5),
            ("realnews_fourteenth", "r14", 450, 5),
            ("realnews_fifteenth", "r15", 470, 5),
            ("realnews_sixteenth", "r16", 490, 5),
            ("realnews_seventeenth", "r17", 510, 5),
            ("realnews_eighteenth", "r18", 530, 5),
            ("realnews_nineteenth", "r19", 550, 5),
            ("realnews_twentieth", "r20", 570, 5),
            ("realnews_twentyfirst", "r21", 590, 5),
            ("realnews_twentysecond", "r22", 610, 5),
            ("realnews_twentythird", "r23", 630, 5),
            ("realnews_twentyfourth", "r24", 650, 5),
            ("realnews_twentyfifth", "r25", 670, 5),
            ("realnews_twentysixth", "r26", 690, 5),
            ("realnews_twentyseventh", "r27", 710, 5),
        ]
    ),
]  # fmt: skip
HALF = ["a", "b"]
BOTH = [(s, h) for s in SETS for h in HALF]
MP_BOTH = [(s, h) for s in SETS if s.multipart for h in HALF]


def _case_id(x: object) -> str:
    """A parametrised case's id: the half's name, or the set's folder."""
    return x.folder if isinstance(x, Halves) else str(x)


def _assert_ids(ids: list[str], pattern: str) -> None:
    """Every id matches ``pattern`` (the set's prefix, its half, three digits), none twice."""
    assert all(re.fullmatch(pattern, i) for i in ids), ids
    assert len(set(ids)) == len(ids)


def _id(s: Halves) -> str:
    return s.folder


@cache
def texts(s: Halves) -> dict[str, str]:
    return {p.stem: normalise(p.read_text(encoding="utf-8")) for p in sorted(s.corpus.glob("*.txt"))}


@cache
def split(s: Halves) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((s.dir / "split.json").read_text(encoding="utf-8"))
    return data


def items(s: Halves, half: str) -> list[dict[str, Any]]:
    lines = (s.dir / f"{half}.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def assert_polnear_train_copies(corpus: Path, at_least: int) -> None:
    """``corpus`` holds at least ``at_least`` PolNeAR train articles, byte for byte the shared
    copy's where it is present, each with a sidecar naming title, outlet and publication day."""
    articles = sorted(corpus.glob("*.txt"))
    assert len(articles) >= at_least
    for art in articles:
        meta = json.loads(art.with_name(art.stem + ".meta.json").read_text(encoding="utf-8"))
        assert {"title", "outlet", "published"} <= set(meta), art.name
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", meta["published"]), art.name
        original = POLNEAR / "train" / "text" / art.name
        if original.exists():  # the shared copy is the source; the repo copy must match it byte for byte
            assert art.read_bytes() == original.read_bytes(), art.name


@pytest.mark.parametrize("s", SETS, ids=_id)
def test_corpus_is_polnear_train_byte_for_byte_with_sidecars(s: Halves) -> None:
    assert_polnear_train_copies(s.corpus, at_least=s.min_articles)


@pytest.mark.parametrize("s", SETS, ids=_id)
def test_split_halves_are_disjoint_and_hold_whole_stories(s: Halves) -> None:
    a, b = set(split(s)["a"]), set(split(s)["b"])
    assert not a & b
    assert a | b == {p.stem for p in s.corpus.glob("*.txt")}
    for seed, docs in split(s)["stories"].items():
        assert docs[0] == seed
        assert set(docs) <= a or set(docs) <= b, f"story {seed} straddles the halves"


EARLIER = [(s, e) for s in SETS for e in s.earlier]


@pytest.mark.parametrize(("s", "earlier"), EARLIER, ids=_case_id)
def test_corpus_shares_no_article_with_an_earlier_real_news_corpus(s: Halves, earlier: str) -> None:
    theirs = {p.name for p in (EVALS / earlier / "corpus").glob("*.txt")}
    assert theirs
    assert not {p.name for p in s.corpus.glob("*.txt")} & theirs


@pytest.mark.skipif(not (POLNEAR / "metadata.tsv").is_file(), reason="needs the shared PolNeAR copy")
@pytest.mark.parametrize("s", SETS, ids=_id)
def test_builder_rule_reproduces_the_corpus_and_split(s: Halves, tmp_path: Path) -> None:
    out = subprocess.run(
        [sys.executable, str(BUILDER), "--polnear", str(POLNEAR), "--out", str(tmp_path), *s.builder_args],
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    assert "a:" in out.stdout and "b:" in out.stdout
    assert (tmp_path / "split.json").read_bytes() == (s.dir / "split.json").read_bytes()
    built = sorted(p.name for p in (tmp_path / "corpus").iterdir())
    assert built == sorted(p.name for p in s.corpus.iterdir())
    for name in built:
        assert (tmp_path / "corpus" / name).read_bytes() == (s.corpus / name).read_bytes(), name


@pytest.mark.parametrize(("s", "half"), BOTH, ids=_case_id)
def test_half_parses_as_gold_with_ids_naming_it(s: Halves, half: str) -> None:
    gold = load_gold(s.dir / f"{half}.jsonl")
    assert len(gold) == len(items(s, half))
    assert {g.kind for g in gold} <= KINDS
    ids = [str(it["id"]) for it in items(s, half)]
    _assert_ids(ids, rf"{s.prefix}-{half}-\d{{3}}")


@pytest.mark.parametrize(("s", "half"), BOTH, ids=_case_id)
def test_sources_are_corpus_articles_of_their_half(s: Halves, half: str) -> None:
    mine = set(split(s)[half])
    for it in items(s, half):
        for src in it["sources"]:
            assert src in texts(s), f"{it['id']}: {src} is not in the corpus"
            assert src in mine, f"{it['id']}: {src} is not a half-{half} article"


@pytest.mark.parametrize(("s", "half"), BOTH, ids=_case_id)
def test_gold_strings_occur_in_cited_articles(s: Halves, half: str) -> None:
    for it in items(s, half):
        assert_gold_strings(it, texts(s))


@pytest.mark.parametrize(("s", "half"), BOTH, ids=_case_id)
def test_questions_do_not_copy_seven_words(s: Halves, half: str) -> None:
    assert_no_copy(items(s, half), texts(s))


@pytest.mark.parametrize("s", SETS, ids=_id)
def test_mix_is_like_the_tuning_set(s: Halves) -> None:
    every = [it for half in HALF for it in items(s, half)]
    kinds = Counter(str(it["kind"]) for it in every)
    assert len(every) >= s.min_questions
    assert set(kinds) == KINDS
    assert 0.15 <= kinds["unanswerable"] / len(every) <= 0.3
    assert kinds["multi_doc"] >= s.min_multi_doc and kinds["corroborated"] >= s.min_corroborated
    assert len({src for it in every for src in it["sources"]}) >= s.min_cited
    for half in HALF:
        assert items(s, half), half
        assert len(items(s, half)) >= s.min_per_half, half
        if s.every_kind_in_each_half:
            assert {str(it["kind"]) for it in items(s, half)} == KINDS, half


# Multi-part questions in the held-out writer's style (evals/<set>/multipart_<half>.jsonl, ids
# mp-<t|f><half>-NNN): two or three asks in one question, each answered by a different article
# where the set's stories or shared people allow (kind multi_doc), or one statement carried by
# several outlets (kind corroborated, every carrying article cited). A multi_doc question may draw
# both parts from one article for at most a third of a file's multi_doc questions.
MULTIPART_KINDS = {"multi_doc", "corroborated"}


def multipart(s: Halves, half: str) -> Path:
    return s.dir / f"multipart_{half}.jsonl"


def multipart_items(s: Halves, half: str) -> list[dict[str, Any]]:
    lines = multipart(s, half).read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


@pytest.mark.parametrize(("s", "half"), MP_BOTH, ids=_case_id)
def test_multipart_parses_as_gold_with_ids_naming_its_half(s: Halves, half: str) -> None:
    gold = load_gold(multipart(s, half))
    its = multipart_items(s, half)
    assert len(gold) == len(its) >= 15
    assert {g.kind for g in gold} == MULTIPART_KINDS
    assert all(g.answerable for g in gold)
    ids = [str(it["id"]) for it in its]
    _assert_ids(ids, rf"mp-{s.prefix[1]}{half}-\d{{3}}")


@pytest.mark.parametrize(("s", "half"), MP_BOTH, ids=_case_id)
def test_multipart_cites_only_its_half(s: Halves, half: str) -> None:
    mine = set(split(s)[half])
    for it in multipart_items(s, half):
        assert it["sources"], it["id"]
        for src in it["sources"]:
            assert src in mine, f"{it['id']}: {src} is not a half-{half} article"


@pytest.mark.parametrize(("s", "half"), MP_BOTH, ids=_case_id)
def test_multipart_facts_are_verbatim_in_cited_articles(s: Halves, half: str) -> None:
    """Corroborated facts are in every cited article; each multi_doc part is in some cited article
    and, with several sources, each source answers a part. Two parts from one article are
    checked as one-source questions (the multi_doc rule of the other sets wants two sources)."""
    one_source = 0
    multi_doc = 0
    for it in multipart_items(s, half):
        if it["kind"] == "multi_doc":
            multi_doc += 1
            assert len(it["facts"]) >= 2, f"{it['id']}: a multi-part question has a fact per part"
            if len(it["sources"]) == 1:
                one_source += 1
                it = dict(it, kind="what_said")
        assert_gold_strings(it, texts(s))
    assert one_source * 3 <= multi_doc, f"{one_source} of {multi_doc} multi_doc questions use one article"


@pytest.mark.parametrize(("s", "half"), MP_BOTH, ids=_case_id)
def test_multipart_questions_do_not_copy_seven_words(s: Halves, half: str) -> None:
    assert_no_copy(multipart_items(s, half), texts(s))


def test_multipart_mix() -> None:
    """At least 70 questions, 30 on the a halves and 30 on the b halves, about a fifth corroborated."""
    per_half = {half: [it for s in SETS if s.multipart for it in multipart_items(s, half)] for half in HALF}
    assert len(per_half["a"]) >= 30 and len(per_half["b"]) >= 30
    every = per_half["a"] + per_half["b"]
    assert len(every) >= 70
    kinds = Counter(str(it["kind"]) for it in every)
    assert 0.1 <= kinds["corroborated"] / len(every) <= 0.3
    assert all(len(it["sources"]) >= 2 for it in every if it["kind"] == "corroborated")


@dataclass(frozen=True)
class NearMisses:
    """One hand-written near-miss file: its set, half, id prefix and its mix's floors."""

    s: Halves
    half: str
    prefix: str
    min_unanswerable: int
    min_answerable: int

    @property
    def path(self) -> Path:
        return self.s.dir / f"nearmiss_{self.half}.jsonl"

    def items(self) -> list[dict[str, Any]]:
        lines = self.path.read_text(encoding="utf-8").splitlines()
        return [json.loads(line) for line in lines if line.strip()]


NEARMISS = [
    NearMisses(SETS[0], "a", "nm-ra", 70, 40),
    NearMisses(SETS[1], "a", "nm-fa", 35, 20),
    NearMisses(SETS[1], "b", "nm-fb", 35, 20),
]
NEARMISS_FORMS = set("figure date name qualifier unaddressed group reason outcome offtopic".split())


def _nm_id(n: NearMisses) -> str:
    return f"{n.s.folder}-{n.half}"


@pytest.mark.parametrize("n", NEARMISS, ids=_nm_id)
def test_nearmiss_set_parses_as_gold_with_its_own_ids(n: NearMisses) -> None:
    gold = load_gold(n.path)
    its = n.items()
    assert len(gold) == len(its)
    assert {g.kind for g in gold} <= KINDS
    ids = [str(it["id"]) for it in its]
    _assert_ids(ids, rf"{n.prefix}-\d{{3}}")
    assert all(it["form"] in NEARMISS_FORMS for it in its)


@pytest.mark.parametrize("n", NEARMISS, ids=_nm_id)
def test_nearmiss_set_mixes_near_misses_and_answerable_twins(n: NearMisses) -> None:
    its = n.items()
    unanswerable = [it for it in its if not it["answerable"]]
    answerable = [it for it in its if it["answerable"]]
    assert len(unanswerable) >= n.min_unanswerable and len(answerable) >= n.min_answerable
    assert {str(it["kind"]) for it in answerable} == {"who_said", "what_said", "when"}
    forms = Counter(str(it["form"]) for it in unanswerable)
    assert set(forms) == NEARMISS_FORMS
    assert max(forms.values()) <= 0.25 * len(unanswerable), forms  # the forms vary, none dominates


@pytest.mark.parametrize("n", NEARMISS, ids=_nm_id)
def test_nearmiss_set_cites_only_its_own_half(n: NearMisses) -> None:
    own = set(split(n.s)[n.half])
    cited = {src for it in n.items() for src in it["sources"]}
    assert cited, n.path.name
    assert cited <= own, f"{n.path.name} cites {sorted(cited - own)}"


@pytest.mark.parametrize("n", NEARMISS, ids=_nm_id)
def test_nearmiss_gold_strings_occur_in_cited_articles(n: NearMisses) -> None:
    for it in n.items():
        assert_gold_strings(it, texts(n.s))


@pytest.mark.parametrize("n", NEARMISS, ids=_nm_id)
def test_nearmiss_questions_do_not_copy_seven_words(n: NearMisses) -> None:
    assert_no_copy(n.items(), texts(n.s))
