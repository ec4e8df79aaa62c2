"""Candidate abstention signals counted on the answers main already gives (round 17, abstain17).

For every question of the development caches that main's answer step answers, each part's
chosen sentences (``ExtractiveBackend._pick``, spied) are read by candidate signals: a signal
firing on an unanswerable question is RIGHT, on an answerable one whose answer found every
fact WRONG, on one that missed a fact OTHER (abstaining there raises false abstention too).

    python evals/abstain17_signals.py CACHES MAIN_DUMPS MAIN_SCORES [set,set,...|dev] [signal,...]

CACHES: ``abstain_cv.py cache`` pickles (<set>.pkl); MAIN_DUMPS: ``abstain_cv.py score --dump``
of main (<set>.jsonl); MAIN_SCORES: ``/tmp/co15/full.py`` per-question scores (<set>.json).
Signals: F1 family ("what did X say", X's speech read several ways: A_* no chosen sentence
X's, B_* and X named in one, C_* the best not X's, D_* main's rule with a looser frame, H_*
a stricter reading of X's speech (own attribution clause, ledger overruled by a pronoun
whose sentence before names another speaker), S_* a stricter subject-of-speech test,
K1_own_* how the current reading finds X's speech); typed asks (T_* "which / what <kind>"
with no entity of the kind's labels in the chosen sentences or stretch, W_* "where", P_*
places, L_* "how long" with no duration, K_* "how many" with no CARDINAL). Round 18
(abstain18) adds, over the 13 development sets: N_* the question's names absent from the
chosen sentences / stretches / articles / evidence, FN_* its full names, C_* the share of its
content stems absent, E_* the e5 cosine of the question to the chosen passages, Q_* a
qualifier absent, V_* the "how many ... did X <verb>" verb absent, R_* "which <role>" with no
new PERSON; SIGNALS_DUMP=FILE writes each firing question's signals. Development data only:
never run it on a check set."""
import json, re, sys
from collections import defaultdict
from pathlib import Path
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from evals.abstain_cv import load
from assistant.answer.backends.extractive import backend as B
from assistant.answer.backends.extractive.speakers import _named_asked, _speaks, _ledger_speaker_at
from assistant.answer.backends.extractive.wanted import _specific
from assistant.answer.backends.extractive.runs import _window
from assistant.answer import asked
from assistant.nlp.questions import asked_speaker, ask_of
from assistant.answer.backends.extractive.speakers import _own_attribution, _authored
from assistant.answer.asked import PRONOUN_SAID

def strict_own(ctx, ev, sp, keys):
    text = ev.at(sp.start, sp.end)
    own = _own_attribution(text)
    if own is not None:
        return asked.names_one(own, keys)
    ledger = _ledger_speaker_at(sp, ev, ctx.quotes)
    prev = [s for s in ev.sentences if s.end <= sp.start][-1:]
    prev_name = _own_attribution(ev.at(prev[0].start, prev[0].end)) if prev else None
    if ledger is not None:
        if not asked.names_one(ledger, keys):
            return False
        if PRONOUN_SAID.search(text) and prev_name is not None and not asked.names_one(prev_name, keys):
            return False
        return True
    if _authored(ev, sp, ledger, keys):
        return True
    return bool(PRONOUN_SAID.search(text)) and prev_name is not None and asked.names_one(prev_name, keys)

from assistant.settings import Settings

