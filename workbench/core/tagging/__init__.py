"""Helping the reviewer tag: pinyin lookup of departments, explained suggestions."""
