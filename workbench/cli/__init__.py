"""The command line: the same core and store the GUI uses, for scripts and servers.

Every command exits 0 on success and non-zero with a one-line reason on stderr
otherwise.  Writes are attributed to --reviewer (default: the OS user).
"""

from __future__ import annotations

import argparse
import importlib
import getpass
import json
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from workbench import paths

EXIT_OK, EXIT_ERROR, EXIT_USAGE = 0, 1, 2


class CliError(Exception):
    """A user-facing failure: printed as one line, exit code 1."""


def _default_reviewer() -> str:
    try:
        return os.environ.get("WORKBENCH_REVIEWER") or getpass.getuser()
    except (KeyError, OSError):  # no passwd entry in some containers
        return "unknown"


# Modules that contribute commands; each has register(command) -> None.
COMMAND_MODULES = (
    "workbench.cli.plan_commands",
    "workbench.cli.department_commands",
    "workbench.cli.export_commands",
    "workbench.cli.assign_commands",
    "workbench.cli.audit_commands",
    "workbench.cli.merge_commands",
    "workbench.cli.revision_commands",
    "workbench.cli.backup_commands",
    "workbench.cli.suggest_commands",
    "workbench.cli.trust_commands",
)

# The module that registers each command.  argparse builds every subcommand's parser up front (about
# 30 ms for all of them), so a command line naming one of these is parsed by a parser holding that
# module's commands alone; --help, an unknown command or any usage error falls back to the full parser.
COMMANDS = {
    "import": "workbench.cli.plan_commands", "tree": "workbench.cli.plan_commands",
    "departments": "workbench.cli.plan_commands", "department": "workbench.cli.department_commands",
    "export": "workbench.cli.export_commands", "assign": "workbench.cli.assign_commands",
    "unassign": "workbench.cli.assign_commands", "import-division": "workbench.cli.assign_commands",
    "audit": "workbench.cli.audit_commands", "merge": "workbench.cli.merge_commands",
    "conflicts": "workbench.cli.merge_commands", "resolve": "workbench.cli.merge_commands",
    "agreement": "workbench.cli.merge_commands", "revision": "workbench.cli.revision_commands",
    "backup": "workbench.cli.backup_commands", "suggest": "workbench.cli.suggest_commands",
    "key": "workbench.cli.trust_commands", "roster": "workbench.cli.trust_commands",
    "handout": "workbench.cli.trust_commands",
}  # fmt: skip

Command = Callable[[str, str, Callable[[argparse.Namespace], int]], argparse.ArgumentParser]


class ArgumentParser(argparse.ArgumentParser):
    """argparse whose usage errors are one line on stderr and exit code 2 (never the usage block)."""

    def error(self, message: str):  # type: ignore[override]
        self.exit(EXIT_USAGE, f"{self.prog}: {message} (see {self.prog.split()[0]} --help)\n")


# Options every command shares, accepted before or after the command (`workbench --db X import F`).
# Their defaults are filled in after parsing (SUPPRESS keeps the subcommand from erasing a value given
# before it).
GLOBAL_DEFAULTS = {"db": None, "reviewer": None, "unit": ""}


def add_global_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--db", type=Path, default=argparse.SUPPRESS,
                        help="workspace file (default: the user's workspace)")
    parser.add_argument("--reviewer", default=argparse.SUPPRESS,
                        help="who is making the change (default: the OS user)")
    parser.add_argument("--unit", default=argparse.SUPPRESS, help="the reviewer's unit")


class _Retry(Exception):
    """A partial parser (see COMMANDS) met something it cannot judge alone: parse again with the full one."""