DEV = ['tune','gold','rt_a','rf_a','nm_a','nm_fa','mp_ta','mp_fa','rm_a','rx_a','rl_a','re_a','r5_a','r6_a','r7_a']
CACHES, DUMPS, SCORES = sys.argv[1:4]
sets = sys.argv[4].split(',') if len(sys.argv) > 4 and sys.argv[4] != 'dev' else DEV
show = sys.argv[5].split(',') if len(sys.argv) > 5 else []
GAP = Settings().answer.speaker_gap
LOOSE = re.compile(r"^\W*what\s+(?:[a-z]+ly\s+|exactly\s+|else\s+)?(?:did|does|do|has|have|had|will|would)\s", re.I)
STRICT = re.compile(r"^\W*what\s+(?:did|does|do|has|have|had|will|would)\s", re.I)
PLACE = re.compile(r"^\W*(?:(?:in|at|from|to)\s+)?(?i:which|what)\s+(?:city|town|state|country|village|county|venue|place|location|hotel|restaurant|building|airport|university|school|city's|nation|region|province|neighborhood|arena|stadium)\b|^\W*(?i:where)\s+(?!(?i:did|does|do|will|would)\s+[\w' ]+?\s+(?:place|finish|rank|stand)\b)")
HOWLONG = re.compile(r"\bhow\s+long\b(?!\s+ago)", re.I)
NUMW = r"(?:\d[\d,.]*|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|hundred|several|few|many|couple\s+of|half\s+a|dozen|\w+-)"
DURATION = re.compile(rf"\b{NUMW}[\s-]+(?:(?:more|full|long|straight|consecutive|additional)\s+)?(?:second|minute|hour|day|night|week|month|year|decade|centur(?:y|ies))s?\b|\bsince\b|\b(?:months|years|decades|weeks|days|hours)\b|\blife\b", re.I)
PLACE_LABELS = {'GPE', 'LOC', 'FAC'}

from assistant.answer.asked import SPEECH_FORMS
_SP = SPEECH_FORMS
def strict_sub(text, name):
    keys = asked.name_keys(name)
    for k in keys:
        for m in re.finditer(rf"\b{re.escape(k)}\b", text, re.I):
            rest = text[m.end():]
            rest = re.sub(r"^(?:,[^,.;:!?]{1,120},)", "", rest)  # one appositive
            if re.match(rf"\s+(?:(?:had|has|have|also|then|later|again|once|[a-z]+ly)\s+){{0,2}}(?:{_SP})\b", rest):
                return True
            before = text[:m.start()]
            if re.search(rf"\b(?:{_SP})\s+(?:[A-Z][\w.'’-]*\s+){{0,3}}$", before):
                return True
            if re.search(r"\baccording\s+to\s+(?:[A-Z][\w.'’-]*\s+){0,3}$", before):
                return True
    return False

def f1(ctx, part, wanted, chosen):
    out = {}
    X = _named_asked(ctx, part)
    if not X or wanted in ('name','person') or not chosen: return out
    loose = bool(LOOSE.match(part)); strict = bool(STRICT.match(part))
    if not loose: return out
    names = [X]; a = asked_speaker(part)
    if a is not None and a.phrase != X: names.append(a.phrase)
    keys = [k for n in names for k in asked.name_keys(n)]
    def own(c):
        ev = ctx.evidence[c.n-1]
        return any(_speaks(ev, c.span, ctx, n, GAP) or asked.subject_of_speech(c.text, n, GAP) for n in names)
    owns = [own(c) for c in chosen]
    named = [asked.names_one(c.text, keys) for c in chosen]
    docs = {ctx.evidence[c.n-1].doc_id for c in chosen}
    art = any(_speaks(ev, sp, ctx, n, GAP) for ev in ctx.evidence if ev.doc_id in docs for sp in ev.sentences for n in names)
    # X speaks in the article by the text: subject of a speech verb in a sentence naming X
    art_text = any(asked.subject_of_speech(ev.at(sp.start, sp.end), n, GAP) for ev in ctx.evidence if ev.doc_id in docs for sp in ev.sentences for n in names)
    sowns = [strict_own(ctx, ctx.evidence[c.n-1], c.span, keys) for c in chosen]
    sart = any(strict_own(ctx, ev, sp, keys) for ev in ctx.evidence if ev.doc_id in docs for sp in ev.sentences)
    out['H_strict_none_own_noart'] = not any(sowns) and not sart
    out['H2_strict_none_own'] = not any(sowns)
    out['H3_strict_none_own_named'] = not any(sowns) and any(named)
    out['H4_strict_best_not_named'] = not sowns[0] and named[0]
    out['H5_strict_none_own_named_noart'] = not any(sowns) and any(named) and not sart
    def own2(c):
        ev = ctx.evidence[c.n-1]
        return any(_speaks(ev, c.span, ctx, n, GAP) or strict_sub(c.text, n) for n in names)
    owns2 = [own2(c) for c in chosen]
    def how(c):
        ev = ctx.evidence[c.n-1]
        r = set()
        for n in names:
            ks = asked.name_keys(n)
            led = _ledger_speaker_at(c.span, ev, ctx.quotes)
            if led is not None and asked.names_one(led, ks): r.add('ledger')
            elif _authored(ev, c.span, led, ks): r.add('byline')
            elif asked.attributes_to(ev, c.span, n, led, GAP): r.add('text')
            elif asked.subject_of_speech(c.text, n, GAP): r.add('inside')
        return r
    kinds = set().union(*[how(c) for c in chosen])
    top = 'ledger' if 'ledger' in kinds else 'byline' if 'byline' in kinds else 'text' if 'text' in kinds else 'inside' if 'inside' in kinds else 'none'
    out['K1_own_' + top] = True
    out['S_D_strictsub'] = not any(owns2) and not art
    out['S_A_strictsub'] = not any(owns2)
    out['S_B_strictsub_named'] = not any(owns2) and any(named)
    out['A_strict_none_own'] = strict and not any(owns)
    out['A_loose_none_own'] = not any(owns)
    out['B_none_own_named'] = not any(owns) and any(named)
    out['C_best_not_own_named'] = not owns[0] and named[0]
    out['D_loose_current'] = not any(owns) and not art
    out['E_none_own_no_text_speech'] = not any(owns) and not art_text
    out['F_none_own_named_no_text'] = not any(owns) and any(named) and not art_text
    out['G_best_named_notown_no_text'] = not owns[0] and named[0] and not art_text
    return out

