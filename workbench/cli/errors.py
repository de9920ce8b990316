"""Ordinary failures as one plain line: what went wrong, with what, and what to do.

A reviewer's machine misbehaves in ordinary ways: the disk is full, another
program holds the workspace's write lock, the file or the USB stick is
read-only, a folder was given instead of the file, the workspace is damaged
(and a good backup sits in backups/), a department name carries Word's soft
line break.  Each ends in one line on stderr and exit code 1, never a
traceback; the storage layer has already made sure that nothing was written,
and the command runs inside a private temporary folder (core.scratch) that
is removed at the end, so that nothing is left behind either.

A failure nobody foresaw still prints one line; its traceback goes to
`errors.log` in the data folder (WORKBENCH_DEBUG=1 shows it instead).
"""

from __future__ import annotations

import argparse
import errno
import os
import sqlite3
import sys
import traceback
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

EXIT_ERROR = 1
EXIT_INTERRUPTED = 130
EXIT_BROKEN_PIPE = 141  # 128 + SIGPIPE
FULL_ERRNOS = {errno.ENOSPC, errno.EFBIG, getattr(errno, "EDQUOT", errno.ENOSPC)}


def run_reported(run: Callable[[argparse.Namespace], int], args: argparse.Namespace) -> int:
    """Run a command; turn every failure into one line on stderr and a non-zero exit code."""
    from workbench.core.scratch import private_tempdir

    previous_hook = sys.unraisablehook
    # A writer abandoned by a failure (openpyxl's ZipFile on a full disk) complains again when it is
    # collected; that second complaint is the same failure, so it goes to the log, not the screen.
    sys.unraisablehook = _log_unraisable
    failed = True
    try:
        with private_tempdir():
            code = run(args)
            failed = False
            return code
    except KeyboardInterrupt:
        print("workbench: interrupted; the command's writes were not committed", file=sys.stderr)
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        return _reader_gone()
    except Exception as exc:  # noqa: BLE001 - every failure becomes one line
        if os.environ.get("WORKBENCH_DEBUG"):
            raise
        line = describe(exc, args)
        if line is None:
            line = _unexpected(exc)
        print("workbench: " + " ".join(line.split()), file=sys.stderr)
        return EXIT_ERROR
    finally:
        if failed:
            import gc

            gc.collect()  # the failed writer's frames go now, while the quiet hook is in place
        sys.unraisablehook = previous_hook


def _reader_gone() -> int:
    """The program reading our output stopped (`workbench tree | head`): end quietly, as a Unix tool does.

    Later output (and the flush at exit) goes to the null device, so no second
    "Broken pipe" follows; the exit code is the shell's for a process ended by SIGPIPE.
    """
    try:
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, sys.stdout.fileno())
    except (OSError, ValueError):
        pass
    return EXIT_BROKEN_PIPE


def _log_unraisable(info) -> None:
    from workbench import paths

    try:
        log = paths.user_data_dir() / "errors.log"
        log.parent.mkdir(parents=True, exist_ok=True)
        with log.open("a", encoding="utf-8") as handle:
            handle.write(f"--- {datetime.now().isoformat(timespec='seconds')} ignored in {info.object!r}\n")
            handle.write("".join(traceback.format_exception(info.exc_type, info.exc_value, info.exc_traceback)))
    except OSError:
        pass


def describe(exc: BaseException, args: argparse.Namespace) -> str | None:
    """The one-line message for an ordinary failure, or None for an unexpected one."""
    from workbench.storage.errors import WorkspaceDamaged

    workspace = _workspace(args)
    if isinstance(exc, WorkspaceDamaged):
        return str(exc) + backup_offer(Path(exc.path or workspace))
    if isinstance(exc, sqlite3.Error):
        return _sqlite(exc, workspace)
    if isinstance(exc, OSError):
        return _os_error(exc, getattr(args, "output", None) or getattr(args, "each_into", None))
    if isinstance(exc, ValueError) or type(exc).__name__ == "CliError":
        return str(exc)  # PlanImportError, WorkspaceError, StoreError, RegistryError, CliError: already one line
    if type(exc).__module__.startswith("lxml"):
        target = getattr(args, "output", None) or getattr(args, "each_into", None)
        if target is not None and (_nearly_full(Path(target)) or _file_size_limited()):
            return f"{target}: the disk is full; nothing was written there (free some space and try again)"
        return f"{target or 'the output'} could not be written ({exc})"
    return None


