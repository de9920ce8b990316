"""Backups that protect what matters (issue 11).

- catalog.py: the copies beside a workspace, what each was taken before, and the newest good one;
- taking.py: taking a copy (before a merge, a plan import, a 任务分工 import, a restore; once a day)
  and the retention policy (all of those kept, dailies for a week, a total size cap);
- restore.py: putting a copy back, the current file itself copied first;
- background.py: the window's daily copy, of the state at opening, taken on a thread.

No copy is taken before ordinary small commands: a full copy of a large workspace costs seconds.
"""

from workbench.storage.backups.background import DailyBackup
from workbench.storage.backups.catalog import Backup, list_backups, newest_good
from workbench.storage.backups.restore import restore_backup
from workbench.storage.backups.taking import backup_before, daily_backup, take_backup

__all__ = ["Backup", "DailyBackup", "backup_before", "daily_backup", "list_backups", "newest_good", "restore_backup", "take_backup"]
