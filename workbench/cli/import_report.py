"""What `workbench import` prints: counts per level, the numbering read, skipped lines, warnings.

Counts and the fidelity summary go to stdout; skipped lines and warnings to
stderr, each on its own line with its location, so a script can tell them
apart and a reviewer sees every line the importer left out.
"""

from __future__ import annotations

import sys
from typing import TextIO

from workbench.core import plan as P
from workbench.core.importing.fidelity import skipped_runs
from workbench.core.plan import Plan

LEVELS = ((P.PART, "parts"), (P.CHAPTER, "chapters"), (P.SECTION, "sections"), (P.CLAUSE, "clauses"),
          (P.BOX, "boxes"), (P.BOX_ITEM, "box items"))


def level_counts(plan: Plan) -> str:
    counts = [f"{plan.count(kind)} {name}" for kind, name in LEVELS]
    subrows = sum(1 for i in plan.indicators if i.parent_key)
    counts.append(f"{len(plan.indicators) - subrows} indicators + {subrows} sub-rows")
    return ", ".join(counts)


def print_import_report(plan: Plan, *, out: TextIO | None = None, err: TextIO | None = None) -> None:
    out, err = out or sys.stdout, err or sys.stderr
    print(f"  {level_counts(plan)}", file=out)
    if plan.numbering:
        print(f"  numbering: {plan.numbering}", file=out)
    if plan.fidelity is not None:
        print(f"  fidelity: {plan.fidelity.summary()}", file=out)
    for first, last, count, reason, text in skipped_runs(plan):
        where = plan.locate(first) if count == 1 else f"{plan.locate(first)} to {plan.locate(last)} ({count} lines)"
        print(f"skipped: {where} ({reason}): {text[:60]}", file=err)
    for warning in plan.warnings:
        print(f"warning: {warning}", file=err)

