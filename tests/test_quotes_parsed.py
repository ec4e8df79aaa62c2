"""Direct quotes attributed on spaCy's parse (assistant.quotes.parsed): the plain patterns
of news that the rules missed, speaker lines, colons, pronouns, and the offsets contract.
Names are invented; the patterns are general English news."""

from __future__ import annotations

import re

import pytest

from assistant.nlp.parse import parse_one
from assistant.quotes import extract_quotes
from assistant.types import Quote


def _quotes(text: str) -> list[Quote]:
    quotes = extract_quotes("d", text, doc=parse_one(text))
    for q in quotes:
        assert text[q.start : q.end] == q.quote
    return quotes


def _speaker_of(text: str, words: str) -> str | None:
    q = next(q for q in _quotes(text) if words in q.quote)
    return q.speaker


@pytest.mark.parametrize(
    ("text", "words", "speaker"),
    [
        (
            "Jane Roe runs the state budget office.\n\n“We will not cut school funding this year,” Ms. Roe said.",
            "school funding",
            "Jane Roe",
        ),
        (
            "Senator John E. Doe, Republican of Iowa, said “the farm bill is dead for this session.”",
            "farm bill",
            "John E. Doe",
        ),
        (
            "Maria Roe said in a statement supplied to the press: “The board acted within its powers and "
            "will keep doing so.”",
            "board acted",
            "Maria Roe",
        ),
        (
            "Paul Doe, the state’s attorney general, made clear the ramifications: “Anyone who breaks "
            "this law will be prosecuted.”",
            "breaks this law",
            "Paul Doe",
        ),
        (
            "Ann Quill, a professor of economics at a state university, said: “Tariffs of this size "
            "raise prices for everyone.”",
            "Tariffs of this size",
            "Ann Quill",
        ),
        (
            "The mayor defended the plan on Tuesday.\n\nSTATE ATTORNEY GENERAL JANE ROE, IN A STATEMENT:\n\n"
            "“This settlement returns every dollar to the families who were harmed.”",
            "returns every dollar",
            "Jane Roe",
        ),
        (
            "Governor Tom Brandt spoke for an hour in Des Moines.\n\n“We are going to win this state by a "
            "lot,” he said to loud applause.",
            "win this state",
            "Tom Brandt",
        ),
        (
            "Governor Tom Brandt says the tax plan is “a gift to the middle class” and will pass.",
            "gift to the middle class",
            "Tom Brandt",
        ),
        # round 4 and 5: general patterns found on PolNeAR train misses (sentences invented)
        (  # two subjects on an inverted cue: the one right after the cue speaks
            'The closure of the mill marks "the end of an era" for the valley, said Tom Quill, '
            "mayor of the town of Brookfield.",
            "end of an era",
            "Tom Quill",
        ),
        (  # a named person right before a cue the parser left without a subject (party tag)
            "Tuesday at the state party dinner Sen. Mary Quill (D-Ohio) said the governor was a "
            "“proven failure” on roads.",
            "proven failure",
            "Mary Quill",
        ),
        (  # "As X put it, “…”"
            "The vote was close.\n\nAs the analyst Tom Varga put it, “Nobody in this chamber wanted to be "
            "the deciding vote on a tax.”",
            "deciding vote",
            "Tom Varga",
        ),
        (  # the possessor of a speech noun speaks
            "Aides sent Jane Birch the figures on Monday. Birch’s response was: “Why are these numbers so "
            "late again?”",
            "numbers so late",
            "Jane Birch",
        ),
        (  # a person, an appositive set off by commas, then the cue the parser left subjectless
            "The bill passed late on Tuesday.\n\n“Yes, I back Tom Quill,” Jane Birch III, founder of the "
            "Valley Research Council, tells Farm News in an exclusive interview.",
            "back Tom Quill",
            "Jane Birch III",
        ),
        (  # "…, says NAME, a consultant": a person right after a finite cue with no subject
            'Turnout was low.\n\n"Campaigns are short of money. Super PACs have the money. They have no '
            'choice" but to take the lead in ads, says Paul Quill, a consultant with Pine Media in Dayton, '
            "Ohio.\n\nThat outside help comes at a price for the campaigns.",
            "short of money",
            "Paul Quill",
        ),
        (  # two subjects on the cue (role noun and name): the one person speaks; no-break spaces
            "The plane left Cairo at noon.\xa0“We spoke to him just before he boarded, and he was happy,”"
            "\xa0his nephew\xa0Omar el Haddad added.",
            "boarded",
            "Omar el Haddad",
        ),
        (  # a lower-case word after a quote ending in "?" goes on with the sentence
            'The debate ran long.\n\nThe mayor “offers nothing new on roads. Does that help?" former '
            "council aide Ruth Delgado asked on Twitter.",
            "nothing new",
            "Ruth Delgado",
        ),
        (  # a quote opening its sentence goes on with the main cue before, not a subordinate one
            "The contracts are binding, the company argued.\n\n“They cannot be ended at will,” county "
            "spokesman Tom Reyes told the Gazette in May, after Mayor Ann Birch stated an interest in "
            "ending them. “These contracts stand.”",
            "contracts stand",
            "Tom Reyes",
        ),
        (  # a label after a headline in capitals, a no-break space after the colon
            "Sales were flat.\n\nHIGHER RATES SLOW SALES IN OTHER STATES - Karen Voss:\xa0“Sales fell in "
            "every region we track this spring.”",
            "every region",
            "Karen Voss",
        ),
        (  # "Continued NAME:" after a paragraph break
            "Voting ended at eight.\n\n“We won the night,” Tom Varga said.\n\nContinued Tom Varga: “Now the "
            "real work begins.”",
            "real work",
            "Tom Varga",
        ),
    ],
)
def test_speaker_on_the_parse(text: str, words: str, speaker: str) -> None:
    assert _speaker_of(text, words) == speaker


