"""Render workbooks and Word files with LibreOffice headless and measure the PDF (`pdftotext -bbox`).

CJK word boxes are about 1.3 times the font size (a 10 pt cell gives 13 pt boxes), so "printed at
10 pt or more" is "every CJK word box at least 13 pt high".
"""

from __future__ import annotations

import html
import re
import shutil
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

import pytest

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
needs_renderer = pytest.mark.skipif(not (SOFFICE and shutil.which("pdftotext")),
                                    reason="LibreOffice and poppler-utils are not installed")
CJK = re.compile(r"[\u4e00-\u9fff]")
MIN_CJK_BOX = 13.0  # 10 pt


@dataclass
class Word:
    x0: float
    y0: float
    x1: float
    y1: float
    text: str

    @property
    def height(self) -> float:
        return self.y1 - self.y0


@dataclass
class Page:
    number: int
    width: float
    height: float
    words: list[Word] = field(default_factory=list)

    def text(self) -> str:
        return " ".join(w.text for w in self.words)

    def column_text(self, x0: float, x1: float) -> str:
        """The words starting between x0 and x1, top to bottom, joined without spaces."""
        inside = sorted((w for w in self.words if x0 - 1 <= w.x0 < x1), key=lambda w: (round(w.y0), w.x0))
        return "".join(w.text for w in inside)


def render_pdf(source: Path, outdir: Path) -> Path:
    outdir.mkdir(parents=True, exist_ok=True)
    # A profile of its own: a LibreOffice already running (another test run, a desktop session) is not joined.
    profile = (outdir / ".lo-profile").resolve().as_uri()
    result = subprocess.run([SOFFICE, f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf",
                             "--outdir", str(outdir), str(source)], capture_output=True, text=True, timeout=240)
    pdf = outdir / (source.stem + ".pdf")
    assert result.returncode == 0 and pdf.exists(), result.stdout + result.stderr
    return pdf


def pdf_pages(pdf: Path) -> list[Page]:
    xml = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    pages = []
    for n, match in enumerate(re.finditer(r'<page width="([\d.]+)" height="([\d.]+)">(.*?)</page>', xml, re.S), 1):
        page = Page(n, float(match.group(1)), float(match.group(2)))
        for w in re.finditer(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</word>',
                             match.group(3)):
            page.words.append(Word(*(float(w.group(i)) for i in range(1, 5)), html.unescape(w.group(5))))
        pages.append(page)
    return pages


def smallest_cjk_box(pages: list[Page]) -> tuple[float, str]:
    boxes = [(w.height, f"page {p.number}: {w.text}") for p in pages for w in p.words if CJK.search(w.text)]
    return min(boxes)


def numbered(page: Page, total: int) -> bool:
    """The workbooks' footer: 第 N 页 共 M 页."""
    return re.search(rf"第\s*{page.number}\s*页\s*共\s*{total}\s*页", page.text()) is not None


def dash_numbered(page: Page, total: int) -> bool:
    """A 公文's footer (GB/T 9704): — N —."""
    return re.search(rf"—\s*{page.number}\s*—", page.text()) is not None


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text)
