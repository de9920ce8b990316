"""The command line parses a known command with that command's module alone, and falls back to the full parser."""

from __future__ import annotations

import pytest

from workbench import cli


def _choices(parser) -> dict:
    return parser._subparsers._group_actions[0].choices


def test_every_command_is_mapped_to_the_module_that_registers_it() -> None:
    full = set(_choices(cli.build_parser())) - {"gui"}
    assert set(cli.COMMANDS) == full
    for name, module in cli.COMMANDS.items():
        assert name in _choices(cli.build_parser(module))


@pytest.mark.parametrize("argv, command", [
    (["tree", "--db", "x.sqlite"], "tree"),
    (["--db", "tree", "departments"], "departments"),  # a workspace file named like a command
    (["--reviewer", "assign", "--unit", "export", "export", "all", "-o", "o.xlsx"], "export"),
    (["--rev", "张三", "tree"], "tree"),  # an abbreviated option: the full parser decides
])  # fmt: skip
def test_the_same_namespace_as_the_full_parser(argv: list[str], command: str) -> None:
    args = cli.parse_args(argv)
    assert args.command == command
    full = vars(cli.build_parser().parse_args(argv))
    full = {**cli.GLOBAL_DEFAULTS, **full}
    assert {k: v for k, v in vars(args).items() if k != "func"} == {k: v for k, v in full.items() if k != "func"}
    assert args.func is full["func"]


def test_a_usage_error_is_reported_by_the_full_parser(capsys) -> None:
    with pytest.raises(SystemExit) as info:
        cli.parse_args(["--un", "assign", "export", "everything"])  # abbreviated --unit takes "assign"
    assert info.value.code == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "'everything'" in err and "'export'" not in err