@pytest.mark.parametrize(
    ("text", "words", "speaker"),
    [
        (
            "“The early states matter, but they award only 4 percent of the delegates,” campaign manager Rob Quill said.",
            "early states",
            "Rob Quill",
        ),
        (
            "Rep. Jane Doe opened the hearing on Monday.\n\n“If anyone wonders why the inquiry is not complete, this report is Exhibit A,” added Doe.",
            "Exhibit A",
            "Jane Doe",
        ),
        (
            "Jim Quill and Sandy Roe stood in line.\n\n“They are all here because he is promising them free stuff,” Quill shot back with a laugh.",
            "free stuff",
            "Jim Quill",
        ),
        (
            "Jane Roe said the plan “caused real harm to families.” Paul Doe called Roe a “pathological liar.”",
            "caused real harm",
            "Jane Roe",
        ),
        (
            "Tim Quill has adopted the stance common among many voters in public office: “I am against it in my personal life, but support it in my public life.”",
            "personal life",
            "Tim Quill",
        ),
        (
            "Ann Roe touted her credentials as an original sponsor of the bill. “We need to find ways to support workers who want a union in their workplace.”",
            "support workers",
            "Ann Roe",
        ),
        (
            "Howard Quill continued his scathing remarks about the senator.\n\n“Eight years ago she was the presumed nominee, and a fellow came along and beat her.”",
            "Eight years ago",
            "Howard Quill",
        ),
        (
            "“If they were serious about this, they would have gone to the only bill with support from both parties,” Pat Quill fumed on Tuesday.",
            "only bill",
            "Pat Quill",
        ),
        (
            "Jane Roe is a longtime adviser to the governor.\n\n“We have a ton of work to do before the vote,” said a longtime adviser to the mayor.",
            "ton of work",
            None,
        ),
        (
            "Jane Roe issued a statement saying the remark “has absolutely no place in American democracy.”",
            "no place",
            "Jane Roe",
        ),
        (
            "Paul Doe told a radio host that Ann Roe “had a crazy policy which was maniacal,” adding, “She lost all of the votes of the young people.”",
            "crazy policy",
            "Paul Doe",
        ),
        (
            "Paul Doe told a radio host that Ann Roe “had a crazy policy which was maniacal,” adding, “She lost all of the votes of the young people.”",
            "She lost",
            "Paul Doe",
        ),
        (
            "The debate turned to banks.\n\n“I will look into it. I do not know the status, but I will certainly look into it.”\n\n- Hillary Roe.",
            "look into it",
            "Hillary Roe",
        ),
    ],
    ids=[
        "quoted-subject-hung-on-the-cue",
        "inverted-speaker-read-as-object",
        "retort-shot-back",
        "next-sentence-cue-has-its-own-words",
        "colon-after-the-main-verb",
        "narration-then-quote-sentence",
        "narration-paragraph-then-quote-paragraph",
        "framing-verb-not-a-speech-verb",
        "indefinite-description-is-someone-new",
        "statement-saying",
        "adding-hung-on-the-quote",
        "adding-second-quote",
        "signed-on-the-next-line",
    ],
)
def test_news_constructions_on_the_parse(text: str, words: str, speaker: str | None) -> None:
    """General constructions of English news found by error analysis on PolNeAR train
    (names invented)."""
    assert _speaker_of(text, words) == speaker


def test_colon_paragraph_introduces_the_next_quote_paragraph() -> None:
    text = (
        "Lena Ortiz answered the critics in a long post on Sunday:\n\n"
        "“Nobody on this council has ever taken a dollar from a developer, and nobody will.”"
    )
    assert _speaker_of(text, "Nobody on this council") == "Lena Ortiz"


def test_no_cue_no_speaker() -> None:
    text = "The crowd chanted for an hour.\n\n“Four more years, four more years, four more years!”"
    assert _speaker_of(text, "Four more years") is None


def test_headline_dateline_is_not_a_speaker() -> None:
    text = "LONDON (Reuters) - Ana Ruiz said the deal was “a very good one for both sides.”"
    assert _speaker_of(text, "very good one") == "Ana Ruiz"


def test_a_proper_name_compounded_onto_another_is_kept_whole() -> None:
    """ "The New Hampshire Union Leader said": the parser hangs "New" on "Hampshire", which
    hangs on "Leader"; the speaker is the whole name, not "Hampshire Union Leader"."""
    text = (
        "Yet news coverage was merciless: The New Hampshire Union Leader said Mr. Roe had been "
        "''rocked'' by Mr. Doe."
    )
    q = next(q for q in _quotes(text) if "rocked" in q.quote)
    assert q.speaker == "New Hampshire Union Leader", q.speaker


