"""Deterministic verification shared by every backend.

A draft's ``[n]`` markers refer to the numbered evidence. Here:

* unknown markers (``[7]`` with five sources) are stripped and counted;
* every quoted span is checked verbatim (after EVAL_SPEC normalisation) against the
  article(s) its sentence cites, a quote left open up to the sentence's first marker
  too; a sentence with a failing quote is dropped; an accepted quotation is then shown in
  the source's own characters and must occur whole as EVAL_SPEC reads it
  (:func:`source_words`), so what the verifier accepts, the faithfulness metric finds;
* "A said ... "words"" attributions are checked against the speaker ledger (or a given
  ``speaker_check``); a mismatching sentence is dropped;
* the attribution *frame* around a verified quote is checked too (:func:`frame_mismatch`):
  the answer's own attributions are read with the quote extractor of
  :mod:`assistant.quotes` (so "Jane Roe, the mayor, said "..."", ""...," said Roe" and
  "according to Roe" are all seen, and a pronoun resolves to the answer's earlier
  speaker); the claimed speaker must be the ledger's speaker of those words
  (:func:`assistant.nlp.same_person` over the ledger's names and aliases) or, when the
  ledger does not attribute them, be named next to the words in the cited article (their
  paragraph or the one before); a claimed title or description ("the mayor") must occur
  in the cited article. A sentence whose frame fails is dropped;
* prompt debris is stripped before anything is checked (:func:`strip_debris`): the
  prompt's element tags (``<lead source="1">``, ``</quote>``), an "Answer:" label, an
  echoed "Question: ..." line;
* source sentences that read as instructions to a model, mimic the prompt's markup or
  form a reference list are *untrusted*: quotes are not verified against them and they
  lend no support;
* a claim must be supported by what it cites (by every source when it cites nothing): at
  least half of its content words (verified quotes included) occur in the trusted text
  of those articles; a claim that itself reads as an instruction is dropped, and so is a
  reference list the model wrote (the caller renders the real one from the citations);
* citations are renumbered in order of first use, each pointing at the exact sentence of
  the source that supports its claim;
* when nothing verified remains, the answer abstains.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace

from assistant.answer.guard import looks_like_instruction, neutralise_markers
from assistant.nlp import alternation, name_key
from assistant.nlp import same_person as same_person_nlp
from assistant.nlp.claims import CANNOT_ANSWER, MARKER, split_claims
from assistant.nlp.text import (
    ANY_DOUBLE_MARK,
    TYPEWRITER_MARKS,
    find_verbatim,
    mark_width,
    normalise,
    paragraphs,
    quotation_spans,
    quotes_balanced,
    spec_pairs_whole,
    spec_quotations,
    split_sentences,
    unpossessive,
    words,
)
from assistant.settings import AnswerSettings
from assistant.types import Citation, Context, Draft, DraftCitation, Evidence, Quote, Span, Verification


def _wordset(text: str) -> frozenset[str]:
    return frozenset(text.split())


_ELLIPSIS = re.compile(r"\s*(?:\.\s?\.\s?\.|…)\s*")
_EDGE_PUNCT = " \t\n,;:.!?-'\"“”‘’"
#: A line of a reference list a model appended: a "Sources:" heading or "[n] ..." entry.
_REFERENCE_LINE = re.compile(
    r"(?im)^[ \t]*(?:[-*•][ \t]*)?(?:[*_]{0,2}(?:sources?|references?|citations?)[*_]{0,2}"
    r"[ \t]*:.*|\[\d+(?:\s*,\s*\d+)*\].*)$"
)
_ROUGH_SENTENCE = re.compile(r"(?<=[.!?])\s+|\n+")
_PROMPT_MARKUP = re.compile(
    r"</?\s*(?:sources?|quotes?|leads?|system|user|assistant|instructions?|context|documents?)\b[^<>]*>",
    re.IGNORECASE,
)
#: A label a model puts before its answer ("Answer:", "**Response:**", "A:").
_ANSWER_LABEL = re.compile(
    r"(?im)^[ \t]*[*_]{0,2}(?:(?:final\s+)?answer|response|assistant|a)[*_]{0,2}[ \t]*:[*_]{0,2}[ \t]*"
)
#: A line echoing the prompt's question ("Question: ...", "Q: ...").
_QUESTION_LINE = re.compile(r"(?im)^[ \t]*[*_]{0,2}(?:question|q)[*_]{0,2}[ \t]*:.*$")
#: A speaker check: given a speaker name and quoted words, is the attribution a mismatch?
SpeakerCheck = Callable[[str, str], bool]


@dataclass
class Verified:
    text: str
    citations: list[Citation]
    abstained: bool
    verification: Verification
    #: The backend itself declined to answer (its draft abstained), as opposed to an
    #: abstention because nothing it wrote verified.
    declined: bool = False
    #: The decline says what is asked for is in none of the evidence (``Draft.absent``).
    absent: bool = False


def quoted_spans(text: str) -> list[str]:
    """The words shown between double quotation marks (straight or curly), exactly as
    shown: a ``[n]`` marker inside a quotation stays in it (and so fails verification).
    An opening mark never closed quotes to the end, a stray closing mark from the start."""
    spans, unclosed, unopened = quotation_spans(text)
    if unclosed:
        spans.append((unclosed[0] + mark_width(text, unclosed[0]), len(text)))
    if unopened:
        spans.append((0, unopened[-1]))
    return [text[a:b] for a, b in spans if len(text[a:b].strip()) >= 3]


def markers_after_quotes(claim: str) -> str:
    """Move ``[n]`` markers written inside a quotation to just after its closing mark,
    so the quoted words are the source's words."""
    spans, unclosed, _ = quotation_spans(claim)
    if unclosed:
        spans.append((unclosed[0] + mark_width(claim, unclosed[0]), len(claim)))
    moves: dict[int, list[str]] = {}
    cut: list[tuple[int, int]] = []
    for m in MARKER.finditer(claim):
        outer = [b for a, b in spans if a <= m.start() and m.end() <= b]
        if not outer:
            continue
        start = m.start()
        while start > 0 and claim[start - 1] == " ":
            start -= 1
        cut.append((start, m.end()))
        at = max(outer)
        moves.setdefault(min(at + mark_width(claim, at), len(claim)), []).append(m.group(0))
    if not cut:
        return claim
    out, last = [], 0
    events = sorted([(a, 0, b) for a, b in cut] + [(p, 1, p) for p in moves])
    for pos, kind, end in events:
        out.append(claim[last:pos])
        if kind == 0:
            last = end
        else:
            out.append(" " + "".join(dict.fromkeys(moves[pos])))
            last = pos
    out.append(claim[last:])
    return "".join(out)


