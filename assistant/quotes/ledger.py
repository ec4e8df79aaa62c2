"""The quote ledger: speakers merged across articles, corroboration, and look-ups.

:func:`build_ledger` takes quotes from any number of articles and

* merges speaker identities: names with the same key (``J.D. Vance`` / ``JD Vance``), a
  name and its per-article aliases (``Prime Minister Mark Carney`` -> ``Mark Carney``),
  and a bare surname or single word only when exactly one multi-word speaker ends with
  it (``Vance`` stays apart while both ``J.D. Vance`` and ``Usha Vance`` exist);
* gives each speaker a stable ``speaker_id`` (a slug of the canonical name);
* groups the same or nearly the same words across articles (normalised containment of
  a quote of four words or more, or token overlap >= 0.8) and fills ``corroborated_by``.

Look-ups are lexical (an inverted index over words); a dense ranker can be layered on.
"""

from __future__ import annotations

import json
import re
from collections import Counter, defaultdict
from collections.abc import Iterable

from assistant.nlp.text import normalise, unaccented, words
from assistant.quotes.people import key, split_role
from assistant.types import Quote, Speaker

_STOP = frozenset(
    """the a an and or of to in on at for with by from is are was were be been it that this
    he she they we i you his her their its our my as but not have has had will would what
    who said says about did do does""".split()
)


def slug(name: str) -> str:
    """``Mark Carney`` -> ``mark-carney``; ``Prime Minister's Office`` -> ``prime-ministers-office``."""
    s = unaccented(normalise(name)).encode("ascii", "ignore").decode()
    s = s.replace("'", "")
    return re.sub(r"[^a-z0-9]+", "-", s).strip("-") or "unknown"


def _content(text: str) -> list[str]:
    return [w for w in words(text) if w not in _STOP]


class _Union:
    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, x: str) -> str:
        self.parent.setdefault(x, x)
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[rb] = ra


class Ledger:
    """Quotes with merged speakers; query by speaker, topic or words."""

    def __init__(self, quotes: list[Quote], speakers: list[Speaker]) -> None:
        self.quotes = quotes
        self._speakers = {s.id: s for s in speakers}
        self._names: dict[str, str] = {}
        surnames: dict[str, set[str]] = defaultdict(set)
        for s in speakers:
            for n in [s.name, *s.aliases]:
                self._names[key(n)] = s.id
                toks = key(n).split()
                if len(toks) > 1:
                    surnames[toks[-1]].add(s.id)
        for sur, ids in surnames.items():
            if len(ids) == 1 and sur not in self._names:
                self._names[sur] = next(iter(ids))
        self._index: dict[str, set[int]] = defaultdict(set)
        self._norm = [normalise(q.quote) for q in quotes]
        for i, q in enumerate(quotes):
            for w in set(_content(q.quote)):
                self._index[w].add(i)
        # speaker id -> that speaker's quotes in ledger order; built on the first look-up
        # (a ledger is rebuilt per store generation, so this index lives as long as it)
        self._by_id: dict[str, list[Quote]] | None = None

    # -- speakers ---------------------------------------------------------------------
    def speakers(self) -> list[Speaker]:
        """All speakers, most quoted first."""
        return sorted(self._speakers.values(), key=lambda s: (-s.quote_count, s.name))

    def find_speaker(self, name: str) -> Speaker | None:
        """A speaker by full name, alias or unambiguous surname (case-insensitive)."""
        name = re.sub(r"^(?:the|a|an)\s+", "", name.strip(), flags=re.I)
        role, rest = split_role(name.split())
        k = key(" ".join(rest) if role and rest else name)
        sid = self._names.get(k) or self._names.get(slug(k).replace("-", " "))
        if sid is None and len(k.split()) > 1:
            sid = self._names.get(k.split()[-1])
            sp = self._speakers.get(sid) if sid else None
            if sp is not None and key(sp.name).split()[0] != k.split()[0]:
                sid = None  # "Usha Vance" is not "J.D. Vance"
        return self._speakers.get(sid) if sid else None

    def by_speaker(self, name: str) -> list[Quote]:
        """Every quote of a speaker, in doc and text order."""
        sp = self.find_speaker(name)
        if sp is None:
            return []
        if self._by_id is None:
            by_id: dict[str, list[Quote]] = defaultdict(list)
            for q in self.quotes:
                if q.speaker_id:
                    by_id[q.speaker_id].append(q)
            self._by_id = dict(by_id)
        return list(self._by_id.get(sp.id, ()))

    # -- words ------------------------------------------------------------------------
    def _candidates(self, terms: Iterable[str]) -> set[int]:
        out: set[int] = set()
        for t in terms:
            out |= self._index.get(t, set())
        return out

    def _match(self, text: str) -> list[tuple[float, int]]:
        n = normalise(text).strip(" \"'.,")
        terms = _content(text)
        if not n or not terms:
            return []
        scored = []
        for i in self._candidates(terms):
            qn = self._norm[i]
            if n in qn:
                s = 1.0 + len(n) / max(len(qn), 1)
            elif len(qn.split()) >= 4 and qn.strip(" .,\"'") in n:
                s = 0.9
            else:
                qt = set(_content(self.quotes[i].quote))
                s = 0.8 * sum(1 for t in terms if t in qt) / len(terms)
            if s >= 0.5:
                scored.append((s, i))
        scored.sort(key=lambda t: (-t[0], t[1]))
        return scored

    def who_said(self, text: str) -> list[Quote]:
        """Quotes whose words match ``text``, best first (containment beats overlap)."""
        return [self.quotes[i] for _, i in self._match(text)]

    def check_attribution(self, speaker: str, words_: str) -> bool | None:
        """True if the ledger gives ``words_`` to ``speaker``, False if to someone else,
        None if it does not know the words or who said them."""
        hits = [(s, self.quotes[i]) for s, i in self._match(words_) if s >= 0.6]
        attributed = [q for _, q in hits if q.speaker_id]
        if not attributed:
            return None
        sp = self.find_speaker(speaker)
        if sp is not None and any(q.speaker_id == sp.id for q in attributed):
            return True
        return False

    # -- persistence ------------------------------------------------------------------
    def to_json(self) -> str:
        return json.dumps(
            {
                "quotes": [q.model_dump(mode="json") for q in self.quotes],
                "speakers": [s.model_dump(mode="json") for s in self._speakers.values()],
            },
            ensure_ascii=False,
        )

    @classmethod
    def from_json(cls, data: str) -> Ledger:
        obj = json.loads(data)
        return cls(
            [Quote.model_validate(q) for q in obj["quotes"]],
            [Speaker.model_validate(s) for s in obj["speakers"]],
        )


