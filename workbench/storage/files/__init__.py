"""The workspace file: opening, schema migrations, read-only sources, locks, live refresh and backups on open."""
