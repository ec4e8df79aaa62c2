"""Sentence and paragraph writer for the synthetic news generator.

:class:`Writer` holds one article's cast (people with roles, organisations) and writes its
paragraphs: a lede, direct quotes (after, before, split, partial), reported speech with
cues, statements by organisations, background with figures, photo captions, headlines.
Later references to a person use the surname, a pronoun (only right after a paragraph
about the same person) or a unique description ("the minister"). Every quote and claim
written is recorded in ``facts`` with its speaker, so the corpus carries its ground truth.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, timedelta

from benchmarks import vocab as V


@dataclass
class Person:
    """A named speaker: title before the name, or an appositive after it."""

    first: str
    last: str
    female: bool
    title: str
    prefix: bool
    desc: str
    mentioned: bool = False

    @property
    def full(self) -> str:
        return f"{self.first} {self.last}"

    @property
    def pron(self) -> str:
        return "she" if self.female else "he"


@dataclass
class Org:
    """An organisation that speaks through statements."""

    name: str
    mentioned: bool = False


def _cap(s: str) -> str:
    return s[:1].upper() + s[1:]


def _plural(noun_phrase: str) -> bool:
    """Crude number agreement for pool phrases: 'the new tariffs' yes, 'the rent cap' no."""
    head = noun_phrase.split(" for ")[0].split()[-1]
    return head.endswith("s") and not head.endswith(("ss", "us"))


def _be(noun_phrase: str, present: bool) -> str:
    if present:
        return "are" if _plural(noun_phrase) else "is"
    return "were" if _plural(noun_phrase) else "was"


@dataclass
class Writer:
    """Writes one article's paragraphs; every choice comes from ``rng`` in a fixed order."""

    rng: random.Random
    published: date
    topic: str = ""
    t: dict[str, tuple[str, ...]] = field(default_factory=dict)
    people: list[Person] = field(default_factory=list)
    orgs: list[Org] = field(default_factory=list)
    last: Person | None = None
    facts: list[dict[str, str]] = field(default_factory=list)
    events: list[dict[str, str | None]] = field(default_factory=list)

    # -- cast -------------------------------------------------------------------------
    def cast(self) -> None:
        r = self.rng
        self.topic = r.choice(sorted(V.TOPICS))
        self.t = V.TOPICS[self.topic]
        descs: set[str] = set()
        surnames: set[str] = set()
        for k in range(r.randint(3, 5)):
            for _ in range(20):
                if k == 0 or r.random() < 0.5:
                    title, desc = r.choice(self.t["roles"]).split(":")
                    prefix = True
                else:
                    tmpl, desc = r.choice(V.GENERIC_ROLES).split(":")
                    title = self._fill(tmpl)
                    prefix = False
                last = r.choice(V.SURNAMES)
                if desc not in descs and last not in surnames:
                    break
            descs.add(desc)
            surnames.add(last)
            female = r.random() < 0.5
            first = r.choice(V.FIRST_F if female else V.FIRST_M)
            self.people.append(Person(first, last, female, title, prefix, desc))
        names = r.sample(self.t["orgs"], 2)
        self.orgs = [Org(n) for n in names]

    def _fill(self, tmpl: str) -> str:
        r = self.rng
        return tmpl.format(
            bank=r.choice(V.BANKS),
            uni=r.choice(V.UNIS),
            city=r.choice(V.CITIES),
            org="the " + r.choice(self.t["orgs"]),
            region=r.choice(V.REGIONS),
            who=r.choice(self.t["who"]),
        )

    # -- references -------------------------------------------------------------------
    def ref(self, p: Person, start: bool = True) -> tuple[str, str]:
        """How to name ``p`` now: full name and role first, later surname/pronoun/role."""
        r = self.rng
        if not p.mentioned:
            p.mentioned = True
            text = f"{p.title} {p.full}" if p.prefix else f"{p.full}, {p.title},"
            return text, "full"
        x = r.random()
        if self.last is p and x < 0.4:
            return (_cap(p.pron) if start else p.pron), "pronoun"
        if x > 0.75:
            return (_cap(p.desc) if start else p.desc), "description"
        return p.last, "surname"

    def org_ref(self, o: Org) -> str:
        if not o.mentioned or self.rng.random() < 0.5:
            o.mentioned = True
            return f"the {o.name}"
        return self.rng.choice(("the group", "the organisation", f"the {o.name}"))

    # -- time -------------------------------------------------------------------------
    def when(self) -> tuple[str, str | None]:
        """A time expression and, when the text determines one, its ISO date."""
        r, pub = self.rng, self.published
        x = r.random()
        if x < 0.45:
            back = r.randint(1, 6)
            d = pub - timedelta(days=back)
            day = V.WEEKDAYS[d.weekday()]
            return (f"on {day}" if r.random() < 0.6 else day), d.isoformat()
        if x < 0.6:
            return r.choice(("last week", "earlier this month", "last month", "this week")), None
        if x < 0.7:
            return "yesterday", (pub - timedelta(days=1)).isoformat()
        d = pub - timedelta(days=r.randint(2, 60))
        if r.random() < 0.5:
            return f"on {V.MONTHS[d.month - 1]} {d.day}", d.isoformat()
        return f"on {V.MONTH_ABBR[d.month - 1]} {d.day}, {d.year}", d.isoformat()

    # -- content ----------------------------------------------------------------------
    def _slots(self) -> dict[str, str]:
        r, t = self.rng, self.t
        return {
            "thing": r.choice(t["things"]),
            "who": r.choice(t["who"]),
            "stat": r.choice(t["stats"]),
            "effect": r.choice(V.EFFECTS),
            "time": r.choice(V.TIMEFRAMES),
            "action": r.choice(V.ACTIONS),
            "place": r.choice(V.REGIONS + V.CITIES),
            "pct": f"{r.randint(2, 40)}",
            "amount": f"{r.randint(1, 30)}.{r.randint(0, 9)}",
            "org": r.choice(t["orgs"]),
            "city": r.choice(V.CITIES),
            "assess": r.choice(V.ASSESSMENTS).replace("{who}", r.choice(t["who"])),
            "bare": r.choice([a for a in V.ASSESSMENTS if "{who}" not in a]),
        }

    def claim(self, direct: bool) -> str:
        """A clause for reported speech (past) or, with ``direct``, a quotable one."""
        s = self._slots()
        will, has, is_ = ("will", "has", "is") if direct else ("would", "had", "was")
        be = _be(s["thing"], direct)
        forms = (
            f"{s['thing']} {will} {s['effect']} {s['who']} in {s['place']} {s['time']}",
            f"{s['thing']} {be} {s['assess']}",
            f"the government {has} {s['action']} {s['thing']}",
            f"{s['who']} {will} pay the price if {s['thing']} {be} not fixed {s['time']}",
            f"{s['thing']} could cost {s['place']} as much as ${s['amount']} billion",
            f"{s['stat']} {will} climb by {s['pct']} per cent {s['time']}",
            f"there {is_} no plan to revisit {s['thing']} {s['time']}",
            f"the {s['org']} {has} {s['action']} {s['thing']}",
        )
        return self.rng.choice(forms)

    def quote(self) -> list[str]:
        """One to three first-person sentences (no final punctuation on the last)."""
        r = self.rng
        out = []
        for _ in range(r.choice((1, 2, 2, 3))):
            s = self._slots()
            forms = (
                f"We {r.choice(V.STANCES)} {s['thing']}",
                _cap(self.claim(direct=True)),
                f"I have spoken with {s['who']} in {s['city']}, and they are worried about {s['thing']}",
                f"Our position on {s['thing']} has not changed",
                f"This is {s['bare']} for {s['who']}",
                f"{_cap(s['who'])} in {s['place']} deserve better than this",
                f"We need {s['thing']} fixed {s['time']}, not next year",
                f"{r.choice(V.OPENERS)} {self.claim(direct=True)}",
                f"Nobody in {s['place']} wants {s['thing']} to fail",
                f"The message from {s['who']} was simple: ‘Fix {s['thing']} {s['time']}’",
            )
            out.append(r.choice(forms))
        return out

    def _fact(self, speaker: str, text: str, kind: str, cue: str) -> None:
        self.facts.append({"speaker": speaker, "quote": text, "kind": kind, "cue": cue})

    # -- paragraphs -------------------------------------------------------------------
    def lede(self, p: Person, dateline: str) -> str:
        name, _ = self.ref(p)
        when, iso = self.when()
        c = self.claim(direct=False)
        ctx = self._fill(self.rng.choice(V.CONTEXT))
        self._fact(p.full, c, "reported", "full")
        self.events.append({"speaker": p.full, "date_text": when, "date": iso})
        self.last = p
        return f"{dateline}{name} said {when} that {c}, {ctx}."

    def para_person(self, p: Person) -> str:
        r = self.rng
        kind = r.choices(
            ("after", "split", "before", "reported", "partial", "x", "according", "adding"),
            weights=(24, 12, 12, 20, 8, 6, 6, 12),
        )[0]
        name, cue = self.ref(p)
        mid = name if cue in ("full", "surname") else name[:1].lower() + name[1:]
        q = self.quote()
        verb = r.choice(V.REPORT_VERBS)
        if kind == "after":
            body = ". ".join(q)
            tail = f"{mid} {r.choice(V.CUES)}"
            if cue == "surname" and r.random() < 0.4:
                tail = f"said {name}"
            text = f"“{body},” {tail}."
            self._fact(p.full, max(q, key=len), "direct", cue)
        elif kind == "split" and len(q) > 1:
            text = f"“{q[0]},” {mid} said. “{'. '.join(q[1:])}.”"
            self._fact(p.full, q[0], "direct", cue)
            self._fact(p.full, q[1], "direct", cue)
        elif kind in ("split", "before"):
            how = r.choice(
                (
                    "said",
                    f"told {r.choice(V.OUTLETS)}",
                    "said in a statement",
                    "told reporters",
                    "wrote",
                )
            )
            text = f"{name} {how}: “{'. '.join(q)}.”"
            self._fact(p.full, max(q, key=len), "direct", cue)
        elif kind == "partial":
            s = self._slots()
            text = f"{name} called {s['thing']} “{s['assess']}” and {verb} that {self.claim(direct=False)}."
            self._fact(p.full, s["assess"], "partial", cue)
        elif kind == "x":
            c = self.claim(direct=False)
            when, iso = self.when()
            if cue == "full" or r.random() < 0.5:
                text = f"In a post on X {when}, {mid} said {c}."
            else:
                text = f"{name} posted on X {when} that {c}."
            self._fact(p.full, c, "reported", cue)
            self.events.append({"speaker": p.full, "date_text": when, "date": iso})
        elif kind == "according" and cue != "pronoun":
            c = self.claim(direct=False)
            text = f"According to {mid.rstrip(',')}, {c}."
            self._fact(p.full, c, "reported", cue)
        elif kind == "adding":
            c = self.claim(direct=False)
            text = f"“{'. '.join(q)},” {mid} said, adding that {c}."
            self._fact(p.full, max(q, key=len), "direct", cue)
        else:
            c = self.claim(direct=False)
            tell = r.choice(("", "", f"told {r.choice(V.OUTLETS)}", "told reporters"))
            text = f"{name} {tell or verb} that {c}."
            self._fact(p.full, c, "reported", cue)
        if r.random() < 0.4:
            c = self.claim(direct=False)
            text += f" {_cap(p.pron)} also {r.choice(V.REPORT_VERBS[:-1])} that {c}."
            self._fact(p.full, c, "reported", "pronoun")
        elif kind in ("reported", "according", "x") and r.random() < 0.5:
            text = text[:-1] + ", " + self._fill(r.choice(V.CONTEXT)) + "."
        self.last = p
        return text

    def para_org(self, o: Org) -> str:
        r = self.rng
        name = self.org_ref(o)
        c = self.claim(direct=False)
        when, iso = self.when()
        form = r.randrange(3)
        if form == 0:
            text = f"In a statement, {name} said {c}."
        elif form == 1:
            text = f"{_cap(name)} said in a statement {when} that {c}."
            self.events.append({"speaker": o.name, "date_text": when, "date": iso})
        else:
            q = self.quote()
            text = f"“{'. '.join(q)},” {name} said in a news release."
            c = max(q, key=len)
        self._fact(o.name, c, "org", "org")
        self.last = None
        return text

    def para_background(self) -> str:
        r, s = self.rng, self._slots()
        when, _ = self.when()
        forms = (
            f"{_cap(s['stat'])} {r.choice(('rose', 'fell', 'jumped', 'slipped'))} {s['pct']} "
            f"per cent {when}, according to data from the {s['org']}, the biggest move since "
            f"{self.published.year - r.randint(1, 15)}.",
            f"{_cap(s['thing'])} {_be(s['thing'], False)} first announced {when} and "
            f"{_be(s['thing'], True)} expected to cost about "
            f"${s['amount']} billion {s['time']}.",
            f"Critics in {s['place']} have long argued that {self.claim(direct=False)}, while "
            f"supporters say {s['who']} stand to gain.",
            f"The debate over {s['thing']} comes as {s['stat']} in {s['place']} "
            f"{'remain' if _plural(s['stat']) else 'remains'} under "
            f"pressure and {s['who']} look for clarity {s['time']}.",
        )
        self.last = None
        first = r.choice(forms)
        if r.random() < 0.5:
            return first + " " + r.choice([f for f in forms if f != first])
        return first

    def headline(self) -> str:
        r, p, s = self.rng, self.people[0], self._slots()
        forms = (
            f"{p.last} says {s['thing']} will {s['effect']} {s['who']}",
            f"{p.title} warns {s['thing']} could {s['effect']} {s['who']}",
            f"{_cap(s['thing'])} {_be(s['thing'], True)} {s['assess']}, {p.last} says",
            f"What {s['thing']} {'mean' if _plural(s['thing']) else 'means'} for {s['who']} in {s['place']}",
            f"{p.full} defends {s['thing']} {self._fill(r.choice(V.CONTEXT))}",
        )
        h = _cap(r.choice(forms))
        if r.random() < 0.3:
            h = " ".join(w[:1].upper() + w[1:] for w in h.split(" "))
        return h


def caption(b: Writer) -> str:
    """A photo caption with credit, in one of the shapes news sites use."""
    r = b.rng
    p = r.choice(b.people)
    d = b.published - timedelta(days=r.randint(0, 3))
    stamp = f"{V.WEEKDAYS[d.weekday()]}, {V.MONTH_ABBR[d.month - 1]} {d.day}, {d.year}"
    who = f"{r.choice(V.FIRST_F + V.FIRST_M)} {r.choice(V.SURNAMES)}"
    agency = r.choice(V.AGENCIES)
    form = r.randrange(3)
    if form == 0:
        return (
            f"{p.full} speaks to reporters in {r.choice(V.CITIES)} on {stamp}. "
            f"{agency.upper()}/{who} Click here to view gallery Photo: {agency}"
        )
    if form == 1:
        return f"{p.full} arrives for a meeting on {stamp}. (Photo: {who}/{agency})"
    return f"Photo credit: {who} / {agency}"
