"""Word (.docx) plans: the body as lines with locations, list numbers as a reader sees them."""