def test_a_dash_dateline_is_not_the_speaker_of_a_clause_after_it() -> None:
    """ "WASHINGTON — Sen. Roe ... downplayed X — something that ... — and said it is ...": the
    coordinated "said" goes back to the sentence's subject, past the dateline's place."""
    text = (
        "Roe Compares The Two.\n\nNORVALE — Sen. Dana Roe (R-Iowa) on Wednesday downplayed the "
        "mayor\u2019s attack on a judge \u2014 something that\u2019s thrown the council into chaos all "
        "week \u2014 and said it\u2019s basically the same thing as the judge\u2019s own remark."
    )
    q = next(q for q in _quotes(text) if "basically the same" in q.quote)
    assert q.speaker is not None and "Roe" in q.speaker and "NORVALE" not in q.speaker


def test_reported_speech_speaker_from_the_parse() -> None:
    text = "Donald Pike leads the party.\n\nPike says on his website that the vote was rigged from the start."
    q = next(q for q in _quotes(text) if q.kind == "indirect")
    assert q.speaker == "Donald Pike" and "vote was rigged" in q.quote


def test_parse_must_be_of_the_same_text() -> None:
    with pytest.raises(ValueError, match="another text"):
        extract_quotes("d", "He said “yes.”", doc=parse_one("She said “no.”"))


def test_empty_clause_before_a_cue_does_not_crash_the_rules() -> None:
    from assistant.quotes.attribution import subject_at_start

    assert subject_at_start("") is None and subject_at_start("   ") is None


@pytest.mark.parametrize(
    ("text", "words", "speaker"),
    [
        # a participle after a preposition speaks for the main clause's subject
        (
            "Maria Gonzalez, a supporter during the primary, drew boos upon saying, “The party heard "
            "the passion of the people.”",
            "passion of the people",
            "Maria Gonzalez",
        ),
        # a speaker label with a party tag before the colon (transcripts, hearings)
        (
            "The debate was tense.\n\nRep. Paul Quill (R-Ohio): “I have not heard anyone other than you "
            "ever cite that number.”",
            "cite that number",
            "Paul Quill",
        ),
        # an inverted speech verb opening the label: the verb is not part of the name
        (
            "The team lost the final.\n\nAdded Maria Gonzalez: “We will be back next year with a bigger "
            "team.”",
            "bigger team",
            "Maria Gonzalez",
        ),
        # a participle clause after a leading adverbial: the clause's subject, not the first word
        (
            "Jane Quill ran for governor in 2010. Early in her campaign, Quill attacked Ben Roe, calling "
            "him, among other things, “a fake and a fraud.”",
            "a fake and a fraud",
            "Jane Quill",
        ),
        # a role noun as subject with the person's name in apposition: the name speaks
        (
            'The crowd cheered.\n\n"He\'s obviously struggling with this, and it shows," said former '
            "Vermont governor Howard Dean (D), a Smith supporter.",
            "obviously struggling",
            "Howard Dean",
        ),
        # the one person next to a cue right after a quote, whatever the parser attached
        (
            'She had not.\n\n"I\'m not going to say it is a mistake, so forget about it," said retired '
            "neurosurgeon Ben Carson, asked about his claims that he had received a scholarship.",
            "forget about it",
            "Ben Carson",
        ),
        (
            "He spoke.\n\n\"Just saw the tweet. I'm impressed by his ability to insult every kind of "
            'human being," screenwriter Cole Haddon wrote on Twitter.',
            "insult every kind",
            "Cole Haddon",
        ),
    ],
)
def test_more_speaker_patterns_on_the_parse(text: str, words: str, speaker: str) -> None:
    assert _speaker_of(text, words) == speaker


def test_a_sentence_opening_participle_is_not_a_speaker() -> None:
    text = (
        "Acknowledging that Quill “says a lot of silly things,” though, Maria Gonzalez did suggest "
        "that the mogul could win."
    )
    speakers = {q.speaker for q in _quotes(text)}
    assert "Acknowledging" not in speakers
    assert speakers == {"Maria Gonzalez"}


def test_an_outlet_that_relays_a_quote_is_not_its_speaker() -> None:
    text = (
        "The senator was angry. “I ask you as a personal courtesy to me not to protest,” Robert Quill "
        "said, according to CNN. “It is of utmost importance.”"
    )
    assert {q.speaker for q in _quotes(text) if q.kind == "direct"} == {"Robert Quill"}


def test_a_party_adjective_opening_the_subject_is_not_the_speaker() -> None:
    text = (
        "Democratic front-runner Mary Smith, also campaigning in Wisconsin, said Quill is ultimately "
        'responsible for the "violent behavior" of his crowds.'
    )
    q = next(q for q in _quotes(text) if q.kind == "indirect")
    assert q.speaker == "Mary Smith"


@pytest.mark.parametrize(
    ("text", "clause", "speaker"),
    [
        (
            "Maria Gonzalez runs the city budget. She told colleagues on Monday the cuts would hurt schools.",
            "the cuts would hurt schools",
            "Maria Gonzalez",
        ),
        (
            "Maria Gonzalez spoke to the council. The new budget would close three schools next year, "
            "she said on Monday.",
            "The new budget would close three schools next year",
            "Maria Gonzalez",
        ),
    ],
)
def test_reported_speech_from_the_parse(text: str, clause: str, speaker: str) -> None:
    q = next(q for q in _quotes(text) if q.kind == "indirect")
    assert (q.quote, q.speaker) == (clause, speaker)


def test_no_reported_speech_for_a_future_or_refused_statement() -> None:
    text = "Maria Gonzalez spoke to the council. She will say on Monday the cuts would hurt schools."
    assert [q for q in _quotes(text) if q.kind == "indirect"] == []


