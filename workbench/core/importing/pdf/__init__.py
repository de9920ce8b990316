"""PDF plans: text with its layout (pdfplumber) -> the lines the outline builder reads."""
