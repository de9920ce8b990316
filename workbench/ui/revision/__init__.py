"""The change review of a revised plan: every changed node, old and new text side by side,
its carried tags, and accept / re-tag / move actions (see review_view.py)."""
