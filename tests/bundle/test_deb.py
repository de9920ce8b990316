"""The .deb in the UOS / Kylin app-store layout: unpacked with dpkg-deb -x, its launcher starts the app."""

from __future__ import annotations

import configparser
import json
import shutil
import subprocess
from pathlib import Path

import pytest

from workbench import __version__, paths

from .conftest import APP_ID, plain_env, require

pytestmark = pytest.mark.slow
BASE = f"opt/apps/{APP_ID}"


@pytest.fixture(scope="module")
def deb(dist) -> Path:
    require(shutil.which("dpkg-deb") is not None, "dpkg-deb")
    debs = list(dist.glob("*.deb"))
    assert len(debs) == 1, debs
    return debs[0]


def dpkg_deb(*args: str) -> str:
    return subprocess.run(["dpkg-deb", *args], capture_output=True, text=True, check=True).stdout


def test_control_and_no_maintainer_scripts(deb, tmp_path):
    arch = subprocess.run(["dpkg", "--print-architecture"], capture_output=True, text=True).stdout.strip()
    assert deb.name == f"{APP_ID}_{__version__}_{arch}.deb"
    fields = dict(line.split(": ", 1) for line in dpkg_deb("-f", str(deb)).splitlines() if ": " in line)
    assert fields["Package"] == APP_ID and fields["Version"] == __version__ and fields["Architecture"] == arch
    assert fields["Depends"].startswith("libc6 (>= 2.")
    dpkg_deb("-e", str(deb), str(tmp_path / "control"))
    assert sorted(p.name for p in (tmp_path / "control").iterdir()) == ["control"]  # no preinst/postinst/...


def test_everything_lives_under_opt_apps_appid(deb):
    # "mode owner size date time ./path" (symlinks: "./path -> target")
    entries = [line.split(maxsplit=5)[5].split(" -> ")[0] for line in dpkg_deb("-c", str(deb)).splitlines()]
    files = [e for e in entries if not e.endswith("/")]
    assert files and all(e.startswith(f"./{BASE}/") for e in files), [e for e in files if BASE not in e][:5]


def test_unpacked_layout_desktop_entry_and_launcher(deb, tmp_path):
    root = tmp_path / "root"
    subprocess.run(["dpkg-deb", "-x", str(deb), str(root)], check=True)
    base = root / BASE
    info = json.loads((base / "info").read_text(encoding="utf-8"))
    assert info["appid"] == APP_ID and info["version"] == __version__ and isinstance(info["arch"], list)
    assert isinstance(info["permissions"], dict)
    desktop = configparser.ConfigParser(interpolation=None)
    desktop.optionxform = str  # keys are case-sensitive
    desktop.read(base / "entries" / "applications" / f"{APP_ID}.desktop", encoding="utf-8")
    entry = desktop["Desktop Entry"]
    assert entry["Type"] == "Application" and entry["Name[zh_CN]"] and entry["Icon"] == APP_ID
    icons = list((base / "entries" / "icons" / "hicolor").glob(f"*/apps/{APP_ID}.*"))
    assert {p.suffix for p in icons} >= {".svg", ".png"}
    exec_path = entry["Exec"].split()[0]
    assert exec_path == f"/{BASE}/files/workbench"
    launcher = root / exec_path.lstrip("/")
    assert launcher.is_file() and launcher.stat().st_mode & 0o111
    assert (base / "files" / "_internal" / "seeds" / paths.SEED_PLAN.name).is_file()
    env = plain_env(tmp_path)
    version = subprocess.run([str(launcher), "--version"], capture_output=True, text=True, env=env, timeout=120)
    assert version.returncode == 0 and __version__ in version.stdout
    db = tmp_path / "ws.sqlite"
    imported = subprocess.run([str(launcher), "--db", str(db), "--reviewer", "王五", "import", str(paths.SEED_PLAN)],
                              capture_output=True, text=True, env=env, timeout=300)
    assert imported.returncode == 0, imported.stderr
    departments = subprocess.run([str(launcher), "--db", str(db), "departments"], capture_output=True, text=True,
                                 env=env, timeout=120)
    assert departments.returncode == 0 and "市科技局" in departments.stdout
