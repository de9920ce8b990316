"""The merge-conflicts view's parts: a model that reads conflicts a page at a time (model.py)."""