TYPED = {'city':'GPE','town':'GPE','state':'GPE','country':'GPE','nation':'GPE','county':'GPE','village':'GPE','province':'GPE','countries':'GPE','states':'GPE','cities':'GPE',
 'hotel':'FAC ORG','airport':'FAC','stadium':'FAC','arena':'FAC','building':'FAC ORG','venue':'FAC ORG GPE',
 'party':'NORP ORG','company':'ORG','firm':'ORG','newspaper':'ORG','network':'ORG','outlet':'ORG','organization':'ORG','university':'ORG','agency':'ORG','channel':'ORG','station':'ORG FAC','companies':'ORG','outlets':'ORG','networks':'ORG'}
TYPED_RX = re.compile(r"\b(?i:which|what)\s+(?:[a-z]+\s+){0,2}?(" + "|".join(TYPED) + r")\b(?!['’])")
WHERE_RX = re.compile(r"^\W*where\s+(?!(?:did|does|do|will|would)\s+[\w' ]+?\s+(?:place|finish|rank|stand)\b)", re.I)

HOWMANY = re.compile(r"\bhow\s+many\b", re.I)
def f2(ctx, part, wanted, chosen):
    out = {}
    if chosen and HOWMANY.search(ask_of(part)):
        gen = asked.counted_noun(part) is None
        def card(ev, a, b):
            return [ev.at(x, y) for x, y, lab in ev.entities if lab in ('CARDINAL', 'QUANTITY') and a <= x and y <= b]
        sent = [card(ctx.evidence[c.n-1], c.span.start, c.span.end) for c in chosen]
        out['K_exposed'] = True
        out['K_none_sent'] = not any(sent)
        out['K_best_none'] = not sent[0]
        out['Kg_exposed'] = gen
        out['Kg_none_sent'] = gen and not any(sent)
        out['Kg_best_none'] = gen and not sent[0]
    ask = ask_of(part)
    m = TYPED_RX.search(ask)
    labs = set(TYPED[m.group(1)].split()) if m else ({'GPE','LOC','FAC'} if WHERE_RX.match(ask) else None)
    if chosen and labs:
        ql = part.lower()
        def ents(ev, a, b):
            return [ev.at(x, y) for x, y, lab in ev.entities if lab in labs and a <= x and y <= b
                    and not any(w.lower() in ql for w in ev.at(x, y).split() if len(w) > 2)]
        sent = [ents(ctx.evidence[c.n-1], c.span.start, c.span.end) for c in chosen]
        win = []
        for c in chosen:
            ev, a, b = _window(ctx, c); win.append(ents(ev, a, b))
        key = 'T' if m else 'W'
        out[key+'_exposed'] = True
        out[key+'_none_sent'] = not any(sent)
        out[key+'_none_stretch'] = not any(win)
        out[key+'_best_none'] = not sent[0]
    if chosen and HOWLONG.search(ask_of(part)):
        out['L_exposed'] = True
        out['L_no_dur_sent'] = not any(DURATION.search(c.text) for c in chosen)
        wins = []
        for c in chosen:
            ev, a, b = _window(ctx, c); wins.append(ev.at(a, b))
        out['L_no_dur_stretch'] = not any(DURATION.search(w) for w in wins)
        out['L_best_no_dur'] = not DURATION.search(chosen[0].text)
    if not chosen or not PLACE.match(ask_of(part)): return out
    ql = part.lower()
    def places(ev, a, b, fresh):
        r = []
        for s, e, lab in ev.entities:
            if lab in PLACE_LABELS and a <= s and e <= b:
                t = ev.at(s, e)
                if fresh and any(w.lower() in ql for w in t.split() if len(w) > 2): continue
                r.append(t)
        return r
    sent = [places(ctx.evidence[c.n-1], c.span.start, c.span.end, True) for c in chosen]
    win = []
    for c in chosen:
        ev, a, b = _window(ctx, c); win.append(places(ev, a, b, True))
    out['P_exposed'] = True
    out['P_no_place_sent'] = not any(sent)
    out['P_no_place_stretch'] = not any(win)
    out['P_best_no_place'] = not sent[0]
    return out

