from hypothesis import given, settings
from hypothesis import strategies as st

from assistant.nlp.text import find_verbatim, normalise, paragraphs, split_sentences, unpossessive


def test_normalise_follows_eval_spec() -> None:
    assert normalise("  “Red  Flag”\u2014it’s  ‘here’ ") == "\"red flag\"-it's 'here'"
    assert normalise("a\u2212b \u2010 c\u2011d") == "a-b - c-d"


def test_find_verbatim_maps_back_to_source_offsets() -> None:
    text = "He said the deal is a “red   flag” for workers."
    span = find_verbatim('"red flag"', text)
    assert span is not None
    assert text[span.start : span.end] == "“red   flag”"
    assert find_verbatim("blue flag", text) is None


def test_find_verbatim_prefers_the_occurrence_written_with_the_same_case() -> None:
    text = "Mayor Calls Plan ‘A Mistake’\n\nThe mayor called the plan a “mistake” on Monday."
    span = find_verbatim("mistake", text)
    assert span is not None and text[span.start : span.end] == "mistake"
    assert span.start > text.index("\n")
    headline = find_verbatim("Mistake", text)
    assert headline is not None and headline.start < text.index("\n")
    upper = find_verbatim("MISTAKE", text)  # no cased copy: the first occurrence
    assert upper == headline


def test_find_verbatim_matches_a_decomposed_accent_as_the_normalised_text_does() -> None:
    # "ã" and "é" written as a base letter and a combining mark (U+0303, U+0301): the article
    # text as stored; the quotation as an answer gives it, composed.
    text = "Minister Joa\u0303o Re\u0301gis said the deal \u201cwas a mistake.\u201d Then he left."
    span = find_verbatim('João Régis said the deal "was a mistake."', text)
    assert span is not None
    assert text[span.start : span.end] == "Joa\u0303o Re\u0301gis said the deal \u201cwas a mistake.\u201d"
    end = find_verbatim("Minister Jo\u00e3", text)  # a match that ends on a decomposed letter
    assert end is not None and text[end.start : end.end] == "Minister Joa\u0303"
    assert normalise(text[span.start : span.end]) == normalise('João Régis said the deal "was a mistake."')
    # a lower-case needle, and a needle itself decomposed
    hay = 'Se\u00f1or Pen\u0303a spoke first. "See you man\u0303ana," Pen\u0303a said.'
    sp = find_verbatim("see you mañana", hay)
    assert sp is not None and hay[sp.start : sp.end] == "See you man\u0303ana"
    sp = find_verbatim("Pen\u0303a said.", hay)
    assert sp is not None and hay[sp.start : sp.end] == "Pen\u0303a said."


@given(
    st.text(
        alphabet=st.sampled_from(["a", "e", " ", "\u0303", "\u0301", "\u00e3", "\u2019", "-"]), max_size=30
    )
)
@settings(max_examples=200, deadline=None)
def test_the_offset_map_normalises_as_normalise_does(text: str) -> None:
    from assistant.nlp.text import normalise_with_map

    assert normalise_with_map(text)[0] == normalise(text)


def test_sentences_have_exact_offsets_and_keep_closing_quotes() -> None:
    text = "Intro line\n“It is done,” she said. Mr. Smith left at 5 p.m. on Oct. 7.\n\nNext."
    spans = [text[s:e] for p in paragraphs(text) for s, e in split_sentences(text, *p)]
    assert spans == ["Intro line", "“It is done,” she said.", "Mr. Smith left at 5 p.m. on Oct. 7.", "Next."]


def test_hard_wrapped_text_is_joined_into_paragraph_blocks() -> None:
    body = "\n".join(["this is a wrapped line of prose that keeps going and"] * 4)
    text = f"{body}\n\n{body}\n"
    assert len(paragraphs(text)) == 2


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=["Cs"]), max_size=400))
def test_sentence_spans_are_ordered_substrings(text: str) -> None:
    last = 0
    for ps, pe in paragraphs(text):
        for s, e in split_sentences(text, ps, pe):
            assert ps <= s < e <= pe and s >= last
            assert text[s:e] == text[s:e].strip()
            last = e


def test_a_sentence_cut_after_a_state_abbreviation_is_joined_again() -> None:
    text = (
        "Senator Ann Holt, D-Va., called the plan “a gift.” Holt, R-Ky., said so on Tuesday. Then she left."
    )
    spans = [text[s:e] for s, e in split_sentences(text, 0, len(text))]
    assert spans == [
        "Senator Ann Holt, D-Va., called the plan “a gift.”",
        "Holt, R-Ky., said so on Tuesday.",
        "Then she left.",
    ]


def test_a_sentence_cut_after_an_abbreviation_glued_to_a_hyphen_or_mark_is_joined_again() -> None:
    # pysbd reads "Sen." and "Mr." as abbreviations only after white space
    def cut(text: str) -> list[str]:
        return [text[s:e] for s, e in split_sentences(text)]

    assert cut("In 2008 she lost to then-Sen. Dana Quill of Ohio. Then she left.") == [
        "In 2008 she lost to then-Sen. Dana Quill of Ohio.",
        "Then she left.",
    ]
    assert cut("''Mr. Roe gave his all,'' she said. He nodded.") == [
        "''Mr. Roe gave his all,'' she said.",
        "He nodded.",
    ]
    assert cut("He ran as an outsider-vs.-insider candidate. It worked.") == [
        "He ran as an outsider-vs.-insider candidate.",
        "It worked.",
    ]
    # an all-capital word before the stop is no title: the sentence ends there
    assert cut("The show aired at 10 -EST. Then it ended.") == [
        "The show aired at 10 -EST.",
        "Then it ended.",
    ]


