"""`python -m workbench` and the `workbench` command.

With no command (`workbench`, `workbench --db PATH`) or with `gui` it opens
the GUI on the default workspace (importing the shipped plan on first run) or
on PATH; with a command it runs the command line.  Anything it does not
understand is a one-line error with exit code 2: a script never ends up
waiting on a window.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence

from workbench.cli import EXIT_ERROR, EXIT_USAGE


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if args:
        from workbench import cli

        try:
            parsed = cli.parse_args(args)
        except SystemExit as exc:  # --help/--version (0) or a usage error (2, already reported)
            return exc.code if isinstance(exc.code, int) else EXIT_USAGE
        if parsed.command not in (None, "gui"):
            return cli.run(parsed)
        if parsed.reviewer is not None or parsed.unit:
            print("workbench: --reviewer/--unit are for commands; the window asks who is reviewing",
                  file=sys.stderr)
            return EXIT_USAGE
        args = ["--db", str(parsed.db)] if parsed.db is not None else []
    from workbench.cli.display import missing_display

    reason = missing_display(args)
    if reason is not None:  # Qt would abort the process (exit 134) with a screenful of advice
        print(f"workbench: {reason}", file=sys.stderr)
        return EXIT_ERROR
    from workbench.app import run_gui

    return run_gui(args)


if __name__ == "__main__":
    sys.exit(main())
