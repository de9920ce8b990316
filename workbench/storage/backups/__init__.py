"""Backups that protect what matters (issue 11).

- catalog.py: the copies beside a workspace, what each was taken before, and the newest good one;
- taking.py: taking a copy (before a merge, a plan import, a 任务分工 import, a restore; once a day)
  and the retention policy (all of those kept, dailies for a week, a total size cap);
- restore.py: putting a copy back, the current file itself copied first;
- background.py: the window's daily copy, of the state at opening, taken on a thread.

No copy is taken before ordinary small commands: a full copy of a large workspace costs seconds.
"""

from workbench.storage.lazy_names import lazy_names

# name -> the module holding it, imported on first use: the daily check every writing command makes
# needs taking.py alone, not the window's thread (background.py) or restoring (restore.py).
_WHERE = {
    "DailyBackup": "background", "Backup": "catalog", "list_backups": "catalog", "newest_good": "catalog",
    "restore_backup": "restore", "backup_before": "taking", "daily_backup": "taking", "take_backup": "taking",
}  # fmt: skip

__all__ = ["Backup", "DailyBackup", "backup_before", "daily_backup", "list_backups", "newest_good", "restore_backup", "take_backup"]

__getattr__ = lazy_names(__name__, {name: f"{__name__}.{module}" for name, module in _WHERE.items()})
