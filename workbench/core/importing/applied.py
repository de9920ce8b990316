"""Reviewer corrections (corrections.py) turned into what the outline builder reads.

Splits cut units before anything else is decided; the rest become sets of
unit indexes (forced headings, body lines, joins, paragraph starts) and
ranges (front matter, contents) the builder consults.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from workbench.core import plan as P
from workbench.core.importing.corrections import LEVEL_KINDS, Correction, CorrectionError
from workbench.core.importing.headings import Heading, clean, match_heading
from workbench.core.importing.numbering import match_numbered
from workbench.core.importing.units import Unit


def apply_splits(units: list[Unit], corrections: tuple[Correction, ...]) -> tuple[list[Unit], set[int]]:
    """Cut units where the reviewer said a new paragraph starts; return the units and the new starts."""
    splits = {(c.line, c.at) for c in corrections if c.kind == "split"}
    if not splits:
        return units, set()
    out: list[Unit] = []
    starts: set[int] = set()
    lines_seen = {u.line for u in units}
    for line, at in splits:
        if line not in lines_seen:
            raise CorrectionError(f"split at line {line}: the document has no such line")
    for unit in units:
        cuts = sorted(at for line, at in splits if line == unit.line)
        lead = len(unit.raw) - len(unit.raw.lstrip())
        pieces, begin = [], 0
        for at in cuts:  # `at` counts from the line's first non-blank character
            offset = lead + at - unit.column if unit.column else lead + at
            if begin < offset < len(unit.raw):
                pieces.append((begin, offset))
                begin = offset
        pieces.append((begin, len(unit.raw)))
        for n, (a, b) in enumerate(pieces):
            if n:
                starts.add(len(out))
            out.append(Unit(unit.raw[a:b], unit.line, unit.column + a))
    return out, starts


@dataclass
class Applied:
    """Correction effects by unit index."""

    headings: dict[int, Heading] = field(default_factory=dict)
    body: set[int] = field(default_factory=set)
    joins: set[int] = field(default_factory=set)
    starts: set[int] = field(default_factory=set)  # a paragraph starts here (after a split)
    front_end: int | None = None  # first unit after the front matter the reviewer marked
    contents: tuple[int, int] | None = None  # [start, end) units of a marked table of contents


def apply(corrections: tuple[Correction, ...], ln: list[int], text: list[str], starts: set[int],
          match) -> Applied:
    """`match(i)` is the builder's own reading of unit i (to number forced headings after their neighbours)."""
    applied = Applied(starts=set(starts))
    by_line: dict[int, list[int]] = {}
    for i, line in enumerate(ln):
        by_line.setdefault(line, []).append(i)
    last = max(ln, default=0)
    for c in corrections:
        if c.line > last or (c.end_line or 0) > last:
            raise CorrectionError(f"{c.describe()}: the document has {last} lines")
        units = by_line.get(c.line, [])
        if c.kind == "body":
            applied.body.update(units)
        elif c.kind == "join" and units:
            applied.joins.add(units[0])
        elif c.kind == "front_matter":
            applied.front_end = max(units) + 1 if units else None
        elif c.kind == "contents":
            first = min(i for line in range(c.line, c.end_line + 1) for i in by_line.get(line, [])) \
                if any(by_line.get(line) for line in range(c.line, c.end_line + 1)) else None
            if first is not None:
                end = max(i for line in range(c.line, c.end_line + 1) for i in by_line.get(line, [])) + 1
                applied.contents = (first, end)
    forced = {by_line[c.line][0]: LEVEL_KINDS[c.level] for c in corrections
              if c.kind == "heading" and by_line.get(c.line)}
    if forced:
        applied.headings = _number_headings(forced, text, match)
        applied.body -= set(applied.headings)
    return applied


def _number_headings(forced: dict[int, str], text: list[str], match) -> dict[int, Heading]:
    """Forced headings keep a number they print (一、 第五章); otherwise they follow their neighbours'."""
    counters = {P.PART: 0, P.CHAPTER: 0, P.SECTION: 0}
    out: dict[int, Heading] = {}
    for i in range(len(text)):
        kind = forced.get(i)
        if kind is None:
            heading = match(i)
            if heading is not None and heading.kind in counters:
                _count(counters, heading.kind, heading.number)
            continue
        label, number, title = "", None, clean(text[i])
        typed = match_heading(title)
        numbered = match_numbered(title) if typed is None else None
        if typed is not None and typed.kind != P.BOX:
            label, number, title = typed.label, typed.number, typed.title
        elif numbered is not None:
            label, number, title = numbered.label, numbered.number, numbered.rest
        if number is None:
            number = counters[kind] + 1
        _count(counters, kind, number)
        out[i] = Heading(kind, label, number, title, "corrected", "")
    return out


def _count(counters: dict[str, int], kind: str, number: int) -> None:
    counters[kind] = number
    if kind == P.PART:
        counters[P.SECTION] = 0
    if kind == P.CHAPTER:
        counters[P.SECTION] = 0
