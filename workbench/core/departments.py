"""The department registry: the bodies a plan's tasks are assigned to.

The registry ships as resources/departments.json and is copied into each
workspace when the workspace is created; from then on the workspace's copy is
the one that counts (users add, rename and retire departments there).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from workbench.core.tagging import pinyin

# Kinds in the official order used by task-division documents and the matrix.
KIND_ORDER = (
    "party_organ",  # 党委部门
    "government_department",  # 政府组成部门
    "directly_affiliated",  # 直属机构 / 直属特设机构 / 部门管理机构
    "central_unit",  # 中央驻津单位
    "district_government",  # 区人民政府
    "enterprise",  # 企业
    "other",  # 群团、事业单位等
)
KIND_LABELS = {
    "party_organ": "党委部门",
    "government_department": "政府组成部门",
    "directly_affiliated": "直属机构",
    "central_unit": "中央驻津单位",
    "district_government": "区人民政府",
    "enterprise": "企业",
    "other": "其他单位",
}


class RegistryError(ValueError):
    """The registry file is malformed."""


@dataclass
class Department:
    name: str  # official short name, as in task-division documents: 市发展改革委
    full_name: str  # 天津市发展和改革委员会
    kind: str  # one of KIND_ORDER
    aliases: list[str] = field(default_factory=list)  # former and colloquial names
    keywords: list[str] = field(default_factory=list)  # words that suggest this department
    unconfirmed: bool = False  # current name could not be confirmed
    position: int = 0  # order within the registry
    retired: bool = False
    db_id: int | None = None

    def sort_key(self) -> tuple[int, int]:
        kind_index = KIND_ORDER.index(self.kind) if self.kind in KIND_ORDER else len(KIND_ORDER)
        return (kind_index, self.position)

    def matches(self, query: str) -> bool:
        """True when the query is part of the name, full name or an alias."""
        q = query.strip()
        if not q:
            return True
        return any(q in s for s in (self.name, self.full_name, *self.aliases))


def load_registry(path: Path) -> list[Department]:
    """Read the registry JSON; raise RegistryError naming the file on bad content."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise RegistryError(f"{path}: cannot read department registry: {exc}") from exc
    entries = data.get("departments") if isinstance(data, dict) else None
    if not isinstance(entries, list):
        raise RegistryError(f"{path}: no 'departments' list")
    departments: list[Department] = []
    seen: set[str] = set()
    for position, entry in enumerate(entries):
        try:
            dept = Department(
                name=str(entry["name"]).strip(),
                full_name=str(entry.get("full_name") or entry["name"]).strip(),
                kind=str(entry["kind"]),
                aliases=[str(a) for a in entry.get("aliases", [])],
                keywords=[str(k) for k in entry.get("keywords", [])],
                unconfirmed=bool(entry.get("unconfirmed", False)),
                position=position,
            )
        except (KeyError, TypeError, AttributeError) as exc:
            raise RegistryError(f"{path}: entry {position} is malformed: {exc}") from exc
        if dept.kind not in KIND_ORDER:
            raise RegistryError(f"{path}: entry {dept.name}: unknown kind {dept.kind!r}")
        if not dept.name or dept.name in seen:
            raise RegistryError(f"{path}: entry {position}: empty or duplicate name {dept.name!r}")
        from workbench.core.names import name_problem

        for label, text in (("name", dept.name), ("full name", dept.full_name), *(("alias", a) for a in dept.aliases)):
            if problem := name_problem(label, text):
                raise RegistryError(f"{path}: entry {position}: {problem}")
        seen.add(dept.name)
        departments.append(dept)
    return departments


def official_order(departments: list[Department]) -> list[Department]:
    """Departments in the order documents list them: by kind, then registry order."""
    return sorted(departments, key=Department.sort_key)


