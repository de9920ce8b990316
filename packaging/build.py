"""Build the bundled application and its .deb: one command from a clean checkout.

    bash .ci/install && .venv/bin/python packaging/build.py [--dist DIR] [--no-deb]

1. renders the icon (packaging/icon.svg -> PNG, and ICO for Windows) with Qt;
2. runs PyInstaller on packaging/workbench.spec -> DIR/workbench/, the app folder
   (runs with no Python on the target: DIR/workbench/workbench);
3. checks the folder starts (`workbench --version`) and holds what the app reads;
4. on Debian-like systems packs DIR/<appid>_<version>_<arch>.deb in the UOS /
   Kylin app-store layout (packaging/deb.py).
It prints the sizes and the oldest glibc the folder runs on.  A folder built
here runs on this machine's glibc or newer only: build for UOS 20 / Kylin V10
on the oldest target (glibc 2.28).  On Windows the same command builds
dist\\workbench\\ with workbench.exe (window) and workbench-cli.exe (console).
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))  # deb.py beside this file (packaging/ is not a package: PyPI has one of that name)

from deb import build_deb, required_glibc  # noqa: E402

# What the running app reads from the bundle; a build missing any of them is refused.
REQUIRED = [
    "resources/departments.json",
    "resources/i18n/workbench_en.qm",
    "seeds/tianjin-15th-five-year-plan-outline.txt",
    "jieba/dict.txt",
]


def render_icon(out_dir: Path) -> tuple[Path, Path]:
    """icon.svg -> 256 px PNG and ICO (Qt's SVG renderer and image writers; no other tool needed)."""
    code = (
        "import sys\n"
        "from PySide6.QtCore import Qt\n"
        "from PySide6.QtGui import QGuiApplication, QImage, QPainter\n"
        "from PySide6.QtSvg import QSvgRenderer\n"
        "app = QGuiApplication(['icon'])\n"
        "image = QImage(256, 256, QImage.Format.Format_ARGB32)\n"
        "image.fill(Qt.GlobalColor.transparent)\n"
        "painter = QPainter(image)\n"
        "QSvgRenderer(sys.argv[1]).render(painter)\n"
        "painter.end()\n"
        "assert image.save(sys.argv[2]) and image.save(sys.argv[3])\n"
    )
    out_dir.mkdir(parents=True, exist_ok=True)
    png, ico = out_dir / "icon.png", out_dir / "icon.ico"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    subprocess.run([sys.executable, "-c", code, str(HERE / "icon.svg"), str(png), str(ico)], check=True, env=env)
    return png, ico


def folder_size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink())


def data_dir(app_dir: Path) -> Path:
    return app_dir / "_internal" if (app_dir / "_internal").is_dir() else app_dir


def executable(app_dir: Path) -> Path:
    return app_dir / ("workbench-cli.exe" if sys.platform == "win32" else "workbench")


def check_folder(app_dir: Path) -> str:
    """The folder holds what the app reads and starts; returns its --version line."""
    missing = [rel for rel in REQUIRED if not (data_dir(app_dir) / rel).is_file()]
    if missing:
        raise SystemExit(f"build.py: the app folder lacks {', '.join(missing)}")
    result = subprocess.run([str(executable(app_dir)), "--version"], capture_output=True, text=True, timeout=120,
                            env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    if result.returncode != 0:
        raise SystemExit(f"build.py: {executable(app_dir)} --version failed: {result.stderr.strip()}")
    return result.stdout.strip()


def build(dist: Path, *, deb: bool = True) -> dict[str, object]:
    """Build dist/workbench/ (and the .deb); returns what was built with sizes and times."""
    from workbench import __version__

    work = dist / ".build"
    started = time.perf_counter()
    png, ico = render_icon(work / "icon")
    env = {**os.environ, "WORKBENCH_ICON": str(ico)}
    subprocess.run([sys.executable, "-m", "PyInstaller", "--noconfirm", "--clean", "--log-level", "WARN",
                    "--distpath", str(dist), "--workpath", str(work / "pyinstaller"), str(HERE / "workbench.spec")],
                   check=True, cwd=ROOT, env=env)
    app_dir = dist / "workbench"
    built: dict[str, object] = {"app_dir": app_dir, "version_line": check_folder(app_dir),
                                "app_bytes": folder_size(app_dir), "build_s": time.perf_counter() - started}
    if sys.platform.startswith("linux"):
        glibc = required_glibc(app_dir)
        built["glibc"] = f"{glibc[0]}.{glibc[1]}"
    if deb and shutil.which("dpkg-deb"):
        started = time.perf_counter()
        path = build_deb(app_dir, dist, version=__version__, icon_svg=HERE / "icon.svg", icon_png=png)
        built.update(deb=path, deb_bytes=path.stat().st_size, deb_s=time.perf_counter() - started)
    return built


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Build the bundled workbench (app folder and .deb).")
    parser.add_argument("--dist", type=Path, default=ROOT / "dist", help="output directory (default: dist/)")
    parser.add_argument("--no-deb", action="store_true", help="only the app folder")
    args = parser.parse_args(argv)
    built = build(args.dist.resolve(), deb=not args.no_deb)
    print(f"app folder: {built['app_dir']}  {built['app_bytes'] / 2**20:.1f} MiB  "
          f"({built['version_line']}; built in {built['build_s']:.0f} s)")
    if "glibc" in built:
        print(f"runs on glibc {built['glibc']} or newer (the newest symbol version it asks for)")
    if "deb" in built:
        print(f".deb: {built['deb']}  {built['deb_bytes'] / 2**20:.1f} MiB  (packed in {built['deb_s']:.0f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
