"""The app folder as a .deb in the UOS / Kylin app-store layout, packed with dpkg-deb.

    /opt/apps/<appid>/info                                   JSON: appid, name, version, arch, permissions
    /opt/apps/<appid>/files/                                 the PyInstaller folder (files/workbench starts it)
    /opt/apps/<appid>/entries/applications/<appid>.desktop   the menu entry
    /opt/apps/<appid>/entries/icons/hicolor/.../<appid>.*    the icon (SVG and 256 px PNG)

Nothing is installed outside /opt/apps/<appid>/ and there are no maintainer
scripts (the stores refuse packages that change the system); the desktop
environment links entries/ itself.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import tempfile
from pathlib import Path

APP_ID = "org.policyreview.workbench"
NAME_EN = "Policy-review Workbench"
NAME_ZH = "规划纲要任务分工工作台"
COMMENT_EN = "Turn a five-year plan outline into a responsibility assignment"
COMMENT_ZH = "把规划纲要分解为任务分工方案（牵头单位、责任单位）"
# Libraries Qt's xcb platform plugin loads from the system (the bundle carries Qt itself).
SYSTEM_LIBRARIES = ["libgl1", "libegl1", "libfontconfig1", "libdbus-1-3", "libxkbcommon-x11-0", "libxcb-cursor0",
                    "libxcb-icccm4", "libxcb-keysyms1", "libxcb-image0", "libxcb-render-util0", "libxcb-shape0",
                    "libxcb-randr0", "libxcb-xkb1", "libxcb-xinerama0"]

_GLIBC = re.compile(rb"GLIBC_(\d+)\.(\d+)(?:\.(\d+))?\x00")


def required_glibc(app_dir: Path) -> tuple[int, int]:
    """The newest GLIBC_x.y symbol version any ELF file in the folder asks for: the oldest glibc it runs on."""
    newest = (2, 17)
    for path in app_dir.rglob("*"):
        if not path.is_file() or path.is_symlink():
            continue
        with path.open("rb") as handle:
            if handle.read(4) != b"\x7fELF":
                continue
            data = handle.read()
        for match in _GLIBC.finditer(data):
            newest = max(newest, (int(match.group(1)), int(match.group(2))))
    return newest


def debian_arch() -> str:
    return subprocess.run(["dpkg", "--print-architecture"], capture_output=True, text=True, check=True).stdout.strip()


def desktop_entry(app_id: str) -> str:
    return "\n".join([
        "[Desktop Entry]",
        "Type=Application",
        f"Name={NAME_EN}",
        f"Name[zh_CN]={NAME_ZH}",
        f"Comment={COMMENT_EN}",
        f"Comment[zh_CN]={COMMENT_ZH}",
        f"Exec=/opt/apps/{app_id}/files/workbench",  # no %F: the window takes no file arguments
        f"Icon={app_id}",
        "Terminal=false",
        "Categories=Office;",
        "StartupWMClass=workbench",
        "",
    ])  # fmt: skip


def build_deb(app_dir: Path, out_dir: Path, *, version: str, icon_svg: Path, icon_png: Path | None,
              app_id: str = APP_ID, arch: str | None = None) -> Path:
    """Pack app_dir (the PyInstaller folder) into out_dir/<appid>_<version>_<arch>.deb; returns its path."""
    arch = arch or debian_arch()
    glibc = required_glibc(app_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="workbench-deb-") as tmp:
        root = Path(tmp) / "root"
        base = root / "opt" / "apps" / app_id
        shutil.copytree(app_dir, base / "files", symlinks=True)
        (base / "entries" / "applications").mkdir(parents=True)
        (base / "entries" / "applications" / f"{app_id}.desktop").write_text(desktop_entry(app_id), encoding="utf-8")
        icons = base / "entries" / "icons" / "hicolor"
        (icons / "scalable" / "apps").mkdir(parents=True)
        shutil.copyfile(icon_svg, icons / "scalable" / "apps" / f"{app_id}.svg")
        if icon_png is not None:
            (icons / "256x256" / "apps").mkdir(parents=True)
            shutil.copyfile(icon_png, icons / "256x256" / "apps" / f"{app_id}.png")
        info = {
            "appid": app_id, "name": NAME_ZH, "version": version, "arch": [arch],
            "permissions": {"autostart": False, "notification": False, "trayicon": False, "clipboard": True,
                            "account": False, "bluetooth": False, "camera": False, "audio_record": False,
                            "installed_apps": False},
        }  # fmt: skip
        (base / "info").write_text(json.dumps(info, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        size_kb = sum(p.stat().st_size for p in root.rglob("*") if p.is_file() and not p.is_symlink()) // 1024
        control = root / "DEBIAN"
        control.mkdir()
        depends = ", ".join([f"libc6 (>= {glibc[0]}.{glibc[1]})", *SYSTEM_LIBRARIES])
        (control / "control").write_text("\n".join([
            f"Package: {app_id}",
            f"Version: {version}",
            f"Architecture: {arch}",
            "Maintainer: Policy-review workbench team <workbench@example.invalid>",
            f"Installed-Size: {size_kb}",
            f"Depends: {depends}",
            "Section: office",
            "Priority: optional",
            f"Description: {NAME_ZH} / {NAME_EN}",
            f" {COMMENT_EN}: an offline desktop tool for plan reviewers (self-contained, no Python needed).",
            f" Built against glibc {glibc[0]}.{glibc[1]}.",
            "",
        ]), encoding="utf-8")  # fmt: skip
        for path in [root, *root.rglob("*")]:  # dpkg-deb wants sane permissions whatever the umask
            if path.is_dir():
                path.chmod(0o755)
        deb = out_dir / f"{app_id}_{version}_{arch}.deb"
        env = {**os.environ, "SOURCE_DATE_EPOCH": os.environ.get("SOURCE_DATE_EPOCH", "1767225600")}
        # xz preset 1: 57 MiB in 30 s here, against 51 MiB in 3.5 min at the default preset 6.
        subprocess.run(["dpkg-deb", "--root-owner-group", "-Zxz", "-z1", "--threads-max=2", "--build", str(root),
                        str(deb)], check=True, env=env, stdout=subprocess.DEVNULL)
    return deb
