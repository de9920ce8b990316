"""The plan tree's supporting parts: incremental coverage counts, clause navigation."""