def test_a_person_closing_the_words_before_a_colon_speaks_when_the_clause_names_no_one() -> None:
    text = (
        "The timing of the surge does not surprise pollster Maria Gonzalez: “Historically, "
        "lesser-known candidates gain the most.”"
    )
    assert _speaker_of(text, "lesser-known") == "Maria Gonzalez"


def test_a_person_before_a_colon_is_not_the_speaker_when_the_clause_has_one() -> None:
    text = (
        "Jane Roe is a state senator. The senator criticized Maria Gonzalez: “She has never read "
        "the bill she wants to pass.”"
    )
    assert _speaker_of(text, "never read") != "Maria Gonzalez"


@pytest.mark.parametrize(
    ("text", "words", "speaker"),
    [
        (  # a quote-only paragraph goes on with the previous paragraph's speech verb
            "The council met late on Monday.\n\nIf anything, Tom Birch argued in his letter, the vote "
            "showed why the rules must change.\n\n“Nobody should be able to close a debate that quickly "
            "without a single objection being heard.”",
            "close a debate",
            "Tom Birch",
        ),
        (  # ... or with a reported clause that ends the previous paragraph
            "Jane Varga told the local paper that the first site was not “ready for the crowds.”\n\n"
            "“The sale has now moved to another house, and it will close next week.”",
            "moved to another house",
            "Jane Varga",
        ),
    ],
)
def test_a_quote_paragraph_continues_the_previous_speaker(text: str, words: str, speaker: str) -> None:
    assert _speaker_of(text, words) == speaker


@pytest.mark.parametrize(
    ("text", "words", "speaker"),
    [
        # a signature line: a dash and a name, a title or a place after a comma allowed
        (
            "Taxes went up last year.\n\n“I went to the bank before the crash. I was the one warning "
            "you.”\n\n- Quill.\n\nOthers disagreed.",
            "before the crash",
            "Quill",
        ),
        (
            "The speech ended.\n\n“Great speech. She is ready. She never quits.”\n\n-President Tom Quill, "
            "tweeting after the speech.",
            "never quits",
            "Tom Quill",
        ),
        (
            "Readers wrote in.\n\n“The whole idea is something we hear about all the time.”\n\n-Maria "
            "Delgado, Philadelphia.",
            "whole idea",
            "Maria Delgado",
        ),
        # an opening mark keyed where the quote closes ("…here,“ said")
        (
            "The vote is close.\n\n“The reality is, if the mayor loses the vote, that could create "
            "problems for her here,“ said Tom Quill, a council member.",
            "create problems",
            "Tom Quill",
        ),
        # a closing mark keyed where a paragraph's quote opens (after an invisible bidi mark)
        (
            "Many replied.\n\n\u202a”Sorry Sarah, you should have said no, because I know you can!!” "
            "posted Maria Delgado.",
            "Sorry Sarah",
            "Maria Delgado",
        ),
        # the surname Will, which the tagger reads as a modal: a modal takes the bare verb
        (
            "Columnist George Quill Will wrote about the race.\n\n“The war is a reminder of what "
            "matters. This might hasten the end,” Will wrote.",
            "hasten the end",
            "George Quill Will",
        ),
        (
            "Columnist George Quill Will wrote about the race.\n\nLater, Will urged voters to “abandon "
            "the outsiders for good.”",
            "abandon the outsiders",
            "George Quill Will",
        ),
        # narration between two quotes of a paragraph whose subjects are pronouns keeps the speaker
        (
            'The rally was loud.\n\n"You cannot blame the mayor for what her husband did," said Sara '
            "Quill, 44, a home-care aide from Nashua who attended the rally. An immigrant from Uganda who "
            "became a U.S. citizen in 2013, she plans to cast her first ballot for Mayor Jane Birch in the "
            'primary next month and hopes to see her win in the fall. "All she went through and to make '
            'her a victim -- it is not fair."',
            "All she went through",
            "Sara Quill",
        ),
        # a speech verb the parser hung on the reported clause goes on with the verb reporting it
        (
            "Quill said that there is “only one strong conservative in a position to win this race,” "
            "adding that it is why Tom Birch “relentlessly attacks us and ignores the others.”",
            "only one strong conservative",
            "Quill",
        ),
        (
            "Quill said last week that Birch represents “Boston values,” stating during the debate that "
            "they are “socially liberal and focused on money.”",
            "socially liberal",
            "Quill",
        ),
        (
            "Mayor Jane Quill said on Sunday that Birch is ultimately responsible for what happens at his "
            "events and accused him of “inciting violent behavior that I think is very dangerous.”",
            "inciting violent behavior",
            "Jane Quill",
        ),
        # a parenthetical speech verb on the main clause attributes the words quoted in it
        (
            'Vice President Tom Birch, Quill said, had been in the Senate for "a thousand years" and '
            'passed "hundreds of bills."',
            "hundreds of bills",
            "Quill",
        ),
        # an as-clause of speech on the main clause ("As X puts it, …"); the owner the
        # recogniser took into the name is no part of it
        (
            "The mayor hopes obstruction would become untenable. As the Gazette’s Ruth Quill puts it, "
            'Birch is trying to make the council "an offer they cannot afford to refuse."',
            "an offer they cannot",
            "Ruth Quill",
        ),
    ],
)
def test_round6_speaker_patterns(text: str, words: str, speaker: str) -> None:
    assert _speaker_of(text, words) == speaker


