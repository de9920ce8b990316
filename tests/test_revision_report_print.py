"""The revision 对照表 as LibreOffice prints it: A4, body text at 10 pt or more (like every other export)."""

from __future__ import annotations

from tests.print_checks import MIN_CJK_BOX, needs_renderer, numbered, pdf_pages, render_pdf
from workbench.cli import main

_OLD = """某市规划纲要

第一章 科技创新

第一节 建设创新平台

加快建设国家级实验室，支持高校和科研院所开展基础研究，推动重大科技基础设施布局。

强化企业创新主体地位，支持龙头企业牵头组建创新联合体，提高研发投入强度。

第二节 培育创新人才

深化职业教育改革，培养高技能人才队伍。
"""
_NEW = _OLD.replace("国家级实验室", "国家级实验室和省级重点实验室").replace(
    "强化企业创新主体地位，", "强化企业创新主体地位。\n\n").replace("深化职业教育改革，培养高技能人才队伍。", "")


@needs_renderer
def test_revision_report_prints_on_a4_at_ten_points(tmp_path, capsys):
    """It once printed on the renderer's default paper (Letter here) and, fitted to its width, at about 6 pt."""
    old, new, db = tmp_path / "v1.txt", tmp_path / "v2.txt", tmp_path / "ws.sqlite"
    old.write_text(_OLD, encoding="utf-8")
    new.write_text(_NEW, encoding="utf-8")
    base = ["--db", str(db), "--reviewer", "张三"]
    assert main(["import", str(old), *base]) == 0
    for node, unit in (("ch01/s01/p01", "市科技局"), ("ch01/s01/p02", "市工业和信息化局"), ("ch01/s02/p01", "市教委")):
        assert main(["assign", node, unit, *base]) == 0
    assert main(["import", str(new), "--revision-of", "1", *base]) == 0
    report = tmp_path / "对照表.xlsx"
    assert main(["revision", "report", "--plan", "2", "-o", str(report), *base]) == 0
    capsys.readouterr()
    pages = pdf_pages(render_pdf(report, tmp_path / "pdf"))
    first = pages[0]
    assert (round(first.width), round(first.height)) == (842, 595)  # A4 landscape
    assert "国家级实验室和省级重点实验室" in first.text().replace(" ", "") or "省级重点实验室" in first.text()
    body = [w for w in first.words if w.y0 > 50 and any("\u4e00" <= ch <= "\u9fff" for ch in w.text)]
    assert body and min(w.height for w in body) >= MIN_CJK_BOX, min((w.height, w.text) for w in body)
    assert numbered(first, len(pages)) or "第 1 页" in first.text()
