"""Notes typed but not yet stored, kept on this computer until the workspace takes them.

One small JSON file per workspace in the data folder (`drafts/`), keyed by
plan sha256 and node key so that a draft finds its node again after a
restart.  Each draft remembers the stored note it was typed over (`base`),
so a background retry never overwrites a note someone else changed since.
Written atomically (temporary file, then rename); plain Python, no Qt.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from workbench import paths


@dataclass(frozen=True)
class Draft:
    text: str
    base: str  # the stored note when typing began
    time_utc: str


def drafts_file(workspace: Path, folder: Path | None = None) -> Path:
    resolved = str(Path(workspace).resolve())
    digest = hashlib.sha1(resolved.encode("utf-8")).hexdigest()[:16]
    return Path(folder or paths.user_data_dir() / "drafts") / f"{Path(workspace).name}.{digest}.json"


class DraftStore:
    def __init__(self, workspace: Path, folder: Path | None = None) -> None:
        self.workspace = Path(workspace)
        self.path = drafts_file(workspace, folder)
        self.error = ""  # why the last write failed, "" when it did not

    @staticmethod
    def key(plan_sha256: str, node_key: str) -> str:
        return f"{plan_sha256}|{node_key}"

    def _read(self) -> dict[str, dict]:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        notes = data.get("notes") if isinstance(data, dict) else None
        return notes if isinstance(notes, dict) else {}

    def _write(self, notes: dict[str, dict]) -> bool:
        try:
            if not notes:
                self.path.unlink(missing_ok=True)
                self.error = ""
                return True
            self.path.parent.mkdir(parents=True, exist_ok=True)
            partial = self.path.with_name(self.path.name + ".part")
            payload = {"workspace": str(self.workspace.resolve()), "notes": notes}
            partial.write_text(json.dumps(payload, ensure_ascii=False, indent=1), encoding="utf-8")
            os.replace(partial, self.path)
        except OSError as exc:
            with contextlib.suppress(OSError):
                self.path.with_name(self.path.name + ".part").unlink()
            self.error = exc.strerror or str(exc)
            return False
        self.error = ""
        return True

    def get(self, key: str) -> Draft | None:
        entry = self._read().get(key)
        if not isinstance(entry, dict) or not isinstance(entry.get("text"), str):
            return None
        return Draft(entry["text"], str(entry.get("base") or ""), str(entry.get("time_utc") or ""))

    def put(self, key: str, text: str, base: str) -> bool:
        notes = self._read()
        notes[key] = {"text": text, "base": base, "time_utc": datetime.now(timezone.utc).isoformat(timespec="seconds")}
        return self._write(notes)

    def remove(self, key: str) -> bool:
        notes = self._read()
        if key not in notes:
            return True
        del notes[key]
        return self._write(notes)

    def keys(self) -> list[str]:
        return list(self._read())
