"""Direct quotes and reported speech, with offsets into the article as stored.

:func:`extract_quotes` walks an article paragraph by paragraph and sentence by sentence:

* **Direct quotes**: text between double marks (curly or straight), or between single
  marks when they are not apostrophes; nested quotes inside a quote; a paragraph that
  opens a quote and never closes it (the multi-paragraph convention). Fragments of three
  words or fewer count only when a speech cue governs them (so scare quotes such as
  "Golden Dome" are dropped).
* **Attribution** of a direct quote, in order: a cue right after it (``“…,” he said`` /
  ``said Jivani``), a cue earlier in the same sentence (``Poilievre wrote: “…”``), else
  the speaker of the quote just before it in the paragraph (``“…,” he said. “…”``) or at
  the end of the previous paragraph when this one opens with a quote; on the parse, last,
  the one person the quote's sentence names as subject or possessor (:meth:`_Extractor.fallback`).
* **Reported speech**: a clause cue with its subject (``X said (that) CLAUSE``,
  ``X told Y CLAUSE``, ``…, saying CLAUSE``), a clause before the cue (``CLAUSE, X said.``),
  ``according to X`` and naming cues (``X calls it a …``, ``X described Y as …``).

Every record satisfies ``text[q.start:q.end] == q.quote``.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from assistant.nlp import alternation, stopwords, weekdays
from assistant.nlp.parse import doc_sentences
from assistant.nlp.text import TYPEWRITER_MARKS, paragraphs, rule_sentences, trim_span, typewriter_marks
from assistant.quotes.attribution import (
    CLAUSE_CUES,
    CLAUSE_ONLY_CUES,
    CUE_RE,
    FORM_TO_LEMMA,
    NAMING_CUES,
    THAT_ONLY_CUES,
    Resolved,
    Resolver,
    appositive,
    cue_lemma,
    is_participle,
    strip_adverbials,
    subject_at_start,
    suffix_mention,
)
from assistant.quotes.columns import authored_sentences
from assistant.quotes.interviews import interview_answers
from assistant.quotes.letters import signed_paragraphs
from assistant.quotes.parsed import Hit, ParsedArticle
from assistant.quotes.people import STOP_CAPS, Mention, Registry, clean_token, honorific_gender, parse_mention
from assistant.quotes.transcripts import transcript_turns
from assistant.settings import QuotesSettings
from assistant.types import Quote, Span

if TYPE_CHECKING:
    from spacy.tokens import Doc

_CLAUSE_END = re.compile(
    rf",\s+(?:{alternation('clause_end_words')})\b|;|\s[—–]\s|—|,?\s+(?:and|but)\s+(?:[a-z]+ly\s+)?(?:"
    + "|".join(f for f in FORM_TO_LEMMA if not f.endswith("ing"))
    + r")\b"
)
_THAT = re.compile(
    rf"^(?:\s*,)?(?:\s+(?:(?:{alternation('that_leads')}|{weekdays()})\b"
    r"(?:[^,.;:“”\"]|(?:(?<=\b[A-Z][a-z]{2})|(?<=\b[A-Z][a-z]{3}))\.(?=\s\d)|,(?=\s\d{4}\b)){0,70}?))?,?\s+that\s+"
)
#: A reported clause opening with a bare noun phrase: "said grain exports would climb".
_NP_CLAUSE = re.compile(
    rf"^\s+(?!(?:{alternation('not_clause_openers')}|more(?!\s+than))\b)[a-z][\w’'\-]*(?:\s+[\w’'\-]+){{0,4}}?"
    rf"\s+(?:{alternation('finite_auxiliaries')})\b"
)
_LEAD_DAY = re.compile(
    rf"^\s+(?:on\s+)?(?:{weekdays()}|yesterday|today|tonight|(?:last|this)\s+(?:{alternation('lead_day_periods')}))\s"
)
_THAT_ONLY = THAT_ONLY_CUES
_TELL_OBJ = re.compile(
    rf"^\s+(?:[A-ZÀ-Þ][\w’'.\-]*(?:\s+[A-ZÀ-Þ][\w’'.\-]*){{0,4}}|{alternation('told_objects')}|"
    rf"(?:{alternation('told_object_determiners')})\s+[\w’'\- ]{{1,40}}?)"
    rf"(?:\s+(?:{alternation('told_time_leads')})\b[^,.;:“”\"]{{0,50}}?)?(?:,?\s+that)?(?=\s)"
)
_CLAUSE_START = re.compile(
    rf"^\s+(?:[a-z]+ly\s+)?(?=(?:(?:{alternation('clause_openers')})\b|[A-ZÀ-Þ0-9“\"‘]))"
)
_VERBISH = re.compile(rf"\b(?:{alternation('verbish')}|[a-z]{{3,}}ed)\b", re.I)
_QUOTED = re.compile(r"[“\"‘][^“”\"‘’]*[”\"’]|(?:''|``)[^“”\"]*?''")
_WORDS = re.compile(r"[\w’'\-]+")
_SUBJECT_PRONOUN = re.compile(rf"^\s*(?:{alternation('clause_subject_pronouns')})\b", re.I)
_ACCORDING = re.compile(r"\baccording to\s+", re.I)
#: Words ending the text before a participle cue that make it hang on the clause before.
_PARTICIPLE_SUBJECT_END = re.compile(rf"\b(?:{alternation('participle_subject_ends')})$", re.I)
#: Where a speaker's name written after its cue ends ("said Roe, ...", "said Roe in ...").
_SUBJECT_AFTER_CUE_END = re.compile(rf"[,;:(—–]|\s(?:{alternation('subject_after_cue_stops')})\s")
_NAMING_PARTICLE = re.compile(rf"\s+(?:{alternation('naming_particles')})\b")
_NAMING_OBJECT = re.compile(rf"\s+(?:(?:{alternation('naming_objects')})\b|[^,.;]{{1,60}}?\sas\s)")
_POSTPOSED_TAIL = re.compile(rf"\s*(?:{alternation('postposed_tail_leads')}|,)\b")


@dataclass
class _Direct:
    start: int  # content start (after the mark)
    end: int  # content end (before the mark)
    close: int  # offset just past the closing mark
    closed: bool = True
    nested: list[tuple[int, int]] = field(default_factory=list)
    #: offset of the opening mark (two before ``start`` for a typewriter pair); -1: ``start - 1``
    mark: int = -1

    def __post_init__(self) -> None:
        if self.mark < 0:
            self.mark = self.start - 1


@dataclass
class _SentCue:
    pos: int
    lemma: str
    resolved: Resolved | None
    span: tuple[int, int]
    clause: tuple[int, int] | None = None


def _opens(text: str, i: int, lo: int, transparent: bool = False) -> bool:
    """Whether the mark at ``i`` stands where a quote opens: after white space, the
    paragraph's start or an opening bracket or dash, and before a word. With
    ``transparent``, invisible format characters before it (a bidi mark) are skipped."""
    j = i - 1
    while transparent and j >= lo and unicodedata.category(text[j]) == "Cf":
        j -= 1
    prev = text[j] if j >= lo else " "
    nxt = text[i + 1] if i + 1 < len(text) else " "
    return (prev.isspace() or prev in "([{—–-/:“‘") and not nxt.isspace()


def _blank(s: str) -> bool:
    """Whether ``s`` holds only white space and invisible format characters."""
    return all(ch.isspace() or unicodedata.category(ch) == "Cf" for ch in s)


def _closes_miskeyed(text: str, i: int, hi: int) -> bool:
    """Whether an opening mark at ``i``, inside an open quote, stands where a quote closes:
    glued to the word or comma before it and followed by white space or the paragraph's end
    (``… here,“ said Roe``); an opening mark is never followed by a space."""
    nxt = text[i + 1] if i + 1 < hi else " "
    return i > 0 and not text[i - 1].isspace() and text[i - 1] not in "([{—–-/:“‘" and nxt.isspace()


def _singles(text: str, lo: int, hi: int) -> list[tuple[int, int]]:
    """Single-mark quotes in ``[lo, hi)``, telling them from apostrophes."""
    out: list[tuple[int, int]] = []
    i = lo
    while i < hi:
        c = text[i]
        if c in "‘'" and _opens(text, i, lo) and i + 1 < hi and text[i + 1].isalnum():
            j = i + 1
            while j < hi:
                if (
                    text[j] in "’'"
                    and not text[j - 1].isspace()
                    and (j + 1 >= hi or not text[j + 1].isalnum())
                ):
                    break
                j += 1
            if j < hi:
                out.append((i + 1, j))
                i = j + 1
                continue
        i += 1
    return out


def scan_direct(text: str, lo: int, hi: int) -> list[_Direct]:
    """Direct quotes of one paragraph ``text[lo:hi]``, nested quotes attached.

    The typewriter pairs of archive text (two apostrophes, two backticks) are double marks
    facing the way their position says (:func:`assistant.nlp.text.typewriter_marks`); they
    take two characters, so a quote's words start two past its opening mark."""
    found: list[_Direct] = []
    open_at: int | None = None
    open_width = 1
    typed = typewriter_marks(text, lo, hi)
    i = lo
    while i < hi:
        c, width = text[i], 1
        if i in typed:
            c, width = typed[i], 2
        elif c == "“" and open_at is not None and _closes_miskeyed(text, i, hi):
            c = "”"  # "… here,“ said Roe": an opening mark keyed where a quote closes
        elif c == "”" and open_at is None and _opens(text, i, lo, transparent=True) and _blank(text[lo:i]):
            c = "“"  # "¶ ”Sorry Sarah, …” posted Roe": a closing mark opening a paragraph
        if c == "“" or (c == '"' and open_at is None and _opens(text, i, lo)):
            open_at, open_width = i, width
        elif c in '”"' and open_at is not None:
            found.append(_Direct(open_at + open_width, i, i + width, mark=open_at))
            open_at = None
        i += width
    if open_at is not None and text[lo:open_at].strip() == "":
        found.append(_Direct(open_at + open_width, hi, hi, closed=False, mark=open_at))
    # single marks used as the outer quotes, in the stretches between double quotes
    gaps, pos = [], lo
    for d in found:
        gaps.append((pos, d.mark))
        pos = d.close
    gaps.append((pos, hi))
    for g0, g1 in gaps:
        for s, e in _singles(text, g0, g1):
            found.append(_Direct(s, e, e + 1))
    for d in found:
        d.nested = _singles(text, d.start, d.end)
    found.sort(key=lambda d: d.start)
    return found


