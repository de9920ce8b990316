"""Tagging a clause: the annotation pane, its pickers and lists, the annotator and its undoable commands."""
