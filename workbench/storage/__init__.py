"""storage layer of the workbench."""

import sys as _sys

# sqlite-utils imports numpy and pandas when they are installed, only to map their scalar types to
# column types.  The workbench stores neither, and importing numpy costs about 50 ms of every
# command, so sqlite-utils is loaded with them hidden (unless something imported them already).
if "sqlite_utils" not in _sys.modules:
    _hidden = [name for name in ("numpy", "pandas") if name not in _sys.modules]
    for _name in _hidden:
        _sys.modules[_name] = None  # type: ignore[assignment]  # `import numpy` raises ImportError
    try:
        import sqlite_utils  # noqa: F401
    finally:
        for _name in _hidden:
            del _sys.modules[_name]
