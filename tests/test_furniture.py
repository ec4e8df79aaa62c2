from assistant.ingest.furniture import analyse
from tests.conftest import CORPUS


def _marked(doc: str) -> tuple[str, dict[str, list[str]]]:
    text = (CORPUS / f"{doc}.txt").read_text()
    layout = analyse(text)
    kinds: dict[str, list[str]] = {}
    for s, e, kind in layout.furniture:
        kinds.setdefault(kind, []).append(text[s:e])
    title = text[layout.title[0] : layout.title[1]] if layout.title else ""
    return title, kinds


def test_audio_player_notices_are_marked() -> None:
    _, kinds = _marked("001_45f8ca74606231d5")
    assert kinds["notice"][:2] == ["Listen to this article", "Estimated 4 minutes"]
    assert any(n.startswith("The audio version of this article") for n in kinds["notice"])


def test_header_repeated_headline_and_trailing_blocks() -> None:
    title, kinds = _marked("002_27e68f677fb628f5")
    assert title.startswith("Canadian Conservative MP Says")
    assert kinds["header"] == ["CRBC News", "Politics"]
    assert kinds["repeated"] == [title]
    assert {"Help us improve.", "Related Articles", "Trending"} <= set(kinds["notice"])
    assert "Push for Bipartisan Preparation" in kinds["subhead"]


def test_photo_caption_is_marked_and_body_is_not() -> None:
    title, kinds = _marked("003_154467ce215703c6")
    assert title.startswith("Poilievre wishes Carney well")
    assert len(kinds["caption"]) == 1 and "THE CANADIAN PRESS/" in kinds["caption"][0]
    text = (CORPUS / "003_154467ce215703c6.txt").read_text()
    layout = analyse(text)
    quote_at = text.index("We restate our standing offer")
    assert not layout.is_furniture(quote_at, quote_at + 10)


def test_plain_article_has_no_furniture() -> None:
    title, kinds = _marked("004_f332fd67fe839ed1")
    assert kinds.get("notice") is None and kinds.get("caption") is None


def test_a_poll_named_with_a_slash_is_body_text_and_a_credit_is_a_caption() -> None:
    # invented text: a paragraph naming a poll as "OUTLET/Pollster" is the article's content;
    # the capitals-slash-name credit that ends a line, or stands beside "Photo", is a caption
    text = (
        "Turnout worries Lakeside\n\n"
        "Organisers expect a close race in the county this spring, with both campaigns "
        "spending heavily on mail.\n\n"
        "A WLKS/Marist poll in March shows 41% of likely voters back Arturo Vance, and the "
        "share has grown each month since the winter.\n\n"
        "Most respondents in the NORTHPORT NEWS/Harbor Research poll said the county needs a "
        "new bridge before it needs a new stadium.\n\n"
        "Arturo Vance greets supporters in Lakeside on Monday. NORTHPORT WIRE/Sam Okafor\n\n"
        "Diane Holt speaks at the town hall. Photo: NORTHPORT WIRE/Sam Okafor via Lakeside Daily\n\n"
        "Both campaigns will hold rallies in the county seat next weekend.\n"
    )
    layout = analyse(text)
    captions = [text[s:e] for s, e, kind in layout.furniture if kind == "caption"]
    assert captions == [
        "Arturo Vance greets supporters in Lakeside on Monday. NORTHPORT WIRE/Sam Okafor",
        "Diane Holt speaks at the town hall. Photo: NORTHPORT WIRE/Sam Okafor via Lakeside Daily",
    ]
    for body in ("A WLKS/Marist poll", "NORTHPORT NEWS/Harbor Research poll"):
        at = text.index(body)
        assert not layout.is_furniture(at, at + len(body))
