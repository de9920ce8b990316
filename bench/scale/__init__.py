"""The rows of bench_scale.py (issue 14's actions on a city's whole set of plans), one module per kind.

    workspace.py     the cached workspace: scratch copies, opening, the untimed upgrade, its one-line summary
    measure.py       what every row measures with: peak memory, percentiles, a child process's environment
                     and a timed `workbench` command
    gui_rows.py      keys, nav, start: the real window, and the process start
    storage_rows.py  search, merge, conflicts, verify: the storage API in-process
    cli_rows.py      tree, cli, export: `workbench` commands as processes
    table.py         the rows run one process each, and the printed table

bench/bench_scale.py stays the entry point; it puts bench/ on sys.path, so these import as `scale.*`.
"""
