"""Tabulate candidate relation signals over ``evals/relation_dump.py`` rows (relation15).

For every answered question: right = unanswerable (the signal would abstain rightly), wrong =
answerable with every fact found (it would abstain wrongly), other = answerable, facts missing.
A signal fires on a question when it fires on any part's top sentence.

    python evals/relation_signals.py /tmp/relation15/dev.jsonl [--show SIGNAL]
"""

from __future__ import annotations

import argparse
import json
import re
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

from assistant.answer import asked
from assistant.nlp import parse, speech_verbs, wordlist

SPEECH = {f.lower() for v in speech_verbs().values() for f in v.forms} | set(speech_verbs())
STANCE = {w.lower() for w in wordlist("stance_verbs")}
FRAME_VERBS = {
    "be",
    "do",
    "have",
    "say",
    "tell",
    "ask",
    "respond",
    "react",
    "reply",
    "think",
    "mean",
    "happen",
    "get",
    "make",
    "go",
    "give",
    "take",
    "come",
    "want",
    "know",
    "use",
}
FUTURE_Q = re.compile(r"\b(?:will|next|upcoming|going\s+to|plan(?:s|ning)?\s+to|scheduled)\b", re.I)
FUTURE_S = re.compile(
    r"\b(?:will|’ll|'ll|next|upcoming|going\s+to|plans?\s+to|planning|scheduled|set\s+to|"
    r"expected|later|tomorrow|would|to\s+be\s+held|soon)\b",
    re.I,
)
PAST_Q = re.compile(r"^\W*(?:did|has|have|had|was|were)\b|\b(?:did|has|have|had)\b", re.I)
NOT_ROLE = wordlist("asked_time_nouns") | wordlist("place_nouns") | wordlist("time_nouns")


E5: dict[tuple[str, str], dict[str, Any]] = {}


def nlp_docs(texts: list[str]) -> dict[str, Any]:
    uniq = list(dict.fromkeys(texts))
    return dict(zip(uniq, parse.parse(uniq), strict=True))


def q_predicate(doc: Any) -> tuple[str | None, str | None]:
    """(content verb lemma, wh head noun lemma) of a question part."""
    verb = None
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    cands = []
    if root is not None:
        cands = [root] + [c for c in root.children if c.dep_ in ("ccomp", "xcomp", "advcl", "conj")]
    for t in cands:
        lem = t.lemma_.lower()
        if (
            t.pos_ in ("VERB",)
            and lem not in FRAME_VERBS
            and lem not in SPEECH
            and t.text.lower() not in SPEECH
            and lem not in STANCE
            and t.text.lower() not in STANCE
        ):
            verb = lem
            break
    noun = None
    for t in doc:
        if t.lower_ in ("what", "which"):
            head = t.head if t.dep_ == "det" else None
            if head is not None and head.pos_ == "NOUN":
                noun = head.lemma_.lower()
            elif t.dep_ in ("attr", "nsubj", "dobj", "pobj"):
                # "What was the rate": the copula's other argument
                h = t.head
                for c in h.children:
                    if c is not t and c.dep_ in ("nsubj", "attr") and c.pos_ == "NOUN":
                        noun = c.lemma_.lower()
            break
    return verb, noun


def lemmas(doc: Any) -> set[str]:
    return {t.lemma_.lower() for t in doc} | {t.lower_ for t in doc}


def holds(doc: Any, lemma: str) -> bool:
    ls = lemmas(doc)
    if lemma in ls:
        return True
    return len(lemma) >= 6 and any(w[:6] == lemma[:6] for w in ls)


