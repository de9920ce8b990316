"""Tagging in the window: the tag state every view derives (tag_state) and explained suggestions."""
