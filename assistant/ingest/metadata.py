"""Article metadata: sidecars, front matter, HTML, and what the text itself states.

Order of trust, field by field: metadata given with the article (sidecar ``<stem>.meta.json``,
front matter, HTML meta tags) always wins and its date is ``stated``; otherwise the text
is read (header lines, credits, bylines, datelines) and a publication date is only ever
``inferred``.

Outlet rule (text only). Evidence is scored per outlet:

* 3 - the article names it as its own source: a header line that is just an outlet name
  ("CRBC News"), a credit line ("The Canadian Press", "By Jane Doe, Reuters"), a wire
  dateline ("OTTAWA (Reuters) -").
* 1 - the outlet appears in a reporting role in the body: interviewer or recipient
  ("told Semafor", "in an exclusive interview with Semafor", "said in a statement to CBC
  News", "CBC's Kate McKenna", "The Canadian Press received a copy"); every such mention
  counts, because another outlet's article usually cites a rival once, not throughout.
* 1 - photo credits, however many ("THE CANADIAN PRESS/Justin Tang").

The best outlet is kept only with at least 2 points and strictly more than the runner-up;
otherwise the outlet stays ``None`` (a single "told CBC News" is not enough to say who
published the article).
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections import Counter
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from assistant.errors import IngestError
from assistant.nlp import alternation
from assistant.nlp.text import DATELINE_OPEN, lines_with_offsets, unpossessive
from assistant.nlp.timex import TimeExpr, find_time_expressions
from assistant.types import ArticleMeta

FIELDS = ("title", "outlet", "author", "published", "url")
_ALIASES = {
    "headline": "title", "source": "outlet", "site_name": "outlet", "sitename": "outlet",
    "publisher": "outlet", "byline": "author", "authors": "author", "date": "published",
    "published_at": "published", "publication_date": "published", "pubdate": "published",
    "datepublished": "published", "link": "url", "canonical_url": "url",
}  # fmt: skip


# ------------------------------------------------------------------ given metadata


def sidecar_path(article: Path) -> Path:
    """Where the sidecar of ``article`` lives: ``<stem>.meta.json`` next to it."""
    return article.with_name(f"{article.stem}.meta.json")


def read_sidecar(path: Path) -> dict[str, Any]:
    """Metadata from a ``<stem>.meta.json`` sidecar (or the sidecar of article ``path``).

    Returns ``{}`` when there is no sidecar; raises :class:`IngestError` when it is not a
    JSON object or a field is unusable. ``published`` comes back as a :class:`datetime.date`.
    """
    if not path.name.endswith(".meta.json"):
        path = sidecar_path(path)
    if not path.exists():
        return {}
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise IngestError(
            f"{path}: metadata sidecar is malformed JSON (line {exc.lineno}, column "
            f"{exc.colno}: {exc.msg}); fix or delete it"
        ) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise IngestError(f"{path}: cannot read the sidecar ({exc})") from None
    if not isinstance(raw, dict):
        raise IngestError(
            f"{path}: metadata sidecar must be a JSON object with title, outlet, author, published, url"
        )
    return clean_meta(raw, where=str(path))


def clean_meta(raw: Mapping[str, Any], where: str = "metadata") -> dict[str, Any]:
    """Known fields only, under their canonical names, with ``published`` as a date."""
    out: dict[str, Any] = {}
    ordered = sorted(raw.items(), key=lambda kv: kv[0].lower() not in FIELDS)
    for key, value in ordered:
        field = _ALIASES.get(key.lower().replace("-", "_"), key.lower())
        if field not in FIELDS or field in out or value in (None, "", [], {}):
            continue
        if field == "published":
            out[field] = parse_published(value, where)
        elif field == "author" and isinstance(value, list):
            out[field] = ", ".join(_text_value(v, key, where) for v in value)
        else:
            out[field] = _text_value(value, key, where)
    return out


def _text_value(value: Any, key: str, where: str) -> str:
    if isinstance(value, dict) and isinstance(value.get("name"), str):
        value = value["name"]
    if not isinstance(value, str | int | float) or isinstance(value, bool):
        raise IngestError(f"{where}: {key!r} must be text, not {type(value).__name__}")
    return " ".join(str(value).split())


_ISO_START = re.compile(r"\s*(\d{4}-\d{2}-\d{2})(?:[T ][\d:.]+(?:Z|[+-]\d\d:?\d\d)?)?\s*")


def parse_published(value: Any, where: str = "metadata") -> dt.date:
    """A publication date from ISO text ("2025-10-07", "2025-10-07T10:00:00Z") or a date."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        m = _ISO_START.fullmatch(value)
        try:
            if m:
                return dt.date.fromisoformat(m.group(1))
        except ValueError:
            pass
        exprs = find_time_expressions(value.strip())
        if len(exprs) == 1 and exprs[0].certainty == "exact" and exprs[0].kind == "date":
            assert exprs[0].date is not None
            return exprs[0].date
    raise IngestError(f"{where}: published {value!r} is not a date (use YYYY-MM-DD)")


