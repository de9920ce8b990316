"""The composition root of the GUI: store, session, window, wired together.

`run_gui(argv)` is what `workbench` with no arguments runs: a QApplication
with the data directory's QSettings (open_settings) and the chosen language, the default
workspace (paths.default_workspace(), which honours WORKBENCH_DATA_DIR) or
`--db PATH`, the shipped plan imported on first run (parsed in a worker,
behind a progress dialog), and the first-start reviewer dialog.

`build_main_window(repo, settings)` builds the same window around an open
repository; tests and the screenshot script use it directly.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from workbench import paths

ORGANISATION = "policy-review-workbench"
APPLICATION = "workbench"


def _os_user() -> str:
    try:
        return os.environ.get("WORKBENCH_REVIEWER") or getpass.getuser()
    except (KeyError, OSError):
        return "unknown"


def build_main_window(repo, settings, *, path: Path | None = None, backend=None, start_workers: bool = True,
                      features: bool = True):
    """A MainWindow over an open Repository (GUI thread), with the last node selected.

    `features` plugs in export, division import, merge and the audit views.
    """
    from workbench.ui import background
    from workbench.ui.window import integrations
    from workbench.ui.window.main_window import MainWindow
    from workbench.ui.window.paint_threads import paint_on_gui_thread
    from workbench.ui.session import Session

    paint_on_gui_thread()  # for callers that made their own QApplication (tests, benchmarks): before the first paint
    session = Session(repo, path=path)
    session.load()
    window = MainWindow(session, settings, backend=backend)
    if features:
        integrations.install(window)
    window.restore_last_node()
    if start_workers:
        background.start_segmenter(window)
    return window


def _first_start(window, *, ask: bool) -> None:
    """Ask who is reviewing (first start), then import the shipped plan if the workspace has none.

    The import waits for the answer so that its event names the reviewer.
    """
    from workbench.ui import background
    from workbench.ui.window import main_actions

    def import_seed() -> None:
        if not window.session.plan_ids:
            background.import_plan_file(window, paths.SEED_PLAN, first_run=True)

    if ask:
        main_actions.ask_reviewer(window, first_start=True, on_named=import_seed)
    else:
        import_seed()


def _exit_when_ready(window) -> None:
    """WORKBENCH_EXIT_WHEN_READY=1: print READY and quit once the window shows a plan (start-up
    benchmarks and smoke tests of the bundled app, which cannot be handed a callback)."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    if window.isVisible() and window.tree_model.rowCount() > 0 and window.current_node_id is not None:
        print("READY", flush=True)
        window.close()
        QApplication.quit()
    else:
        QTimer.singleShot(5, lambda: _exit_when_ready(window))


def open_settings():
    """The QSettings of this data directory (paths.settings_file()) or the platform's per-user ones."""
    from PySide6.QtCore import QSettings

    path = paths.settings_file()
    if path is None:
        return QSettings(ORGANISATION, APPLICATION)
    path.parent.mkdir(parents=True, exist_ok=True)
    return QSettings(str(path), QSettings.Format.IniFormat)


def _parse_args(argv: Sequence[str]) -> tuple[argparse.Namespace, list[str]]:
    parser = argparse.ArgumentParser(prog="workbench", description="Open the reviewer's workbench.")
    parser.add_argument("--db", type=Path, default=None, help="workspace file (default: the user's workspace)")
    return parser.parse_known_args(list(argv))