def _sqlite(exc: sqlite3.Error, workspace: Path) -> str:
    text = str(exc)
    from workbench.storage.files.busy import is_busy

    if is_busy(exc):
        from workbench.storage.files.database import BUSY_TIMEOUT_MS
        from workbench.storage.files.locks import lock_holder

        holder = lock_holder(workspace) or "another program"
        return (f"{workspace} is locked by {holder}; gave up after waiting {BUSY_TIMEOUT_MS // 1000} s; "
                "nothing was written: try again when it has finished")
    if "full" in text or ("I/O error" in text and (_nearly_full(workspace) or _file_size_limited())):
        return f"the disk holding {workspace} is full; nothing was written (free some space and try again)"
    if "readonly" in text or "read-only" in text:
        return f"{workspace} is read-only (the file or the medium); nothing was written"
    if "no such table" in text or "malformed" in text or "not a database" in text:
        from workbench.storage.checks.stamp import forget

        forget(workspace)  # the next open runs the full check (and refuses the file)
        return f"{workspace} is damaged ({text})" + backup_offer(workspace)
    if "unable to open" in text:
        return f"{workspace} cannot be opened: its folder cannot be written or the file has gone"
    return f"{workspace}: {text}"


def _os_error(exc: OSError, output: object = None) -> str:
    name = str(exc.filename or output or "")
    if exc.errno in FULL_ERRNOS:
        return f"{name or 'the output'}: the disk is full; nothing was written there (free some space and try again)"
    if exc.errno == errno.EROFS:
        return f"{name}: the medium is read-only; nothing was written"
    if exc.errno in (errno.EACCES, errno.EPERM):
        return f"{name}: permission denied"
    if exc.errno == errno.EISDIR:
        return f"{name} is a folder; give a file name"
    return f"{name} {exc.strerror or exc}".strip()


def _file_size_limited() -> bool:
    """True when this process may not grow files (RLIMIT_FSIZE): to SQLite that is a full disk."""
    try:
        import resource
    except ImportError:  # Windows
        return False
    soft, _ = resource.getrlimit(resource.RLIMIT_FSIZE)
    return soft != resource.RLIM_INFINITY


def _nearly_full(path: Path) -> bool:
    """True when the file system holding `path` has (almost) no room left."""
    import shutil

    folder = path if path.is_dir() else path.parent
    try:
        usage = shutil.disk_usage(folder)
    except OSError:
        return False
    return usage.free < max(1 << 20, usage.total // 1000)


def backup_offer(workspace: Path) -> str:
    """'; the newest good backup is …: restore it with `workbench backup restore 3`', or ''."""
    try:
        from workbench.storage.backups.catalog import newest_good
    except ImportError:
        return ""
    try:
        found = newest_good(workspace)
    except (OSError, ValueError, sqlite3.Error):
        return ""
    if found is None:
        return "; there is no backup of it in backups/"
    return (f"; the newest good backup is {found.path} ({found.describe()}): "
            f"restore it with `workbench backup restore {found.number} --db {workspace}`")


def _workspace(args: argparse.Namespace) -> Path:
    from workbench import paths

    return Path(getattr(args, "db", None) or paths.default_workspace())


def _unexpected(exc: BaseException) -> str:
    from workbench import paths

    summary = f"unexpected error: {type(exc).__name__}: {exc}"
    try:
        log = paths.user_data_dir() / "errors.log"
        log.parent.mkdir(parents=True, exist_ok=True)
        with log.open("a", encoding="utf-8") as handle:
            handle.write(f"--- {datetime.now().isoformat(timespec='seconds')} {' '.join(sys.argv)}\n")
            handle.write("".join(traceback.format_exception(exc)))
        return f"{summary} (details in {log})"
    except OSError:
        return summary
