"""Sentence splitting and lead phrases of Chinese plan paragraphs.

A sentence ends at 。；！？ (or their ASCII forms), never inside quotes or
brackets: “……。” stays one piece with the text around it.  A paragraph's lead
phrase is its short opening sentence (深化京津冀协同创新共同体建设。), which plans
use as the paragraph's title.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

TERMINATORS = frozenset("。；！？;!?")
OPENERS = {"“": "”", "「": "」", "『": "』", "《": "》", "（": "）", "(": ")", "【": "】", "‘": "’", "〔": "〕", "[": "]"}
CLOSERS = {v: k for k, v in OPENERS.items()}
SPECIAL_RE = re.compile("[" + re.escape("".join(TERMINATORS) + "".join(OPENERS) + "".join(CLOSERS) + '"') + "]")

LEAD_PHRASE_MAX = 30  # characters, terminator excluded
OPENING_WORDS = 16  # characters shown as a title when there is no lead phrase


def split_sentences(text: str) -> list[str]:
    """Split a paragraph into sentences; joining the result gives back the text."""
    sentences: list[str] = []
    start = 0
    for end in _sentence_ends(text):
        piece = text[start:end]
        if piece.strip():
            sentences.append(piece)
        else:
            _attach(sentences, piece)
        start = end
    tail = text[start:]
    if tail.strip():
        sentences.append(tail)
    elif tail:
        _attach(sentences, tail)
    if not sentences and text:
        sentences.append(text)
    return sentences


def _sentence_ends(text: str) -> Iterator[int]:
    """Offsets just past each sentence end at bracket depth 0.

    Only the characters that matter (brackets, quotes, terminators) are visited,
    which keeps this fast on long Chinese paragraphs.
    """
    stack: list[str] = []
    straight_quote_open = False
    skip_to = 0
    n = len(text)
    for match in SPECIAL_RE.finditer(text):
        i = match.start()
        if i < skip_to:
            continue
        ch = text[i]
        if ch in OPENERS:
            stack.append(ch)
        elif ch in CLOSERS:
            if stack and stack[-1] == CLOSERS[ch]:
                stack.pop()
            elif CLOSERS[ch] in stack:  # unbalanced inner opener: unwind to it
                while stack and stack.pop() != CLOSERS[ch]:
                    pass
        elif ch == '"':
            straight_quote_open = not straight_quote_open
        elif not stack and not straight_quote_open:  # a terminator
            end = i + 1
            # keep a run of terminators and closing quotes with this sentence
            while end < n and (text[end] in TERMINATORS or text[end] in "”’」』"):
                end += 1
            skip_to = end
            yield end


def _attach(sentences: list[str], piece: str) -> None:
    if sentences:
        sentences[-1] += piece
    else:
        sentences.append(piece)


def lead_phrase(text: str, *, max_len: int = LEAD_PHRASE_MAX, allow_comma: bool = False) -> str | None:
    """The paragraph's lead phrase, if its first sentence is one; else None."""
    stripped = text.strip()
    first_end = next(_sentence_ends(stripped), len(stripped))
    first = stripped[:first_end]
    phrase = first.strip().rstrip("。；！？;!?")
    if not phrase or len(phrase) > max_len:
        return None
    if not allow_comma and ("，" in phrase or "," in phrase):
        return None
    if first.strip()[-1:] not in TERMINATORS:  # the whole paragraph is one unterminated run
        return None
    return phrase


def opening_words(text: str, length: int = OPENING_WORDS) -> str:
    """The first words of a paragraph, ellipsised, for a title."""
    flat = "".join(text.split())
    return flat if len(flat) <= length else flat[:length] + "…"


def paragraph_title(text: str, *, allow_comma: bool = False, max_len: int = LEAD_PHRASE_MAX) -> str:
    return lead_phrase(text, allow_comma=allow_comma, max_len=max_len) or opening_words(text)