def _appositive_suffix(left: str) -> Mention | None:
    """The subject of ``… NAME, a ROLE,`` ending ``left``, its role attached."""
    parts = left.rstrip(" ,").split(",")
    if len(parts) >= 2:  # "The minister of finance, Ana Ruiz, said"
        name = parse_mention(parts[-1].strip())
        desc = parse_mention(strip_adverbials(parts[-2].strip()))
        if name is not None and name.kind == "name" and desc is not None and desc.kind == "desc":
            return name if name.role else replace(name, role=desc.role)
    for k in (2, 3):
        if len(parts) < k:
            break
        app = appositive(",".join(parts[-k:]))
        if app is not None and app[0].kind in ("name", "org"):
            return app[0] if app[0].role or app[1] is None else replace(app[0], role=app[1])
    return None


def _modifies_noun(words: list[str], n: int) -> bool:
    """Do the first ``n`` words end in a capitalised word that modifies the common noun after
    it ("wrote one Sanders supporter", "said a Trump voter")? The phrase's head is the noun,
    someone unnamed, not the person the name is: English puts a noun's modifiers before it,
    so a name followed by a content word in lower case (no function word, adverb or verb
    form) is the noun's modifier."""
    if n >= len(words) or not words[n - 1][:1].isupper():
        return False
    after = words[n]
    if not after.isalpha() or not after.islower():
        return False
    return after not in stopwords() and not after.endswith(("ly", "ing", "ed"))


