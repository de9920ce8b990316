"""ui layer of the workbench."""
