"""Widgets that help the reviewer tag: explained suggestions."""