_FM_OPEN = re.compile(r"\ufeff?---[ \t]*\r?\n")
_FM_CLOSE = re.compile(r"^(?:---|\.\.\.)[ \t]*(?:\r?\n|$)", re.M)
_FM_LINE = re.compile(r"([A-Za-z_][\w-]*)\s*:\s*(.*)")
_FM_ITEM = re.compile(r"-\s+(.*)")


def split_front_matter(raw: str) -> tuple[dict[str, Any], int]:
    """``(metadata, body_offset)`` for text opening with ``---`` front matter.

    Simple ``key: value`` lines (and ``- item`` lists) are read directly; anything else
    is handed to PyYAML (a declared dependency). Text without front matter gives
    ``({}, 0)``; a ``---`` block that is not metadata is left in the body.
    """
    m = _FM_OPEN.match(raw)
    close = _FM_CLOSE.search(raw, m.end()) if m else None
    if m is None or close is None:
        return {}, 0
    block = raw[m.end() : close.start()]
    data = _simple_front_matter(block)
    if data is None:
        data = _yaml_front_matter(block)
        if data is None:
            return {}, 0
    body = close.end()
    blank = re.compile(r"[ \t]*\r?\n").match
    while (b := blank(raw, body)) is not None and b.end() > body:
        body = b.end()
    return clean_meta(data, where="front matter"), body


def _simple_front_matter(block: str) -> dict[str, Any] | None:
    data: dict[str, Any] = {}
    key = None
    for line in block.splitlines():
        stripped = line.strip()
        if not stripped or stripped.startswith("#"):
            continue
        item = _FM_ITEM.fullmatch(stripped)
        if item and key is not None and (data[key] == "" or isinstance(data[key], list)):
            items = data[key] if isinstance(data[key], list) else []
            data[key] = [*items, _unquote(item.group(1))]
            continue
        kv = _FM_LINE.fullmatch(stripped)
        if kv is None or line[:1].isspace():
            return None
        key, value = kv.group(1), _unquote(kv.group(2))
        data[key] = value
    return data


def _unquote(value: str) -> str:
    value = value.strip()
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "'\"":
        return value[1:-1]
    return value


def _yaml_front_matter(block: str) -> dict[str, Any] | None:
    import yaml  # type: ignore[import-untyped,unused-ignore]

    try:
        data = yaml.safe_load(block)
    except yaml.YAMLError:
        return None
    return data if isinstance(data, dict) else None


# -------------------------------------------------------------------------------- HTML

_HIDDEN_XPATH = (
    '//script[not(@type="application/ld+json")] | //style | //noscript | //template'
    " | //svg | //iframe | //*[@hidden] | //*[@aria-hidden='true']"
    " | //input[@type='hidden']"
    " | //*[contains(translate(@style, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ ',"
    " 'abcdefghijklmnopqrstuvwxyz'), 'display:none')]"
    " | //*[contains(translate(@style, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ ',"
    " 'abcdefghijklmnopqrstuvwxyz'), 'visibility:hidden')]"
)
_HIDDEN_CLASSES = {
    "hidden", "sr-only", "visually-hidden", "visuallyhidden", "screen-reader-text",
    "screenreader-only", "d-none", "is-hidden", "u-hidden",
}  # fmt: skip