# ---- round 18 (abstain18): what the question asks that the chosen evidence does not hold ----
from assistant.engines.lexical import tokenize
from assistant.nlp.questions import question_names
from assistant.nlp.text import normalise, quotation_spans
from assistant.answer.backends.extractive.checks import _asked_text
QUAL = re.compile(r"\b(first|last|exact|exactly|most|least|only|largest|biggest|highest|lowest|final|initial|original|second|third|latest|earliest|total|entire|specific|precisely)\b", re.I)
ROLE_RX = re.compile(r"^\W*(?:(?:to|by|with|from|for|of)\s+)?(?:which|what)\s+(?:[a-z][\w-]*\s+){0,2}?([a-z][\w-]*)\s+(?:did|does|do|was|is|were|had|has|will|would|said|told|called|\w+ed)\b", re.I)
WHO_NOUNS = set('anchor host judge senator governor reporter journalist official lawmaker candidate aide adviser advisor spokesman spokeswoman spokesperson lawyer attorney woman man justice congressman congresswoman representative mayor leader chairman executive moderator donor strategist pollster analyst economist professor actor actress singer celebrity commentator columnist writer editor producer interviewer person people member secretary minister president director staffer operative delegate activist'.split())
def _blank_quotes(q):
    for a, b in quotation_spans(q)[0]:
        q = q[:a] + ' ' * (b - a) + q[b:]
    return q
