"""Which questions of the 24 sets the branch's asked-speaker reader reads differently from main's
(/tmp/abstain18/questions_main.py = git show 3bff25c:assistant/nlp/questions.py); ids printed for
development sets only, counts for check sets; writes /tmp/abstain18/changed_ids.json for
evals/abstain18_splice.py (abstain18)."""
import json, importlib.util, sys
spec=importlib.util.spec_from_file_location('qm','/tmp/abstain18/questions_main.py'); qm=importlib.util.module_from_spec(spec); sys.modules['qm']=qm; spec.loader.exec_module(qm)
from assistant.nlp import questions as qb
from assistant.nlp.questions import split_question
F={'tune':'evals/realnews/tune.jsonl','gold':'evals/gold.jsonl','rt_a':'evals/realnews_train/a.jsonl','rt_b':'evals/realnews_train/b.jsonl','rc':'evals/realnews_check/check.jsonl','rf_a':'evals/realnews_fresh/a.jsonl','rf_b':'evals/realnews_fresh/b.jsonl','rm_a':'evals/realnews_more/a.jsonl','rm_b':'evals/realnews_more/b.jsonl','rx_a':'evals/realnews_next/a.jsonl','rx_b':'evals/realnews_next/b.jsonl','rl_a':'evals/realnews_last/a.jsonl','rl_b':'evals/realnews_last/b.jsonl','re_a':'evals/realnews_extra/a.jsonl','re_b':'evals/realnews_extra/b.jsonl','r5_a':'evals/realnews_fifth/a.jsonl','r5_b':'evals/realnews_fifth/b.jsonl','nm_a':'evals/realnews_train/nearmiss_a.jsonl','nm_fa':'evals/realnews_fresh/nearmiss_a.jsonl','nm_fb':'evals/realnews_fresh/nearmiss_b.jsonl','mp_ta':'evals/realnews_train/multipart_a.jsonl','mp_tb':'evals/realnews_train/multipart_b.jsonl','mp_fa':'evals/realnews_fresh/multipart_a.jsonl','mp_fb':'evals/realnews_fresh/multipart_b.jsonl'}
DEV={'tune','gold','rt_a','rf_a','nm_a','nm_fa','mp_ta','mp_fa','rm_a','rx_a','rl_a','re_a','r5_a'}
ch={}
for s,f in F.items():
    ids=[]
    for l in open(f):
        g=json.loads(l); q=g['question']
        texts=[q]+split_question(q)+[qb.ask_of(p) for p in split_question(q)]
        if any((lambda a,b:(a and (a.phrase,a.named))!=(b and (b.phrase,b.named)))(qm.asked_speaker(t),qb.asked_speaker(t)) for t in texts): ids.append(g['id'])
    ch[s]=ids
    print(s, len(ids), ids if s in DEV else '')
json.dump(ch,open('/tmp/abstain18/changed_ids.json','w'))
