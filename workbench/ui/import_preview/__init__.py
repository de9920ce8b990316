"""The import preview (File › 导入规划): the detected tree beside the source, warnings linked to
their lines, and the reviewer's corrections; nothing is written until the reviewer confirms."""