def f3(ctx, part, wanted, chosen):
    out = {}
    if not chosen: return out
    outlets = {normalise(o) for o in ctx.outlets}
    asked_part = _blank_quotes(part)
    names = [n for n in dict.fromkeys(question_names(asked_part)) if normalise(n) not in outlets]
    sent = ' '.join(c.text for c in chosen)
    wins = []
    for c in chosen:
        ev, a, b = _window(ctx, c); wins.append(ev.at(a, b))
    stretch = ' '.join(wins + [sent])
    docs = {ctx.evidence[c.n-1].doc_id for c in chosen}
    doctext = ' '.join([e.text for e in ctx.evidence if e.doc_id in docs] + [f.text for n, f in ctx.following.items() if ctx.evidence[n-1].doc_id in docs])
    alltext = ' '.join([e.text for e in ctx.evidence] + [f.text for f in ctx.following.values()])
    def absent(name, text):
        t = tokenize(name)
        toks = set(tokenize(text))
        return bool(t) and not any(x in toks for x in t)
    if names:
        out['N_exposed'] = True
        ab_s = [n for n in names if absent(n, sent)]
        ab_w = [n for n in names if absent(n, stretch)]
        ab_d = [n for n in names if absent(n, doctext)]
        ab_a = [n for n in names if absent(n, alltext)]
        out['N_any_absent_sent'] = bool(ab_s)
        out['N_any_absent_stretch'] = bool(ab_w)
        out['N_any_absent_docs'] = bool(ab_d)
        out['N_any_absent_ctx'] = bool(ab_a)
        out['N_half_absent_stretch'] = len(ab_w) * 2 >= len(names) and bool(ab_w)
        out['N_all_absent_stretch'] = len(ab_w) == len(names)
        out['N_2plus_absent_stretch'] = len(ab_w) >= 2
    from assistant.nlp.questions import full_names
    fulls = [n for n in dict.fromkeys(full_names(asked_part)) if normalise(n) not in outlets]
    if fulls:
        out['FN_exposed'] = True
        out['FN_absent_docs'] = any(absent(n, doctext) for n in fulls)
        out['FN_absent_stretch'] = any(absent(n, stretch) for n in fulls)
        out['FN_absent_sent'] = any(absent(n, sent) for n in fulls)
        def some_absent(n, text):
            toks = set(tokenize(text)); t = tokenize(n)
            return len(t) >= 2 and any(x not in toks for x in t)
        out['FN_part_absent_docs'] = any(some_absent(n, doctext) for n in fulls)
        out['FN_part_absent_ctx'] = any(some_absent(n, alltext) for n in fulls)
    qt = [t for t in dict.fromkeys(tokenize(asked_part)) if t not in {x for n in names for x in tokenize(n)}]
    if qt:
        toks = set(tokenize(stretch)); stoks = set(tokenize(sent))
        miss = [t for t in qt if t not in toks]; smiss = [t for t in qt if t not in stoks]
        share = len(miss) / len(qt); sshare = len(smiss) / len(qt)
        for th in (0.4, 0.5, 0.6, 0.7):
            out[f'C_stretch_miss>={th}'] = share >= th
            out[f'C_sent_miss>={th}'] = sshare >= th
        out['C_miss3plus_stretch'] = len(miss) >= 3
        out['C_miss4plus_stretch'] = len(miss) >= 4
    sims = [ctx.similarity.get(f"{ctx.evidence[c.n-1].doc_id}:{c.span.start}", 0.0) for c in chosen]
    if sims and max(sims):
        for th in (0.80, 0.82, 0.84, 0.86):
            out[f'E_maxsim<{th}'] = max(sims) < th
    m = QUAL.search(asked_part)
    if m:
        out['Q_exposed'] = True
        w = m.group(1).lower()
        out['Q_absent_stretch'] = not re.search(rf"\b{w}\b", stretch, re.I)
        out['Q_absent_sent'] = not re.search(rf"\b{w}\b", sent, re.I)
    if HOWMANY.search(ask_of(part)):
        mm = re.search(r"\bhow\s+many\s+[\w\s-]*?\b(?:did|does|do|have|has|had|will|would)\s+(?:[\w.'’-]+\s+){1,5}?([a-z]+)\b", ask_of(part), re.I)
        if mm:
            v = mm.group(1)
            out['V_exposed'] = True
            out['V_verb_absent_sent'] = not asked.holds_verb(sent, v)
            out['V_verb_absent_stretch'] = not asked.holds_verb(stretch, v)
    rm = ROLE_RX.match(ask_of(part))
    if rm and (rm.group(1).lower() in WHO_NOUNS or wanted in ('person', 'name')):
        ql = part.lower()
        def persons(ev, a, b):
            return [ev.at(x, y) for x, y, lab in ev.entities if lab == 'PERSON' and a <= x and y <= b
                    and not any(w.lower().strip(".'’s") in ql for w in ev.at(x, y).split() if len(w) > 2)]
        ps = [persons(ctx.evidence[c.n-1], c.span.start, c.span.end) for c in chosen]
        pw = []
        for c in chosen:
            ev, a, b = _window(ctx, c); pw.append(persons(ev, a, b))
        out['R_exposed'] = True
        out['R_no_person_sent'] = not any(ps)
        out['R_no_person_stretch'] = not any(pw)
        out['R_whonoun_no_person_sent'] = rm.group(1).lower() in WHO_NOUNS and not any(ps)
    return out

