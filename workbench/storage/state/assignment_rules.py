"""The lead-first rule for a node's ordered list of departments, as pure functions.

A node's departments form one ordered list: all leads (牵头) first, then all
supports (配合), positions 0..n-1, and the unit at position 0 always leads
(task-division documents name the first unit as the lead).  Each write computes
the list it wants from the current one with a function here, then `normalise`
restores the rule:

* leads are moved before supports, keeping their relative order;
* if no unit leads, the first one is made lead.

How each operation places a department:

* assign a new lead: after the existing leads (or at `position`, clamped into
  the lead block); a new support: at the end (or at `position`, clamped into
  the support block).  A support added to an empty node therefore leads.
  Assigning a department already present with another role is set_role; with
  the same role and no position it changes nothing.
* set_role to lead: the unit becomes the last lead.  To support: the unit
  becomes the first support; if it was the only lead, the next unit in line
  leads instead.  The only unit on a node cannot become support.
* move: the role follows the drop position.  Dropped at position 0 -> lead;
  among the other leads -> lead; among the supports -> support; exactly at the
  boundary between the two blocks -> keeps its role.  (Moving the only lead
  down therefore lets the next unit lead.)
* unassign: the unit leaves; if it was the only lead, the next unit leads.

Bad requests raise StoreError.
"""

from __future__ import annotations

from collections.abc import Sequence

from workbench.storage.errors import StoreError
from workbench.storage.state.records import LEAD, ROLES, SUPPORT

Entry = tuple[int, str]  # (department_id, role)


def check_role(role: str) -> None:
    if role not in ROLES:
        raise StoreError(f"role must be 'lead' or 'support', not {role!r}")


def normalise(entries: Sequence[Entry]) -> list[Entry]:
    leads = [e for e in entries if e[1] == LEAD]
    supports = [e for e in entries if e[1] != LEAD]
    result = leads + supports
    if result and result[0][1] != LEAD:
        result[0] = (result[0][0], LEAD)
    return result


def _index(entries: Sequence[Entry], department_id: int) -> int | None:
    return next((i for i, e in enumerate(entries) if e[0] == department_id), None)


def _split(entries: Sequence[Entry]) -> tuple[list[Entry], list[Entry]]:
    return [e for e in entries if e[1] == LEAD], [e for e in entries if e[1] != LEAD]


def after_assign(current: Sequence[Entry], department_id: int, role: str, position: int | None) -> list[Entry]:
    check_role(role)
    if position is not None and not 0 <= position <= len(current):
        raise StoreError(f"position {position} is outside 0..{len(current)}")
    index = _index(current, department_id)
    if index is not None:
        if position is None:
            if current[index][1] == role:
                return list(current)
            return after_set_role(current, department_id, role)
        current = [e for e in current if e[0] != department_id]
        position = min(position, len(current))
    leads, supports = _split(current)
    if role == LEAD:
        at = len(leads) if position is None else min(position, len(leads))
        leads.insert(at, (department_id, LEAD))
    else:
        at = len(supports) if position is None else max(0, min(position - len(leads), len(supports)))
        supports.insert(at, (department_id, SUPPORT))
    return normalise(leads + supports)


def after_unassign(current: Sequence[Entry], department_id: int) -> list[Entry]:
    return normalise([e for e in current if e[0] != department_id])


def after_set_role(current: Sequence[Entry], department_id: int, role: str) -> list[Entry]:
    check_role(role)
    index = _index(current, department_id)
    if index is None:
        raise StoreError(f"department {department_id} is not assigned to this node")
    if current[index][1] == role:
        return list(current)
    leads, supports = _split([e for e in current if e[0] != department_id])
    if role == LEAD:
        return normalise(leads + [(department_id, LEAD)] + supports)
    if leads:
        return normalise(leads + [(department_id, SUPPORT)] + supports)
    if not supports:
        raise StoreError("the only unit on a node leads; it cannot become support")
    return normalise([(supports[0][0], LEAD), (department_id, SUPPORT), *supports[1:]])


def after_move(current: Sequence[Entry], department_id: int, new_position: int) -> list[Entry]:
    index = _index(current, department_id)
    if index is None:
        raise StoreError(f"department {department_id} is not assigned to this node")
    if not 0 <= new_position < len(current):
        raise StoreError(f"position {new_position} is outside 0..{len(current) - 1}")
    role = current[index][1]
    rest = [e for e in current if e[0] != department_id]
    lead_count = sum(1 for e in rest if e[1] == LEAD)
    if new_position == 0 or new_position < lead_count:
        role = LEAD
    elif new_position > lead_count:
        role = SUPPORT
    rest.insert(new_position, (department_id, role))
    return normalise(rest)


def check_entries(entries: Sequence[Entry]) -> list[Entry]:
    """Validate a whole list given by a caller (set_assignments) and normalise it."""
    seen: set[int] = set()
    for department_id, role in entries:
        check_role(role)
        if department_id in seen:
            raise StoreError(f"department {department_id} appears twice in the list")
        seen.add(department_id)
    return normalise([(int(d), r) for d, r in entries])
