"""Characters a name may not hold, named so a reviewer can find and remove them.

Department names travel into Excel sheet names, file names, the 任务分工
text and other workspaces.  Text pasted from Word brings invisible
characters along: the soft line break (Shift+Enter, U+000B), tabs, paragraph
marks, zero-width spaces.  They are refused when a name is entered, with the
character named, rather than discovered halfway through an export.
"""

from __future__ import annotations

import unicodedata

KNOWN = {
    "\u000b": "vertical tab: Word's soft line break, Shift+Enter",
    "\t": "tab",
    "\n": "line break",
    "\r": "carriage return: a paragraph mark",
    "\u000c": "form feed: a page break from Word",
    "\u00a0": "no-break space",
    "\u200b": "zero-width space",
    "\u200c": "zero-width non-joiner",
    "\u200d": "zero-width joiner",
    "\u2028": "line separator",
    "\u2029": "paragraph separator",
    "\ufeff": "byte order mark / zero-width no-break space",
    "\u3000": None,  # the ideographic space is ordinary Chinese text: allowed
}
REFUSED_CATEGORIES = {"Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp"}


def describe_character(ch: str) -> str:
    """'U+000B (vertical tab: Word's soft line break, Shift+Enter)'."""
    what = KNOWN.get(ch) or unicodedata.name(ch, "").lower() or "an unprintable character"
    return f"U+{ord(ch):04X} ({what})"


def bad_character(text: str) -> tuple[int, str] | None:
    """The position (0-based) and description of the first character a name may not hold, or None."""
    for index, ch in enumerate(text):
        if ch == "\u3000":
            continue
        if unicodedata.category(ch) in REFUSED_CATEGORIES or (ch in KNOWN and KNOWN[ch]):
            return index, describe_character(ch)
    return None


def name_problem(label: str, text: str) -> str | None:
    """A one-line refusal for `text` used as a name, or None when it is acceptable."""
    found = bad_character(text)
    if found is None:
        return None
    index, what = found
    return f"{label} {text!r} contains {what} at character {index + 1}: remove it and try again"
