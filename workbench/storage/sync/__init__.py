"""Workspaces that travel: merging another reviewer's file, copying its rows, and the identity of a workspace."""
