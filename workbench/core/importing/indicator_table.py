"""The plan's indicator table (主要指标) as structured `Indicator` rows.

Text exports of Word tables put one cell per line (tab-led, rows separated by
blank lines); .docx and hand-made files give one row per line with tab-separated
cells.  Both are read here.  Category rows (高质量发展（5个）) set the category of
the rows below; rows without a number are sub-rows (其中：…) of the row above.
The footnote (注：〔〕为五年累计数，*为五年平均数。第2、6…指标2025年数值为预计数。)
is kept and its markers are applied to the values.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from workbench.core.plan import Indicator

ATTRIBUTES = ("预期性", "约束性")
CATEGORY_RE = re.compile(r"^(.+?)[（(](\d+)\s*个[）)]$")
NUMBER_RE = re.compile(r"^\d{1,3}$")
UNIT_RE = re.compile(r"^(.+)[（(]([^（）()]{1,10})[）)]$")
YEAR_RE = re.compile(r"(\d{4})\s*年")
ESTIMATE_RE = re.compile(r"第([\d、，,\s]+)(?:项|个)?指标\s*(\d{4})\s*年(?:数值|数据)?为预计数")
FOOTNOTE_START = ("注：", "注:", "注 ", "备注：")


def is_footnote(text: str) -> bool:
    return text.startswith(FOOTNOTE_START)


@dataclass
class IndicatorTable:
    indicators: list[Indicator] = field(default_factory=list)
    footnote: str = ""
    warnings: list[str] = field(default_factory=list)


def split_rows(raw_lines: list[str]) -> list[list[str]]:
    """Group raw table lines into rows of cells."""
    return [row for row, _ in split_rows_at(raw_lines)]


def split_rows_at(raw_lines: list[str]) -> list[tuple[list[str], int]]:
    """Rows of cells, each with the index of the raw line it starts on."""
    rows: list[tuple[list[str], int]] = []
    current: list[str] = []
    first = 0
    for index, raw in enumerate(raw_lines):
        line = raw.rstrip()
        fields = [c.strip() for c in line.split("\t")]
        if sum(1 for c in fields if c) >= 3:  # one row per line
            if current:
                rows.append((current, first))
                current = []
            rows.append((fields[1:] if fields and fields[0] == "" and len(fields) > 1 else fields, index))
        elif not line.strip():
            if raw.startswith("\t"):  # an empty cell
                if not current:
                    first = index
                current.append("")
            elif current:
                rows.append((current, first))
                current = []
        elif raw.startswith("\t") or not current:
            if not current:
                first = index
            current.append(line.strip())
        else:  # a cell's text wrapped onto an untabbed line
            current[-1] = current[-1] + line.strip()
    if current:
        rows.append((current, first))
    return rows


def _name_unit(text: str) -> tuple[str, str]:
    text = re.sub(r"^其中[：:]\s*", "", text.strip())
    m = UNIT_RE.match(text)
    return (m.group(1).strip(), m.group(2).strip()) if m else (text, "")


def parse_indicator_table(raw_lines: list[str], footnote: str = "", *, locate=None) -> IndicatorTable:
    """`locate(i)` names raw line i in messages (a file name and line, a table row)."""
    table = IndicatorTable(footnote=footnote)
    located = split_rows_at(raw_lines)
    rows = [row for row, _ in located]
    where = {id(row): (locate(i) if locate else f"table line {i + 1}") for row, i in located}
    numbers: dict[str, str] = {}
    years = [int(y) for row in rows[:3] for cell in row for y in YEAR_RE.findall(cell)]
    base_year = years[0] if years else None
    target_year = years[1] if len(years) > 1 else None
    category = ""
    expected: dict[str, int] = {}
    counts: dict[str, int] = {}
    parent: Indicator | None = None
    header = next((row for row in rows[:3] if "序号" in [c.strip() for c in row[:2]]), None)
    layout = _column_layout(header, table) if header else None
    for row in rows:
        full = row
        if layout is not None and layout["category"] == 0 and len(row) == len(header) - 1:
            full = ["", *row]  # the empty 类别 cell of a group's later rows, whose leading tab was read as a row marker
        fits = layout is not None and row is not header and len(full) == len(header)
        if fits and layout["category"] is not None and full[layout["category"]].strip():
            category = full[layout["category"]].strip()  # a 类别 column: its (merged) cell opens each group
            if m := CATEGORY_RE.match(category):
                category, expected[m.group(1)] = m.group(1), int(m.group(2))
        cells = _canonical(full, layout) if fits else list(row)
        nonempty = [c for c in cells if c]
        if not nonempty:
            continue
        if len(nonempty) == 1 and (m := CATEGORY_RE.match(nonempty[0])):
            category, expected[m.group(1)] = m.group(1), int(m.group(2))
            continue
        if NUMBER_RE.match(cells[0]):
            number = cells[0]
            rest = cells[1:]
            attribute = rest.pop() if rest and rest[-1] in ATTRIBUTES else ""
            names, values = _names_and_values(rest)
            if not names:
                table.warnings.append(f"indicator {number}: no name in row {row}")
                continue
            name, unit = _name_unit(names[0])
            key = f"ind{number}"
            if number in numbers:  # a typing slip in the plan: keep both rows, say where
                n = 2
                while f"{key}~{n}" in {i.key for i in table.indicators}:
                    n += 1
                key = f"{key}~{n}"
                table.warnings.append(f"{where[id(row)]}: indicator number {number} is used twice (first at "
                                      f"{numbers[number]}); this row is kept as {key}")
            numbers.setdefault(number, where[id(row)])
            parent = Indicator(
                key=key, number=number, category=category, name=name, unit=unit,
                base_year=base_year, target_year=target_year, attribute=attribute,
                position=len(table.indicators),
            )
            table.indicators.append(parent)
            counts[category] = counts.get(category, 0) + 1
            if len(names) > 1:  # the first sub-row shares the indicator's line
                _add_child(table, parent, names[1], values)
            else:
                parent.base_value, parent.target_value = values
        elif parent is not None and not cells[0] and not (cells[1:2] and NUMBER_RE.match(cells[1])):
            rest = [c for c in cells if c]
            if rest and rest[-1] in ATTRIBUTES:
                rest.pop()
            names, values = _names_and_values(rest)
            if names:
                _add_child(table, parent, names[0], values)
        elif not table.indicators and not category:
            continue  # header rows: 序号 指标 2025年 2030年目标值 属性
        else:
            table.warnings.append(f"unrecognised indicator table row: {' | '.join(nonempty)}")
    for name, count in expected.items():
        if counts.get(name, 0) != count:
            table.warnings.append(f"category {name}: header says {count} indicators, found {counts.get(name, 0)}")
    apply_footnote(table.indicators, footnote)
    return table


def _column_layout(header: list[str], table: IndicatorTable) -> dict[str, object] | None:
    """Where number, name, 单位, base, target and 属性 sit, and the columns the model has no field for
    (年均增长, 累计 …); None when the header is the plain 序号 指标 基期 目标 [属性] (nothing to rearrange)."""
    cells = [c.strip() for c in header]
    number = cells.index("序号")
    name = next((i for i in range(number + 1, len(cells)) if "指标" in cells[i]), None)
    year_cols = [i for i, c in enumerate(cells) if YEAR_RE.search(c)]
    if len(year_cols) < 2 or name is None:
        return None
    unit = next((i for i, c in enumerate(cells) if c in ("单位", "计量单位")), None)
    attribute = next((i for i, c in enumerate(cells) if "属性" in c), None)
    category = next((i for i, c in enumerate(cells) if c in ("类别", "分类", "领域")), None)
    known = {number, name, year_cols[0], year_cols[1], unit, attribute, category}
    extra = [i for i in range(len(cells)) if i not in known]
    if unit is None and category is None and not extra and (number, name) == (0, 1):
        return None
    if extra:
        table.warnings.append("indicator table: column(s) " + "、".join(cells[i] for i in extra) +
                              " have no field of their own; their values are kept after the target value")
    return {"number": number, "name": name, "unit": unit, "base": year_cols[0], "target": year_cols[1],
            "attribute": attribute, "category": category, "extra": [(cells[i], i) for i in extra]}


def _canonical(row: list[str], layout: dict) -> list[str]:
    """A row of a table with extra columns as 序号, 指标（单位）, base, target（年均增长：…）, 属性."""
    name = row[layout["name"]]
    if layout["unit"] is not None and row[layout["unit"]]:
        name = f"{name}（{row[layout['unit']]}）"
    target = row[layout["target"]] + "".join(f"（{title}：{row[i]}）" for title, i in layout["extra"] if row[i])
    attribute = row[layout["attribute"]] if layout["attribute"] is not None else ""
    return [row[layout["number"]], name, row[layout["base"]], target] + ([attribute] if attribute else [])


def _names_and_values(cells: list[str]) -> tuple[list[str], tuple[str, str]]:
    """Split a row's cells after the number into name cells and (base, target)."""
    cells = [c for c in cells if c != ""] if len([c for c in cells if c]) >= 3 else list(cells)
    if len(cells) >= 3:
        return cells[:-2], (cells[-2], cells[-1])
    if len(cells) == 2:
        return cells[:1], (cells[1], "")
    return cells, ("", "")


