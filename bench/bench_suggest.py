"""Suggestion quality and speed on a hand-judged sample of the seed's clauses (issue 13).

bench/data/suggest_labels.json names, for 77 clauses, the lead units a
reviewer would accept (any of them counts as right) and, for 30 of them, the
indicators a reviewer would link.  The labels were written before the
suggester was tuned.  Printed for each suggester: lead top-1 and top-3 (the
share of clauses whose first / first three lead suggestions include an
accepted unit), indicator top-1 and top-3 over the labelled clauses (and the
share of the other clauses, where no indicator is expected, that get one), and the
time per clause beside a floor measured in the same run (jieba cutting the
same text, the least any word-based suggester must do).

"baseline" is the keyword scorer the picker used before issue 13
(core.suggest.suggest_for_text, clause text only, no indicators); "explained"
is core.tagging.suggestions.suggest_for_node.

Run: python bench/bench_suggest.py [--misses] [--repeat 3]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from workbench import paths  # noqa: E402
from workbench.core import segment  # noqa: E402
from workbench.core.departments import load_registry  # noqa: E402
from workbench.core.importing import import_file  # noqa: E402
from workbench.core.suggest import suggest_for_text  # noqa: E402

LABELS = Path(__file__).resolve().parent / "data" / "suggest_labels.json"
BUDGET_MS = 10.0


def baseline(node, departments, _indicators):
    leads = [s.department.name for s in suggest_for_text(node.text, departments, limit=3)]
    return leads, []


def explained(node, departments, indicators):
    from workbench.core.tagging.suggestions import suggest_for_node

    found = suggest_for_node(node, departments, indicators, limit=3)
    return [s.department.name for s in found.lead], [s.indicator.number for s in found.indicators]


def measure(name, fn, clauses, labels, departments, indicators, repeat, misses):
    lead1 = lead3 = ind1 = ind3 = ind_total = spurious = 0
    best = float("inf")
    for _ in range(repeat):
        if name == "explained":  # time a cold start: no cached cuts or word frequencies
            from workbench.core.tagging.suggestions import clear_caches

            clear_caches()
        start = time.perf_counter()
        results = {key: fn(node, departments, indicators) for key, node in clauses.items()}
        best = min(best, time.perf_counter() - start)
    for key, node in clauses.items():
        label = labels[key]
        leads, inds = results[key]
        accepted = set(label["lead"])
        lead1 += bool(leads[:1]) and leads[0] in accepted
        lead3 += bool(accepted & set(leads[:3]))
        if "indicators" in label:
            ind_total += 1
            wanted = set(label["indicators"])
            ind1 += bool(inds[:1]) and inds[0] in wanted
            ind3 += bool(wanted & set(inds[:3]))
        else:
            spurious += bool(inds)
        if misses and (not leads or leads[0] not in accepted):
            print(f"  miss {key}: got {leads} want {label['lead']} ({label['reason']})")
    n = len(clauses)
    per_clause_ms = best / n * 1000
    print(
        f"{name:9s} lead top-1 {lead1 / n:6.1%}  top-3 {lead3 / n:6.1%}   "
        f"indicator top-1 {ind1 / max(ind_total, 1):6.1%}  top-3 {ind3 / max(ind_total, 1):6.1%}  "
        f"where none expected {spurious / max(n - ind_total, 1):6.1%}   "
        f"{per_clause_ms:.2f} ms/clause"
    )
    return per_clause_ms


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--misses", action="store_true", help="list the clauses whose first lead suggestion is wrong")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--only", choices=("baseline", "explained"))
    args = parser.parse_args()
    data = json.loads(LABELS.read_text(encoding="utf-8"))
    labels = data["clauses"]
    plan = import_file(paths.SEED_PLAN)
    departments = load_registry(paths.DEPARTMENTS_FILE)
    segment.initialise(departments=departments)
    clauses = {key: plan.root.find(key) for key in labels}
    missing = [k for k, v in clauses.items() if v is None]
    if missing:
        print(f"labels name clauses the seed does not have: {missing}")
        return 1
    indicators = list(plan.indicators)
    start = time.perf_counter()
    for _ in range(args.repeat):
        for node in clauses.values():
            segment.tokens(node.text)
    floor_ms = (time.perf_counter() - start) / args.repeat / len(clauses) * 1000
    print(f"{len(clauses)} clauses ({sum('indicators' in v for v in labels.values())} with indicator labels); "
          f"floor (jieba cut of the clause): {floor_ms:.2f} ms/clause; budget {BUDGET_MS:.0f} ms/clause")
    worst = 0.0
    for name, fn in (("baseline", baseline), ("explained", explained)):
        if args.only and args.only != name:
            continue
        try:
            worst = max(worst, measure(name, fn, clauses, labels, departments, indicators, args.repeat, args.misses))
        except ImportError as exc:
            print(f"{name}: not available ({exc})")
    return 0 if worst <= BUDGET_MS else 1


if __name__ == "__main__":
    sys.exit(main())