class _PartialParser(ArgumentParser):
    def error(self, message: str):  # type: ignore[override]
        raise _Retry(message)


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """The command-line parser: every command, or (`only`, a module of COMMANDS) that module's alone."""
    parser = (ArgumentParser if only is None else _PartialParser)(
        prog="workbench", description="Policy-review workbench: plan outline -> responsibility assignment. "
        "With no command (or `gui`) it opens the window.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__import__('workbench').__version__}")
    add_global_options(parser)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    def command(name: str, help_text: str, func: Callable[[argparse.Namespace], int]) -> argparse.ArgumentParser:
        """Add a subcommand with the options every command shares."""
        p = sub.add_parser(name, help=help_text, description=help_text)
        add_global_options(p)
        p.set_defaults(func=func)
        return p

    gui = sub.add_parser("gui", help="open the window (the same as no command)", description="open the window")
    add_global_options(gui)
    for module in COMMAND_MODULES if only is None else (only,):
        importlib.import_module(module).register(command)
    return parser


def _command_module(argv: Sequence[str]) -> str | None:
    """The module registering the command `argv` names, when that is plain without parsing; else None."""
    takes_value = {"--db", "--reviewer", "--unit"}
    skip = False
    for arg in argv:
        if skip:
            skip = False
        elif arg in takes_value:
            skip = True
        elif arg in ("-h", "--help", "--version"):
            return None
        elif not arg.startswith("-"):
            return COMMANDS.get(arg)
    return None


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    """Parse a command line; usage errors exit 2 with one line on stderr (SystemExit)."""
    argv = list(sys.argv[1:] if argv is None else argv)
    args = None
    module = _command_module(argv)
    if module is not None:
        try:
            args = build_parser(module).parse_args(argv)
        except _Retry:
            args = None
    if args is None:
        args = build_parser().parse_args(argv)
    for name, default in GLOBAL_DEFAULTS.items():
        if not hasattr(args, name):
            setattr(args, name, default)
    return args


def main(argv: Sequence[str] | None = None) -> int:
    try:
        args = parse_args(argv)
    except SystemExit as exc:  # --help/--version (0) or a usage error (2, already reported)
        return exc.code if isinstance(exc.code, int) else EXIT_USAGE
    if not getattr(args, "func", None):
        print("workbench: no command given (see workbench --help)", file=sys.stderr)
        return EXIT_USAGE
    return run(args)


def run(args: argparse.Namespace) -> int:
    """Run a parsed command: exit code 0, or a one-line reason on stderr and non-zero."""
    from workbench.cli.errors import run_reported  # ordinary failures -> one line, exit 1 (issue 11)

    return run_reported(_run, args)


def _run(args: argparse.Namespace) -> int:
    try:
        return args.func(args)
    finally:  # checkpoint and close: a command leaves no open connection (or -wal file) behind
        while _OPEN:
            _OPEN.pop().close()


from workbench.cli.workspace import OPEN as _OPEN  # noqa: E402


# -- helpers shared by command modules ---------------------------------------------------------------
def repository(args: argparse.Namespace, *, create: bool = True):
    """The workspace opened for writing (see cli.workspace; `read_repository` for commands that only read)."""
    from workbench.cli.workspace import writer

    return writer(args, create=create)


def read_repository(args: argparse.Namespace, *, create: bool = False):
    """The workspace opened only for reading: no write lock, nothing written."""
    from workbench.cli.workspace import reader

    return reader(args, create=create)


def select_plans(repo, selector: str | None) -> list:
    """The plans a selector (id or sha256 prefix) names; without one, every current version
    (a plan superseded by a revision is only chosen by naming it)."""
    plans = repo.plans()
    if selector is None:
        return [p for p in plans if repo.superseded_by(p.id) is None]
    by_id = [p for p in plans if str(p.id) == selector.strip()]
    if by_id:  # an id wins over a sha256 that happens to begin with the same digits
        return by_id
    chosen = [p for p in plans if selector.strip() and p.sha256.startswith(selector.strip().lower())]
    if not chosen:
        raise CliError(f"no plan matches {selector!r} (plans: {', '.join(str(p.id) for p in plans) or 'none'})")
    return chosen