def _add_child(table: IndicatorTable, parent: Indicator, name_cell: str, values: tuple[str, str]) -> None:
    index = sum(1 for i in table.indicators if i.parent_key == parent.key) + 1
    name, unit = _name_unit(name_cell)
    table.indicators.append(
        Indicator(
            key=f"{parent.key}.{index}", number=f"{parent.number}.{index}", category=parent.category,
            name=name, unit=unit, base_year=parent.base_year, base_value=values[0],
            target_year=parent.target_year, target_value=values[1], attribute=parent.attribute,
            parent_key=parent.key, position=len(table.indicators),
        )
    )


def apply_footnote(indicators: list[Indicator], footnote: str) -> None:
    """Interpret the markers: * five-year average, 〔〕 five-year cumulative, estimates."""
    star_means_average = "*" not in footnote or "平均" in footnote
    brackets_mean_cumulative = "〔" not in footnote or "累计" in footnote
    estimated: set[str] = set()
    for numbers, _year in ESTIMATE_RE.findall(footnote):
        estimated.update(n for n in re.split(r"[、，,\s]+", numbers) if n)
    for ind in indicators:
        values = ind.base_value + ind.target_value
        ind.five_year_average = star_means_average and "*" in values
        ind.five_year_cumulative = brackets_mean_cumulative and "〔" in values
        top_number = ind.number.split(".")[0]
        ind.base_estimated = top_number in estimated