def read_html(raw: str, url: str | None = None) -> tuple[str, dict[str, Any]]:
    """Main text and metadata (title, author, published, outlet from the site name, url).

    Hidden content (``display:none``, ``visibility:hidden``, ``hidden``, ``aria-hidden``,
    screen-reader-only classes, scripts, styles) is removed before extraction, so it can
    never become article text. Raises :class:`IngestError` when no article text is found.
    """
    import trafilatura
    from lxml import etree
    from lxml import html as lxml_html

    try:
        tree = lxml_html.document_fromstring(
            raw.encode("utf-8"), parser=lxml_html.HTMLParser(encoding="utf-8")
        )
    except (etree.ParserError, ValueError) as exc:
        raise IngestError(f"cannot parse HTML ({exc})") from None
    for el in tree.xpath(_HIDDEN_XPATH):
        _drop(el)
    for el in tree.xpath("//*[@class]"):
        if _HIDDEN_CLASSES & set(str(el.get("class", "")).lower().split()):
            _drop(el)
    doc = trafilatura.bare_extraction(
        tree,
        url=url,
        with_metadata=True,
        include_comments=False,
        include_images=False,
        include_links=False,
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    data: dict[str, Any] = {}
    if doc is not None:
        data = doc.as_dict() if hasattr(doc, "as_dict") else dict(doc)
    text = (data.get("text") or "").strip()
    if not text:
        raise IngestError("no article text found in the HTML")
    meta: dict[str, Any] = {
        "title": data.get("title"),
        "author": (data.get("author") or "").replace("; ", ", ") or None,
        "outlet": data.get("sitename"),
        "url": data.get("url") or url,
        "published": data.get("date"),
    }
    try:
        return text, clean_meta({k: v for k, v in meta.items() if v}, where="HTML")
    except IngestError:
        meta.pop("published")
        return text, clean_meta({k: v for k, v in meta.items() if v}, where="HTML")


def _drop(el: Any) -> None:
    """Remove an element but keep its tail text, which belongs to the parent."""
    if el.getparent() is not None:
        el.drop_tree()


# ---------------------------------------------------------------- from the text itself

_KNOWN_OUTLETS: dict[str, tuple[str, ...]] = {
    "CBC News": ("CBC News", "CBC"),
    "CTV News": ("CTV News", "CTV"),
    "Global News": ("Global News",),
    "CityNews": ("CityNews",),
    "The Canadian Press": ("The Canadian Press", "Canadian Press"),
    "The Associated Press": ("The Associated Press", "Associated Press", "AP"),
    "Reuters": ("Reuters",),
    "Agence France-Presse": ("Agence France-Presse", "AFP"),
    "Bloomberg": ("Bloomberg News", "Bloomberg"),
    "Semafor": ("Semafor",),
    "Politico": ("Politico", "POLITICO"),
    "Axios": ("Axios",),
    "The New York Times": ("The New York Times", "New York Times"),
    "The Washington Post": ("The Washington Post", "Washington Post"),
    "The Wall Street Journal": ("The Wall Street Journal", "Wall Street Journal"),
    "The Globe and Mail": ("The Globe and Mail", "Globe and Mail"),
    "The Guardian": ("The Guardian",),
    "BBC News": ("BBC News", "BBC"),
    "Radio-Canada": ("Radio-Canada",),
    "Toronto Star": ("Toronto Star",),
    "National Post": ("National Post",),
    "Financial Times": ("Financial Times",),
    "Al Jazeera": ("Al Jazeera",),
    "NPR": ("NPR",),
    "CNN": ("CNN",),
    "Fox News": ("Fox News",),
    "NBC News": ("NBC News",),
    "CBS News": ("CBS News",),
    "ABC News": ("ABC News",),
    "The Hill": ("The Hill",),
}
_CANON = {a.lower(): name for name, aliases in _KNOWN_OUTLETS.items() for a in aliases}
_KNOWN_ALT = "|".join(
    re.escape(a) + "|" + re.escape(a.upper())
    for a in sorted({a for v in _KNOWN_OUTLETS.values() for a in v}, key=len, reverse=True)
)
_GENERIC = (
    r"(?:The\s+)?(?:[A-Z][\w&'.-]*\s+){0,3}(?:News|Press|Times|Post|Journal|Herald|Tribune|"
    r"Gazette|Star|Radio|Television|TV|Network|Wire|Daily|Magazine|Telegraph|Observer|"
    r"Chronicle|Examiner|Courier|Independent|Guardian)"
)
_OUTLET = rf"(?P<outlet>(?:{_KNOWN_ALT})(?![\w-])|{_GENERIC}\b)"
_OUTLET_RE = re.compile(_OUTLET)
_OUTLET_LINE = re.compile(rf"{_OUTLET}(?:\s*[|:—–-]\s*\w+(?:\s+\w+)?)?")
_SUFFIXES = (
    "News", "Press", "Times", "Post", "Journal", "Herald", "Tribune", "Gazette", "Star",
    "Radio", "Television", "TV", "Network", "Wire", "Daily", "Magazine", "Telegraph",
    "Observer", "Chronicle", "Examiner", "Courier", "Independent", "Guardian",
)  # fmt: skip
#: Literal scan for outlet names: fast, then each hit is checked in its context.
_SUFFIX_SET = {*_SUFFIXES, *(x.upper() for x in _SUFFIXES)}
_MENTION = re.compile(_KNOWN_ALT + "|" + "|".join(sorted(_SUFFIX_SET, key=len, reverse=True)))
_NAME_BEFORE = re.compile(r"(?:\b(?:The|THE)\s+)?(?:\b[A-Z][\w&'.-]*\s+){1,3}$")
_ROLE_BEFORE = re.compile(rf"(?<!according )\b(?:{alternation('outlet_role_before')})\s+(?:the\s+)?$")
_ROLE_AFTER = re.compile(
    rf"['’]s\s+[A-Z][a-z]+\s+[A-Z]|\s+(?:has\s+|had\s+)?(?:{alternation('outlet_role_verbs')})\b"
)
_PHOTO_BEFORE = re.compile(r"\b(?:Photo|Image|Credit|Photograph)\s*:\s*$")
_PHOTO_AFTER = re.compile(r"\s*/\s*[A-Z]")


def _mentions(text: str) -> list[tuple[str, int, int]]:
    """Outlet names in running text: ``(name, start, end)``."""
    out: list[tuple[str, int, int]] = []
    for m in _MENTION.finditer(text):
        s, e = m.span()
        if (s and text[s - 1].isalnum()) or (e < len(text) and (text[e].isalnum() or text[e] == "-")):
            continue
        if m.group() in _SUFFIX_SET and m.group().lower() not in _CANON:
            before = _NAME_BEFORE.search(text, max(0, s - 60), s)
            if before is None:
                continue
            s = before.start()
        if out and out[-1][2] >= s:  # "CBC" inside "CBC News" already taken
            continue
        out.append((text[s:e], s, e))
    return out


def _role_scores(text: str) -> Counter[str]:
    """1 point per reporting-role mention, 1 point per outlet for photo credits."""
    scores: Counter[str] = Counter()
    photo: set[str] = set()
    for name, s, e in _mentions(text):
        lo = max(0, s - 24)
        if _ROLE_BEFORE.search(text, lo, s) or _ROLE_AFTER.match(text, e):
            scores[canonical_outlet(name)] += 1
        elif _PHOTO_AFTER.match(text, e) or _PHOTO_BEFORE.search(text, lo, s):
            photo.add(canonical_outlet(name))
    scores.update(photo)
    return scores


_CREDIT_LINE = re.compile(rf"[-—–(\s]*(?P<files>[Ww]ith files from\s+)?{_OUTLET}\s*\)?")
_NAME = rf"[A-Z][\w'’.-]+(?:\s+(?:[A-Z][\w'’.-]+|{alternation('name_particles')})){{1,3}}"
_BYLINE = re.compile(
    rf"(?:By|BY|Written by|Author:)\s+(?P<names>{_NAME}(?:\s*(?:,|and|&)\s*{_NAME})*)"
    r"(?:\s*(?:,|\||·|—|–|-)\s*(?P<rest>.+))?"
)
_DATELINE = re.compile(r"(?P<place>[A-Z][A-Za-z.' -]{1,40}?),?\s*\((?P<who>[^()]{2,60})\)\s*[:—–-]")
_WIRE = {"AP": "The Associated Press", "CP": "The Canadian Press", "AFP": "Agence France-Presse"}
_FURNITURE = re.compile(
    r"(?:listen to this article|estimated \d+ minutes?|\d+ min(?:ute)? read|advertisement|"
    r"share(?: this)?(?: article| story)?|click here.*|sign up.*|subscribe.*|related(?: articles)?|"
    rf"trending|help us improve\.?|(?:{alternation('furniture_heads')}|read more)\b.*)",
    re.I,
)
_PUBLISHED_LINE = re.compile(
    r"(?P<label>Published|Posted|First published|Updated|Last updated)\b\s*(?:on\s*)?:?", re.I
)


def canonical_outlet(name: str) -> str:
    """Canonical spelling of an outlet name ("THE CANADIAN PRESS" -> "The Canadian Press")."""
    name = unpossessive(" ".join(name.split()))
    if name.lower().startswith("the ") and name.lower() not in _CANON:
        bare = name[4:]
        if bare.lower() in _CANON:
            return _CANON[bare.lower()]
    if name.lower() in _CANON:
        return _CANON[name.lower()]
    if name.isupper() and len(name) > 5:
        small = {"and", "of", "the", "for", "on", "in"}
        words = name.lower().split()
        return " ".join(w if (i and w in small) else w.capitalize() for i, w in enumerate(words))
    return name


def _header_lines(text: str, furniture: Sequence[tuple[int, int]]) -> list[tuple[int, int, bool]]:
    """Leading lines up to the first body-like line: ``(start, end, is_furniture)``."""
    out = []
    for s, e in lines_with_offsets(text)[:10]:
        line = text[s:e]
        is_furn = any(fs < e and s < fe for fs, fe in furniture) or bool(_FURNITURE.fullmatch(line))
        if not is_furn and (len(line.split()) > 25 or line.rstrip('"”’)').endswith((".", "!", "?"))):
            break
        out.append((s, e, is_furn))
    return out


def detect_title(text: str, furniture: Sequence[tuple[int, int]] = ()) -> str | None:
    """The headline: the first short header line without a final period, if any."""
    for s, e, is_furn in _header_lines(text, furniture):
        line = text[s:e]
        words = line.split()
        if is_furn or len(words) < 3 or _OUTLET_LINE.fullmatch(line) or _BYLINE.match(line):
            continue
        if _PUBLISHED_LINE.match(line) or line.endswith((",", ";", ":")):
            continue
        if line[0].isupper() or line[0].isdigit() or line[0] in "\"“‘'":
            return line
    return None


def detect_outlet_author(
    text: str, furniture: Sequence[tuple[int, int]] = ()
) -> tuple[str | None, str | None]:
    """``(outlet, author)`` stated by the text (see the module docstring for the rule)."""
    scores: Counter[str] = Counter()
    author = None
    for s, e, _ in _header_lines(text, furniture):
        m = _OUTLET_LINE.fullmatch(text, s, e)
        if m:
            scores[canonical_outlet(m.group("outlet"))] += 3
    lines = lines_with_offsets(text)
    for s, e in lines[:12] + lines[-6:]:
        line = text[s:e]
        by = _BYLINE.fullmatch(line) if len(line.split()) <= 15 else None
        if by:
            author = author or by.group("names")
            rest = by.group("rest")
            credit = _OUTLET_LINE.fullmatch(rest) if rest else None
            if credit:
                scores[canonical_outlet(credit.group("outlet"))] += 3
            continue
        credit = _CREDIT_LINE.fullmatch(line)
        if credit and (s, e) not in lines[:1]:
            scores[canonical_outlet(credit.group("outlet"))] += 1 if credit.group("files") else 3
    for s, e in lines[:12]:
        date = _DATELINE.match(text, s, e)
        if date:
            who = date.group("who").strip()
            outlet = _WIRE.get(who) or (canonical_outlet(who) if _OUTLET_RE.fullmatch(who) else None)
            if outlet:
                scores[outlet] += 3
            elif re.fullmatch(_NAME, who):
                author = author or who
            break
    scores.update(_role_scores(text))
    ranked = scores.most_common(2)
    if not ranked or ranked[0][1] < 2 or (len(ranked) > 1 and ranked[1][1] == ranked[0][1]):
        return None, author
    return ranked[0][0], author


def dateline_span(text: str) -> tuple[int, int] | None:
    """The dateline that opens the article's first lines ("OTTAWA (Reuters) -",
    "Washington (Rajeev Sharma):", "WASHINGTON —", "DES MOINES, Iowa —"), as ``(start,
    end)``, or None."""
    for s, e in lines_with_offsets(text)[:12]:
        m = _DATELINE.match(text, s, e) or DATELINE_OPEN.match(text, s, e)
        if m:
            return s, m.end()
    return None


def infer_published(text: str) -> dt.date | None:
    """The latest full date the text states (a lower bound of the publication date).

    A "Published/Posted ... <date>" line wins when there is one. Dates in a future clause
    ("the summit will open Nov. 30, 2025") are not evidence and are skipped.
    """
    lines = lines_with_offsets(text)
    for s, e in lines[:12] + lines[-6:]:
        label = _PUBLISHED_LINE.match(text, s, e)
        if label:
            dated = _full_dates(find_time_expressions(text, label.end(), e))
            if dated and label.group("label").lower() in {"published", "posted", "first published"}:
                return dated[0]
    dated = _full_dates(find_time_expressions(text, tenses=True))
    return max(dated) if dated else None


def _full_dates(exprs: list[TimeExpr]) -> list[dt.date]:
    out = []
    for x in exprs:
        if x.certainty != "exact" or x.tense == "future" or x.date is None:
            continue
        if x.kind == "date":
            out.append(x.date)
        elif x.kind == "range" and x.end_date is not None and (x.end_date - x.date).days < 32:
            out.append(x.end_date)
    return out


def build_meta(
    doc_id: str,
    text: str,
    given: Mapping[str, Any] | None = None,
    path: str | None = None,
    furniture_lines: Sequence[tuple[int, int]] = (),
) -> ArticleMeta:
    """Merge given metadata (wins, date ``stated``) with what the text states.

    ``furniture_lines`` are ``(start, end)`` spans of lines the loader judged to be page
    furniture; they are never taken as the title. Fields nobody states stay ``None``.
    """
    known = clean_meta(given or {}, where=doc_id)
    title = known.get("title") or detect_title(text, furniture_lines)
    outlet, author = known.get("outlet"), known.get("author")
    if outlet is None or author is None:
        found_outlet, found_author = detect_outlet_author(text, furniture_lines)
        outlet, author = outlet or found_outlet, author or found_author
    published, source = known.get("published"), "stated"
    if published is None:
        published = infer_published(text)
        source = "inferred" if published else "none"
    return ArticleMeta(
        doc_id=doc_id,
        title=title,
        outlet=outlet,
        author=author,
        published=published,
        published_source=source,  # type: ignore[arg-type]
        url=known.get("url"),
        path=path,
    )