def _markers(claim: str) -> list[int]:
    return [int(x) for m in MARKER.finditer(claim) for x in m.group(1).split(",")]


def quote_pieces(quote: str) -> list[str]:
    """The parts of a quote to find verbatim: split at ellipses, edge punctuation trimmed."""
    pieces = [p.strip(_EDGE_PUNCT) for p in _ELLIPSIS.split(html.unescape(quote))]
    return [p for p in pieces if len(normalise(p)) >= 2]


def find_quote(quote: str, text: str) -> Span | None:
    """Where ``quote`` occurs verbatim (normalised) in ``text``; every piece must occur."""
    pieces = quote_pieces(quote)
    if not pieces:
        return None
    spans = [find_verbatim(p, text) for p in pieces]
    if any(s is None for s in spans):
        return None
    found = [s for s in spans if s is not None]
    return Span(start=min(s.start for s in found), end=max(s.end for s in found))


def source_words(claim: str, sources: list[str]) -> str | None:
    """``claim`` with every quotation shown in the source's own characters, or ``None``.

    Verification finds a quote piece by piece (split at ellipses, edge punctuation
    trimmed, after EVAL_SPEC normalisation), so a model's ``"...them'"`` or ``&amp;``
    passes where the source reads ``them,’`` and ``&``. Each quotation is rewritten to
    the source's characters (pieces of an elided quote quoted separately around an
    ellipsis; a ``[n]`` in the source stays neutralised, never a citation); then
    EVAL_SPEC's pairing must consume every double mark of the claim (:func:`spec_pairs_whole`:
    a source's own inner quotation inside the model's marks would shift the pairing across
    the joined answer) and every span it reads as quoted (:func:`spec_quotations`) must
    occur whole in one of ``sources``, else ``None`` (the claim is dropped).
    """
    spans, _, _ = quotation_spans(claim)
    outer = [(a, b) for a, b in spans if not any(c < a and b < d for c, d in spans)]
    out, last = [], 0
    for a, b in outer:
        if len(claim[a:b].strip()) < 3 or a == 0 or b >= len(claim):
            continue
        found = None
        inner = claim[a:b]
        for text in sources:
            hits = [find_verbatim(p, text) for p in quote_pieces(inner)]
            if hits and all(h is not None for h in hits):
                found = [text[h.start : h.end] for h in hits if h is not None]
                first, end = hits[0], hits[-1]
                assert first is not None and end is not None
                found[0] = _same_edge(inner, text, first.start, -1) + found[0]
                found[-1] += _same_edge(inner, text, end.end, 1)
                found = [neutralise_markers(" ".join(f.split())) for f in found]
                break
        if found is None:
            continue
        opening = claim[a - 2 : a] if a >= 2 and claim[a - 2 : a] in TYPEWRITER_MARKS else claim[a - 1]
        closing = claim[b : b + mark_width(claim, b)]
        out += [claim[last:a], f"{closing} … {opening}".join(found)]
        last = b
    rewritten = "".join([*out, claim[last:]])
    if not spec_pairs_whole(rewritten):  # it would shift the metric's pairing of the answer
        return None
    for span in spec_quotations(rewritten):
        if not any(find_verbatim(span, text) is not None for text in sources):
            return None
    return rewritten


