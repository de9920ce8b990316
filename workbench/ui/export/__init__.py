"""Writing papers from the window: the export dialogs and the check that refuses a workspace whose state does not match its events."""