def run_gui(argv: Sequence[str] = (), *, on_ready: Callable[[object], None] | None = None) -> int:
    """Run the GUI until the window closes; returns the exit code.

    `on_ready(window)` is called once the window is shown with its tree
    populated and the event loop is running (the start-up benchmark uses it).
    """
    args, qt_args = _parse_args(argv)
    if on_ready is None and os.environ.get("WORKBENCH_EXIT_WHEN_READY"):
        on_ready = _exit_when_ready
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox

    from workbench.storage.audit.audit import Reviewer
    from workbench.storage.backups import DailyBackup
    from workbench.storage.repository import Repository
    from workbench.ui.workspace.workspace_open import apply_read_only, install_excepthook, open_for_gui
    from workbench.ui import i18n
    from workbench.ui.workspace.reviewer_dialog import stored_reviewer
    from workbench.ui.window.paint_threads import paint_on_gui_thread

    paint_on_gui_thread()  # before anything is painted (see paint_threads.py)
    app = QApplication.instance() or QApplication([sys.argv[0], *qt_args])
    app.setOrganizationName(ORGANISATION)
    app.setApplicationName(APPLICATION)
    settings = open_settings()
    translators = i18n.install(app, i18n.language(settings))  # noqa: F841 - kept alive until exit
    from workbench.ui.fonts import ensure_cjk_font

    ensure_cjk_font()  # the bundled CJK font, only where the system has none

    path = args.db or paths.default_workspace()
    known = stored_reviewer(settings)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        existed = path.is_file() and path.stat().st_size > 0
    except OSError as exc:
        QMessageBox.critical(None, app.translate("App", "无法打开工作区"), f"{path}: {exc.strerror or exc}")
        print(f"workbench: {path}: {exc.strerror or exc}", file=sys.stderr)
        return 1
    # refuses a damaged or foreign file before anything is written; read-only, locked and damaged
    # workspaces get their own dialogs (ui/workspace/workspace_open.py)
    from workbench.storage.signing.profile import use_signer
    from workbench.ui.signing.unlock import unlock_profile_key

    signer = unlock_profile_key()  # asks for the passphrase of a protected signing key
    if signer is None:
        print("workbench: the signing key was not unlocked", file=sys.stderr)
        return 1
    use_signer(signer)  # every connection of this process signs with it
    opened = open_for_gui(path, known or Reviewer(_os_user(), ""))
    if opened is None:
        print(f"workbench: {path} was not opened", file=sys.stderr)
        return 1
    db = opened.db
    backup_problem: BaseException | None = None
    daily = None
    if existed and not opened.read_only:
        try:  # once a day: the state before the day's first write, copied on a thread
            daily = DailyBackup.pin(path)
        except Exception as exc:  # noqa: BLE001 - a full disk: work on, but say so
            backup_problem = exc
    repo = Repository(db, known or Reviewer(_os_user(), ""))
    window = None
    previous_hook = install_excepthook()  # an unexpected error shows a dialog; the window never vanishes silently
    try:
        window = build_main_window(repo, settings, path=path)
        if known is None:  # the OS user is only a placeholder until the first-start dialog is answered
            window.status.show_reviewer(None)
        if opened.read_only:
            apply_read_only(window, opened.read_only)
        window.show()
        def backup_failed(problem: BaseException) -> None:  # in the words a write's failure gets (a full disk...)
            reason = window.session.describe_failure(problem)
            window.status.showMessage(app.translate("App", "今日备份未能完成：%1").replace("%1", reason), 15000)

        if backup_problem is not None:
            backup_failed(backup_problem)
        if daily is not None:
            daily.start()
            watch = QTimer(window)

            def check_backup() -> None:
                if daily.done():
                    watch.stop()
                    if daily.error is not None:
                        backup_failed(daily.error)

            watch.timeout.connect(check_backup)
            watch.start(500)
        if not opened.read_only:
            QTimer.singleShot(0, lambda: _first_start(window, ask=known is None))
        if on_ready is not None:
            QTimer.singleShot(0, lambda: on_ready(window))
        from workbench.core.scratch import private_tempdir

        with private_tempdir():  # export temp files live and die with this process (swept if it is killed)
            return app.exec()
    finally:
        if window is not None:
            # Work that ended as the window closed delivers its result now, while the workspace is
            # still open (never into a later event loop on a closed one); nothing new starts.
            window.pool.shutdown()
            app.sendPostedEvents()
            app.processEvents()
        if daily is not None:
            daily.wait()  # a copy cut short would be swept as a `.part`; finishing it keeps today's copy
        db.close()
        sys.excepthook = previous_hook