def _same_edge(shown: str, text: str, at: int, step: int) -> str:
    """The edge punctuation ``shown`` has before its words (``step`` -1) or after them
    (+1) that ``text`` also has at ``at``, in ``text``'s characters: a model's ``admits,"``
    keeps the comma the source has, its ``them'`` loses the mark the source lacks."""
    if step < 0:
        edge = shown[: len(shown) - len(shown.lstrip(_EDGE_PUNCT))]
    else:
        edge = shown[len(shown.rstrip(_EDGE_PUNCT)) :]
    chars = reversed(edge) if step < 0 else iter(edge)
    pos = at - 1 if step < 0 else at
    kept: list[str] = []
    for ch in chars:
        if not 0 <= pos < len(text) or normalise(text[pos]) != normalise(ch) or ch.isspace():
            break
        kept.append(text[pos])
        pos += step
    return "".join(reversed(kept)) if step < 0 else "".join(kept)


def _enclosing_sentence(text: str, span: Span) -> Span:
    """The sentence(s) of ``text`` around ``span`` (the paragraph when unsplittable)."""
    for ps, pe in paragraphs(text):
        if ps <= span.start < pe:
            sents = split_sentences(text, ps, pe)
            inside = [(s, e) for s, e in sents if s < span.end and span.start < e]
            if inside:
                return Span(start=inside[0][0], end=inside[-1][1])
            return Span(start=ps, end=pe)
    return span


def _best_sentence(ev: Evidence, article_text: str, claim: str) -> Span:
    """The sentence that supports ``claim`` best: quote containment, then word overlap."""
    spans = ev.sentences or [Span(start=ev.start, end=ev.end)]
    for q in quoted_spans(claim):
        for sp in spans:
            if find_quote(q, article_text[sp.start : sp.end]):
                return sp
        hit = find_quote(q, article_text)
        if hit is not None:
            return _enclosing_sentence(article_text, hit)
    claim_words = set(words(MARKER.sub("", claim))) - _STOP
    best, best_score = spans[0], -1.0
    for sp in spans:
        sw = set(words(article_text[sp.start : sp.end])) - _STOP
        score = len(claim_words & sw) / (1 + len(sw) ** 0.5)
        if score > best_score:
            best, best_score = sp, score
    return best