def _n_words(s: str) -> int:
    return len(_WORDS.findall(s))


class _Extractor:
    """One article's extraction state."""

    def __init__(
        self,
        doc_id: str,
        text: str,
        skip: Sequence[Span],
        doc: Doc | None = None,
        tuning: QuotesSettings | None = None,
    ) -> None:
        tuning = tuning or QuotesSettings()
        self.doc_id, self.text = doc_id, text
        self.parsed: ParsedArticle | None = None
        if doc is not None:
            # the parse may be of the text with its furniture blanked (ledger_index.parse_text)
            parsed = doc.text
            same = len(parsed) == len(text) and all(a in (b, " ") for a, b in zip(parsed, text, strict=True))
            if not same:
                raise ValueError(f"{doc_id}: the parse is of another text than the article's")
            regions = [(d.mark, d.close) for ps, pe in paragraphs(text) for d in scan_direct(text, ps, pe)]
            self.parsed = ParsedArticle(doc, regions, tuning)
        self.skip = [(s.start, s.end) for s in skip]
        self.registry = Registry(text, self.skip)
        self.resolver = Resolver(text, self.registry, tuning)
        self.out: list[Quote] = []
        self.last_para_quote: Quote | None = None

    def skipped(self, s: int, e: int) -> bool:
        return any(s < b and a < e for a, b in self.skip)

    def emit(
        self, s: int, e: int, kind: str, res: Resolved | None, cue: str | None, attr: tuple[int, int] | None
    ) -> Quote | None:
        s, e = trim_span(self.text, s, e)
        if e <= s or self.skipped(s, e) or not re.search(r"\w", self.text[s:e]):
            return None
        p = res.person if res else None
        q = Quote(
            quote=self.text[s:e],
            doc_id=self.doc_id,
            start=s,
            end=e,
            kind=kind,  # type: ignore[arg-type]
            speaker=p.name if p else None,
            role=res.role if res else None,
            aliases=list(p.aliases) if p else [],
            cue=cue,
            attribution_start=attr[0] if attr else None,
            attribution_end=attr[1] if attr else None,
        )
        self.out.append(q)
        self.resolver.forget(s, e, keep=p)
        return q

    # -- subjects ------------------------------------------------------------------------
    def opening_subject(self, lo: int, hi: int) -> Mention | None:
        """The subject mention opening the sentence ``[lo, hi)``
        (:func:`~assistant.quotes.attribution.subject_at_start`), cut before a verb the parse
        finds in it: "Clinton repeatedly invoked President Obama and suggested …" is no
        description of a president but "Clinton" doing something."""
        m = subject_at_start(self.text[lo:hi])
        if m is None or m.kind != "desc" or self.parsed is None:
            return m
        at = self.text.find(m.text, lo, hi)
        verb = self.parsed.clause_verb(at, at + len(m.text)) if at >= 0 else None
        return subject_at_start(self.text[lo:verb]) if verb is not None else m

    def governing(
        self, sent: tuple[int, int], cues: list[_SentCue], cue_pos: int | None = None
    ) -> Resolved | None:
        for c in reversed(cues):
            if c.resolved is not None:
                return c.resolved
        m = self.opening_subject(*sent)
        if m is not None and m.kind == "name" and self.parsed is not None:
            at = self.text.find(m.text, sent[0], sent[1])
            if at >= 0 and not self.parsed.names_at(at):
                # "Early in his campaign, …", "Acknowledging …", "Democratic front-runner Roe":
                # the words are no name on the parse; the cue's subject there, if any
                return self.parsed_cue_subject(cue_pos) if cue_pos is not None else None
        return self.resolver.resolve(m, sent[0])

    def cue_subject(
        self, sent: tuple[int, int], lo: int, cue: re.Match[str], cues: list[_SentCue]
    ) -> Resolved | None:
        """The speaker governing the cue ``cue`` found in ``text[lo:]`` of sentence ``sent``."""
        text = self.text
        left = text[lo : cue.start()]
        if is_participle(cue.group(1)):
            if self.parsed is not None:  # "…, calling": the parse knows which clause it hangs on
                res = self.parsed_cue_subject(cue.start())
                if res is not None:
                    return res
            bare = left.rstrip()
            if not bare or bare.endswith((",", "—", "–")) or _PARTICIPLE_SUBJECT_END.search(bare):
                return self.governing(sent, cues, cue.start())
            m = suffix_mention(strip_adverbials(left))  # "critics labelling ...": reduced relative
            return self.resolver.resolve(m, cue.start()) if m is not None else None
        left = strip_adverbials(left)
        if not left.strip() or left.rstrip()[-1] == "(":
            return None
        if left.rstrip()[-1] == ",":
            m = _appositive_suffix(left)
            if m is not None:  # "Karim Dawson, a senior analyst at X Bank, said that …"
                return self.resolver.resolve(m, cue.start())
        if left.rstrip()[-1] in ",—–)" or re.search(r"\b(?:and|but|or)$", left):
            return self.governing(sent, cues, cue.start())  # after an appositive or in a coordination
        m = suffix_mention(left)
        if m is not None and m.kind == "relative":
            head = re.sub(r"[,—–\s]*(?:who|which)\s*$", "", left)
            m = suffix_mention(head)
        elif m is not None:
            seg = left.split(",")[-1].split()
            before = seg[: max(0, len(seg) - len(m.text.split()))]
            if before and before[-1].lower() in {"to", "with", "by", "from", "of", "and", "at"}:
                m = subject_at_start(text[sent[0] : cue.start()].split(",")[-1])
        return self.resolver.resolve(m, cue.start())

    # -- direct quotes -------------------------------------------------------------------
    def after(self, q: _Direct, limit: int) -> tuple[Resolved | None, str, tuple[int, int]] | None:
        """A cue right after a quote: ``“…,” Jivani said`` or ``“…,” said the minister``."""
        text = self.text
        seg_end = limit
        stop = re.search(r"(?<=[a-z0-9])[.!?](?=\s|$)|[!?;]|[“\"‘]|''|``", text[q.close : limit])
        if stop:
            seg_end = q.close + stop.start()
        seg = text[q.close : seg_end]
        cue = next((c for c in CUE_RE.finditer(seg) if cue_lemma(c.group(1), seg[: c.start()])), None)
        if cue is None:
            return None
        between = seg[: cue.start()].strip(" ,\t\n—–")
        app = appositive(between) if "," in between else None
        if _n_words(seg[: cue.start()]) > (22 if app is not None else 8):
            return None
        terminal = text[q.start : q.end].rstrip(" ’'”\"").endswith((".", "!", "?")) and q.closed
        if terminal and between[:1].isupper() and _n_words(seg[cue.end() :]) > 6:
            return None
        m: Mention | None
        if app is not None:  # "“…,” Karim Dawson, a senior analyst at X Bank, said"
            m = app[0] if app[0].role or app[1] is None else replace(app[0], role=app[1])
        elif between:
            m = parse_mention(strip_adverbials(between))
        else:
            rest = _SUBJECT_AFTER_CUE_END.split(seg[cue.end() :])[0].split()[:7]
            m = next(
                (
                    mm
                    for n in range(len(rest), 0, -1)
                    if not _modifies_noun(rest, n) and (mm := parse_mention(" ".join(rest[:n]))) is not None
                ),
                None,
            )
        if m is None:
            return None
        res = self.resolver.resolve(m, q.close)
        return res, cue.group(1), (q.close, seg_end)

    # -- reported speech -----------------------------------------------------------------
    def clause(self, cue: re.Match[str], abs_end: int, sent_end: int, lemma: str) -> tuple[int, int] | None:
        text = self.text
        rest = text[abs_end:sent_end]
        if lemma in NAMING_CUES:
            if _NAMING_PARTICLE.match(rest):
                return None
            m = _NAMING_OBJECT.match(rest)
            if not m:
                return None
            start = abs_end
        elif lemma in _THAT_ONLY:
            m = _THAT.match(rest)
            if m is None:
                return None
            start = abs_end + m.end()
        elif lemma not in CLAUSE_CUES:
            return None
        else:
            m = _THAT.match(rest)
            if m is None and lemma == "tell":
                m = re.match(r"\s+[^,.;:“”\"]{1,80}?\s+that\s+", rest) or _TELL_OBJ.match(rest)
                if (
                    m
                    and not m.group(0).rstrip().endswith("that")
                    and not _CLAUSE_START.match(rest[m.end() :])
                ):
                    m = None
                if m is None:
                    return None
            if m is None:
                day = _LEAD_DAY.match(rest)  # "said Monday the plan …": the day is not said
                if day is not None and (
                    _CLAUSE_START.match(rest[day.end() - 1 :]) or _NP_CLAUSE.match(rest[day.end() - 1 :])
                ):
                    m = day
            if m is None:
                m = _CLAUSE_START.match(rest)
                if m is None:
                    np = _NP_CLAUSE.match(rest)
                    if np is None or is_participle(cue.group(1)) and lemma != "say":
                        return None
                    m = re.match(r"^\s+", rest)
                    assert m is not None
            start = abs_end + m.end()
        sent_start = text.rfind("\n", 0, cue.start()) + 1
        if text.count("(", sent_start, cue.start()) > text.count(")", sent_start, cue.start()):
            close = text.find(")", start, sent_end)
            sent_end = close if close > 0 else sent_end
        end_m = _CLAUSE_END.search(text, start, sent_end)
        end = end_m.start() if end_m else sent_end
        s, e = trim_span(text, start, end)
        while e > s and text[e - 1] in ".!?":
            e -= 1
        body = text[s:e]
        bare = _QUOTED.sub(" ", body)
        if _n_words(bare) < 2 or _n_words(body) < 3:
            return None
        if lemma not in NAMING_CUES and not _THAT.match(rest):
            if not (
                _SUBJECT_PRONOUN.match(body)
                or _VERBISH.search(bare)
                # a word in -s may be the clause's verb, not after a cue that never reports a
                # bare noun phrase ("maintains a wide lead over her rivals")
                or (
                    lemma not in CLAUSE_ONLY_CUES and re.search(r"(?<![Tt]he )(?<![Aa] )\b[a-z]{3,}s\b", bare)
                )
            ):
                return None
        return s, e

    def postposed(
        self, sent: tuple[int, int], cue: re.Match[str], abs_start: int, abs_end: int
    ) -> tuple[int, int] | None:
        """``CLAUSE, X said.``: the reported clause sits before its cue."""
        text = self.text
        tail = text[abs_end : sent[1]].rstrip(".!? ")
        if _n_words(tail) > 8 or (tail.strip() and not _POSTPOSED_TAIL.match(tail)):
            return None
        left = text[sent[0] : abs_start]
        comma = left.rfind(",")
        if comma < 0 or _n_words(left[comma:]) > 10:
            return None
        s, e = trim_span(text, sent[0], sent[0] + comma)
        body = text[s:e]
        if not body or body[0] in "“\"‘'" or body[-1] in "”\"’'" or _n_words(body) < 4:
            return None
        if not _VERBISH.search(_QUOTED.sub(" ", body)) and not re.search(r"\b[a-z]{3,}s\b", body):
            return None
        return s, e

    def run(self) -> list[Quote]:
        text = self.text
        for ps, pe in paragraphs(text):
            if not any(a <= ps and pe <= b for a, b in self.skip):
                self.paragraph(ps, pe)
        return self.out

    def paragraph(self, ps: int, pe: int) -> None:
        text = self.text
        directs = scan_direct(text, ps, pe)
        para_quotes: list[tuple[_Direct, Quote | None]] = []
        clauses: list[tuple[int, int]] = []
        first_direct = True
        marks = [(d.start, d.end, d.close) for d in directs]
        sents = (
            doc_sentences(self.parsed.doc, ps, pe, marks, self.parsed.text)
            if self.parsed is not None
            else rule_sentences(text, ps, pe, marks)
        )
        for ss, se in sents:
            cues: list[_SentCue] = []
            consumed: set[int] = set()
            if text[ss] not in "“\"‘'`":
                subj = self.opening_subject(ss, se)
                if subj is not None and subj.kind != "pronoun":
                    self.resolver.resolve(subj, ss, create=False)
            items: list[tuple[int, str, object]] = []
            for d in directs:
                if ss <= d.mark < se or (ss <= d.start < se):
                    items.append((d.start, "q", d))
            for c in CUE_RE.finditer(text, ss, se):
                if any(d.start <= c.start() < d.end for d in directs):
                    continue
                if c.group(1).isupper():  # a headline in capitals ("… IN OTHER STATES -"): no cue
                    continue
                items.append((c.start(), "c", c))
            for a in _ACCORDING.finditer(text, ss, se):
                if not any(d.start <= a.start() < d.end for d in directs):
                    items.append((a.start(), "a", a))
            items.sort(key=lambda t: t[0])
            prev_close = ss
            for _pos, kind, obj in items:
                if kind == "q":
                    d = obj  # type: ignore[assignment]
                    assert isinstance(d, _Direct)
                    q = self.direct(
                        d, (ss, se), cues, para_quotes, first_direct, ps, pe, directs, consumed, prev_close
                    )
                    para_quotes.append((d, q))
                    first_direct = False
                    prev_close = d.close
                elif kind == "c":
                    assert isinstance(obj, re.Match)
                    c = obj
                    if c.start() in consumed or any(a <= c.start() < b for a, b in clauses):
                        continue
                    lemma = cue_lemma(c.group(1), text[max(ss, c.start() - 40) : c.start()])
                    if lemma is None or (self.parsed is not None and self.parsed.inside_name(c.start())):
                        continue
                    res = self.cue_subject((ss, se), max(ss, prev_close), c, cues) or self.parsed_cue_subject(
                        c.start()
                    )
                    sc = _SentCue(c.start(), lemma, res, (c.start(), c.end()))
                    cues.append(sc)
                    if res is not None:
                        self.resolver.note(c.start(), res.person)
                    span = self.clause(c, c.end(), se, lemma)
                    if span is None and lemma in CLAUSE_CUES and not is_participle(c.group(1)):
                        span = self.postposed((ss, se), c, c.start(), c.end())
                    if span is not None and not any(d.start <= span[0] < d.end for d in directs):
                        sc.clause = span
                        if (
                            self.emit(span[0], span[1], "indirect", res, c.group(1), (c.start(), c.end()))
                            is not None
                        ):
                            clauses.append(span)
                else:
                    assert isinstance(obj, re.Match)
                    a = obj
                    self.according(a, (ss, se), cues, clauses)
            if self.parsed is not None:
                self.parsed_reported((ss, se), cues, clauses)
        # short direct fragments inside an emitted reported clause are represented by it
        for _d, q in para_quotes:
            if (
                q is not None
                and _n_words(q.quote) <= 3
                and any(a <= q.start and q.end <= b for a, b in clauses)
            ):
                self.out.remove(q)
        # the paragraph's last quote or reported clause: a paragraph that is only a
        # quotation goes on with its speaker ("Roe told the paper that …. ¶ “…”")
        last = max((q for q in self.out if ps <= q.start and q.end <= pe), key=lambda q: q.end, default=None)
        self.last_para_quote = last if last is not None and pe - last.end < 200 else None

    def according(
        self, a: re.Match[str], sent: tuple[int, int], cues: list[_SentCue], clauses: list[tuple[int, int]]
    ) -> None:
        text = self.text
        after = re.split(r"[,;.]", text[a.end() : sent[1]])[0]
        toks = after.split()[:7]
        m = next(
            (mm for n in range(len(toks), 0, -1) if (mm := parse_mention(" ".join(toks[:n]))) is not None),
            None,
        )
        res = self.resolver.resolve(m, a.start())
        cues.append(_SentCue(a.start(), "according", res, (a.start(), a.end())))
        if text[sent[0] : a.start()].strip(" ,"):
            s, e = sent[0], a.start()
        else:
            s = a.end() + len(after) + 1
            e = sent[1]
        s, e = trim_span(text, s, e)
        while e > s and text[e - 1] in ".!?":
            e -= 1
        if _n_words(text[s:e]) >= 4 and text[s] not in '“"‘' and text[s : s + 2] not in TYPEWRITER_MARKS:
            if self.emit(s, e, "indirect", res, "according to", (a.start(), a.end() + len(after))):
                clauses.append((s, e))

    def direct(
        self,
        d: _Direct,
        sent: tuple[int, int],
        cues: list[_SentCue],
        para_quotes: list[tuple[_Direct, Quote | None]],
        first: bool,
        ps: int,
        pe: int,
        directs: list[_Direct],
        consumed: set[int],
        prev_close: int,
    ) -> Quote | None:
        text = self.text
        nxt = min((x.mark for x in directs if x.start > d.close), default=pe)
        words = _n_words(text[d.start : d.end])
        res: Resolved | None = None
        cue: str | None = None
        attr: tuple[int, int] | None = None
        how = "none"
        parsed: Resolved | None = None
        ph: Hit | None = None
        if self.parsed is not None:
            prev = para_quotes[-1][0].close if para_quotes else ps
            ph = self.parsed.attribute(d.mark, d.close, (ps, pe), prev)
            parsed = self.resolve_hit(ph) if ph is not None else None
            if ph is not None and parsed is not None:
                res, cue, attr, how = parsed, ph.cue, (ph.cue_start, ph.cue_end), "cue"
        hit = self.after(d, min(nxt, pe))
        if hit is not None and parsed is not None and ph is not None and ph.how == "prior":
            parsed = None  # a cue right after the quote beats the narration before it
            res, cue, attr, how = None, None, None, "none"
        if hit is not None and parsed is not None:
            word = next(
                c
                for c in CUE_RE.finditer(text, hit[2][0], hit[2][1])
                if cue_lemma(c.group(1), text[hit[2][0] : c.start()])
            )
            consumed.add(word.start())
            cues.append(_SentCue(word.start(), "say", parsed, (word.start(), word.end())))
        elif hit is not None:
            res, cue, attr = hit
            how = "cue"
            word = next(
                c
                for c in CUE_RE.finditer(text, attr[0], attr[1])
                if cue_lemma(c.group(1), text[attr[0] : c.start()])
            )
            consumed.add(word.start())
            cues.append(_SentCue(word.start(), "say", res, (word.start(), word.end())))
        elif parsed is None:
            before = [c for c in cues if c.pos < d.start]
            c = before[-1] if before else None
            between = text[c.span[1] : d.start] if c else ""
            if c is not None and (
                (c.clause is not None and c.clause[0] <= d.start and d.end <= c.clause[1] + 1)
                or (_n_words(between) <= 12 and ")" not in between)
            ):
                res, cue, attr, how = c.resolved, text[c.span[0] : c.span[1]], c.span, "cue"
            elif (
                para_quotes
                and (prevq := para_quotes[-1][1]) is not None
                and prevq.speaker is not None
                and (
                    d.start - para_quotes[-1][0].close < 160
                    or (
                        self.parsed is not None
                        and d.start - para_quotes[-1][0].close < 600
                        and self.parsed.narration_keeps(para_quotes[-1][0].close, d.mark, prevq.speaker)
                    )
                )
            ):
                res = self._resolved_of(prevq)
                how = "inherit"
            elif first and text[ps : d.mark].strip() == "" and self.last_para_quote is not None:
                res = self._resolved_of(self.last_para_quote)
                how = "inherit"
        if res is None and how == "none" and ph is None and self.parsed is not None:
            res = self.fallback(d, sent)
        if words <= 3 and how != "cue":
            return None
        if res is not None:
            self.resolver.note(d.start, res.person)
        q = self.emit(d.start, d.end, "direct", res, cue, attr)
        for ns, ne in d.nested:
            self.nested(d, ns, ne)
        return q

    def fallback(self, d: _Direct, sent: tuple[int, int]) -> Resolved | None:
        """The speaker of a quote that neither the parse nor the rules attribute: the one
        person its sentence names outside quotation marks, when that person is a subject or
        a possessor there (``Roe supports “…”, opposes “…” and recalled …``, ``“…” that
        would answer the requests, counsel Jane Roe wrote``). Never in a headline line,
        and never when the sentence names a second person (measured on PolNeAR train in
        BENCHMARKS.md, round 7)."""
        assert self.parsed is not None
        if any(a <= d.start < b for a, b in self.registry.title_lines):
            return None
        h = self.parsed.lone_person(*sent)
        return self.resolve_hit(h) if h is not None else None

    def parsed_reported(
        self, sent: tuple[int, int], cues: list[_SentCue], clauses: list[tuple[int, int]]
    ) -> None:
        """Reported speech the rules' clause patterns missed, from the parse (a speech verb
        with a clausal complement), spoken by the verb's subject when it resolves."""
        assert self.parsed is not None
        for h, s, e in self.parsed.reported(*sent):
            if any(c.pos == h.cue_start and c.clause is not None for c in cues):
                continue
            if any(s < b and a < e for a, b in clauses) or any(
                q.kind == "direct" and s <= q.start and q.end <= e for q in self.out
            ):
                continue
            res = self.resolve_hit(h)
            if res is None:
                continue
            if self.emit(s, e, "indirect", res, h.cue, (h.cue_start, h.cue_end)) is not None:
                clauses.append((s, e))

    def parsed_cue_subject(self, pos: int) -> Resolved | None:
        """The speaker of the cue word at ``pos`` on the parse (None without a parse)."""
        if self.parsed is None:
            return None
        h = self.parsed.cue_at(pos)
        return self.resolve_hit(h) if h is not None else None

    def resolve_hit(self, h: Hit) -> Resolved | None:
        """The speaker a parse hit names, through the article's registry and resolver."""
        reg = self.registry
        if h.kind == "org":  # the recogniser may take a person's surname for a body
            known = reg.lookup_name(h.text, pos=h.pos)
            return Resolved(known if known is not None else reg.org(h.text), None)
        if h.kind == "word":  # a word the tagger did not read as a name: only a known one
            known = reg.lookup_name(h.text, pos=h.pos)
            if known is None or known.is_org:
                return None
            self.resolver.note(h.pos, known)
            return Resolved(known, known.roles[0] if known.roles else None)
        if h.kind in ("name", "caps"):  # capitals: "STATE ATTORNEY GENERAL JANE ROE"
            h = _without_lead(h)  # "Said Roe, “…”": the recogniser took the cue into the name
            m = parse_mention(h.text.title() if h.kind == "caps" else h.text)
            name, role = (m.name, m.role) if m is not None and m.kind == "name" and m.name else (h.text, None)
            gender = honorific_gender(self.text[max(0, h.pos - 6) : h.pos])  # "Mr. Roe said"
            p = reg.lookup_name(name, gender, h.pos) or reg.add(name, role, h.pos, gender)
            self.resolver.note(h.pos, p)
            return Resolved(p, role or (p.roles[0] if p.roles else None))
        return self.resolver.resolve(parse_mention(h.text), h.pos)

    def _resolved_of(self, q: Quote) -> Resolved | None:
        if q.speaker is None:
            return None
        p = next((p for p in self.registry.people if p.name == q.speaker), None)
        return Resolved(p, q.role) if p is not None else None

    def nested(self, d: _Direct, ns: int, ne: int) -> None:
        """A quote inside a quote, kept only when the outer words attribute it."""
        text = self.text
        cue = None
        for c in CUE_RE.finditer(text, d.start, ns):
            if cue_lemma(c.group(1), text[d.start : c.start()]):
                cue = c
        if cue is None or ns - cue.end() > 80:
            return
        m = suffix_mention(strip_adverbials(text[d.start : cue.start()]))
        if m is None or m.kind == "pronoun":
            return
        res = self.resolver.resolve(m, cue.start())
        if res is not None:
            self.emit(ns, ne, "direct", res, cue.group(1), (cue.start(), cue.end()))


