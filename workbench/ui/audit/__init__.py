"""The audit views: the event log, agreement between reviewers, a node's history."""
