"""Opening and keeping the workspace: opening dialogs, live refresh, reviewer, settings and the unit registry."""