def _merge_speakers(quotes: list[Quote]) -> dict[str, str]:
    """Map every speaker name key to a cluster root key."""
    uf = _Union()
    multi: dict[str, set[str]] = defaultdict(set)  # last token -> multi-word keys
    names: set[str] = set()
    for q in quotes:
        if not q.speaker:
            continue
        k = key(q.speaker)
        uf.find(k)
        names.add(k)
        for a in q.aliases:
            ka = key(a)
            if len(ka.split()) > 1 or ka.isupper() or len(ka) <= 5:
                uf.union(k, ka)  # per-article aliases come from the same person's mentions
    for k in names:
        if len(k.split()) > 1:
            multi[k.split()[-1]].add(k)
    for k in names:
        toks = k.split()
        if len(toks) == 1:
            roots = {uf.find(m) for m in multi.get(toks[0], set())}
            if len(roots) == 1:
                uf.union(next(iter(roots)), k)
    return {k: uf.find(k) for k in names}


def _corroborate(quotes: list[Quote]) -> None:
    """Fill ``corroborated_by`` with other docs that carry the same or nearly the same words."""
    norms = [normalise(q.quote) for q in quotes]
    toks = [n.split() for n in norms]
    shingles: dict[tuple[str, ...], list[int]] = defaultdict(list)
    for i, t in enumerate(toks):
        grams = {tuple(t[j : j + 4]) for j in range(max(len(t) - 3, 1))} if t else set()
        for g in grams:
            shingles[g].append(i)
    groups: dict[int, set[int]] = defaultdict(set)
    for members in shingles.values():
        if len(members) < 2 or len(members) > 50:  # a phrase that common is boilerplate
            continue
        for a in members:
            for b in members:
                if a < b and quotes[a].doc_id != quotes[b].doc_id and b not in groups[a]:
                    if _near(norms[a], norms[b], toks[a], toks[b]):
                        groups[a].add(b)
                        groups[b].add(a)
    for i, q in enumerate(quotes):
        q.corroborated_by = sorted({quotes[j].doc_id for j in groups.get(i, ())} - {q.doc_id})


def _near(a: str, b: str, ta: list[str], tb: list[str]) -> bool:
    short, long_ = (a, b) if len(a) <= len(b) else (b, a)
    if len(short.split()) >= 4 and short.strip(" .,\"'") in long_:
        return True
    sa, sb = set(ta), set(tb)
    return len(sa & sb) / max(len(sa | sb), 1) >= 0.8


def build_ledger(quotes: Iterable[Quote]) -> Ledger:
    """Merge speakers across articles, assign ids and aliases, group corroborating quotes."""
    qs = [q.model_copy(deep=True) for q in quotes]
    roots = _merge_speakers(qs)
    clusters: dict[str, list[Quote]] = defaultdict(list)
    for q in qs:
        if q.speaker:
            clusters[roots[key(q.speaker)]].append(q)
    speakers: list[Speaker] = []
    used: set[str] = set()
    for _root, members in sorted(clusters.items()):
        counts = Counter(q.speaker for q in members if q.speaker)
        name = max(counts, key=lambda n: (len(n.split()) > 1, counts[n], len(n)))
        sid = slug(name)
        while sid in used:
            sid += "-2"
        used.add(sid)
        aliases = sorted({a for q in members for a in [q.speaker or "", *q.aliases]} - {name, ""})
        roles = sorted({q.role for q in members if q.role})
        for q in members:
            q.speaker, q.speaker_id, q.aliases = name, sid, aliases
        speakers.append(
            Speaker(
                id=sid,
                name=name,
                aliases=aliases,
                roles=roles,
                quote_count=len(members),
                doc_ids=sorted({q.doc_id for q in members}),
            )
        )
    _corroborate(qs)
    return Ledger(qs, speakers)
