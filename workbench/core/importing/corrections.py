"""Corrections a reviewer makes where the importer guessed wrong, as data.

Each correction names a source line (1-based, as the import preview and the
CLI's messages show it) and says what that line is:

- `heading` with `level` (0 part/篇, 1 chapter/章, 2 section/节): this line is a heading;
- `body`: this line that looks like a heading is body text;
- `split` with `at` (a character offset in the line's text): a new paragraph starts here;
- `join`: this line continues the paragraph before it;
- `front_matter`: the document's front matter runs up to and including this line;
- `contents` with `end_line`: these lines are a table of contents.

Corrections are applied while the tree is built, so the same file with the
same corrections always gives the same tree and node ids.  They are stored
with the plan and recorded in its import event; `workbench import FILE
--corrections FILE.json` applies a saved set (a JSON list, or {"corrections": [...]}).
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from pathlib import Path

from workbench.core import plan as P

KINDS = ("heading", "body", "split", "join", "front_matter", "contents")
LEVEL_KINDS = {0: P.PART, 1: P.CHAPTER, 2: P.SECTION}


class CorrectionError(ValueError):
    """A corrections file or entry that cannot be applied; the message says which and why."""


@dataclass(frozen=True)
class Correction:
    kind: str
    line: int
    level: int | None = None  # heading: 0 part, 1 chapter, 2 section
    at: int | None = None  # split: offset in the line's text (after leading spaces are removed)
    end_line: int | None = None  # contents: last line of the contents

    def as_dict(self) -> dict:
        return {k: v for k, v in asdict(self).items() if v is not None}

    def describe(self) -> str:
        """One line for lists and messages (English; the preview shows its own Chinese labels)."""
        if self.kind == "heading":
            return f"line {self.line}: heading ({LEVEL_KINDS[self.level]})"
        if self.kind == "split":
            return f"line {self.line}: new paragraph at character {self.at}"
        if self.kind == "contents":
            return f"lines {self.line}-{self.end_line}: table of contents"
        return f"line {self.line}: {self.kind.replace('_', ' ')}"


def correction(data: dict) -> Correction:
    """A Correction from its JSON form, checked."""
    if not isinstance(data, dict):
        raise CorrectionError(f"a correction must be an object, not {data!r}")
    kind = data.get("kind")
    if kind not in KINDS:
        raise CorrectionError(f"unknown correction kind {kind!r} (known: {', '.join(KINDS)})")
    line = data.get("line")
    if not isinstance(line, int) or line < 1:
        raise CorrectionError(f"{kind}: 'line' must be a line number (1 or more), not {line!r}")
    level, at, end_line = data.get("level"), data.get("at"), data.get("end_line")
    if kind == "heading" and level not in LEVEL_KINDS:
        raise CorrectionError(f"heading at line {line}: 'level' must be 0 (part), 1 (chapter) or 2 (section)")
    if kind == "split" and (not isinstance(at, int) or at < 1):
        raise CorrectionError(f"split at line {line}: 'at' must be a character offset of 1 or more")
    if kind == "contents" and (not isinstance(end_line, int) or end_line < line):
        raise CorrectionError(f"contents at line {line}: 'end_line' must be a line number not before {line}")
    return Correction(kind, line, level if kind == "heading" else None, at if kind == "split" else None,
                      end_line if kind == "contents" else None)


def normalise(corrections) -> tuple[Correction, ...]:
    """One canonical order (by line, then kind), duplicates dropped: stored and hashed the same way."""
    items = {c if isinstance(c, Correction) else correction(c) for c in corrections or ()}
    return tuple(sorted(items, key=lambda c: (c.line, KINDS.index(c.kind), c.at or 0, c.level or 0)))


def to_json(corrections) -> str:
    return json.dumps([c.as_dict() for c in normalise(corrections)], ensure_ascii=False)


def from_json(text: str) -> tuple[Correction, ...]:
    try:
        data = json.loads(text) if text.strip() else []
    except json.JSONDecodeError as exc:
        raise CorrectionError(f"not valid JSON ({exc.msg} at line {exc.lineno})") from exc
    if isinstance(data, dict):
        data = data.get("corrections", [])
    if not isinstance(data, list):
        raise CorrectionError("expected a list of corrections, or an object with a 'corrections' list")
    return normalise(data)


def load(path: Path | str) -> tuple[Correction, ...]:
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise CorrectionError(f"{path}: cannot read the corrections file ({exc})") from exc
    try:
        return from_json(text)
    except CorrectionError as exc:
        raise CorrectionError(f"{path}: {exc}") from exc


def save(path: Path | str, corrections) -> None:
    Path(path).write_text(json.dumps({"corrections": [c.as_dict() for c in normalise(corrections)]},
                                     ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
