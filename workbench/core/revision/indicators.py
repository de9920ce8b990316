"""Match the indicator table (主要指标) of two versions: by number and name.

An indicator keeps its identity when its name stays (a renumbered row is the
same indicator); a name edited by a few characters under the same number is
the same indicator renamed.  Every field that differs is listed, so a
reviewer sees "2030年目标值 35左右 -> 36左右" at a glance.
"""

from __future__ import annotations

from collections.abc import Sequence

from workbench.core.plan import Indicator, normalise_text
from workbench.core.revision import similarity as S
from workbench.core.revision.model import DELETED, NEW, UNCHANGED, IndicatorMatch

CHANGED = "changed"
COMPARED_FIELDS = (
    "number", "name", "category", "unit", "base_year", "base_value", "target_year", "target_value", "attribute",
    "five_year_average", "five_year_cumulative",
)  # fmt: skip
NAME_CUTOFF = 80.0


def match_indicators(old: Sequence[Indicator], new: Sequence[Indicator]) -> list[IndicatorMatch]:
    """Old indicators in table order (each matched, changed or deleted), then the new ones."""
    pairs: dict[str, Indicator] = {}
    taken: set[str] = set()
    names_new = {i.key: normalise_text(i.name) for i in new}
    by_key = {i.key: i for i in new}
    # 1. the same name (the number may have changed), 2. the same number and a similar name.
    for ind in old:
        name = normalise_text(ind.name)
        twin = next((i for i in new if i.key not in taken and names_new[i.key] == name
                     and (i.parent_key is None) == (ind.parent_key is None)), None)
        if twin is not None:
            pairs[ind.key] = twin
            taken.add(twin.key)
    for ind in old:
        if ind.key in pairs:
            continue
        name = normalise_text(ind.name)
        same_number = [i for i in new if i.key not in taken and i.number == ind.number]
        scored = sorted(((S.ratio(name, names_new[i.key]), i.key) for i in same_number), reverse=True)
        if scored and scored[0][0] >= NAME_CUTOFF:
            pairs[ind.key] = by_key[scored[0][1]]
            taken.add(scored[0][1])
    result: list[IndicatorMatch] = []
    for ind in old:
        twin = pairs.get(ind.key)
        if twin is None:
            result.append(IndicatorMatch(DELETED, ind.key, None, ind.name))
            continue
        changes = tuple(
            (name, getattr(ind, name), getattr(twin, name))
            for name in COMPARED_FIELDS
            if getattr(ind, name) != getattr(twin, name)
        )
        result.append(IndicatorMatch(CHANGED if changes else UNCHANGED, ind.key, twin.key, twin.name, changes))
    result.extend(IndicatorMatch(NEW, None, i.key, i.name) for i in new if i.key not in taken)
    return result