def test_a_modal_will_is_no_speaker() -> None:
    text = "Mayor Jane Quill spoke on Monday.\n\nWill voters “take the deal” in the end? Nobody knows."
    assert all(q.speaker != "Will" for q in _quotes(text))


def test_a_new_named_subject_in_the_narration_ends_the_speaker() -> None:
    text = (
        'The rally was loud.\n\n"You cannot blame the mayor for what her husband did," said Sara Quill, 44, '
        "a home-care aide from Nashua. Her neighbor Tom Birch came along for the first time in years and "
        'cheered loudly at every line of the speech tonight. "All she went through -- it is not fair."'
    )
    assert _speaker_of(text, "All she went through") != "Sara Quill"


@pytest.mark.parametrize("parsed", [True, False])
def test_something_said_is_never_a_speaker(parsed: bool) -> None:
    """``In a statement announcing the pick, …``: a statement, a letter or a post is
    nobody (the rules took ``statement`` for the subject of *announcing*); on the parse the
    person named speaks."""
    text = (
        "The Valley Tenants Union left the coalition on Monday.\n\n"
        "In a statement announcing the pick, the union's board said it acted "
        '"because of the conditions created for our members by the landlords."\n\n'
        "In a statement announcing the pick, Jane Quill called the nominee "
        '"a fighter for the people of this valley and beyond."'
    )
    quotes = extract_quotes("d", text, doc=parse_one(text) if parsed else None)
    assert quotes and not any(q.speaker and q.speaker.lower() in ("statement", "a statement") for q in quotes)
    if parsed:
        direct = next(q for q in quotes if q.kind == "direct" and "a fighter" in q.quote)
        assert direct.speaker == "Jane Quill"


def test_a_colon_glued_to_the_quote_leaves_the_name_a_label() -> None:
    """``Former governor Jane Birch:"We …"`` (no space after the colon, as transcripts
    print): the tokenizer splits the colon and the mark from the name, so the label reads."""
    text = (
        "The hearing grew tense in the afternoon.\n\n"
        'Rep. Tom Quill (R-Ohio):"I have not heard anyone other than you cite that figure."\n\n'
        'Former governor Jane Birch:"We learned that from the department and its own review."'
    )
    assert _speaker_of(text, "I have not heard") == "Tom Quill"
    assert _speaker_of(text, "We learned that") == "Jane Birch"


def test_a_quote_with_no_cue_goes_to_the_one_person_its_sentence_names_as_subject() -> None:
    """The discourse fallback (neither the parse nor the rules give a speaker): the one
    person the sentence names outside the marks, as its subject or a possessor."""
    text = (
        "The budget vote is close.\n\n"
        "Mayor Tom Birch supports “fair raises for the crews,” opposes “freezes across the board” "
        "and recalled the long strike of 1998."
    )
    assert _speaker_of(text, "fair raises for the crews") == "Tom Birch"
    # two people named, or the one person only an object: no speaker
    two = (
        "The vote is close.\n\nTom Birch supports “fair raises for the crews and the drivers,” "
        "Jane Quill opposes “freezes across the board for all the crews.”"
    )
    assert _speaker_of(two, "fair raises for the crews") is None
    obj = "The vote is close.\n\nThe crowd cheered for Tom Birch and “a plan that puts the crews first and the budget second.”"
    assert _speaker_of(obj, "a plan that puts") is None


def test_a_quote_signed_on_its_own_line_after_a_dash() -> None:
    """Quote round-ups sign each quote on its line: ``“…” ― Jane Roe`` (the quotation dash),
    ``“…” — Roe, a nurse.``, several signed quotes in one paragraph."""
    text = (
        "Readers wrote in after the debate on Tuesday night.\n\n"
        "“I have never seen a candidate dodge so many questions in one evening.” ― Marta Okafor\n\n"
        "“The moderators lost control of the stage within ten minutes of the start.” — Tom Birchwood, a teacher.\n\n"
        "“We deserve a real discussion about housing costs in this city.” ― Leila Hassan "
        "“Nobody answered the question about the river cleanup at all.” ― Greg Pollard"
    )
    assert _speaker_of(text, "I have never seen") == "Marta Okafor"
    assert _speaker_of(text, "The moderators lost") == "Tom Birchwood"
    assert _speaker_of(text, "We deserve a real") == "Leila Hassan"
    assert _speaker_of(text, "Nobody answered") == "Greg Pollard"


def test_a_dash_and_a_name_after_words_quoted_in_a_sentence_are_a_byline() -> None:
    """``Roe insisted her party was “still the strongest force in the state.”--Jane Doe.``: the
    quote does not stand alone, so the name after the dash signs the story, not the quote."""
    text = (
        "Governor Tom Birchwood spoke on Monday.\n\n"
        "Birchwood insisted that his party was “still the strongest force in the whole state.”--Marta Okafor.\n\n"
        "The vote is next week."
    )
    assert _speaker_of(text, "still the strongest") != "Marta Okafor"


def test_a_statement_issued_before_a_comma_gives_the_quote_to_its_issuer() -> None:
    """``Roe issued a statement, “…”``: the quote is the statement's words; whoever issued
    it speaks."""
    text = (
        "The flood reached the old mill town on Sunday.\n\n"
        "Hours later, Governor Marta Okafor issued a statement, “Our crews will work through the "
        "night until every family on the river road is safe and dry.”"
    )
    assert _speaker_of(text, "Our crews will work") == "Marta Okafor"


