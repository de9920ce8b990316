"""The lead reviewer's roster of trusted reviewer keys, kept in the lead's profile.

A roster entry names a key (fingerprint and public key), the reviewer's name
and unit, and whether that reviewer may resolve disputes.  The roster's owner
(the key of the profile that made it) is always trusted and may resolve.
Without a roster nobody vouches for any key: verify reports every key as "not
on a roster", merge accepts them, and disputes may be resolved only by a
reviewer who is not a party to them.
"""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass
from datetime import datetime, timezone
from pathlib import Path

from workbench import paths
from workbench.storage.errors import StoreError

ROSTER_NAME = "roster.json"


@dataclass(frozen=True)
class Member:
    fingerprint: str
    name: str
    unit: str = ""
    algorithm: str = "ed25519"
    public_key: str = ""  # base64
    resolve: bool = False
    added: str = ""


@dataclass
class Roster:
    owner: str  # fingerprint of the lead's key
    members: dict[str, Member]  # fingerprint -> member

    def trusted(self, fingerprint: str | None) -> Member | None:
        return self.members.get(fingerprint or "")

    def may_resolve(self, fingerprint: str | None) -> bool:
        member = self.trusted(fingerprint)
        return member is not None and (member.resolve or member.fingerprint == self.owner)

    def add(self, member: Member) -> None:
        stamp = member.added or datetime.now(timezone.utc).isoformat(timespec="seconds")
        self.members[member.fingerprint] = Member(**{**asdict(member), "added": stamp})

    def remove(self, fingerprint: str) -> Member:
        if fingerprint == self.owner:
            raise StoreError("the roster's owner (your own key) cannot be removed")
        member = self.members.pop(fingerprint, None)
        if member is None:
            raise StoreError(f"key {fingerprint[:16]} is not on the roster")
        return member

    def find(self, text: str) -> list[Member]:
        """Members whose name or fingerprint (prefix, spaces ignored) matches `text`."""
        wanted = text.replace(" ", "").lower()
        return [m for m in self.members.values() if m.name == text or (len(wanted) >= 8 and m.fingerprint.startswith(wanted))]


def roster_path(data_dir: Path | None = None) -> Path:
    return (data_dir or paths.user_data_dir()) / ROSTER_NAME


def load_roster(data_dir: Path | None = None) -> Roster | None:
    """The roster in the profile, or None when this profile keeps none."""
    path = roster_path(data_dir)
    if not path.exists():
        return None
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        members = {m["fingerprint"]: Member(**m) for m in data["members"]}
        return Roster(str(data["owner"]), members)
    except (ValueError, KeyError, TypeError) as exc:
        raise StoreError(f"the roster {path} cannot be read: {exc}") from exc


def save_roster(roster: Roster, data_dir: Path | None = None) -> Path:
    path = roster_path(data_dir)
    path.parent.mkdir(parents=True, exist_ok=True)
    data = {"owner": roster.owner, "members": [asdict(m) for m in sorted(roster.members.values(), key=lambda m: m.added)]}
    partial = path.with_name(path.name + ".part")
    partial.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
    os.replace(partial, path)
    return path
