"""The web app at ``/``: its data routes over HTTP, then end to end in headless Chromium.

The browser tests start a real uvicorn server (with an API key) on the bundled index, sign
in through the page, ask, follow a citation into its article and check that the highlighted
words are exactly the citation's quote; then speakers, a speaker page and the timeline.
Screenshots at desktop and phone width go to the pytest tmp dir and to /tmp/web-shots/.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any
from urllib.parse import quote as urlquote

import httpx
import pytest

from assistant.interfaces.server import WEB_DIR, create_app
from assistant.service import Assistant
from assistant.types import Article, ArticleMeta
from tests.conftest import isolated_assistant
from tests.web_driver import (
    DESKTOP,
    PHONE,
    browser_missing,
    live,
    screenshot,
    set_viewport,
    start_chromium,
    wait_for,
)

KEY = "web-key-3c9a71"
AUTH = {"Authorization": f"Bearer {KEY}"}
QUESTION = "Who said Carney is a smart businessperson?"
SHOTS = Path("/tmp/web-shots")


@pytest.fixture(scope="module")
def assistant(built_index: Path, tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    return isolated_assistant(built_index, tmp_path_factory)


@pytest.fixture(scope="module")
def base(assistant: Assistant) -> Iterator[str]:
    with live(create_app(assistant, api_key=KEY)) as url:
        yield url


def get(base: str, path: str, **params: str) -> Any:
    r = httpx.get(f"{base}{path}", params=params, headers=AUTH, timeout=60)
    assert r.status_code == 200, r.text
    return r.json()


# -- the page and its data routes, without a browser --------------------------------------
def test_page_is_public_but_data_needs_the_key(base: str) -> None:
    page = httpx.get(f"{base}/")
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    assert 'src="app.js"' in page.text and 'id="login"' in page.text
    for asset in ("/app.js", "/style.css", "/index.html"):
        assert httpx.get(f"{base}{asset}").status_code == 200, asset
    for path in ("/v1/status", "/v1/speakers", "/v1/quotes", "/v1/timeline", "/v1/articles/x"):
        r = httpx.get(f"{base}{path}")
        assert r.status_code == 401 and r.json()["error"]["code"] == "invalid_api_key", path
    assert httpx.get(f"{base}/v1/timeline", headers=AUTH, timeout=60).status_code == 200


def test_web_files_request_nothing_from_elsewhere() -> None:
    files = {p.name: p.read_text(encoding="utf-8") for p in WEB_DIR.iterdir()}
    assert {"index.html", "app.js", "style.css"} <= set(files)
    for name, text in files.items():
        assert not re.search(r"(?:https?:)?//[a-z0-9.-]+\.[a-z]{2,}/", text, re.I), name
        assert "@import" not in text and "innerHTML" not in text, name
    assert "default-src 'none'" in files["index.html"] and "connect-src 'self'" in files["index.html"]


def test_status_lists_the_backends(base: str) -> None:
    status = get(base, "/v1/status")
    assert status["backends"][0] == "extractive" and status["articles"] == 5


def test_timeline_route_is_ordered_and_cited(base: str, assistant: Assistant) -> None:
    entries = get(base, "/v1/timeline")["entries"]
    assert entries == [e.to_dict() for e in assistant.timeline()]
    assert [e["date"] for e in entries] == sorted(e["date"] for e in entries)
    texts = {e["doc_id"]: get(base, f"/v1/articles/{e['doc_id']}")["text"] for e in entries}
    assert all(texts[e["doc_id"]][e["start"] : e["end"]] == e["text"] for e in entries)
    name = next(e["speaker"] for e in entries if e["speaker"])
    mine = get(base, "/v1/timeline", speaker=name)["entries"]
    assert mine and all(e["speaker"] == name for e in mine)


def test_quotes_route_filters_by_date_and_names_sources(base: str, assistant: Assistant) -> None:
    speaker = assistant.speakers()[0].name
    every = get(base, "/v1/quotes", speaker=speaker)
    assert len(every["quotes"]) == len(assistant.quotes(speaker=speaker))
    assert set(every["sources"]) == {q["doc_id"] for q in every["quotes"]}
    for doc_id, src in every["sources"].items():
        art = assistant.article(doc_id).meta
        assert src["title"] == art.title and src["outlet"] == art.outlet
        assert src["published_source"] == art.published_source
    since, until = date(2025, 9, 1), date(2025, 9, 30)
    ranged = get(base, "/v1/quotes", speaker=speaker, since="2025-09-01", until="2025-09-30")
    expect = assistant.quotes(speaker=speaker, since=since, until=until)
    assert [(q["doc_id"], q["start"]) for q in ranged["quotes"]] == [(q.doc_id, q.start) for q in expect]
    # the CLI's date forms: a month is its first day for since, its last for until
    named = get(base, "/v1/quotes", speaker=speaker, since="September 2025", until="Sept. 2025")
    assert named["quotes"] == ranged["quotes"]
    bad = httpx.get(f"{base}/v1/quotes", params={"since": "soon"}, headers=AUTH)
    assert bad.status_code == 400 and bad.json()["error"]["code"] == "invalid_query"
    assert "'soon'" in bad.json()["error"]["message"]


# -- in the browser -------------------------------------------------------------------------
@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    reason = browser_missing()
    if reason:
        pytest.skip(reason)
    driver = start_chromium(tmp_path_factory.mktemp("chromium") / "profile")
    try:
        yield driver
    finally:
        driver.quit()


@pytest.fixture(scope="module")
def shots(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    return [tmp_path_factory.mktemp("web-shots"), SHOTS]


def render_count(driver: Any) -> int:
    """How many renders the page has finished (``#view``'s ``data-render``; 0 before any)."""
    return int(driver.execute_script("return document.getElementById('view')?.dataset.render || 0"))


def wait_rendered(driver: Any, after: int, route: str | None = None) -> None:
    """Wait until a render later than ``after`` has finished (showing ``route`` if given):
    a hash change keeps the old page in the DOM until the new one is ready, so waiting for an
    element the old page also has would read the old page."""
    want = "" if route is None else f" && v.dataset.route === {route.split('/')[0]!r}"
    wait_for(
        driver,
        f"const v = document.getElementById('view'); return Number(v.dataset.render || 0) > {after}{want};",
    )


def open_page(driver: Any, base: str, route: str) -> None:
    """Load the page at ``route`` and wait for its own render (not the page shown before);
    sign in through the login field when it asks."""
    target = f"{base}/#/{route}"
    if driver.current_url == target:  # the same URL fires no hashchange: load it again
        driver.refresh()
        before = 0
    else:  # another hash of this page keeps the document; anything else loads a new one
        before = render_count(driver) if driver.current_url.startswith(f"{base}/") else 0
        driver.get(target)
    state = wait_for(
        driver,
        "const l = document.getElementById('login');"
        "if (!l.hidden) return 'login';"
        f"return Number(document.getElementById('view').dataset.render || 0) > {before} ? 'ready' : null;",
    )
    if state == "login":
        sign_in(driver)
        wait_for(
            driver, "const h = document.querySelector('#view h1'); return h && h.textContent !== 'Sign in';"
        )
    wait_rendered(driver, before, route)


def sign_in(driver: Any) -> None:
    from selenium.webdriver.common.by import By

    field = driver.find_element(By.ID, "login-key")
    assert driver.switch_to.active_element == field, "the key field takes the focus"
    field.send_keys(KEY + "\n")
    wait_for(driver, "return document.getElementById('login').hidden")


def visible(driver: Any, selector: str) -> bool:
    """The first element matching ``selector`` lies inside the viewport."""
    return bool(
        driver.execute_script(
            "const r = document.querySelector(arguments[0]).getBoundingClientRect();"
            "return r.top >= 0 && r.bottom <= window.innerHeight && r.height > 0;",
            selector,
        )
    )


def marked_text(driver: Any) -> str:
    wait_for(driver, "return document.querySelector('.article-text mark')")
    return str(
        driver.execute_script(
            "return [...document.querySelectorAll('.article-text mark')].map(m => m.textContent).join('')"
        )
    )


def no_horizontal_scroll(driver: Any) -> bool:
    return bool(driver.execute_script("return document.documentElement.scrollWidth <= window.innerWidth + 1"))


def test_ask_then_read_the_cited_words(browser: Any, base: str, shots: list[Path]) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    expected = httpx.post(f"{base}/v1/ask", json={"question": QUESTION}, headers=AUTH, timeout=60)
    cite = expected.json()["citations"][0]
    set_viewport(browser, DESKTOP)
    browser.get(f"{base}/#/ask")
    browser.execute_script("sessionStorage.clear()")
    browser.refresh()
    wait_for(browser, "return !document.getElementById('login').hidden")
    screenshot(browser, "desktop-0-login", shots)
    sign_in(browser)
    box = wait_for(browser, "return document.getElementById('question')")
    box.send_keys(QUESTION + "\n")
    wait_for(
        browser,
        "const a = document.getElementById('answer');"
        "return a && a.getAttribute('aria-busy') === 'false' && a.querySelector('a.cite');",
    )
    answer = browser.find_element(By.CSS_SELECTOR, "#answer .answer-text").text
    assert "Ford" in answer and "[1]" in answer
    assert browser.find_element(By.ID, "answer").get_attribute("aria-live") == "polite"
    screenshot(browser, "desktop-1-answer", shots)

    link = browser.find_element(By.CSS_SELECTOR, "#answer .answer-text a.cite")
    assert link.text == "[1]"
    link.send_keys(Keys.ENTER)  # a real link: the keyboard follows it too
    assert marked_text(browser) == cite["quote"]
    assert f"#/article/{urlquote(cite['doc_id'])}" in browser.current_url
    assert visible(browser, ".article-text mark"), "the cited words are scrolled into view"
    assert browser.execute_script("return document.activeElement.tagName") == "MARK"
    assert no_horizontal_scroll(browser)
    screenshot(browser, "desktop-2-article", shots)

    browser.back()
    wait_for(browser, "return document.querySelector('#answer a.cite')")
    assert "Ford" in browser.find_element(By.CSS_SELECTOR, "#answer .answer-text").text


def test_speakers_and_a_speaker_page(
    browser: Any, base: str, shots: list[Path], assistant: Assistant
) -> None:
    from selenium.webdriver.common.by import By

    set_viewport(browser, DESKTOP)
    people = get(base, "/v1/speakers")["speakers"]
    open_page(browser, base, "speakers")
    wait_for(browser, "return document.querySelector('.speakers .card')")
    cards = browser.find_elements(By.CSS_SELECTOR, ".speakers .card")
    assert [c.find_element(By.TAG_NAME, "a").text for c in cards] == [p["name"] for p in people]
    top = people[0]
    assert f"{top['quote_count']} quotes" in cards[0].text
    assert all(r in cards[0].text for r in top["roles"])
    screenshot(browser, "desktop-3-speakers", shots)

    cards[0].find_element(By.TAG_NAME, "a").click()
    wait_for(browser, "return document.querySelector('.quotes .quote')")
    assert browser.find_element(By.TAG_NAME, "h1").text == top["name"]
    data = get(base, "/v1/quotes", speaker=top["name"])
    items = browser.find_elements(By.CSS_SELECTOR, ".quotes .quote")
    assert len(items) == len(data["quotes"]) == len(assistant.quotes(speaker=top["name"]))
    dated = [q for q in data["quotes"] if q["date"] or data["sources"][q["doc_id"]]["published"]]
    assert len(browser.find_elements(By.CSS_SELECTOR, ".quotes .quote .when time")) == len(dated)
    assert sum("Undated" in i.text for i in items) == len(items) - len(dated)
    screenshot(browser, "desktop-4-speaker", shots)

    topic = "trade"
    before = render_count(browser)
    browser.find_element(By.ID, "f-about").send_keys(topic + "\n")
    wait_for(browser, "return location.hash.includes('about=trade')")
    wait_rendered(browser, before, "speaker")
    assert browser.find_element(By.ID, "f-about").get_attribute("value") == topic
    want = assistant.quotes(speaker=top["name"], about=topic)
    got = browser.find_elements(By.CSS_SELECTOR, ".quotes .quote blockquote")
    assert [g.get_attribute("textContent") for g in got] == [q.quote for q in want]
    if want:
        browser.find_element(By.CSS_SELECTOR, ".quotes .quote a.read").click()
        assert marked_text(browser) == want[0].quote
        assert visible(browser, ".article-text mark")


def test_timeline_page(browser: Any, base: str, shots: list[Path]) -> None:
    from selenium.webdriver.common.by import By

    set_viewport(browser, DESKTOP)
    entries = get(base, "/v1/timeline")["entries"]
    open_page(browser, base, "timeline")
    wait_for(browser, "return document.getElementById('result-count')")
    shown = browser.find_elements(By.CSS_SELECTOR, ".timeline .entry")
    assert len(shown) == len(entries)
    days = [t.get_attribute("datetime") for t in browser.find_elements(By.CSS_SELECTOR, ".day h2 time")]
    assert days == sorted(set(e["date"] for e in entries))
    screenshot(browser, "desktop-5-timeline", shots)
    i = next((n for n, e in enumerate(entries) if e["published_source"] == "inferred"), 0)
    shown[i].find_element(By.CSS_SELECTOR, "a.read").click()
    assert marked_text(browser) == entries[i]["text"]
    meta = browser.find_element(By.CSS_SELECTOR, ".article-meta").text
    if entries[i]["published_source"] == "inferred":
        assert "(inferred)" in meta
    browser.execute_script("window.scrollTo(0, 0)")
    screenshot(browser, "desktop-6-article-top", shots)


def test_phone_width(browser: Any, base: str, shots: list[Path]) -> None:
    from selenium.webdriver.common.by import By

    set_viewport(browser, PHONE)
    try:
        open_page(browser, base, "ask")
        assert browser.execute_script("return window.innerWidth") == PHONE[0]
        box = wait_for(browser, "return document.getElementById('question')")
        box.clear()
        box.send_keys(QUESTION + "\n")
        wait_for(browser, "return document.querySelector('#answer a.cite')")
        assert no_horizontal_scroll(browser)
        screenshot(browser, "phone-1-answer", shots)
        browser.find_element(By.CSS_SELECTOR, "#answer a.cite").click()
        marked_text(browser)
        assert visible(browser, ".article-text mark") and no_horizontal_scroll(browser)
        screenshot(browser, "phone-2-article", shots)
        for n, route in enumerate(("speakers", "timeline"), start=3):
            open_page(browser, base, route)
            wait_for(browser, "return document.querySelector('.card, .entry')")
            assert no_horizontal_scroll(browser), route
            screenshot(browser, f"phone-{n}-{route}", shots)
        open_page(browser, base, "speakers")
        wait_for(browser, "return document.querySelector('.card a')").click()
        wait_for(browser, "return document.querySelector('.quote')")
        assert no_horizontal_scroll(browser)
        screenshot(browser, "phone-5-speaker", shots)
    finally:
        set_viewport(browser, DESKTOP)


def test_the_browser_fetched_nothing_but_the_server(browser: Any, base: str) -> None:
    open_page(browser, base, "timeline")
    wait_for(browser, "return document.getElementById('result-count')")
    urls = browser.execute_script("return performance.getEntriesByType('resource').map(e => e.name)")
    assert urls and all(u.startswith(base) for u in urls), urls


# -- hostile text stays text -----------------------------------------------------------------
HOSTILE = (
    "Intro line.\n"
    '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script> '
    "He said “<b>bold</b> words” & left.\n"
    "End."
)


class HostileAssistant:
    """A stand-in serving one article whose text looks like markup."""

    def article(self, doc_id: str) -> Article:
        meta = ArticleMeta(
            doc_id=doc_id,
            title="<i>Title</i>",
            outlet="<u>Outlet</u>",
            published=date(2025, 10, 1),
            published_source="inferred",
        )
        return Article(meta=meta, text=HOSTILE, content_hash="x")

    def status(self) -> dict[str, Any]:
        return {"articles": 1, "quotes": 0}


def test_article_markup_is_shown_as_text(browser: Any) -> None:
    start = HOSTILE.index("“<b>")
    end = HOSTILE.index("” &") + 1
    with live(create_app(HostileAssistant(), api_key=None)) as url:  # type: ignore[arg-type]
        browser.get(f"{url}/#/article/evil?start={start}&end={end}")
        assert marked_text(browser) == HOSTILE[start:end]
        body = browser.find_element("css selector", "main")
        assert not body.find_elements("css selector", ".article-text img, .article-text b, main i")
        assert browser.execute_script("return window.__pwned") is None
        assert "<img src=x" in body.text and "<i>Title</i>" in body.text
        assert "(inferred)" in browser.find_element("css selector", ".article-meta").text