# -- quotation marks typed as two apostrophes (archive text) ------------------------------------
def test_typewriter_pairs_are_read_as_double_quotation_marks_with_exact_offsets() -> None:
    """Archive news (the New York Times archive, text set in TeX style) writes a double
    quotation mark as two apostrophes, or two backticks opening: ``''…,'' Roe said``. The
    words between them are a quote whose offsets exclude both characters of each mark."""
    from assistant.quotes.extract import scan_direct

    text = "He left because ''no one can credibly run this office alone,'' and went home."
    (d,) = scan_direct(text, 0, len(text))
    assert text[d.start : d.end] == "no one can credibly run this office alone,"
    assert text[d.mark : d.start] == "''" and text[d.end : d.close] == "''" and d.closed
    text = "``We waited for hours,'' said the driver."
    (d,) = scan_direct(text, 0, len(text))
    assert (text[d.mark : d.start], text[d.start : d.end], text[d.end : d.close]) == (
        "``",
        "We waited for hours,",
        "''",
    )
    # a quote that ends its paragraph unclosed (the next paragraph goes on with it)
    text = "''The first part of a long statement goes on"
    (d,) = scan_direct(text, 0, len(text))
    assert text[d.start : d.end] == "The first part of a long statement goes on" and not d.closed
    # a possessive s' next to a pair, a contraction, and a single quote nested at the end
    text = "The workers' ''fair share'' is what they don't get."
    assert [text[d.start : d.end] for d in scan_direct(text, 0, len(text))] == ["fair share"]
    text = "''I told him, 'Wait for the vote,''' she recalled."
    (d,) = scan_direct(text, 0, len(text))
    assert text[d.start : d.end] == "I told him, 'Wait for the vote,'" and text[d.end : d.close] == "''"
    assert [text[s:e] for s, e in d.nested] == ["Wait for the vote,"]
    # an apostrophe alone stays an apostrophe: no quote in plain text with contractions
    text = "It's the mayor's plan, and the voters' choice, isn't it?"
    assert scan_direct(text, 0, len(text)) == []


def test_the_ledger_gives_a_typewriter_quote_to_its_speaker() -> None:
    text = (
        "Senator Jane Roe spoke to reporters on Tuesday.\n\n"
        "''We will not pass a budget that closes rural hospitals,'' Ms. Roe said. ''Not this year.''\n\n"
        "Tom Doe, the state treasurer, said the plan was ''the only honest budget in a decade.''\n\n"
        "He added: ''Every dollar is accounted for.''"
    )
    assert _speaker_of(text, "rural hospitals") == "Jane Roe"
    assert _speaker_of(text, "Not this year") == "Jane Roe"
    assert _speaker_of(text, "Every dollar") == "Tom Doe"
    reported = next(q for q in _quotes(text) if "only honest budget" in q.quote)
    assert reported.speaker == "Tom Doe"


def test_typewriter_and_curly_marks_in_one_article_are_read_alike() -> None:
    text = (
        "Mayor Ann Quill opened the bridge on Friday.\n\n"
        "“This bridge took eleven years to build,” Ms. Quill said.\n\n"
        "''It was worth every one of them,'' said Paul Birch, the city engineer.\n\n"
        "``Traffic will move faster by spring,'' Quill added."
    )
    assert _speaker_of(text, "eleven years") == "Ann Quill"
    assert _speaker_of(text, "worth every one") == "Paul Birch"
    assert _speaker_of(text, "Traffic will move") == "Ann Quill"
    assert {q.kind for q in _quotes(text) if q.speaker} == {"direct"}


def test_a_name_before_a_closing_pair_of_apostrophes_leaves_the_marks_out() -> None:
    """``The network licenses ''Evening With Jane Roe''``: the closing pair is no part of
    the last word of a capitalised name (an apostrophe alone still is: ``Reyes'``)."""
    from assistant.quotes.people import CAP_WORD

    text = "The network licenses ''Evening With Jane Roe'' and ''Morning Show.''"
    names = re.findall(rf"{CAP_WORD}(?:\s+{CAP_WORD})*", text)
    assert "Evening With Jane Roe" in names and not any("''" in n for n in names)
    assert re.fullmatch(CAP_WORD, "Reyes'") and re.fullmatch(CAP_WORD, "O'Neill")
    for q in _quotes(
        "Jane Roe hosts a show.\n\nThe network licenses ''Evening With Jane Roe'' from her company.\n\n"
        "''They pay us well,'' Ms. Roe said."
    ):
        assert not q.speaker or "'" not in q.speaker


def test_a_transcript_quoted_turn_by_turn_names_each_turn_by_its_label() -> None:
    """A transcript quoted whole, each turn opening with its speaker in capitals and a colon:
    every turn is its labelled speaker's (a host the article never names in full too), and a
    paragraph that goes on with the quotation stays with the last labelled speaker."""
    text = (
        "On Sunday, Governor Dana Holt spoke to Channel Nine about the budget.\n\n"
        '"MARSH: Let me start with the budget. Will you cut school funding?\n\n'
        '"HOLT: No. We will not cut school funding this year, and the teachers know it.\n\n'
        '"MARSH: Do you really see those two as equivalent?\n\n'
        '"HOLT: Look, the bridge money is a separate fund.\n\n'
        '"And the voters will see that in November."\n'
    )
    assert _speaker_of(text, "Let me start") == "Marsh"
    assert _speaker_of(text, "not cut school funding") == "Dana Holt"
    assert _speaker_of(text, "two as equivalent") == "Marsh"
    assert _speaker_of(text, "separate fund") == "Dana Holt"
    assert _speaker_of(text, "voters will see") == "Dana Holt"


