"""Markup tags a scraped article keeps in its text (an embedded tweet) stand outside its
sentences: the tweet's words are a sentence, the tags' attributes are none (round 30)."""

from __future__ import annotations

from pathlib import Path

from assistant.nlp.text import split_sentences

ARTICLE = (
    "Rubio finished third in Iowa.\n\n"
    '<tweet pic="" author="someone" timestamp="1454346000" tweet_id="694285415839330306">'
    "Rubio wants a $4 trillion tax cut, a war with Iran and a balanced budget.</tweet>.\n\n"
    '<tweet tweet-id="783499116076687360"><tweet/>.\n\n'
    'She said "the <b> key" was fine.\n'
)


def test_an_embedded_tweet_is_its_words_without_the_tags() -> None:
    got = [ARTICLE[s:e] for s, e in split_sentences(ARTICLE)]
    assert got == [
        "Rubio finished third in Iowa.",
        "Rubio wants a $4 trillion tax cut, a war with Iran and a balanced budget.",
        'She said "the <b> key" was fine.',  # a tag inside a sentence is its text
    ]


def test_the_asked_figure_in_a_tweet_is_answered_verbatim(tmp_path: Path) -> None:
    from assistant.service import Assistant

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "iowa.txt").write_text("Rubio's third place\n\n" + ARTICLE, encoding="utf-8")
    a = Assistant(index_dir=tmp_path / "ix", backend="extractive")
    a.index([corpus])
    answer = a.ask("How big is the tax cut in the tweet about a war with Iran?")
    assert not answer.abstained, answer.answer
    assert "$4 trillion" in answer.answer and "<tweet" not in answer.answer