# ---- round 19 (abstain19): the asked thing's own noun, the asked doing's own verb ----
ASK_NOUN = re.compile(r"^\W*(?:(?:in|at|on|from|to|by|with|for|of|under)\s+)?(?:which|what)\s+(?:(?:[a-z][\w-]*|[A-Z][a-z]+)\s+){0,2}?([a-z][\w-]*)\s+(?:did|does|do|was|is|were|are|had|has|have|will|would|could|can)\b", re.I)
WHO_VERB = re.compile(r"^\W*(?i:who)\s+(?:(?:has|have|had)\s+)?(?:[a-z]+ly\s+)?([a-z]+ed)\b")
ASK_VERB = re.compile(r"^\W*(?:(?:in|at|on|from|to|by|with|for|of)\s+)?(?:which|what|whom|where|how\s+many|how\s+much)\b[^?]*?\b(?:did|does|do|will|would|has|have|had)\s+(?:[\w.'’-]+\s+){1,5}?([a-z]{3,})\b", re.I)
from assistant.answer.asked import verb_forms
from assistant.nlp import wordlist
def f4(ctx, part, wanted, chosen):
    out = {}
    if not chosen: return out
    ask = ask_of(part)
    sent = ' '.join(c.text for c in chosen)
    wins = []
    for c in chosen:
        ev, a, b = _window(ctx, c); wins.append(ev.at(a, b))
    stretch = ' '.join(wins + [sent])
    toks = set(tokenize(stretch)); stoks = set(tokenize(sent))
    m = ASK_NOUN.match(ask)
    if m and tokenize(m.group(1)):
        n = tokenize(m.group(1))[-1]
        out['AN_exposed'] = True
        out['AN_noun_absent_sent'] = n not in stoks
        out['AN_noun_absent_stretch'] = n not in toks
        if m.group(1).lower() not in wordlist('asked_time_nouns') | wordlist('time_nouns') | {'date', 'day', 'year', 'month', 'time'} and not asked.typed_ask(part):
            out['AN2_exposed'] = True
            out['AN2_untimed_untyped_absent_stretch'] = n not in toks
    m = WHO_VERB.match(ask)
    if m:
        out['WV_exposed'] = True
        out['WV_verb_absent_sent'] = not asked.holds_verb(sent, m.group(1))
        out['WV_verb_absent_stretch'] = not asked.holds_verb(stretch, m.group(1))
    m = ASK_VERB.match(ask)
    if m and m.group(1).lower() not in ('say', 'said', 'tell', 'told', 'write', 'wrote', 'call', 'describe', 'think', 'want', 'believe', 'claim', 'argue', 'add'):
        out['AV_exposed'] = True
        out['AV_verb_absent_sent'] = not asked.holds_verb(sent, m.group(1))
        out['AV_verb_absent_stretch'] = not asked.holds_verb(stretch, m.group(1))
    typed = asked.typed_ask(part)
    if typed:
        out['TY_exposed'] = True
    return out

