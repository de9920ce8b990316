"""Refresh resources/i18n/workbench_en.ts from the sources and compile the .qm.

    python resources/i18n/update_translations.py

1. pyside6-lupdate collects every self.tr()/translate() string of workbench/
   (Simplified Chinese source text) into the .ts file;
2. English comes from resources/i18n/translations_en.py ("Context|source" keys win
   over plain "source" keys);
3. pyside6-lrelease compiles resources/i18n/workbench_en.qm.
Prints the strings still untranslated (and exits 1 if there are any).
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "resources" / "i18n" / "workbench_en.ts"
QM = TS.with_suffix(".qm")
sys.path.insert(0, str(Path(__file__).resolve().parent))
from translations_en import EN  # noqa: E402


def main() -> int:
    sources = sorted(str(p.relative_to(ROOT)) for p in (ROOT / "workbench" / "ui").rglob("*.py")) + ["workbench/app.py"]
    lupdate = shutil.which("pyside6-lupdate")
    if lupdate:
        subprocess.run([lupdate, *sources, "-no-obsolete", "-source-language", "zh_CN", "-target-language", "en", "-ts", str(TS)],
                       cwd=ROOT, check=True)  # fmt: skip
    tree = ET.parse(TS)
    missing = []
    for context in tree.getroot().iter("context"):
        for message in context.iter("message"):
            source = message.findtext("source") or ""
            translation = message.find("translation")
            if translation is None:
                translation = ET.SubElement(message, "translation")
            english = EN.get(f"{context.findtext('name')}|{source}", EN.get(source))
            if english is not None:
                translation.text = english
                translation.attrib.pop("type", None)
            elif translation.get("type") == "unfinished" or not translation.text:
                missing.append(f"{context.findtext('name')}: {source}")
    tree.write(TS, encoding="utf-8", xml_declaration=True)
    with TS.open("r+", encoding="utf-8") as handle:  # keep the doctype lupdate wrote
        text = handle.read()
        if "<!DOCTYPE TS>" not in text:
            text = text.replace("?>\n", "?>\n<!DOCTYPE TS>\n", 1)
            handle.seek(0)
            handle.write(text)
            handle.truncate()
    subprocess.run([shutil.which("pyside6-lrelease") or "lrelease", str(TS), "-qm", str(QM)], check=True)
    for line in missing:
        print("untranslated:", line)
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
