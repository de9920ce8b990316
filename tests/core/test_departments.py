"""Tests of the shipped department registry and the registry helpers (no Qt)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from workbench.core.departments import (
    KIND_ORDER,
    Department,
    RegistryError,
    alias_conflicts,
    load_registry,
    official_order,
    resolve,
    suggest,
)
from workbench.paths import DEPARTMENTS_FILE

GOVERNMENT_DEPARTMENTS = [
    "市发展改革委", "市教委", "市科技局", "市工业和信息化局", "市民族宗教委", "市公安局",
    "市民政局", "市司法局", "市财政局", "市人社局", "市规划资源局", "市生态环境局",
    "市住房城乡建设委", "市城市管理委", "市交通运输委", "市水务局", "市农业农村委", "市商务局",
    "市文化和旅游局", "市卫生健康委", "市退役军人局", "市应急局", "市审计局", "市外办",
]
DIRECTLY_AFFILIATED = [
    "市国资委", "市市场监管委", "市体育局", "市统计局", "市医保局", "市政务服务办", "市数据局",
]
OTHER_REQUIRED = [
    "市委宣传部", "市委网信办", "人民银行天津分行", "天津海关", "市税务局", "市气象局",
    "市通信管理局", "天津港集团", "各区人民政府",
]
DISTRICTS = [
    "和平区", "河东区", "河西区", "南开区", "河北区", "红桥区", "东丽区", "西青区",
    "津南区", "北辰区", "武清区", "宝坻区", "滨海新区", "宁河区", "静海区", "蓟州区",
]
FORMER_NAMES = {
    "市人力社保局": "市人社局",
    "市卫生计生委": "市卫生健康委",
    "市卫计委": "市卫生健康委",
    "市商务委": "市商务局",
    "市工信委": "市工业和信息化局",
    "市环保局": "市生态环境局",
    "市建委": "市住房城乡建设委",
    "市市容园林委": "市城市管理委",
    "市农委": "市农业农村委",
    "市安监局": "市应急局",
    "市市场和质量监管委": "市市场监管委",
    "市规划局": "市规划资源局",
    "市旅游局": "市文化和旅游局",
}


@pytest.fixture(scope="module")
def registry() -> list[Department]:
    return load_registry(DEPARTMENTS_FILE)


def by_name(departments: list[Department]) -> dict[str, Department]:
    return {d.name: d for d in departments}


# ---- the shipped registry ---------------------------------------------------


def test_shipped_registry_loads_with_its_metadata(registry):
    raw = json.loads(DEPARTMENTS_FILE.read_text(encoding="utf-8"))
    assert raw["registry"] and raw["as_of"]
    assert isinstance(raw.get("notes"), str) and raw["notes"].strip()
    assert len(registry) == len(raw["departments"])
    assert 110 <= len(registry) <= 150


def test_required_short_names_are_present(registry):
    names = by_name(registry)
    missing = [n for n in GOVERNMENT_DEPARTMENTS + DIRECTLY_AFFILIATED + OTHER_REQUIRED if n not in names]
    assert missing == []


def test_government_departments_keep_official_order(registry):
    names = by_name(registry)
    for name in GOVERNMENT_DEPARTMENTS:
        assert names[name].kind == "government_department", name
    positions = [names[n].position for n in GOVERNMENT_DEPARTMENTS]
    assert positions == sorted(positions)
    for name in DIRECTLY_AFFILIATED:
        assert names[name].kind == "directly_affiliated", name
    positions = [names[n].position for n in DIRECTLY_AFFILIATED]
    assert positions == sorted(positions)


def test_every_kind_is_valid_and_used(registry):
    kinds = {d.kind for d in registry}
    assert kinds <= set(KIND_ORDER)
    assert kinds == set(KIND_ORDER)


def test_entries_are_well_formed(registry):
    for dept in registry:
        assert dept.name and dept.name == dept.name.strip()
        assert dept.full_name
        assert all(a and a == a.strip() for a in dept.aliases), dept.name
        assert all(k and k == k.strip() for k in dept.keywords), dept.name
        assert len(set(dept.keywords)) == len(dept.keywords), dept.name


def test_main_departments_have_enough_keywords(registry):
    names = by_name(registry)
    for name in GOVERNMENT_DEPARTMENTS + DIRECTLY_AFFILIATED:
        assert 3 <= len(names[name].keywords) <= 25, name
    for name in GOVERNMENT_DEPARTMENTS:
        if name not in ("市审计局", "市退役军人局", "市民族宗教委", "市外办"):
            assert len(names[name].keywords) >= 8, name


def test_party_central_and_sample_kinds(registry):
    names = by_name(registry)
    assert names["市委宣传部"].kind == "party_organ"
    assert names["市委网信办"].kind == "party_organ"
    for name in ("人民银行天津分行", "天津海关", "市税务局", "市气象局", "市通信管理局"):
        assert names[name].kind == "central_unit", name
    assert names["天津港集团"].kind == "enterprise"
    assert names["各区人民政府"].kind == "district_government"
    assert "各区政府" in names["各区人民政府"].aliases


def test_sixteen_districts_resolve_to_district_governments(registry):
    districts = [d for d in registry if d.kind == "district_government"]
    found = set()
    for district in DISTRICTS:
        dept = resolve(district, registry)
        assert dept is not None, district
        assert dept.kind == "district_government", district
        assert district in dept.name or district in dept.full_name
        found.add(dept.name)
    assert len(found) == 16
    # the sixteen plus the collective entries, nothing else
    assert len(districts) - len(found) <= 3


def test_no_duplicate_names_and_no_alias_collisions(registry):
    names = [d.name for d in registry]
    assert len(names) == len(set(names))
    name_set = set(names)
    seen: dict[str, str] = {}
    for dept in registry:
        for alias in dept.aliases:
            assert alias not in name_set, f"{alias} of {dept.name} is a name"
            assert alias not in seen, f"{alias} on {seen.get(alias)} and {dept.name}"
            seen[alias] = dept.name
    assert alias_conflicts(registry) == []


def test_former_names_resolve(registry):
    for former, current in FORMER_NAMES.items():
        dept = resolve(former, registry)
        assert dept is not None, former
        assert dept.name == current, former


def test_unconfirmed_entries_are_explained_in_notes(registry):
    raw = json.loads(DEPARTMENTS_FILE.read_text(encoding="utf-8"))
    unconfirmed = [d.name for d in registry if d.unconfirmed]
    assert unconfirmed, "an honest registry marks what it could not confirm"
    for name in unconfirmed:
        assert name in raw["notes"], name
    assert all(isinstance(e.get("unconfirmed", False), bool) for e in raw["departments"])


# ---- matching and suggestions -----------------------------------------------


@pytest.mark.parametrize("query", ["教委", "教育", "市教委"])
def test_jiaowei_found_by_matches_and_suggest(registry, query):
    edu = by_name(registry)["市教委"]
    assert edu.matches(query)
    result = suggest(query, registry)
    assert result and result[0].name == "市教委"


def test_matches_rejects_unrelated_text(registry):
    edu = by_name(registry)["市教委"]
    assert not edu.matches("海关")
    assert edu.matches("  ")  # blank query matches everything


def test_suggest_exact_name_beats_alias_and_substring(registry):
    result = suggest("市科技局", registry)
    assert result[0].name == "市科技局"
    assert suggest("市人力社保局", registry)[0].name == "市人社局"
    assert suggest("发改委", registry)[0].name == "市发展改革委"


def test_suggest_keywords_find_departments(registry):
    assert suggest("医院", registry)[0].name == "市卫生健康委"
    assert suggest("大气", registry)[0].name == "市生态环境局"
    assert "市民政局" in [d.name for d in suggest("养老", registry, limit=3)]


def test_suggest_finds_department_named_in_task_text(registry):
    text = "推进城市更新，由市住房城乡建设委牵头，各区人民政府负责"
    names = [d.name for d in suggest(text, registry)]
    assert names[:2] == ["市住房城乡建设委", "各区人民政府"] or names[:2] == ["各区人民政府", "市住房城乡建设委"]


def _dept(name, kind, position, **kw):
    return Department(name=name, full_name=kw.pop("full_name", name), kind=kind, position=position, **kw)


def test_suggest_tiers_on_a_small_registry():
    depts = [
        _dept("甲局", "government_department", 0, keywords=["苹果"]),
        _dept("乙局", "government_department", 1, full_name="天津市苹果管理局"),
        _dept("丙委", "government_department", 2, aliases=["苹果委"]),
        _dept("苹果", "government_department", 3),
        _dept("丁局", "government_department", 4, keywords=["梨"]),
    ]
    assert [d.name for d in suggest("苹果", depts)] == ["苹果", "丙委", "乙局", "甲局"]
    assert [d.name for d in suggest("苹果", depts, limit=2)] == ["苹果", "丙委"]
    assert suggest("桃", depts) == []
    assert suggest("苹果", depts, limit=0) == []


def test_suggest_skips_retired_unless_asked():
    depts = [
        _dept("旧局", "government_department", 0, retired=True),
        _dept("新局", "government_department", 1, aliases=["旧局名"]),
    ]
    assert [d.name for d in suggest("局", depts)] == ["新局"]
    assert [d.name for d in suggest("局", depts, include_retired=True)] == ["旧局", "新局"]


def test_suggest_empty_query_gives_official_order(registry):
    assert suggest("", registry, limit=5) == official_order(
        [d for d in registry if not d.retired]
    )[:5]


def test_official_order_party_then_government_then_districts(registry):
    ordered = official_order(list(reversed(registry)))
    kinds = [d.kind for d in ordered]
    assert kinds == sorted(kinds, key=KIND_ORDER.index)
    index = {d.name: i for i, d in enumerate(ordered)}
    assert index["市委宣传部"] < index["市发展改革委"] < index["市国资委"] < index["和平区政府"]
    last_party = max(i for i, d in enumerate(ordered) if d.kind == "party_organ")
    first_gov = min(i for i, d in enumerate(ordered) if d.kind == "government_department")
    last_gov = max(i for i, d in enumerate(ordered) if d.kind == "government_department")
    first_district = min(i for i, d in enumerate(ordered) if d.kind == "district_government")
    assert last_party < first_gov <= last_gov < first_district
    gov = [d.name for d in ordered if d.kind == "government_department" and d.name in GOVERNMENT_DEPARTMENTS]
    assert gov == GOVERNMENT_DEPARTMENTS


# ---- loader errors ------------------------------------------------------------


def _write(tmp_path: Path, content: str) -> Path:
    path = tmp_path / "registry.json"
    path.write_text(content, encoding="utf-8")
    return path


def _entries(*entries) -> str:
    return json.dumps({"registry": "t", "as_of": "t", "departments": list(entries)}, ensure_ascii=False)


def test_malformed_json_raises_naming_the_file(tmp_path):
    path = _write(tmp_path, '{"departments": [')
    with pytest.raises(RegistryError, match="registry.json"):
        load_registry(path)


def test_missing_file_raises_naming_the_file(tmp_path):
    with pytest.raises(RegistryError, match="nowhere.json"):
        load_registry(tmp_path / "nowhere.json")


def test_missing_departments_list_raises(tmp_path):
    path = _write(tmp_path, '{"registry": "x"}')
    with pytest.raises(RegistryError, match="registry.json"):
        load_registry(path)


def test_duplicate_name_raises_naming_the_file(tmp_path):
    entry = {"name": "市教委", "full_name": "天津市教育委员会", "kind": "government_department"}
    path = _write(tmp_path, _entries(entry, dict(entry)))
    with pytest.raises(RegistryError, match="registry.json.*duplicate"):
        load_registry(path)


def test_unknown_kind_raises_naming_the_file(tmp_path):
    path = _write(tmp_path, _entries({"name": "市教委", "kind": "ministry"}))
    with pytest.raises(RegistryError, match="registry.json.*unknown kind"):
        load_registry(path)


def test_entry_without_name_raises(tmp_path):
    path = _write(tmp_path, _entries({"kind": "government_department"}))
    with pytest.raises(RegistryError, match="registry.json"):
        load_registry(path)


def test_valid_small_registry_loads(tmp_path):
    path = _write(
        tmp_path,
        _entries(
            {"name": "市教委", "full_name": "天津市教育委员会", "kind": "government_department",
             "aliases": ["教委"], "keywords": ["教育"], "unconfirmed": True},
            {"name": "和平区政府", "kind": "district_government"},
        ),
    )
    depts = load_registry(path)
    assert [d.name for d in depts] == ["市教委", "和平区政府"]
    assert depts[0].unconfirmed and not depts[1].unconfirmed
    assert depts[1].full_name == "和平区政府"
    assert [d.position for d in depts] == [0, 1]


# ---- helpers ------------------------------------------------------------------


def test_alias_conflicts_reports_collisions():
    depts = [
        _dept("甲局", "government_department", 0, aliases=["乙局", "丙"]),
        _dept("乙局", "government_department", 1, aliases=["丙"]),
    ]
    problems = alias_conflicts(depts)
    assert any("乙局" in p and "name" in p for p in problems)
    assert any("'丙'" in p and "both" in p for p in problems)
    assert len(problems) == 2


def test_resolve_prefers_names_and_handles_blanks():
    depts = [
        _dept("甲局", "government_department", 0, full_name="天津市甲局"),
        _dept("乙局", "government_department", 1, aliases=["甲"]),
    ]
    assert resolve("甲局", depts).name == "甲局"
    assert resolve("天津市甲局", depts).name == "甲局"
    assert resolve("甲", depts).name == "乙局"
    assert resolve(" ", depts) is None
    assert resolve("丁", depts) is None


def test_pinyin_initials_and_full_pinyin_find_units():
    from workbench.core.departments import suggest
    from workbench.core.tagging import pinyin

    registry = load_registry(DEPARTMENTS_FILE)
    assert suggest("fgw", registry)[0].name == "市发展改革委"
    assert suggest("kjj", registry)[0].name == "市科技局"
    assert suggest("kejiju", registry)[0].name == "市科技局"
    assert suggest("rmyh", registry)[0].name == "人民银行天津分行"
    assert pinyin.keys("人民银行") == ("rmyh", "renminyinhang")  # 行 read hang in 银行
    assert suggest("zzzq", registry) == []