# ---- round 20 (abstain20): a reply asked for ("What did X say in reply to ...", "How did X respond") ----
REPLY = re.compile(r"\b(?:in\s+(?:reply|response)\s+to|respond(?:ed|s)?|react(?:ed|s)?|repl(?:y|ied|ies)|answer(?:ed)?\s+(?:back|that))\b", re.I)
REPLY_SPK = re.compile(r"^\W*(?:what|how)\s+(?:did|does|do|has|had|will|would)\s+(?P<x>(?:[A-Z][\w.'’-]*\s+){1,4}?)(?:(?:himself|herself|themselves|itself)\s+)?(?:say\s+)?(?:in\s+(?:reply|response)|respond|react|reply|answer)", re.I)
def f5(ctx, part, wanted, chosen):
    out = {}
    if not chosen or not REPLY.search(part): return out
    out['RP_exposed'] = True
    m = REPLY_SPK.match(part)
    if not m: return out
    x = m.group('x').strip()
    keys = asked.name_keys(x)
    if not keys: return out
    out['RPX_exposed'] = True
    sowns = [strict_own(ctx, ctx.evidence[c.n-1], c.span, keys) for c in chosen]
    out['RPX_strict_none_own'] = not any(sowns)
    out['RPX_best_not_own'] = not sowns[0]
    out['RPX_none_names_x'] = not any(asked.names_one(c.text, keys) for c in chosen)
    return out

counts = defaultdict(lambda: defaultdict(int)); hits = defaultdict(list)
for s in sets:
    rows = load(f'{CACHES}/{s}.pkl')
    d0 = {json.loads(l)['id']: json.loads(l) for l in open(f'{DUMPS}/{s}.jsonl')}
    full = json.load(open(f'{SCORES}/{s}.json'))
    be = B.ExtractiveBackend(Settings())
    for gold, ctx, texts in rows:
        rec = d0[gold['id']]
        if rec['abstained']: continue
        picks = []
        orig = B.ExtractiveBackend._pick
        def spy(self, context, part, *a, **k):
            r = orig(self, context, part, *a, **k); picks.append((context, part, r)); return r
        B.ExtractiveBackend._pick = spy
        try: be.answer(ctx)
        finally: B.ExtractiveBackend._pick = orig
        if not gold['answerable']: lab = 'RIGHT'
        else:
            fh = full[gold['id']].get('fact_hits') or []
            lab = 'WRONG' if all(h is not None for h in fh) else 'OTHER'
        fired = defaultdict(bool)
        for context, part, (chosen, gap, _) in picks:
            if gap or not chosen: continue
            w = _specific(part)
            for k, v in {**f1(context, part, w, chosen), **f2(context, part, w, chosen), **f3(context, part, w, chosen), **f4(context, part, w, chosen), **f5(context, part, w, chosen)}.items():
                fired[k] |= v
                counts[k]['exposed_'+lab] += 0
            for k in {**f1(context, part, w, chosen), **f2(context, part, w, chosen), **f3(context, part, w, chosen), **f4(context, part, w, chosen), **f5(context, part, w, chosen)}:
                counts[k]['exp'] += 0
        exposed = set()
        for context, part, (chosen, gap, _) in picks:
            if gap or not chosen: continue
            w = _specific(part)
            exposed |= set({**f1(context, part, w, chosen), **f2(context, part, w, chosen), **f3(context, part, w, chosen), **f4(context, part, w, chosen), **f5(context, part, w, chosen)})
        for k in exposed: counts[k]['n_'+lab] += 1
        for k, v in fired.items():
            if v:
                counts[k][lab] += 1; hits[k].append((lab, s, gold['id'], gold['question']))
for k in sorted(counts):
    c = counts[k]
    print(f"{k:32} fired R {c['RIGHT']:3} W {c['WRONG']:3} O {c['OTHER']:3} | exposed R {c['n_RIGHT']} W {c['n_WRONG']} O {c['n_OTHER']}")
for k in show:
    print('==', k)
    for h in hits[k]: print('  ', *h)
import os
if os.environ.get('SIGNALS_DUMP'):
    per = defaultdict(lambda: {'fired': []})
    for k, hs in hits.items():
        for lab, s, qid, q in hs:
            per[qid].update(label=lab, set=s, question=q); per[qid]['fired'].append(k)
    json.dump(per, open(os.environ['SIGNALS_DUMP'], 'w'), indent=0)