def _without_lead(h: Hit) -> Hit:
    """A name hit without the function words or cue the recogniser took in before the name
    (``Said Roe``, ``But Roe``: :data:`~assistant.quotes.people.STOP_CAPS`); a hit of one word
    stays as it is."""
    words = h.text.split()
    lead = 0
    while lead < len(words) - 1 and clean_token(words[lead]) in STOP_CAPS:
        lead += 1
    if not lead:
        return h
    cut = h.text.index(words[lead])
    return replace(h, text=h.text[cut:], pos=h.pos + cut)


def extract_quotes(
    doc_id: str,
    text: str,
    skip: Sequence[Span] = (),
    doc: Doc | None = None,
    tuning: QuotesSettings | None = None,
) -> list[Quote]:
    """Every direct quote and piece of reported speech in ``text``, in text order.

    With ``doc`` (spaCy's parse of ``text``, :mod:`assistant.nlp.parse`), direct quotes are
    attributed on the parse first (:mod:`assistant.quotes.parsed`) and by the rules when the
    parse finds no cue. ``tuning`` (default: :class:`QuotesSettings` from the environment)
    sets how far from a quote its cue and a description's title holder are looked for.

    A letters page's signed paragraphs (:func:`~assistant.quotes.letters.signed_paragraphs`)
    are their writers' words, a transcript's turns
    (:func:`~assistant.quotes.transcripts.transcript_turns`) their tags' speakers' and an
    interview's answers (:func:`~assistant.quotes.interviews.interview_answers`) the
    interviewee's, except a
    paragraph that quotes someone the rules attribute (the quotation keeps its speaker) or
    that is furniture. Likewise an opinion column's sentences are the writer its closing bio
    line names (:func:`~assistant.quotes.columns.authored_sentences`), except a sentence that holds
    another's words (any record of the rules or the parse) or that is furniture."""
    quotes = _Extractor(doc_id, text, skip, doc, tuning).run()
    furniture = [(sp.start, sp.end) for sp in skip]
    said = [(q.start, q.end) for q in quotes if q.speaker] + furniture
    held = [(q.start, q.end) for q in quotes] + furniture
    quotes += (
        _outside(signed_paragraphs(doc_id, text), said)
        + _outside(transcript_turns(doc_id, text), said)
        + _outside(interview_answers(doc_id, text, doc), said)
        + _outside(authored_sentences(doc_id, text, doc), held)
    )
    quotes.sort(key=lambda q: (q.start, q.end))
    return quotes


def _outside(records: list[Quote], taken: list[tuple[int, int]]) -> list[Quote]:
    """The ``records`` that overlap none of the ``taken`` spans."""
    return [q for q in records if not any(a < q.end and q.start < b for a, b in taken)]