def finalize(
    context: Context,
    draft: Draft,
    texts: dict[str, str],
    speaker_check: SpeakerCheck | None = None,
    tuning: AnswerSettings | None = None,
) -> Verified:
    """Turn a backend's draft into verified answer text and citations.

    ``texts`` maps doc id to the article text as stored; citation quotes are cut from it
    (an evidence's own text stands in for a missing article). Without ``speaker_check``
    the speaker ledger in ``context.quotes`` is used (no ledger: no speaker check).
    ``tuning`` (default: :class:`AnswerSettings` from the environment) sets the share of a
    claim's words its sources must hold (``min_support``).
    """
    v = Verification()
    evidence = context.evidence
    if draft.abstained:
        text = _abstain_text(draft.text, context.question)
        return Verified(text, [], True, v, declined=True, absent=draft.absent)
    check = speaker_check
    if check is None and context.quotes:
        check = ledger_speaker_check(context.quotes)

    support = _SupportPool(texts, evidence, context.notes, (tuning or AnswerSettings()).min_support)
    source_text = support.trusted
    kept: list[str] = []
    kept_lines: list[int] = []  # the draft line each kept claim came from
    claims = [markers_after_quotes(c) for c in split_claims(strip_debris(strip_reference_list(draft.text)))]
    line_of = _claim_lines(draft, claims)
    frames = answer_frames(claims)
    unpeopled = _not_people(evidence) if any(frames) else set()
    for i, claim in enumerate(claims):
        if looks_like_instruction(MARKER.sub("", claim)):
            continue
        if not quotes_balanced(claim):
            # a quotation never closed (or never opened): what it quotes is unclear
            v.quotes_checked += 1
            v.quotes_failed += 1
            continue
        refs = _markers(claim)
        bad = [n for n in refs if not 1 <= n <= len(evidence)]
        if bad:
            v.citations_stripped += len(bad)
            claim = MARKER.sub(lambda m: _keep_known(m, len(evidence)), claim)
            claim = re.sub(r"\s+([.,;:!?])", r"\1", claim).strip()
            refs = [n for n in refs if 1 <= n <= len(evidence)]
        ok = True
        found_in: list[int] = []
        for q in quoted_spans(claim):
            v.quotes_checked += 1
            pool = refs or list(range(1, len(evidence) + 1))
            where = [n for n in pool if find_quote(q, source_text(n))]
            if not where:
                v.quotes_failed += 1
                ok = False
            elif not refs:
                found_in.append(_prefer_containing(where, q, evidence))
        asked: set[tuple[str, str]] = set()
        if ok and check is not None:
            sources = [source_text(n) for n in dict.fromkeys(refs or range(1, len(evidence) + 1))]
            for speaker, said in attributions(claim, sources):
                asked.add((speaker, said))
                if check(speaker, said):
                    v.speaker_mismatches += 1
                    ok = False
                    break
        if ok and frames[i]:
            cited = refs or found_in or list(range(1, len(evidence) + 1))
            label = _SPEAKER_LABEL.match(MARKER.sub("", claim).strip())
            for frame in frames[i]:
                if normalise(frame.speaker) in unpeopled:
                    continue  # "Salem, New Hampshire": a place the answer's rule reading took for a name
                if (
                    label is not None
                    and label.group(1) != frame.speaker
                    and not frame_mismatch(
                        replace(frame, speaker=label.group(1)), cited, support, context.quotes
                    )
                ):
                    continue  # "Clinton: There was, she said, ...": the label says whose words they are
                if frame_mismatch(frame, cited, support, context.quotes) or (
                    speaker_check is not None  # a given check; the ledger's is in frame_mismatch
                    and (frame.speaker, frame.said) not in asked
                    and speaker_check(frame.speaker, frame.said)
                ):
                    v.speaker_mismatches += 1
                    ok = False
                    break
        if ok and not support.supports(claim, refs or found_in):
            ok = False
        if not ok:
            continue
        pool = refs or found_in or list(range(1, len(evidence) + 1))
        exact = source_words(claim, [source_text(n) for n in dict.fromkeys(pool)])
        if exact is None:  # verified piece by piece, but not as the reader sees it
            v.quotes_checked += 1
            v.quotes_failed += 1
            continue
        claim = exact
        if found_in:  # an uncited but verified quote: cite where it was found
            claim = _append_markers(claim, sorted(set(found_in)))
        kept.append(claim)
        kept_lines.append(line_of[i])
    if draft.follows:
        # a continuation stands only with the line it continues: a speaker's next words
        # without the sentence that gave them to the speaker answer nothing on their own
        held = set(kept_lines)
        kept = [c for c, ln in zip(kept, kept_lines, strict=True) if draft.follows.get(ln, ln) in held]

    own: dict[int, list[DraftCitation]] = {}
    for dc in draft.citations:
        own.setdefault(dc.n, []).append(dc)
    citations: list[Citation] = []
    by_span: dict[tuple[str, int, int], int] = {}
    body_parts: list[str] = []
    for claim in kept:
        local: dict[int, int] = {}
        for n in _markers(claim):
            ev = evidence[n - 1]
            # Without the article, pad the passage so its offsets stay article offsets.
            text = texts.get(ev.doc_id) or " " * ev.start + ev.text
            if n in own:
                dc = _own_citation(own[n], text, claim)
                span = Span(start=dc.start, end=dc.end)
            else:
                span = _best_sentence(ev, text, claim)
            key = (ev.doc_id, span.start, span.end)
            if key not in by_span:
                by_span[key] = len(citations) + 1
                citations.append(
                    Citation(
                        n=by_span[key],
                        doc_id=ev.doc_id,
                        title=ev.title,
                        outlet=ev.outlet,
                        published=ev.published.isoformat() if ev.published else None,
                        quote=text[span.start : span.end],
                        start=span.start,
                        end=span.end,
                    )
                )
            local[n] = by_span[key]

        def _renum(m: re.Match[str], local: dict[int, int] = local) -> str:
            nums = [local[int(x)] for x in m.group(1).split(",") if int(x) in local]
            return "".join(f"[{n}]" for n in dict.fromkeys(nums))

        body_parts.append(MARKER.sub(_renum, claim))

    body = " ".join(body_parts).strip()
    if not citations or not body:
        return Verified(_abstain_text("", context.question), [], True, v)
    return Verified(body, citations, False, v)


