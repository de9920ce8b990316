"""The liaison round trip: what an edited 任务分工 sheet would change (no Qt, no SQL)."""
