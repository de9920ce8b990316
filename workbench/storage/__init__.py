"""storage layer of the workbench."""