def test_a_lone_capitalised_run_in_is_no_speaker() -> None:
    text = (
        "Jane Roe leads the council.\n\n"
        "\u201cUPDATE: The council will meet again on Friday,\u201d Roe said.\n"
    )
    assert _speaker_of(text, "meet again") == "Jane Roe"  # the cue's, not a run-in's


@pytest.mark.parametrize(
    ("text", "words", "speaker"),
    [
        # an infinitive: what the speaker vowed, urged or asked for
        (
            "Jane Roe vowed to cut property taxes in the county next year.",
            "to cut property taxes",
            "Jane Roe",
        ),
        ("Senator Tom Doe urged voters to stay home during the storm.", "voters to stay home", "Tom Doe"),
        # the object of a preposition after the verb
        (
            "Jane Roe called for a recount of the county ballots.",
            "a recount of the county ballots",
            "Jane Roe",
        ),
        ("Tom Doe complained about the long delays at the border crossing.", "the long delays", "Tom Doe"),
        # a noun phrase object, and a charge with the one charged
        ("Jane Roe denied the reports about her campaign finances.", "the reports about her", "Jane Roe"),
        ("Tom Doe accused the mayor of hiding the audit.", "the mayor of hiding the audit", "Tom Doe"),
        # a cue set off by commas inside the sentence it reports
        (
            "The new budget, Jane Roe argued, is largely a gift to donors.",
            "The new budget, Jane Roe argued, is largely a gift to donors",
            "Jane Roe",
        ),
        (
            "The plan would be helped, Tom Doe said, by the coming primary calendar.",
            "The plan would be helped, Tom Doe said, by the coming primary calendar",
            "Tom Doe",
        ),
    ],
)
def test_reported_speech_without_a_clause_from_the_parse(text: str, words: str, speaker: str) -> None:
    q = next(q for q in _quotes(text) if q.kind == "indirect")
    assert words in q.quote and q.speaker == speaker


@pytest.mark.parametrize(
    "text",
    [
        # who heard it is not what was said
        "Jane Roe told reporters at the plant on Monday.",
        "Tom Doe thanked his parents and his campaign staff.",
        # too short to be something said
        "Jane Roe denied it.",
        # what was written or said in, not what was said
        "Jane Roe wrote a long letter to the county board.",
        # a future statement, a negated one, where it was said
        "Tom Doe will call for a recount of the county ballots.",
        "The Doe campaign did not respond to a request for comment.",
        "Jane Roe spoke on the morning talk show of the local station.",
    ],
)
def test_no_reported_speech_for_a_hearer_a_pronoun_or_a_future_statement(text: str) -> None:
    assert [q.quote for q in _quotes(text) if q.kind == "indirect"] == []


def test_words_in_quotation_marks_after_a_speech_verb_stay_a_direct_quote() -> None:
    text = "Jane Roe called for “a full and public recount of every ballot in the county.”"
    kinds = [(q.kind, q.quote) for q in _quotes(text)]
    assert kinds == [("direct", "a full and public recount of every ballot in the county.")]


@pytest.mark.parametrize(
    "text",
    [
        # a verb that reports only a clause: its object is something held, not said
        "Councillor Ines Marlow maintains a wide lead over her two rivals in the harbour ward.",
        "Councillor Ines Marlow boasts a roughly 40-point lead in the ward, which her campaign calls a wall.",
        # a word of a place's name is no verb of speech
        "Senator Ines Marlow offered the crowd a long account of the state of the party in the "
        "United States Tuesday as she ended her bid for the nomination.",
    ],
)
def test_no_reported_speech_from_a_held_lead_or_a_places_name(text: str) -> None:
    assert [q for q in _quotes(text) if q.kind == "indirect"] == []


def test_a_clause_only_verb_still_reports_its_clause() -> None:
    text = "Councillor Ines Marlow maintained that the cranes were a danger to every worker."
    [q] = _quotes(text)
    assert q.kind == "indirect" and q.speaker == "Ines Marlow" and q.quote.startswith("the cranes")


@pytest.mark.parametrize(
    "text",
    [
        "Governor Ada Kelp is no purist. Rather both are practical people—for example, instead of "
        "denying poor folks health care for partisan reasons, the governor expanded the plan in Ohio.",
    ],
)
def test_what_someone_did_not_do_is_no_reported_speech(text: str) -> None:
    assert _quotes(text) == []


def test_a_viewpoint_frame_gives_the_framing_persons_words() -> None:
    # "To X, ..." at the head of a sentence frames X's view, as "according to X" does: the
    # words quoted in it are X's, not the main clause's subject's
    text = (
        "Marta Quill of Linden County, Ohio, has known the mayor for years.\n\n"
        "To Quill, Doe is the “patient and generous” neighbour who rebuilt her barn after the flood."
    )
    assert _speaker_of(text, "patient and generous") == "Marta Quill"


def test_an_infinitive_of_purpose_is_no_viewpoint_frame() -> None:
    # "To win, ..." names no one: the main clause's subject keeps the words quoted in it
    text = "Paul Doe met the board.\n\nTo win, Doe needs the “silent majority” he often cites."
    assert _speaker_of(text, "silent majority") == "Paul Doe"


