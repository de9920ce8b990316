"""Where a plan file that is almost valid text goes wrong: file, line and column.

A GBK or UTF-8 plan with a few damaged bytes (a bad copy, a truncated
transfer, two files pasted together in different encodings) is neither
guessed at nor refused vaguely: the reviewer is told the line and column of
the first bad bytes in the encoding that fits the rest of the file.
"""

from __future__ import annotations

from pathlib import Path

from .source import PlanImportError

CANDIDATES = (("utf-8", "UTF-8"), ("gb18030", "GB18030/GBK"))
MOSTLY = 0.01  # at most 1% of the characters undecodable: the file is that encoding, damaged


def bad_bytes_error(data: bytes, path: Path | str) -> PlanImportError | None:
    """A PlanImportError naming the first bad bytes, when the file is almost valid text; else None."""
    best: tuple[int, str, str, UnicodeDecodeError] | None = None
    for codec, label in CANDIDATES:
        try:
            data.decode(codec)
            return None  # valid after all: not ours to refuse
        except UnicodeDecodeError as exc:
            errors = data.decode(codec, errors="replace").count("\ufffd") - data[: exc.start].decode(
                codec, errors="replace").count("\ufffd")  # fmt: skip
            if best is None or errors < best[0]:
                best = (errors, codec, label, exc)
    assert best is not None
    errors, codec, label, exc = best
    total = max(len(data.decode(codec, errors="replace")), 1)
    if errors > total * MOSTLY:
        return None
    prefix = data[: exc.start].decode(codec, errors="replace").replace("\r\n", "\n").replace("\r", "\n")
    line = prefix.count("\n") + 1
    column = len(prefix) - (prefix.rfind("\n") + 1) + 1
    shown = " ".join(f"{b:02X}" for b in data[exc.start : max(exc.end, exc.start + 1)][:4])
    more = f"; {errors - 1} more place(s) further on" if errors > 1 else ""
    return PlanImportError(
        path,
        f"has bytes that are not valid {label} text at line {line}, column {column} (bytes {shown}){more}: "
        "the file is damaged or mixes encodings; fix that line or save the file again as UTF-8",
    )
