"""The backups dialog (File › 备份与恢复…) and the offer of a backup when a workspace is damaged."""

from workbench.ui.backups.dialog import BackupsDialog, install

__all__ = ["BackupsDialog", "install"]
