"""The bundled CJK font is added only where the system has no font that writes Chinese."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from workbench.ui import fonts

SYSTEM_FONT = Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc")


def test_nothing_added_when_the_system_writes_chinese(qapp, tmp_path, monkeypatch):
    monkeypatch.setattr(fonts, "system_has_cjk", lambda: True)
    (tmp_path / "x.ttf").write_bytes(b"not a font")
    assert fonts.ensure_cjk_font(tmp_path) == []


def test_bundled_font_added_when_the_system_has_none(qapp, tmp_path, monkeypatch):
    if not SYSTEM_FONT.is_file():
        pytest.skip("needs fonts-wqy-microhei to stand in for the bundled font")
    shutil.copyfile(SYSTEM_FONT, tmp_path / "bundled.ttc")
    (tmp_path / "broken.ttf").write_bytes(b"not a font")  # skipped, not fatal
    monkeypatch.setattr(fonts, "system_has_cjk", lambda: False)
    added = fonts.ensure_cjk_font(tmp_path)
    assert any("WenQuanYi" in family for family in added), added