def _own_citation(cands: list[DraftCitation], text: str, claim: str) -> DraftCitation:
    """Of a backend's own citations for one source, the one whose words the claim shows."""
    shown = normalise(MARKER.sub("", claim))
    for dc in cands:
        if normalise(text[dc.start : dc.end]).strip(_EDGE_PUNCT) in shown:
            return dc
    return cands[0]


def _claim_lines(draft: Draft, claims: list[str]) -> list[int]:
    """The draft line (index in ``draft.text`` split at newlines) each claim comes from,
    when the draft marks continuations (``Draft.follows``) and its lines split into exactly
    these claims; else a negative number for each (nothing is tied to anything)."""
    if draft.follows:
        out: list[int] = []
        for ln, line in enumerate(draft.text.split("\n")):
            out += [ln] * len(split_claims(strip_debris(strip_reference_list(line))))
        if len(out) == len(claims):
            return out
    return [-1 - i for i in range(len(claims))]  # no line index: no claim is tied to another


def strip_debris(text: str) -> str:
    """``text`` without prompt debris: the prompt's element tags (``<lead source="2">``,
    ``</quote>``; their contents stay), an answer label ("Answer:") and lines echoing the
    question ("Question: ...")."""
    text = _QUESTION_LINE.sub("", text)
    text = _PROMPT_MARKUP.sub("", text)
    return _ANSWER_LABEL.sub("", text).strip()


@dataclass(frozen=True)
class Frame:
    """An attribution an answer states: ``speaker`` (and ``role``) said the quoted ``said``."""

    speaker: str
    role: str | None
    said: str


def answer_frames(claims: list[str]) -> list[list[Frame]]:
    """For each claim, the attributions it states of the words it quotes.

    The claims are read together, as one short article, by the quote extractor of
    :mod:`assistant.quotes` (rules only, no parse): it finds the cue and the speaker
    mention around each quotation ("Jane Roe, the mayor, said", ""...," said Roe",
    "according to Roe") and resolves a pronoun to the answer's earlier speaker. A quoted
    span is framed by an extracted quote (direct, or reported speech holding it) whose
    speaker is a named person and that shares its words. A body or a description ("the
    plant's union", "a PMO spokesperson") is not judged: the ledger names such speakers
    in ways a model or the extractive backend may fairly word differently."""
    from assistant.quotes.extract import extract_quotes
    from assistant.quotes.people import parse_mention

    plain = [MARKER.sub("", c).strip() for c in claims]
    out: list[list[Frame]] = [[] for _ in claims]
    if not any(ANY_DOUBLE_MARK.search(p) for p in plain):
        return out
    # One paragraph per sentence: a quote is framed by its own sentence (or a pronoun's
    # antecedent), never by the speaker of an earlier sentence the extractor would carry on.
    owner: list[tuple[int, int]] = []  # (start offset, claim index)
    parts: list[str] = []
    pos = 0
    for i, p in enumerate(plain):
        for a, b in split_sentences(p) or [(0, len(p))]:
            owner.append((pos, i))
            parts.append(p[a:b])
            pos += b - a + 2
    for q in extract_quotes("answer", "\n\n".join(parts)):
        mention = parse_mention(q.speaker) if q.speaker else None
        if q.speaker is None or mention is None or mention.kind != "name":
            continue  # only a named person is judged: bodies and descriptions resolve loosely
        i = max(c for s, c in owner if s <= q.start)
        said_q = normalise(q.quote).strip(_EDGE_PUNCT)
        # a role the claim itself gives ("Jane Roe, the mayor"), not one read earlier
        role = q.role if q.role and set(words(q.role)) <= set(words(plain[i])) else None
        for span in quoted_spans(plain[i]):
            w = normalise(span).strip(_EDGE_PUNCT)
            if w and (w in said_q or said_q in w):
                frame = Frame(q.speaker, role, span)
                if frame not in out[i]:
                    out[i].append(frame)
    return out


def _same_speaker(claimed: str, name: str) -> bool:
    """:func:`assistant.nlp.same_person`, or the same first name and surname ("Donald J.
    Trump" and "Donald Trump")."""
    if same_person_nlp(claimed, name):
        return True
    a, b = name_key(claimed).split(), name_key(name).split()
    return len(a) > 1 and len(b) > 1 and a[0] == b[0] and a[-1] == b[-1]


def _named(speaker: str | None) -> bool:
    """Is a ledger speaker a name? One with no capital letter ("statement", "a spokesman")
    is a description the ledger did not resolve: no evidence of who spoke."""
    return speaker is not None and speaker != speaker.lower()


def ledger_owners(quotes: list[Quote], said: str) -> list[list[str]]:
    """The names (speaker and aliases) of every attributed ledger quote holding ``said``."""
    pieces = [normalise(p) for p in quote_pieces(said)]
    if not pieces:
        return []
    owners = []
    for q in quotes:
        if not _named(q.speaker):
            continue
        text = normalise(q.quote)
        if all(p in text for p in pieces) or (len(text) >= 12 and text.strip(_EDGE_PUNCT) in normalise(said)):
            owners.append([n for n in (q.speaker, *q.aliases) if n])
    return owners


