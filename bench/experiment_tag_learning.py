"""Does learning from the workspace's own tags help lead suggestions?  (issue 13 experiment)

Leave-one-out on bench/data/suggest_labels.json: for each labelled clause the
other 76 act as the workspace's tags; each department's profile is the words
of the clauses it leads (tf-idf over the plan's clauses), and a clause's lead
scores get alpha * cosine(clause, profile) * (best lead score) added.  Prints
lead top-1/top-3 per alpha; alpha 0 is the shipped suggester.

Run: python bench/experiment_tag_learning.py
Result when written: alpha 0.5-2 gives top-1 84.4% -> 85.7% (one clause of 77)
and top-3 88.3% -> 92.2-93.5%; alpha 4 lowers top-1 to 83.1%.  The first
suggestion (what S takes) barely moves, so learning is not shipped; worth
trying again on a fully tagged plan.
"""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import json, math
from collections import Counter, defaultdict
from workbench import paths
from workbench.core import segment
from workbench.core.departments import load_registry
from workbench.core.importing import import_file
import workbench.core.tagging.suggestions as S
plan = import_file(paths.SEED_PLAN); reg = load_registry(paths.DEPARTMENTS_FILE); segment.initialise(departments=reg)
labels = json.loads((Path(__file__).resolve().parent / "data" / "suggest_labels.json").read_text(encoding="utf-8"))["clauses"]
nodes = {k: plan.root.find(k) for k in labels}
corpus = S._corpus(next(iter(nodes.values())))
tok = {k: Counter(w for w in segment.tokens(n.text) if len(w) >= 2) for k, n in nodes.items()}
idf = {}
def w(t):
    if t not in idf:
        df = sum(1 for x in corpus if t in x) or 1
        idf[t] = math.log(len(corpus) / df)
    return idf[t]
def vec(c): return {t: (1 + math.log(n)) * w(t) for t, n in c.items()}
def cos(a, b):
    num = sum(a[t] * b.get(t, 0) for t in a)
    da = math.sqrt(sum(v * v for v in a.values())); db = math.sqrt(sum(v * v for v in b.values()))
    return num / (da * db) if da and db else 0.0
for alpha in (0.0, 0.5, 1.0, 2.0, 4.0):
    t1 = t3 = 0
    for k, n in nodes.items():
        prof = defaultdict(Counter)
        for k2, l2 in labels.items():
            if k2 != k:
                prof[l2["lead"][0]].update(tok[k2])
        v = vec(tok[k])
        sims = {d: cos(v, vec(c)) for d, c in prof.items()}
        found = S.suggest_for_node(n, reg, limit=20)
        top = max((s.score for s in found.lead), default=1.0) or 1.0
        scores = {s.department.name: s.score for s in found.lead}
        for d, sim in sims.items():
            if alpha and sim:
                scores[d] = scores.get(d, 0.0) + alpha * sim * top
        ranked = sorted(scores, key=lambda d: -scores[d])
        acc = set(labels[k]["lead"])
        t1 += bool(ranked) and ranked[0] in acc; t3 += bool(acc & set(ranked[:3]))
    print(f"alpha {alpha}: top-1 {t1/len(nodes):.1%} top-3 {t3/len(nodes):.1%}")
