"""core layer of the workbench."""