#: A claim's speaker label, as the extractive backend writes it: "Jane Roe: ...".
_SPEAKER_LABEL = re.compile(r"([A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}):\s")


def _not_people(evidence: list[Evidence]) -> set[str]:
    """The names spaCy tags in the evidence (at index time) as a place, a body or a people
    and never as a person ("New Hampshire"): the answer's frames are read by rules alone,
    which take any run of capitalised words for a name, so a frame of such a speaker states
    no person's attribution to judge."""
    tagged: dict[str, set[str]] = {}
    for ev in evidence:
        for s, e, label in ev.entities:
            tagged.setdefault(normalise(ev.at(s, e)), set()).add(label)
    return {name for name, labels in tagged.items() if "PERSON" not in labels}


def frame_mismatch(frame: Frame, cited: list[int], support: _SupportPool, quotes: list[Quote]) -> bool:
    """Is the attribution ``frame`` not what the cited sources say?

    The evidence for who said the words: the ledger's speakers of them, and the speakers
    the same rules that read the answer give them in the cited article (its paragraph
    holding the words and the one before, where news names a speaker whose words follow),
    so a sentence copied from the article never differs from it. With evidence, the
    speaker must be one of those; without any, the speaker must at least be named in that
    window or the paragraph before it (by surname: "Trump" there for the answer's "Donald
    Trump"). A role ("the mayor", "Prime Minister") must be in a cited article."""
    windows = [w for n in cited for w in _windows(support.trusted(n), frame.said)]
    evidence = [n for names in ledger_owners(quotes, frame.said) for n in names]
    evidence += [sp for w in windows for sp in _window_speakers(w, frame.said)]
    if evidence:
        if not any(_same_speaker(frame.speaker, n) for n in evidence):
            return True
    else:
        # the surname suffices: news names a person in full once, by surname after; and
        # two paragraphs before the words' own, as it goes on with "He says", "He adds"
        wanted = [t for t in name_key(frame.speaker).split() if t not in TITLES][-1:]
        wider = [w for n in cited for w in _windows(support.trusted(n), frame.said, before=2)]
        if wanted and not any(set(wanted) <= set(words(w)) for w in wider):
            return True
    if frame.role:
        role = _stems(frame.role)
        pool: set[str] = set()
        for n in cited:
            pool |= support.doc_stems(n)
        if not role <= pool:
            return True
    return False


def _window_speakers(window: str, said: str) -> list[str]:
    """The speakers the quote extractor's rules give ``said`` in ``window`` (source text)."""
    from assistant.quotes.extract import extract_quotes

    want = normalise(said).strip(_EDGE_PUNCT)
    out = []
    for q in extract_quotes("source", window):
        text = normalise(q.quote).strip(_EDGE_PUNCT)
        if q.speaker and want and (want in text or (len(text) >= 12 and text in want)):
            out.append(q.speaker)
    return out


#: The places of one quoted phrase in an article whose windows a frame is checked against.
_MOST_PLACES = 5


def _windows(text: str, said: str, before: int = 1) -> list[str]:
    """For each place ``text`` holds ``said`` (up to :data:`_MOST_PLACES`), its paragraph with
    the ``before`` paragraphs before it. A short quoted phrase recurs ("support the nominee":
    one politician's pledge, then another's words): the claim's speaker may be the one of any
    place, not only the first."""
    paras = paragraphs(text)
    out: list[str] = []
    at = 0
    while len(out) < _MOST_PLACES:
        hit = find_quote(said, text[at:])
        if hit is None:
            break
        start, end = at + hit.start, at + hit.end
        window = next(
            (
                text[paras[max(0, k - before)][0] : max(pe, end)]
                for k, (ps, pe) in enumerate(paras)
                if ps <= start < pe
            ),
            text,
        )
        if window not in out:
            out.append(window)
        at = start + 1
    return out


def strip_reference_list(text: str) -> str:
    """``text`` without the lines of a reference list ("Sources:", "[1] Reuters: ...")."""
    return _REFERENCE_LINE.sub("", text)


