"""Print layouts of the liaison workbooks and the Word 分工方案 (no Qt, no SQL)."""
