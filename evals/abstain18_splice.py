"""Re-build the contexts of the questions whose asked speaker the branch reads differently,
and splice them into a copy of the cache (the rest of the cache as it was). MODE=main builds
them with main's asked_speaker (the control)."""
import json, pickle, sys, os, importlib.util
from pathlib import Path
sys.path.insert(0, '/work/wt/abstain18')
from evals.abstain_cv import load
from assistant.evaluation.harness import load_gold
import assistant.nlp.questions as Q
if os.environ.get('MODE') == 'main':
    spec = importlib.util.spec_from_file_location('qm', '/tmp/abstain18/questions_main.py'); qm = importlib.util.module_from_spec(spec); sys.modules['qm'] = qm; spec.loader.exec_module(qm)
    Q.asked_speaker = qm.asked_speaker
from assistant.service import Assistant
s, gold_path, ix, src, out = sys.argv[1:6]
ids = set(json.load(open('/tmp/abstain18/changed_ids.json'))[s])
rows = load(src)
a = Assistant(index_dir=Path(ix), backend='extractive')
n = 0
for i, (g, ctx, texts) in enumerate(rows):
    if g['id'] in ids:
        c2, t2 = a.build_context(g['question'])
        for d in g['sources']:
            if d not in t2: t2[d] = a.article(d).text
        rows[i] = (g, c2, t2); n += 1
pickle.dump(rows, open(out, 'wb'))
print(s, n, 'rebuilt')