class _SupportPool:
    """The sources as verification sees them: article text with its untrusted sentences
    (see :func:`untrusted`) blanked out, offsets kept, and the word stems of the rest."""

    def __init__(
        self, texts: dict[str, str], evidence: list[Evidence], notes: dict[str, str], min_support: float
    ):
        self.texts, self.evidence, self.min_support = texts, evidence, min_support
        self.notes = _stems(" ".join(notes.values()))
        self._trusted: dict[str, str] = {}
        self._stems: dict[str, frozenset[str]] = {}

    def trusted(self, n: int) -> str:
        """Source ``n``'s article (its passage when the article is missing), untrusted
        sentences replaced by spaces."""
        ev = self.evidence[n - 1]
        key = ev.doc_id if ev.doc_id in self.texts else f"{ev.doc_id}#{n}"
        if key not in self._trusted:
            text = self.texts.get(ev.doc_id) or ev.text
            parts, last = [], 0
            for start, end in _segments(text):
                if untrusted(text[start:end]):
                    parts += [text[last:start], " " * (end - start)]
                    last = end
            self._trusted[key] = "".join([*parts, text[last:]])
            self._stems[key] = _stems(self._trusted[key])
        return self._trusted[key]

    def doc_stems(self, n: int) -> frozenset[str]:
        """The word stems of source ``n``'s trusted text."""
        return self._doc(n)

    def _doc(self, n: int) -> frozenset[str]:
        self.trusted(n)
        ev = self.evidence[n - 1]
        return self._stems[ev.doc_id if ev.doc_id in self.texts else f"{ev.doc_id}#{n}"]

    def supports(self, claim: str, refs: list[int]) -> bool:
        """Do the sources ``refs`` (all of them when empty) hold most of the claim's words?"""
        needed = _stems(MARKER.sub("", claim))  # verified quoted words count as support
        if not needed:
            return True
        pool = set(self.notes)
        for n in refs or range(1, len(self.evidence) + 1):
            pool |= self._doc(n)
        return len(needed & pool) >= self.min_support * len(needed)


def untrusted(sentence: str) -> bool:
    """A source sentence verification does not accept as support: one that reads as an
    instruction to a model, mimics the prompt's markup (``</source>``, ``<system>``), or
    is a line of a reference list ("Sources: [1] ...")."""
    return bool(
        looks_like_instruction(sentence)
        or _PROMPT_MARKUP.search(sentence)
        or _REFERENCE_LINE.match(sentence.strip())
    )


def _segments(text: str) -> list[tuple[int, int]]:
    """Rough sentence spans (split at sentence ends and line breaks), offsets into text."""
    spans, start = [], 0
    for m in _ROUGH_SENTENCE.finditer(text):
        spans.append((start, m.start()))
        start = m.end()
    spans.append((start, len(text)))
    return [(a, b) for a, b in spans if b > a]


def _stems(text: str) -> frozenset[str]:
    """Content words of ``text`` cut to five characters (a crude, language-light stem)."""
    return frozenset(w[:5] for w in words(text) if len(w) >= 3 and w not in _STOP)


def _prefer_containing(candidates: list[int], quote: str, evidence: list[Evidence]) -> int:
    """Of the sources whose article holds ``quote``, the one whose passage shows it."""
    for n in candidates:
        if find_quote(quote, evidence[n - 1].text):
            return n
    return candidates[0]


def _append_markers(claim: str, refs: list[int]) -> str:
    tail = "".join(f"[{n}]" for n in refs)
    m = re.search(r"[.!?][\"”’)]*$", claim)
    if m and not set(m.group(0)) & set('"”'):  # never inside a closing quotation mark
        return f"{claim[: m.start()]} {tail}{claim[m.start() :]}"
    return f"{claim} {tail}"


def _keep_known(m: re.Match[str], size: int) -> str:
    nums = [x.strip() for x in m.group(1).split(",") if 1 <= int(x) <= size]
    return f"[{', '.join(nums)}]" if nums else ""


_NAME = r"[A-Z][\w.'’-]+(?:\s+(?:[A-Z][\w.'’-]+|de|van|von|der|da|del|bin|al-\w+)){0,4}"
#: The verb forms of an attribution (``wordlists.txt`` [verified_attribution]), as a group.
SPEECH_VERB = f"(?:{alternation('verified_attribution')})"
#: Opening and closing double marks, the typewriter pairs (two backticks or two apostrophes
#: opening, two apostrophes closing) included, and the words between them.
_OPEN = r"(?:[\"“]|''|``)"
_SHUT = r"(?:[\"”]|'')"
_SAID = r"(?P<words>(?:(?!'')[^\"”“]){3,})"
_ATTRIB_BEFORE = re.compile(rf"(?P<name>{_NAME})\s+{SPEECH_VERB}\b[^\"“”]{{0,80}}?{_OPEN}{_SAID}{_SHUT}")
_ATTRIB_AFTER = re.compile(
    rf"{_OPEN}{_SAID}{_SHUT}\s*,?\s*"
    rf"(?:(?P<n1>{_NAME})\s+{SPEECH_VERB}\b|{SPEECH_VERB}\s+(?P<n2>{_NAME}))"
)
_PRONOUNS = frozenset(["he", "she", "they", "it", "i", "we", "you", "this", "that", "there", "who"])