def resolve(name: str, departments: list[Department]) -> Department | None:
    """The department whose name, full name or alias is exactly `name`, if any.

    Names win over aliases, so a registry whose aliases are unique resolves every
    former or colloquial name to one department. Retired departments are included:
    old documents still name them.
    """
    q = name.strip()
    if not q:
        return None
    for dept in departments:
        if q == dept.name:
            return dept
    for dept in departments:
        if q == dept.full_name or q in dept.aliases:
            return dept
    return None


def alias_conflicts(departments: list[Department]) -> list[str]:
    """Describe every alias that is another entry's name or appears on two entries."""
    problems: list[str] = []
    names = {dept.name: dept for dept in departments}
    owner: dict[str, Department] = {}
    for dept in departments:
        for alias in dept.aliases:
            other = names.get(alias)
            if other is not None:
                problems.append(f"alias {alias!r} of {dept.name} is the name of {other.name}")
            first = owner.get(alias)
            if first is not None and first is not dept:
                problems.append(f"alias {alias!r} is on both {first.name} and {dept.name}")
            elif first is dept:
                problems.append(f"alias {alias!r} is listed twice on {dept.name}")
            owner[alias] = dept
    return problems


# Ranking tiers of suggest(); lower is better.
_EXACT_NAME, _EXACT_ALIAS, _NAME_SUBSTRING, _FULL_NAME_SUBSTRING, _PINYIN, _KEYWORD = range(6)


def _keyword_score(query: str, keywords: list[str]) -> int:
    """2 for each keyword equal to the query, 1 for each one containing or contained in it."""
    score = 0
    for kw in keywords:
        if not kw:
            continue
        if kw == query:
            score += 2
        elif query in kw or kw in query:
            score += 1
    return score


def _tier(query: str, dept: Department) -> tuple[int, int] | None:
    """(tier, rank within the tier) of a department for a query, or None."""
    if query == dept.name:
        return _EXACT_NAME, 0
    if query in dept.aliases or query == dept.full_name:
        return _EXACT_ALIAS, 0
    labels = (dept.name, *dept.aliases)
    # The query is part of a name, or (for a longer query such as a task's text)
    # names the department outright.  A name that starts with it ranks first.
    if any(query in s or (len(s) >= 2 and s in query) for s in labels if s):
        return _NAME_SUBSTRING, 0 if any(s.startswith(query) for s in labels) else 1
    if query in dept.full_name:
        return _FULL_NAME_SUBSTRING, 0
    rank = pinyin.match_rank(query, [s for s in (*labels, dept.full_name) if s])
    if rank is not None:
        return _PINYIN, rank
    return None


def suggest(
    query: str,
    departments: list[Department],
    limit: int = 10,
    *,
    include_retired: bool = False,
) -> list[Department]:
    """Departments that fit `query`, best first.

    Order: exact name; exact alias (or full name); query inside a name or alias
    (or a name/alias inside a longer query);
    query inside the full name; pinyin (kjj, kejiju: see tagging.pinyin);
    keyword hits.  Within a tier: a department whose own keyword the query is
    (教育 for 市教委), then names starting with the query, then official kind
    order (municipal bodies before districts, enterprises and others, so 滨海
    gives 滨海新区政府 before 滨海高新区管委会), more keyword hits, registry order.
    An empty query gives the departments in official order.
    """
    pool = [d for d in departments if include_retired or not d.retired]
    q = query.strip()
    if limit <= 0:
        return []
    if not q:
        return official_order(pool)[:limit]
    ranked: list[tuple[int, int, int, int, int, Department]] = []
    for dept in pool:
        score = _keyword_score(q, dept.keywords)
        found = _tier(q, dept)
        if found is None:
            if score == 0:
                continue
            found = (_KEYWORD, 0)
        kind, position = dept.sort_key()
        exact_keyword = int(q in dept.keywords)  # 教育 is 市教委's own word
        if found[0] == _KEYWORD:  # keyword hits: the most hits first
            ranked.append((found[0], -score, 0, kind, position, dept))
        else:
            ranked.append((found[0], -exact_keyword, found[1], kind, -score * 1000 + position, dept))
    ranked.sort(key=lambda item: item[:5])
    return [item[5] for item in ranked[:limit]]
