"""`python -m workbench` and the `workbench` command.

With no arguments it opens the GUI on the default workspace (importing the
shipped plan on first run); with a command it runs the command line.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if not args or args[0] in ("gui", "--gui"):
        from workbench.app import run_gui

        return run_gui(args[1:])
    from workbench.cli import main as cli_main

    return cli_main(args)


if __name__ == "__main__":
    sys.exit(main())
