"""Character differences between an old and a new text, as runs to highlight.

Chinese has no spaces, so the unit is the character; rapidfuzz's Levenshtein
opcodes give the edit script in C.  Runs are (text, changed) pairs: the old
side marks what was deleted or replaced, the new side what was inserted or
replaced.  Used by the 对照表 workbook and the change review pane.
"""

from __future__ import annotations

from rapidfuzz.distance import Levenshtein

Run = tuple[str, bool]


def diff_runs(old: str, new: str) -> tuple[list[Run], list[Run]]:
    old_runs: list[Run] = []
    new_runs: list[Run] = []
    if not old or not new:
        return ([(old, bool(old))] if old else []), ([(new, bool(new))] if new else [])
    for op in Levenshtein.opcodes(old, new):
        changed = op.tag != "equal"
        if op.src_end > op.src_start:
            _append(old_runs, old[op.src_start:op.src_end], changed)
        if op.dest_end > op.dest_start:
            _append(new_runs, new[op.dest_start:op.dest_end], changed)
    return old_runs, new_runs


def _append(runs: list[Run], text: str, changed: bool) -> None:
    if runs and runs[-1][1] == changed:
        runs[-1] = (runs[-1][0] + text, changed)
    else:
        runs.append((text, changed))


def changed_chars(runs: list[Run]) -> int:
    return sum(len(text) for text, changed in runs if changed)
