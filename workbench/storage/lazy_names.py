"""Names a module re-exports from other modules, imported on first use (PEP 562 module __getattr__).

A short command (assign, departments) imports the storage layer's modules but
uses few of the names they re-export; importing the modules behind the rest
at start costs every command milliseconds.  `lazy_names` gives such a module
its __getattr__: `from module import name` and `module.name` still work, and
load the module holding the name then.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping
from typing import Any


def lazy_names(module: str, where: Mapping[str, str]) -> Callable[[str], Any]:
    """A module __getattr__ for `module` (its __name__) resolving each name of `where` in the module named
    there (absolute), on first use."""

    def __getattr__(name: str) -> Any:
        if name in where:
            return getattr(importlib.import_module(where[name]), name)
        raise AttributeError(f"module {module!r} has no attribute {name!r}")

    return __getattr__
