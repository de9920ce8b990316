"""Versions of a plan in one workspace: a revised draft imported as the new version of an older one.

versions.py   which plan revises which; the old version is read-only
tags.py       a plan's tags per node key, in portable form
store.py      RevisionStore (a Repository mixin): import a revision and carry the tags, review items
merged.py     carry tags that a merge brought into an old version on into the new one
"""