def test_an_initialism_joined_by_an_ampersand_stays_in_its_sentence() -> None:
    # pysbd cuts "S.&P." into "S." and "&P." and ends the sentence after it
    text = "The S.&P. 500 closed the week down. Shares of A.&P. fell. It sold to A.&P. The chain said no."
    assert [text[s:e] for s, e in split_sentences(text)] == [
        "The S.&P. 500 closed the week down.",
        "Shares of A.&P. fell.",
        "It sold to A.&P.",
        "The chain said no.",
    ]


def test_a_closing_mark_cut_off_a_quotation_goes_back_to_it() -> None:
    # pysbd cuts before the mark: "…a crook?" + "“ he asked." and "…a year." + "“ [Daily Post]"
    text = "Dee Park was stunned. “Do you want to be seen with a crook?“ he asked. She left."
    spans = [text[s:e] for s, e in split_sentences(text)]
    assert spans == ["Dee Park was stunned.", "“Do you want to be seen with a crook?“ he asked.", "She left."]
    text = "He said: “It will save families an estimated $10 million a year.“ [Daily Post]"
    spans = [text[s:e] for s, e in split_sentences(text)]
    assert spans == ["He said: “It will save families an estimated $10 million a year.“", "[Daily Post]"]


def test_an_opening_mark_after_a_closed_quotation_stays_with_its_sentence() -> None:
    # the sentence before closes its own quotation: the stray-spaced mark opens the next one
    text = "“It was fine,” Ruiz said. “ You know, it was.” Then he left."
    spans = [text[s:e] for s, e in split_sentences(text)]
    assert spans == ["“It was fine,” Ruiz said.", "“ You know, it was.”", "Then he left."]


def test_one_possessive_stripper_for_straight_and_curly_marks() -> None:
    assert [unpossessive(w) for w in ("Roe's", "Roe’s", "Reyes'", "Reyes’", "Roe", "Ross", "'s")] == [
        "Roe",
        "Roe",
        "Reyes",
        "Reyes",
        "Roe",
        "Ross",
        "",
    ]
    assert unpossessive("O'Neill") == "O'Neill" and unpossessive("the state's") == "the state"


def test_the_answer_step_strips_a_plural_possessive_like_a_singular_one() -> None:
    """Every possessive stripper is :func:`unpossessive`: "Reyes'" is Reyes, as "Roe's" is Roe."""
    from assistant.answer import asked
    from assistant.answer.backends.extractive import checks, corroborate
    from assistant.answer.verify import name_tokens

    assert asked.entity_key("Carlos Reyes'", "PERSON") == asked.entity_key("Carlos Reyes", "PERSON") == "reyes"
    assert name_tokens("Carlos Reyes’") == ["carlos", "reyes"]
    assert corroborate._place_noun("state'") and corroborate._place_noun("state’s")
    assert checks._bare("Reyes'") == "reyes" and checks._bare("U.S.") == "u.s"
    assert corroborate._same_name("Carlos Reyes's", "Reyes'")


def test_a_speaker_asked_by_role_and_name_keeps_the_names_final_s() -> None:
    """``resolve_speaker``'s fallback matches the asked words in a speaker's names and roles;
    a possessive is stripped from them, a name's own final "s" is not ("Ross" is no "ro",
    which "Roe" holds)."""
    from assistant.nlp.questions import asked_speaker, resolve_speaker
    from assistant.quotes import extract_quotes
    from assistant.quotes.ledger import build_ledger

    text = "Harbor News\n\n“We will rebuild the pier by spring,” Governor Ana Roe said on Monday.\n"
    ledger = build_ledger(extract_quotes("a", text))

    def resolved(question: str) -> str | None:
        asked = asked_speaker(question)
        assert asked is not None and asked.named
        speaker = resolve_speaker(asked, ledger)
        return speaker.name if speaker is not None else None

    assert resolved("What did Governor Ross say about the pier?") is None
    assert resolved("What did Governor Roe’s say about the pier?") == "Ana Roe"
    assert resolved("What did the Governor say about the pier?") == "Ana Roe"


def test_a_speaker_set_apart_by_an_apposition_is_the_name() -> None:
    """ "What did Ana Roe, the governor's deputy, say ...?" asks Ana Roe's words: the apposition
    between commas is no part of the speaker phrase (it made the phrase too long to be one)."""
    from assistant.nlp.questions import asked_speaker

    got = asked_speaker("What did Ana Roe, Governor Lee's deputy on the harbor board, say about the pier?")
    assert got is not None and got.phrase == "Ana Roe" and got.named
    mayor = asked_speaker("What did the mayor, a Democrat, say about the pier?")
    assert mayor is not None and mayor.phrase == "mayor" and not mayor.named


def test_a_quotation_ending_with_no_mark_of_its_own_goes_on_into_its_sentence() -> None:
    # pysbd cuts after the closing mark; the quoted words stop without a full stop or comma
    text = (
        '"We have to be clear," Ruiz added. "She sat in the room time after time, including on '
        'whether or not to go after" Pablo Reyes. Then he left.'
    )
    spans = [text[s:e] for s, e in split_sentences(text)]
    assert spans[-2].endswith('go after" Pablo Reyes.'), spans
    assert spans[-1] == "Then he left."
