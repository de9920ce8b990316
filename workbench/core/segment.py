"""Chinese word segmentation: owns the one jieba tokenizer the workbench uses.

Search indexes plan text as jieba tokens and department suggestions count
keyword tokens, so both must cut text the same way: with the same private
`jieba.Tokenizer` (never jieba's module-level default, which other code could
reconfigure) and the same user dictionary.  The user dictionary is the plan
vocabulary in resources/segment_words.txt plus every department name, alias
and keyword, so 新质生产力 and 市发展改革委 come out as words.

Loading jieba's dictionary takes about 0.6 s, so nothing happens at import
time: call `initialise()` from a worker thread at start-up; `tokens()` and
`query_tokens()` initialise on first use (blocking) if nobody did.  jieba's
prefix-dictionary cache goes to the workbench's user data directory, not to a
shared temp directory, and jieba's chatty logging is silenced.
"""

from __future__ import annotations

import hashlib
import logging
import threading
import unicodedata
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from workbench import paths
from workbench.core.departments import Department, RegistryError, load_registry

if TYPE_CHECKING:
    import jieba

__all__ = [
    "WORDS_FILE",
    "add_words",
    "department_words",
    "dictionary_fingerprint",
    "initialise",
    "is_ready",
    "query_tokens",
    "tokens",
    "user_words",
]

WORDS_FILE = paths.RESOURCES / "segment_words.txt"

_log = logging.getLogger(__name__)
_lock = threading.Lock()
_tokenizer: jieba.Tokenizer | None = None  # published only once fully set up
_words: frozenset[str] = frozenset()


def default_cache_dir() -> Path:
    return paths.user_data_dir() / "cache"


def initialise(*, departments: Iterable[Department] | None = None, cache_dir: Path | None = None) -> None:
    """Load jieba's dictionary and the user dictionary; idempotent.

    Any thread may call it; concurrent callers wait for the first.  Words come
    from resources/segment_words.txt and from `departments` (the workspace's
    list) or, when None, the shipped registry.  Takes ~0.6 s the first time:
    keep it off the GUI thread.
    """
    global _tokenizer, _words
    if _tokenizer is not None:
        return
    with _lock:
        if _tokenizer is not None:
            return
        import jieba  # ~0.1 s, so not at module import either

        logging.getLogger("jieba").setLevel(logging.WARNING)
        tokenizer = jieba.Tokenizer()
        directory = cache_dir or default_cache_dir()
        try:
            directory.mkdir(parents=True, exist_ok=True)
            tokenizer.tmp_dir = str(directory)
        except OSError as exc:  # read-only home: jieba then keeps no cache, which only costs time
            _log.warning("no jieba cache directory %s: %s", directory, exc)
            tokenizer.tmp_dir = None
        tokenizer.initialize()
        if departments is None:
            departments = _shipped_departments()
        words = set(_vocabulary_file_words(WORDS_FILE)) | set(department_words(departments))
        for word in sorted(words):
            tokenizer.add_word(word)
        _words = frozenset(words)
        _tokenizer = tokenizer


def is_ready() -> bool:
    """True once `initialise()` has finished; never blocks."""
    return _tokenizer is not None


def add_words(words: Iterable[str]) -> int:
    """Add words (for example a department added to the workspace); returns how many were new.

    Adding words changes `dictionary_fingerprint()`, so the search index
    rebuilds on its next `ensure_index`.
    """
    global _words
    tokenizer = _get()
    with _lock:
        new = sorted({w.strip() for w in words if w and w.strip()} - _words)
        for word in new:
            tokenizer.add_word(word)
        _words = _words | frozenset(new)
    return len(new)


def user_words() -> frozenset[str]:
    return _words


def dictionary_fingerprint() -> str:
    """Changes whenever segmentation may change: jieba's version or the user words."""
    import jieba

    _get()
    digest = hashlib.sha256(f"jieba {jieba.__version__}\n".encode())
    digest.update("\n".join(sorted(_words)).encode("utf-8"))
    return digest.hexdigest()[:16]


def tokens(text: str) -> list[str]:
    """Search-engine tokens of `text`, in order, repeats kept, punctuation and spaces dropped.

    jieba's search mode: each word, preceded by its two- and three-character
    parts that are dictionary words (京津冀 -> 京津 京津冀).
    """
    if not text:
        return []
    return [t for t in _get().cut_for_search(text) if _is_word(t)]


def query_tokens(query: str) -> list[str]:
    """The tokens a text must all contain to match `query` word by word, without repeats.

    Each word of the query (precise mode) is replaced by dictionary words that
    tile it exactly, when they exist (协同创新 -> 协同 创新, 京津冀协同发展 ->
    京津冀 协同 发展), because `tokens()` indexes those parts wherever the word
    occurs, and they also match texts that put the parts apart or that jieba
    segments differently.  A word that cannot be tiled stays whole.
    """
    tokenizer = _get()
    out: list[str] = []
    for word in tokenizer.cut(query.strip()):
        if not _is_word(word):
            continue
        for part in _tile(tokenizer, word) or [word]:
            if part not in out:
                out.append(part)
    return out


def department_words(departments: Iterable[Department]) -> list[str]:
    """Names, full names, aliases and keywords: the words departments contribute."""
    words: list[str] = []
    for dept in departments:
        for word in (dept.name, dept.full_name, *dept.aliases, *dept.keywords):
            word = word.strip()
            if len(word) >= 2 and " " not in word:
                words.append(word)
    return words


def _get() -> jieba.Tokenizer:
    if _tokenizer is None:
        initialise()
    assert _tokenizer is not None
    return _tokenizer


def _is_word(token: str) -> bool:
    """True when the token holds a letter or digit (drops punctuation and spaces)."""
    return any(unicodedata.category(ch)[0] in "LN" for ch in token)


def _tile(tokenizer: jieba.Tokenizer, word: str) -> list[str] | None:
    """Cover `word` left to right with dictionary words of 2-3 characters, longest first."""
    if len(word) <= 2 or not all(unicodedata.category(ch) == "Lo" for ch in word):
        return None
    parts: list[str] = []
    i = 0
    while i < len(word):
        for size in (3, 2):
            piece = word[i : i + size]
            if len(piece) == size and piece != word and tokenizer.FREQ.get(piece):
                parts.append(piece)
                i += size
                break
        else:
            return None
    return parts


def _vocabulary_file_words(path: Path) -> list[str]:
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        _log.warning("cannot read %s: %s", path, exc)
        return []
    return [w for line in lines if (w := line.split("#", 1)[0].strip())]


def _shipped_departments() -> list[Department]:
    try:
        return load_registry(paths.DEPARTMENTS_FILE)
    except RegistryError as exc:
        _log.warning("segmenting without department words: %s", exc)
        return []
