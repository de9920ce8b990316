"""Reading large tables a page at a time, filtered and sorted by SQLite."""
