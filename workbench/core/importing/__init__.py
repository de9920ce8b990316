"""core/importing layer of the workbench."""
