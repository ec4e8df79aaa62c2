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
