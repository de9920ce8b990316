"""`python -m workbench` and the `workbench` command.

With no arguments it opens the GUI on the default workspace (importing the
shipped plan on first run), `--db PATH` (or `gui --db PATH`) on another
workspace; with a command it runs the command line.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if not args or args[0] in ("gui", "--gui") or args[0] == "--db" or args[0].startswith("--db="):
        from workbench.app import run_gui

        return run_gui(args[1:] if args and args[0] in ("gui", "--gui") else args)
    from workbench.cli import main as cli_main

    return cli_main(args)


if __name__ == "__main__":
    sys.exit(main())