def sig(rec: dict[str, Any], docs: dict[str, Any]) -> dict[str, bool]:
    out: dict[str, bool] = defaultdict(bool)
    for p in rec["parts"]:
        if not p["chosen"]:
            continue
        top = p["chosen"][0]
        qd, sd, wd = docs[p["part"]], docs[top["text"]], docs[top["stretch"]]
        verb, noun = q_predicate(qd)
        speechq = any(t.lower_ in SPEECH or t.lemma_.lower() in SPEECH for t in qd)
        if verb:
            out["a_verb_sent"] |= not holds(sd, verb)
            out["a_verb_stretch"] |= not holds(wd, verb)
            if not speechq:
                out["a_verb_sent_nospeech"] |= not holds(sd, verb)
                out["a_verb_stretch_nospeech"] |= not holds(wd, verb)
            # the verb as a verb in the sentence
            vs = {t.lemma_.lower() for t in sd if t.pos_ in ("VERB", "AUX")}
            out["a_verb_asverb_sent"] |= verb not in vs
            if asked.yes_no_verb(p["part"]):
                out["a_verb_yesno_sent"] |= not holds(sd, verb)
                out["a_verb_yesno_stretch"] |= not holds(wd, verb)
        if noun:
            out["a_noun_sent"] |= not holds(sd, noun)
            out["a_noun_stretch"] |= not holds(wd, noun)
        # (b) tense / modality
        if FUTURE_Q.search(p["part"]):
            past = any(t.tag_ == "VBD" for t in sd)
            fut = bool(FUTURE_S.search(top["text"]))
            out["b_future_q_past_s"] |= past and not fut
            out["b_future_q_nofut_s"] |= not fut
            wfut = bool(FUTURE_S.search(top["stretch"]))
            out["b_future_q_nofut_stretch"] |= not wfut
        ask = p["part"].split(". ")[-1]
        if FUTURE_Q.search(ask) and not speechq:
            out["b2_future_ask_nofut_s"] |= not FUTURE_S.search(top["text"])
            out["b2_future_ask_nofut_stretch"] |= not FUTURE_S.search(top["stretch"])
        if verb and asked.yes_no_verb(p["part"]) and len(rec["parts"]) == 1 and " and " not in p["part"]:
            ls = lemmas(sd) | lemmas(wd)
            out["a2_yesno_onepart_stretch4"] |= not any(w[:4] == verb[:4] for w in ls)
        if PAST_Q.search(p["part"]) and not FUTURE_Q.search(p["part"]):
            fut = bool(re.search(r"\b(?:will|’ll|'ll|would)\b", top["text"], re.I))
            past = any(t.tag_ in ("VBD", "VBN") for t in sd)
            out["b_past_q_fut_s"] |= fut and not past
        # (c) a name asked: "which <noun>" / "who" (no speech verb), no person or org besides the question's
        m = re.search(r"\b(?i:which)\s+(?:[A-Z][\w.-]*\s+){0,2}([a-z]+)\b", p["part"])
        if m and (m.group(1) in NOT_ROLE):
            m = None
        whoq = re.match(r"^\W*who\b", p["part"], re.I)
        if (m or whoq) and not speechq:
            qlow = p["part"].lower()

            def fresh(ents: list[list[str]], qlow: str = qlow) -> bool:
                for txt, lab in ents:
                    if lab in ("PERSON",):
                        keys = txt.lower().replace("’s", "").replace("'s", "").split()
                        if not any(k in qlow for k in keys if len(k) > 2):
                            return True
                return False

            def fresh_org(ents: list[list[str]], qlow: str = qlow) -> bool:
                for txt, lab in ents:
                    if lab in ("PERSON", "ORG", "NORP", "GPE"):
                        keys = txt.lower().replace("’s", "").replace("'s", "").split()
                        if not any(k in qlow for k in keys if len(k) > 2):
                            return True
                return False

            tag = "which" if m else "who"
            out[f"c_{tag}_noperson_sent"] |= not fresh(top["ents"])
            out[f"c_{tag}_noperson_stretch"] |= not fresh(top["wents"])
            out[f"c_{tag}_noent_sent"] |= not fresh_org(top["ents"])
    return out


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("rows")
    p.add_argument("--show", action="append", default=[])
    p.add_argument("--e5", help="relation_e5.py output: the (d) similarity signals")
    args = p.parse_args(argv)
    recs = [json.loads(x) for x in Path(args.rows).read_text().splitlines()]
    if args.e5:
        E5.update({(x["set"], x["id"]): x for x in map(json.loads, Path(args.e5).read_text().splitlines())})
    recs = [r for r in recs if not r["abstained"]]
    texts = []
    for r in recs:
        for pt in r["parts"]:
            texts.append(pt["part"])
            for c in pt["chosen"][:1]:
                texts += [c["text"], c["stretch"]]
    docs = nlp_docs(texts)
    tab: dict[str, Counter[str]] = defaultdict(Counter)
    per_set: dict[str, Counter[str]] = defaultdict(Counter)
    tot = Counter()
    for r in recs:
        cls = "right" if not r["answerable"] else ("wrong" if r["facts_found"] else "other")
        tot[cls] += 1
        s = sig(r, docs)
        e = E5.get((r["set"], r["id"]))
        if e is not None:
            for th in (0.84, 0.86):
                s[f"d_sim_q<{th}"] = e["sim_q"] < th
                s[f"d_sim_q<{th}&a_verb_nospeech"] = e["sim_q"] < th and s.get("a_verb_sent_nospeech", False)
                if e["sim_ph"] is not None:
                    s[f"d_sim_ph<{th}&a_verb_nospeech"] = e["sim_ph"] < th and s.get(
                        "a_verb_sent_nospeech", False
                    )
        for k, v in s.items():
            if v:
                tab[k][cls] += 1
                per_set[k][f"{r['set']}:{cls}"] += 1
                if k in args.show:
                    top = r["parts"][0]["chosen"][0]["text"] if r["parts"] and r["parts"][0]["chosen"] else ""
                    print(f"[{k}] {cls} {r['set']} {r['id']}: {r['question']}\n      -> {top[:200]}")
    print(f"answered: right-pool {tot['right']}, wrong-pool {tot['wrong']}, other {tot['other']}")
    print(f"{'signal':32} right wrong other")
    for k in sorted(tab):
        print(
            f"{k:32} {tab[k]['right']:5} {tab[k]['wrong']:5} {tab[k]['other']:5}   "
            + " ".join(f"{a}" for a in sorted(per_set[k].items()) if a)
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
