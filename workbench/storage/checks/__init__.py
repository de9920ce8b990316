"""Open-time checks of a workspace file, and the stamp that lets an unchanged file skip the slow one."""