def attributions(claim: str, sources: Iterable[str] = ()) -> list[tuple[str, str]]:
    """``(speaker, quoted words)`` pairs a claim states ("A said ... "w"" or ""w," A said").

    An attribution whose words, speaker and cue together occur verbatim in one of
    ``sources`` is the article's own statement, not the answer's reading of it, and is
    left out: the ledger is a reading of the article and may name the speaker otherwise
    ("the Ontario MP said he had “…”", which the ledger gives to the MP by name), but a
    sentence copied from the article cannot misattribute what the article says."""
    text = MARKER.sub("", claim)
    pairs: list[tuple[str, str, str]] = []
    for m in _ATTRIB_BEFORE.finditer(text):
        pairs.append((m.group("name"), m.group("words"), m.group(0)))
    for m in _ATTRIB_AFTER.finditer(text):
        pairs.append((m.group("n1") or m.group("n2"), m.group("words"), m.group(0)))
    pool = list(sources)
    seen: set[tuple[str, str]] = set()
    out = []
    for name, said, stated in pairs:
        if name.split()[0].lower() in _PRONOUNS or (name, said) in seen:
            continue
        if any(find_verbatim(stated, src) is not None for src in pool):
            continue
        seen.add((name, said))
        out.append((name, said))
    return out


TITLES = _wordset(
    """
    mr mrs ms dr sir dame lord lady first second prof professor president prime minister premier
    senator sen rep representative gov governor mayor secretary chancellor mp minister
    chief judge justice general gen vice deputy leader councillor councilor commissioner
    ambassador officer adviser advisor economist analyst coach captain inspector sergeant
    conservative liberal democrat republican ceo chair chairman spokesperson spokesman
    spokeswoman former
    """
)


def name_tokens(name: str) -> list[str]:
    """Lower-case tokens of a person's name without titles or a possessive."""
    toks = [unpossessive(t).strip(".,") for t in words(name)]
    return [t for t in toks if t and t not in TITLES]


def same_person(claimed: str, names: Iterable[str]) -> bool:
    """Does ``claimed`` name the same person as one of ``names`` (full name or surname)?"""
    got = name_tokens(claimed)
    if not got:
        return True  # nothing to compare: no evidence of a mismatch
    for candidate in names:
        ref = name_tokens(candidate)
        if not ref:
            continue
        if got[-1] == ref[-1] or set(got) <= set(ref) or set(ref) <= set(got):
            return True
    return False


def ledger_speaker_check(quotes: list[Quote]) -> SpeakerCheck:
    """A speaker check from the quote ledger.

    A mismatch is reported only when the ledger attributes the quoted words to someone
    and none of those speakers is the one the answer names; words the ledger does not
    hold, or holds unattributed, are not judged.
    """
    ledger = [(normalise(q.quote), [q.speaker, *q.aliases]) for q in quotes if _named(q.speaker)]

    def check(speaker: str, said: str) -> bool:
        pieces = [normalise(p) for p in quote_pieces(said)]
        if not pieces:
            return False
        owners = [
            names
            for text, names in ledger
            if all(p in text for p in pieces)
            or (len(text) >= 12 and text.strip(_EDGE_PUNCT) in normalise(said))
        ]
        if not owners:
            return False
        return not any(same_person(speaker, [n for n in names if n]) for names in owners)

    return check


def _abstain_text(text: str, question: str) -> str:
    """The abstention shown: the backend's own when it says what is missing without
    repeating words quoted in the question (which would look like the articles' words)."""
    own = text.strip()
    echoed = [q for q in quoted_spans(question) if normalise(q).strip(_EDGE_PUNCT) in normalise(own)]
    if own.startswith(CANNOT_ANSWER) and not echoed:
        return own
    return f"{CANNOT_ANSWER} enough to answer this: no claim could be verified against the sources."


_STOP = _wordset(
    """
    a an the and or but if of to in on at by for with from as is are was were be been
    being it its this that these those he she they them his her their we our you your i
    me my not no do does did has have had will would can could should may might about
    into over after before than then there here what who whom whose which when where
    why how said says say
    """
)


def parse_reply(text: str) -> Draft:
    """A draft from a model's reply text; a reply starting with the sentinel abstains."""
    stripped = text.strip()
    head = normalise(stripped).lstrip("\"'*_ ")
    if not stripped or head.startswith(normalise(CANNOT_ANSWER)):
        return Draft(text=stripped or CANNOT_ANSWER + ".", abstained=True)
    return Draft(text=stripped)
