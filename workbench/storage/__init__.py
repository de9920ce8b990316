"""storage layer of the workbench."""

import sys as _sys

# sqlite-utils imports numpy and pandas when they are installed, only to map their scalar types to
# column types.  The workbench stores neither, and importing numpy costs about 50 ms of every
# command, so sqlite-utils is loaded with them hidden (unless something imported them already).
#
# Its `recipes` module (the CLI's date converters) imports dateutil's parser, 5-12 ms of every
# command for a module the workbench never calls; it is registered to load on first use instead
# (importlib.util.LazyLoader): `recipes.parser.parse` still works, it just loads the parser then.


def _load_on_first_use(name: str) -> None:
    import importlib
    import importlib.util

    if name in _sys.modules:
        return
    parent_name, _, child = name.rpartition(".")
    try:
        spec = importlib.util.find_spec(name)
        if spec is None or spec.loader is None:
            return
        spec.loader = importlib.util.LazyLoader(spec.loader)
    except (ImportError, TypeError):  # not installed, or a loader LazyLoader cannot wrap: imported as usual
        return
    module = importlib.util.module_from_spec(spec)
    _sys.modules[name] = module
    spec.loader.exec_module(module)
    # What the import system does for a loaded submodule; `from parent import child` then finds it
    # without asking the lazy module for anything (any attribute access loads it).
    setattr(_sys.modules[parent_name], child, module)


if "sqlite_utils" not in _sys.modules:
    _hidden = [name for name in ("numpy", "pandas") if name not in _sys.modules]
    for _name in _hidden:
        _sys.modules[_name] = None  # type: ignore[assignment]  # `import numpy` raises ImportError
    try:
        _load_on_first_use("dateutil.parser")
        import sqlite_utils  # noqa: F401
    finally:
        for _name in _hidden:
            del _sys.modules[_name]
