"""Text primitives: EVAL_SPEC normalisation, paragraphs and sentences with offsets.

Every function here returns offsets into the text it was given, never into a cleaned
copy, so a citation's ``start``/``end`` always point at the article as stored.

Why :func:`split_sentences` uses pysbd and not spaCy's ``doc.sents`` (the guide's default
for sentences), measured on PolNeAR train (840 articles, 625k words; round 16,
``python -m benchmarks.sentences_polnear --split train``; evals/README "Sentence
boundaries"), counting boundaries inside paragraphs:

* gold attribution spans cut (a Source, a Cue, a one-sentence Content, between a Source and
  its Cue, between a Content and the Cue right after it): pysbd with the repairs below 59,
  the ledger's quote-aware filter of the parser's sentences
  (:func:`assistant.nlp.parse.doc_sentences`) 73, the parser's raw ``doc.sents`` 1,209 (it
  cuts between the sentences of a quotation, and before a closing mark);
* boundaries inside quotation marks: pysbd 100 (94 of them after a quoted sentence's own
  full stop), the ledger's filter 10, raw ``doc.sents`` 2,412; sentences over 60 words:
  pysbd 256, the ledger's filter 300;
* where they disagree (a sample of 40 read) each misses real sentence ends the other finds:
  the parser rarely starts a sentence at a typewriter ``''`` quotation, pysbd rarely ends
  one after a closing mark;
* CPU per 1,000 words: pysbd 17 ms; spaCy's cheapest sentence pipeline (the model's
  ``senter`` alone) 46-49 ms, the parser alone 68-77 ms, the ledger's pipeline 176-194 ms;
  and importing spaCy and loading the model adds about 0.6 s to a process.

So spaCy is not clearly better at sentences here, and query time (the answer verifier splits
passages and claims) would have to import it, which the ``ask`` path is built to avoid.
Ingest keeps using the parser's sentences where it has the parse (the quote ledger).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from functools import lru_cache
from typing import Any

from assistant.types import Span

_QUOTES = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "‚": "'", "„": '"'})
_DASHES = re.compile("[\u2010\u2011\u2012\u2013\u2014\u2015\u2212]")
_WS = re.compile(r"\s+")


def normalise(text: str) -> str:
    """EVAL_SPEC normalisation: NFKC, straight quotes, dashes to '-', one space, lower case."""
    text = unicodedata.normalize("NFKC", text).translate(_QUOTES)
    text = _DASHES.sub("-", text)
    return _WS.sub(" ", text).strip().lower()


def unaccented(text: str) -> str:
    """``text`` without its diacritics ("Peña" -> "Pena", "Gülen" -> "Gulen"): compatibility
    decomposition, combining marks dropped. News spells a foreign name with and without them,
    and a question typed on an English keyboard usually without; word matching reads both so.
    Not for offsets (a ligature or fraction becomes several characters)."""
    if text.isascii():
        return text
    return "".join(ch for ch in unicodedata.normalize("NFKD", text) if not unicodedata.combining(ch))


_NAME_WORD = re.compile(r"\b[A-Z][^\W\d_]+\b")


def respelled(question: str, texts: Sequence[str]) -> str:
    """``question`` with each capitalised word that ``texts`` write only in another spelling of
    the same letters, with or without diacritics, spelled as they write it ("What did Gulen
    say?" over articles naming "Gülen"; "Peña" asked of articles writing "Pena"), so the answer
    step's name matching, which reads words as written, finds the person. A word the texts
    also write as asked, or in two other spellings, is left alone."""
    asked = {unaccented(w): w for w in _NAME_WORD.findall(question)}
    if not asked or (question.isascii() and all(t.isascii() for t in texts)):
        return question
    spellings: dict[str, set[str]] = {}
    for text in texts:
        for w in _NAME_WORD.findall(text):
            if (plain := unaccented(w)) in asked:
                spellings.setdefault(plain, set()).add(w)
    swap = {
        asked[plain]: next(iter(found))
        for plain, found in spellings.items()
        if len(found) == 1 and asked[plain] not in found
    }
    if not swap:
        return question
    return _NAME_WORD.sub(lambda m: swap.get(m.group(0), m.group(0)), question)


def normalise_with_map(text: str) -> tuple[str, list[int]]:
    """Normalise ``text`` and return, for each output character, its source offset.

    Lets a match found in normalised text be mapped back to verbatim offsets. NFKC runs on
    each base character together with the combining marks after it (a decomposed "ã" is
    "a" + U+0303), so the result equals :func:`normalise` of the whole text; every output
    character of such a cluster maps to the cluster's first offset.
    """
    out: list[str] = []
    index: list[int] = []
    pending_space = False
    i, n = 0, len(text)
    while i < n:
        j = _cluster_end(text, i)
        piece = unicodedata.normalize("NFKC", text[i:j]).translate(_QUOTES)
        piece = _DASHES.sub("-", piece)
        for c in piece:
            if c.isspace():
                pending_space = bool(out)
                continue
            if pending_space:
                out.append(" ")
                index.append(i)
                pending_space = False
            for lc in c.lower():
                out.append(lc)
                index.append(i)
        i = j
    return "".join(out), index


def _cased(text: str) -> str:
    """:func:`normalise` without the lower-casing: tells "disgrace" from a headline's "Disgrace"."""
    text = unicodedata.normalize("NFKC", text).translate(_QUOTES)
    return _WS.sub(" ", _DASHES.sub("-", text)).strip()


def find_verbatim(needle: str, haystack: str) -> Span | None:
    """Find ``needle`` in ``haystack`` after normalising both; return haystack offsets.

    Normalisation ignores case, so a word can match a headline's capitalised copy before
    the sentence that has it as written; the first occurrence whose characters match
    ``needle`` with their case is preferred, else the first occurrence.
    """
    n = normalise(needle)
    if not n:
        return None
    norm, index = normalise_with_map(haystack)
    pos = norm.find(n)
    first: Span | None = None
    want = _cased(needle)
    while pos >= 0:
        found = Span(start=index[pos], end=_cluster_end(haystack, index[pos + len(n) - 1]))
        if _cased(haystack[found.start : found.end]) == want:
            return found
        first = first or found
        pos = norm.find(n, pos + 1)
    return first


def _cluster_end(text: str, at: int) -> int:
    """The offset after the character at ``at`` and the combining marks that follow it."""
    end = at + 1
    while end < len(text) and unicodedata.combining(text[end]):
        end += 1
    return end


_LINE = re.compile(r"[^\n]*\n?")


def lines_with_offsets(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of every non-blank line, trimmed of surrounding white space."""
    spans: list[tuple[int, int]] = []
    for m in _LINE.finditer(text):
        s, e = m.start(), m.end()
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            spans.append((s, e))
    return spans


def _hard_wrapped(text: str, lines: list[tuple[int, int]]) -> bool:
    """True when lines look wrapped at a fixed width inside blank-line separated blocks."""
    if "\n\n" not in text or len(lines) < 6:
        return False
    unterminated = sum(1 for s, e in lines if text[e - 1] not in ".!?\"'”’:)")
    lengths = sorted(e - s for s, e in lines)
    return unterminated / len(lines) > 0.5 and lengths[len(lengths) // 2] < 100


def paragraphs(text: str) -> list[tuple[int, int]]:
    """Paragraph spans: a line each, or blank-line blocks when the text is hard-wrapped."""
    lines = lines_with_offsets(text)
    if not _hard_wrapped(text, lines):
        return lines
    blocks: list[tuple[int, int]] = []
    for m in re.finditer(r"\S(?:.|\n(?!\s*\n))*", text):
        s, e = m.start(), m.end()
        while e > s and text[e - 1].isspace():
            e -= 1
        blocks.append((s, e))
    return blocks


class _CachedRe:
    """The ``re`` module with a compiled-pattern cache large enough for pysbd.

    pysbd builds hundreds of patterns per abbreviation it meets and calls ``re.sub`` /
    ``re.findall`` with them; they overflow ``re``'s 512-entry cache, so most calls
    recompiled their pattern (about 60% of the time spent preparing an article). Every
    function here is ``re.compile(pattern, flags).<method>(...)``, exactly what ``re``
    itself does, with a bigger cache in front.
    """

    def __getattr__(self, name: str) -> Any:
        return getattr(re, name)

    @staticmethod
    @lru_cache(maxsize=8192)
    def compile(pattern: Any, flags: Any = 0) -> Any:
        return re.compile(pattern, flags)

    def sub(self, pattern: Any, repl: Any, string: Any, count: int = 0, flags: Any = 0) -> Any:
        return self.compile(pattern, flags).sub(repl, string, count)

    def subn(self, pattern: Any, repl: Any, string: Any, count: int = 0, flags: Any = 0) -> Any:
        return self.compile(pattern, flags).subn(repl, string, count)

    def findall(self, pattern: Any, string: Any, flags: Any = 0) -> Any:
        return self.compile(pattern, flags).findall(string)

    def finditer(self, pattern: Any, string: Any, flags: Any = 0) -> Any:
        return self.compile(pattern, flags).finditer(string)

    def search(self, pattern: Any, string: Any, flags: Any = 0) -> Any:
        return self.compile(pattern, flags).search(string)

    def match(self, pattern: Any, string: Any, flags: Any = 0) -> Any:
        return self.compile(pattern, flags).match(string)

    def fullmatch(self, pattern: Any, string: Any, flags: Any = 0) -> Any:
        return self.compile(pattern, flags).fullmatch(string)

    def split(self, pattern: Any, string: Any, maxsplit: int = 0, flags: Any = 0) -> Any:
        return self.compile(pattern, flags).split(string, maxsplit)


@lru_cache(maxsize=1)
def _segmenter():  # type: ignore[no-untyped-def]
    import sys

    import pysbd

    cached = _CachedRe()
    for name, mod in list(sys.modules.items()):
        if name.startswith("pysbd") and getattr(mod, "re", None) is re:
            mod.re = cached  # type: ignore[attr-defined]
    return pysbd.Segmenter(language="en", clean=False, char_span=True)


#: Paragraphs longer than this are cut at white space before sentence splitting, so one
#: pathological line (a 100k-character run) cannot stall pysbd.
MAX_PARAGRAPH = 5000


def split_sentences(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Sentence spans of ``text[start:end]`` in absolute offsets, white space trimmed."""
    end = len(text) if end is None else end
    out: list[tuple[int, int]] = []
    pos = start
    while pos < end:
        stop = min(end, pos + MAX_PARAGRAPH)
        if stop < end:
            cut = text.rfind(" ", pos + MAX_PARAGRAPH // 2, stop)
            stop = cut if cut > pos else stop
        piece = text[pos:stop]
        for sp in _segmenter().segment(piece):
            s, e = pos + sp.start, pos + sp.end
            while s < e and text[s].isspace():
                s += 1
            while e > s and text[e - 1].isspace():
                e -= 1
            s, e, tagged = _untagged(text, s, e)
            if e > s and (not tagged or any(ch.isalnum() for ch in text[s:e])):
                out.append((s, e))
        pos = stop
    return _merge_quote_tails(text, out, start)


#: Markup tags a scraped article keeps in its plain text at a sentence's edges (an embedded
#: tweet: ``<tweet author="..." tweet_id="...">The tweet's words</tweet>.``, ``<tweet
#: tweet-id="..."><tweet/>.``). Their attribute values hold quotation marks and words that are
#: no sentence's; the tags stay in the stored text (offsets stay valid), outside the sentences.
_TAGS_OPENING = re.compile(r"(?:<[A-Za-z/][^<>]*>\s*)+")
_TAGS_CLOSING = re.compile(r"(?:\s*<[A-Za-z/][^<>]*>)+[\s.]*$")


def _untagged(text: str, s: int, e: int) -> tuple[int, int, bool]:
    """Sentence ``text[s:e]`` without the markup tags at its start and end, and whether any
    were cut."""
    if text.find("<", s, e) < 0:
        return s, e, False  # nearly every sentence: no tag to look for
    m = _TAGS_OPENING.match(text, s, e)
    cut = m is not None
    if m is not None:
        s = m.end()
    m = _TAGS_CLOSING.search(text, s, e)
    if m is not None:
        e, cut = m.start(), True
    return s, e, cut


_CLOSERS = set("\"'”’)]")


#: No sentence opens with these: pysbd cuts after a state's abbreviation ("Sen. Tim Kaine,
#: D-Va., as ..." -> "... D-Va." + ", as ..."), and inside an initialism joined by an ampersand
#: ("The S.&P. 500 closed ..." -> "The S." + "&P." + "500 closed ...").
_CONTINUERS = set(",;:&")
#: An initialism joined by an ampersand at a sentence's end ("S.&P.", "A.&P."): what follows
#: in lower case or digits ("500 closed ...", "said") goes on the same sentence.
_AMPERSAND_INITIALS = re.compile(r"(?<![A-Za-z])[A-Z]\.&[A-Z]\.$")


#: Double quotation marks standing alone at a sentence's start, before white space: pysbd
#: cuts before the closing mark of a quotation that ends a sentence when a word follows
#: (``… rendered insincere.” Zornick’s comment``), most often after ``!!`` or a mark keyed
#: the wrong way round (``… a fascist?“ he asked``).
_LEADING_MARKS = re.compile(r"(?:[”\"“]|'')+(?=\s)")
#: A sentence cut right after a closing quotation mark whose words end in a letter or a digit
#: (no full stop, comma, question or exclamation mark inside it): the quotation is a phrase
#: of a sentence that goes on.
_UNSTOPPED_QUOTE = re.compile(r"[A-Za-z0-9][”\"]$")


#: An abbreviation glued to a hyphen or an opening mark at a sentence's end: pysbd reads
#: "Mr." and "Sen." as abbreviations only after white space (``then-Sen. ‖ Jane Roe``,
#: ``'Mr. ‖ Roe, you're a lawyer``).
_GLUED_ABBREVIATION = re.compile(r"[-'\"“‘`]([A-Za-z]+)\.$")


def _title_cut(word: str, rest: str) -> bool:
    """Was the sentence cut after the abbreviation ``word`` (not an all-capital word: a
    headline's or a time zone's) when what follows goes on with a name or a hyphen?"""
    return abbreviation(word) and not word.isupper() and (rest[:1].isupper() or rest[:1] == "-")


def _merge_quote_tails(text: str, spans: list[tuple[int, int]], start: int = 0) -> list[tuple[int, int]]:
    """Re-attach fragments pysbd cuts off: a lone closing quote mark, the rest of a sentence
    cut after an abbreviation (it opens with a comma, semicolon or colon), or the closing
    marks a sentence opens with while a quotation is open in ``text[start:]`` before them
    (with the rest too when it goes on in lower case: ``…?” he asked.``), the rest of a
    sentence cut after an abbreviation glued to a hyphen or a quotation mark, or the pieces of
    an initialism joined by an ampersand ("S.&P. 500")."""
    merged: list[tuple[int, int]] = []
    for s, e in spans:
        frag = text[s:e]
        if merged and (all(c in _CLOSERS for c in frag) or len(frag.strip()) <= 1 or frag[0] in _CONTINUERS):
            merged[-1] = (merged[-1][0], e)
            continue
        if merged and _UNSTOPPED_QUOTE.search(text, merged[-1][0], merged[-1][1]):
            # '... whether or not to go after" Osama bin Laden.': the quoted words stop with no
            # mark of their own, and the sentence goes on after the closing mark
            merged[-1] = (merged[-1][0], e)
            continue
        if (
            merged
            and _AMPERSAND_INITIALS.search(text, merged[-1][0], merged[-1][1])
            and (frag[0].islower() or frag[0].isdigit())
        ):
            merged[-1] = (merged[-1][0], e)  # "The S.&P. 500 closed ...": one sentence
            continue
        glued = _GLUED_ABBREVIATION.search(text, merged[-1][0], merged[-1][1]) if merged else None
        if glued and _title_cut(glued.group(1), frag):
            merged[-1] = (merged[-1][0], e)
            continue
        lead = _LEADING_MARKS.match(frag)
        if merged and lead and quotation_spans(text[start:s])[1]:
            rest = s + lead.end()
            while rest < e and text[rest].isspace():
                rest += 1
            if text[rest : rest + 1].islower():  # "…?” he asked.": the quotation's own cue
                merged[-1] = (merged[-1][0], e)
                continue
            merged[-1] = (merged[-1][0], s + lead.end())
            s = rest
        merged.append((s, e))
    return merged


#: Abbreviations after which a full stop does not end a sentence (:func:`rule_sentences`).
ABBREVIATIONS = frozenset(
    """mr mrs ms dr st jr sr gen sen rep gov lt col sgt prof inc ltd co corp vs no ont que
    jan feb mar apr jun jul aug sep sept oct nov dec mt ft approx est dept univ""".split()
)


def abbreviation(word: str) -> bool:
    """Does a full stop after ``word`` end an abbreviation ("Mr", "Sept") or an initial
    ("J"), not a sentence?"""
    return word.lower() in ABBREVIATIONS or re.fullmatch(r"[A-Z]", word) is not None


_BOUNDARY = re.compile(r"[.!?]+[”\"’')\]]*\s+(?=[“\"‘'`(A-Z0-9À-Þ])")


def trim_span(text: str, s: int, e: int) -> tuple[int, int]:
    """``(s, e)`` without white space at either end or a trailing ``,;:``."""
    while s < e and text[s].isspace():
        s += 1
    while e > s and (text[e - 1].isspace() or text[e - 1] in ",;:"):
        e -= 1
    return s, e


def rule_sentences(
    text: str, lo: int, hi: int, quotes: Sequence[tuple[int, int, int]] = ()
) -> list[tuple[int, int]]:
    """Sentence spans of one paragraph ``text[lo:hi]`` by rule, never cut inside a quotation.

    ``quotes`` holds ``(start, end, close)`` per quotation: its words ``[start, end)`` and the
    offset just past its closing mark; a boundary inside them counts only at the quotation's
    end. Spans are trimmed of white space and of a trailing ``,;:``.

    Why a regex splitter remains beside spaCy's (:func:`assistant.nlp.parse.doc_sentences`):
    the quote ledger also runs where there is no parse, by design (``extract_quotes`` without
    a ``doc``: the spaCy-free rules path, ``assistant eval quotes`` on a text alone, tests),
    and pysbd (:func:`split_sentences`) is not quote-aware. Ingest always has the parse and
    uses spaCy's sentences."""
    out, s = [], lo
    for m in _BOUNDARY.finditer(text, lo, hi):
        p = m.start()
        inside = next((q for q in quotes if q[0] <= p < q[1]), None)
        if inside is not None and m.end() <= inside[2]:
            continue
        word = re.search(r"([\w.]+)$", text[s:p])
        if word:
            w = word.group(1)
            if abbreviation(w) or "." in w:
                continue
        out.append((s, m.end()))
        s = m.end()
    if s < hi:
        out.append((s, hi))
    return [(a, b) for a, b in ((*trim_span(text, a, b),) for a, b in out) if b > a]


_WORD = re.compile(r"[A-Za-z0-9][A-Za-z0-9'’\-]*")


def words(text: str) -> list[str]:
    return [w.lower().replace("’", "'") for w in _WORD.findall(text)]


_POSSESSIVE_END = re.compile(r"['’]s?$")


def unpossessive(word: str) -> str:
    """``word`` without a possessive ending, straight or curly: "Roe's", "Roe’s" -> "Roe",
    "Reyes'" -> "Reyes" (the one possessive stripper of the answer step and the ledger)."""
    return _POSSESSIVE_END.sub("", word)


_DOUBLE_MARKS = frozenset('"“”„')


#: What may follow a closing quotation mark besides white space and the end.
_CLOSER_NEXT = ".,;:!?)]}…-—–"
#: What may stand right before an opening quotation mark besides white space and the start.
_OPENER_PREV = "([{—–-/:“‘"

#: The typewriter pairs archive text writes for double quotation marks: two apostrophes
#: (``''no one can …,'' he said``, the New York Times archive) and two backticks opening
#: (text set in TeX or typewriter style). spaCy's lexical attribute ``is_quote`` lists both
#: among the quotation marks; here they are read by position (:func:`typewriter_marks`).
TYPEWRITER_MARKS = ("''", "``")
#: Any double quotation mark in a text, the typewriter pairs included.
ANY_DOUBLE_MARK = re.compile("[\"“”„]|''|``")
_TYPEWRITER_RUN = re.compile(r"'{2,}|`{2,}")


def typewriter_marks(text: str, lo: int = 0, hi: int | None = None) -> dict[int, str]:
    """The typewriter double marks of ``text[lo:hi]`` that stand where a quotation opens or
    closes, as ``{offset: "“" or "”"}`` (each mark is two characters from its offset).

    A reader decides by position, as for a straight ``"``: two apostrophes or two backticks
    after white space, the start or opening punctuation and before a word open a quotation;
    two apostrophes after a word or punctuation and before white space, punctuation or the
    end close one. Anything else (``don''t``, a pair between two spaces) is no mark. A run
    of three apostrophes is a single mark nested in a double one: the double mark stands
    outside, first in an opening run (two, then the single) and last in a closing run
    (``… exploit it,''' he recalled``: the single, then two), so the single one is left to
    the single-quote reading. One apostrophe is never read here: it stays an apostrophe, a
    possessive ``s'`` or a single quotation mark.
    """
    hi = len(text) if hi is None else hi
    out: dict[int, str] = {}
    for m in _TYPEWRITER_RUN.finditer(text, lo, hi):
        a, b = m.span()
        if b - a > 3:
            continue
        before = text[a - 1] if a > lo else " "
        after = text[b] if b < hi else " "
        opens = (before.isspace() or before in _OPENER_PREV) and not after.isspace()
        closes = not before.isspace() and (after.isspace() or after in _CLOSER_NEXT or after in '”’"')
        if text[a] == "`":
            if opens and b - a == 2:
                out[a] = "“"
        elif opens and not closes:
            out[a] = "“"
        elif closes and not opens:
            out[b - 2] = "”"
    return out


def mark_width(text: str, i: int) -> int:
    """How many characters the quotation mark at ``i`` takes: 2 for a typewriter pair."""
    return 2 if text[i : i + 2] in TYPEWRITER_MARKS else 1


def quotation_spans(text: str) -> tuple[list[tuple[int, int]], list[int], list[int]]:
    """Where ``text`` shows words between double quotation marks, as a reader sees it.

    Returns ``(spans, unclosed, unopened)``: the ``(start, end)`` of the words inside each
    pair of marks (marks excluded; nested pairs each give a span), the offsets of opening
    marks never closed and of closing marks never opened (a typewriter mark takes two
    characters from its offset: :func:`mark_width`). Curly marks say which way they face;
    a straight ``"`` closes when a quotation is open and it follows a non-space
    character, and is a stray closer when nothing is open and it follows a word and
    precedes white space, punctuation or the end. The typewriter pairs (two apostrophes,
    two backticks) face the way their position says (:func:`typewriter_marks`).

    A curly mark keyed the wrong way round is read by where it stands, as a reader does:
    an opening ``“`` that follows a word or punctuation and precedes white space,
    punctuation or the end closes an open quotation (``were “Mostly False.“``), and a
    closing ``”`` after white space (or at the start) and before a word opens one when
    none is open (``”Sorry, Sarah,” he wrote``).
    """
    spans: list[tuple[int, int]] = []
    stack: list[int] = []
    unopened: list[int] = []
    typed = typewriter_marks(text)
    for i, ch in enumerate(text):
        width = 1
        if i in typed:
            ch, width = typed[i], 2
        elif ch not in _DOUBLE_MARKS:
            continue
        before = text[i - 1] if i > 0 else " "
        after = text[i + width] if i + width < len(text) else " "
        if width == 2:
            closes = ch == "”"
        elif ch in "“„":
            closes = bool(stack) and not before.isspace() and (after.isspace() or after in _CLOSER_NEXT)
        elif ch == "”":
            closes = bool(stack) or not (before.isspace() and after.isalnum())
        elif stack and text[stack[-1]] == '"':
            closes = True
        else:
            closes = not before.isspace() and not (after.isalnum() or after in "“‘'")
        if not closes:
            stack.append(i)
        elif stack:
            top = stack.pop()
            spans.append((top + mark_width(text, top), i))
        else:
            unopened.append(i)
    spans.sort()
    return spans, stack, unopened


_SPEC_MARKER = re.compile(r"\[\d+(?:\s*,\s*\d+)*\]")
_SPEC_QUOTED = re.compile(r'"([^"\n]+)"')
#: Stripped from both ends of a quoted span: quoting moves sentence punctuation in and
#: out of the marks ("directions," in the source becomes "directions." in an answer).
_SPEC_EDGE = " \t.,;:!?…-"


def _spec_flat(text: str) -> str:
    """``text`` as EVAL_SPEC's faithfulness reads it: ``[n]`` markers out, curly double
    marks straight."""
    return _SPEC_MARKER.sub(" ", text).replace("“", '"').replace("”", '"')


def spec_quotations(text: str) -> list[str]:
    """The spans an answer quotes, read as EVAL_SPEC's ``quote_faithfulness`` reads them.

    ``[n]`` markers removed, curly double marks made straight, marks paired left to right
    within a line, each span's edge punctuation trimmed; spans of fewer than 3 non-space
    characters are no quotes. Cruder than :func:`quotation_spans` (no nesting) on purpose:
    it is the metric's definition, and the verifier checks an answer against it too, so
    what the verifier accepts is what the metric finds.
    """
    flat = _spec_flat(text)
    spans = [m.group(1).strip().strip(_SPEC_EDGE) for m in _SPEC_QUOTED.finditer(flat)]
    return [s for s in spans if len(re.sub(r"\s", "", s)) >= 3]


def spec_pairs_whole(text: str) -> bool:
    """Does EVAL_SPEC's left-to-right pairing (:func:`spec_quotations`) consume every double
    mark of ``text``, line by line?

    Answers are claims joined by spaces, and the metric pairs marks over the whole answer:
    a claim that leaves a mark unpaired (an odd count, or an empty ``“…”"`` pair, which the
    pattern skips) shifts the pairing into the next claim, and the metric then reads the
    words *between* two claims as quoted. A claim that passes this reads the same alone and
    joined.
    """
    flat = _spec_flat(text)
    return all(line.count('"') == 2 * len(_SPEC_QUOTED.findall(line)) for line in flat.split("\n"))


def quotes_balanced(text: str) -> bool:
    """Does every double quotation mark in ``text`` have its partner?"""
    _, unclosed, unopened = quotation_spans(text)
    return not unclosed and not unopened


def shown_quote(text: str) -> str:
    """A source sentence as shown in a Sources list: between curly quotation marks, unless
    it already opens with a quotation mark of its own (no doubled ``““…””``)."""
    return text if text[:1] in "“\"‘'„`" else f"“{text}”"


#: A dateline that opens a story's first sentence ("WASHINGTON — Sen. Roe said", "DES MOINES,
#: Iowa — ...", "CLEVELAND (AP) – ..."): a place in capitals and a dash before a capital,
#: never the sentence's subject ("NATO — the alliance — said" is no dateline).
DATELINE_OPEN = re.compile(
    r"[A-Z][A-Z.'’ ]{1,30}[A-Z.](?:,\s+[A-Z][A-Za-z.]{1,12})?\s*(?:\([^()]{2,40}\)\s*)?[—–]\s+"
    r"(?=[A-Z“\"‘'])"
)