def test_a_person_named_with_their_place_is_known_by_surname() -> None:
    # "Ana Ruiz of Kent County": the run is the person's name and a place; "Ruiz said" later
    # is the same person, shown by her full name
    text = (
        "Ana Ruiz of Kent County, Maine, watched the vote from the gallery.\n\n"
        "“We were never asked about the road,” Ruiz said."
    )
    assert _speaker_of(text, "never asked") == "Ana Ruiz"


def test_an_honorific_keeps_a_man_and_his_wife_apart() -> None:
    # "Mr. Quill" is the man the article calls President Quill; "the first lady, Nora Quill" is
    # another person of the same surname, and "Mr. Quill said" is never hers
    text = (
        "President Quill spoke at the dinner on Saturday.\n\n"
        "Mr. Quill is also determined to warn his supporters.\n\n"
        "The campaign plans to use Mr. Quill and the first lady, Nora Quill, as much as possible.\n\n"
        "“Our progress is on the ballot,” Mr. Quill said on Saturday night."
    )
    assert _speaker_of(text, "progress is on the ballot") != "Nora Quill"
    assert _speaker_of(text, "progress is on the ballot") == "Quill"


def test_a_surname_that_is_also_a_title_is_a_name_after_an_honorific() -> None:
    # "Mr. Bishop" proves "Bishop" a surname in this article: "Tom Bishop" is a person (not a
    # title and a name), and a show named for him ("''Tom Bishop Tonight''") names no one
    text = (
        "Last week I watched Tom Bishop on his new network.\n\n"
        "The network licenses ''Tom Bishop Tonight'' from a company Mr. Bishop owns.\n\n"
        "''They pay us a lot of money,'' Mr. Bishop said."
    )
    assert _speaker_of(text, "pay us a lot") == "Tom Bishop"


def test_a_man_s_title_given_to_a_woman_does_not_make_her_a_man() -> None:
    # news writes "spokesman" for women too: "she said" after it is still the spokesman's
    text = (
        "Campaign spokesman Dana Whitlow confirmed that the group was formed on its own.\n\n"
        "Its founder, Carl Obi, has toured the state for weeks.\n\n"
        "“They are not part of the campaign,” she said."
    )
    assert _speaker_of(text, "not part of the campaign") == "Dana Whitlow"


def test_a_determiner_opening_a_sentence_is_no_part_of_a_name() -> None:
    # "Another Quill target ..." names Quill, not a person called "Another Quill"
    text = (
        "Another Quill target was the harbour board, which he called slow.\n\n"
        "''They have got a huge problem with their ferries,'' Mr. Quill said."
    )
    assert _speaker_of(text, "huge problem") == "Quill"


def test_a_first_name_ending_like_an_adverb_is_a_name_inside_a_sentence() -> None:
    # "Carly"-like first names end as adverbs do ("Recently"); only at a sentence's head is
    # such a capitalised word an adverb, so the candidate is registered by her full name and
    # her husband, named in full later, does not take her words
    text = (
        "The hall was half-empty when presidential candidate Kelly Varga strode onstage.\n\n"
        "Her husband, Frank Varga, sat in the front row.\n\n"
        "''There are two looks that people get,'' Ms. Varga told her audience."
    )
    assert _speaker_of(text, "two looks") == "Kelly Varga"


def test_a_title_spoken_to_after_an_honorific_stays_a_title() -> None:
    # "Thank you, Mr. President." addresses a title: "President" is no surname here, and
    # "Maritime President Ivan Orlov" stays a title and a name
    text = (
        "Maritime President Ivan Orlov met the host on Monday.\n\n"
        "“Thank you, Mr. President.” the host began.\n\n"
        "''We will sign the treaty,'' Mr. Orlov said."
    )
    assert _speaker_of(text, "sign the treaty") == "Ivan Orlov"


def test_a_surname_the_tagger_read_as_a_common_noun_is_the_person_named_before() -> None:
    # the tagger reads the sentence-opening "Page" as the noun "page", with no entity on it
    text = (
        "Sam Page spoke for an hour at the rally.\n\n"
        "Page at the time said he had asked his “people” to “look into” paying the fees."
    )
    reported = [q for q in _quotes(text) if q.kind == "indirect"]
    assert reported and {q.speaker for q in reported} == {"Sam Page"}


def test_a_common_noun_opening_the_sentence_is_no_one_when_no_person_has_it_for_surname() -> None:
    # "Page" is not the last word of any person the article names: the words stay unattributed
    text = (
        "Sam Pagett spoke for an hour at the rally.\n\n"
        "Page at the time said he had asked his “people” to “look into” paying the fees."
    )
    reported = [q for q in _quotes(text) if q.kind == "indirect"]
    assert reported and all(q.speaker is None for q in reported)


def test_a_verb_after_the_opening_name_ends_the_subject() -> None:
    # "Gonzalez repeatedly praised Governor" reads as a description headed by "governor" on the
    # rules; the parse finds the verb in it, and the subject is Gonzalez
    text = (
        "Maria Gonzalez spoke at the rally.\n\n"
        "Gonzalez repeatedly praised Governor Tom Hale and suggested that the council's critics were "
        "attacking the governor. She said she and Hale had cut the deficit in the face of opposition. "
        '"We have done the work and we deserve support."'
    )
    quotes = _quotes(text)
    assert {q.speaker for q in quotes} == {"Maria Gonzalez"}
    assert any("deserve support" in q.quote for q in quotes)
