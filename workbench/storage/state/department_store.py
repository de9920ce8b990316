"""The workspace's own copy of the department registry, and its audited edits.

The registry file is copied in when a workspace is created; from then on users
add, rename (the old name becomes an alias) and retire departments here.
Nothing is ever deleted, so assignments always keep their department.

Departments are named in events by `uid`, which is stable across workspaces:
for registry entries a hash of the registry name ("reg-" + sha1(name)[:12]),
so every reviewer's workspace agrees; for departments users add, a uuid4.
"""

from __future__ import annotations

import hashlib
import json
import uuid
from collections.abc import Iterable, Sequence
from typing import Any

from workbench.core.departments import KIND_ORDER, Department, official_order

from workbench.storage.errors import StoreError
from workbench.storage.state.records import Changes
from workbench.storage.state.store_base import StoreBase


def registry_uid(name: str) -> str:
    """The uid of a registry department: the same in every workspace."""
    return "reg-" + hashlib.sha1(name.encode("utf-8")).hexdigest()[:12]


def _department(row: dict[str, Any]) -> Department:
    return Department(
        name=row["name"],
        full_name=row["full_name"],
        kind=row["kind"],
        aliases=list(json.loads(row["aliases"])),
        keywords=list(json.loads(row["keywords"])),
        unconfirmed=bool(row["unconfirmed"]),
        position=row["position"],
        retired=bool(row["retired"]),
        db_id=row["id"],
    )


def department_record(row: dict[str, Any]) -> dict[str, Any]:
    """A department as events carry it (portable: uid, no local id)."""
    return {
        "uid": row["uid"],
        "name": row["name"],
        "full_name": row["full_name"],
        "kind": row["kind"],
        "aliases": list(json.loads(row["aliases"])),
        "keywords": list(json.loads(row["keywords"])),
        "position": row["position"],
        "unconfirmed": bool(row["unconfirmed"]),
        "retired": bool(row["retired"]),
    }


def _clean_words(words: Iterable[str]) -> list[str]:
    cleaned: list[str] = []
    for word in words:
        word = str(word).strip()
        if word and word not in cleaned:
            cleaned.append(word)
    return cleaned


def _refuse_bad_characters(*labelled: tuple[str, str]) -> None:
    """Refuse names holding control or invisible characters (Word's soft line break...), naming them."""
    from workbench.core.names import name_problem

    for label, text in labelled:
        problem = name_problem(label, text.strip())
        if problem:
            raise StoreError(problem)


class DepartmentStore(StoreBase):
    # -- reads ------------------------------------------------------------

    def departments(self, *, include_retired: bool = False) -> list[Department]:
        """Departments in official order (by kind, then registry order), db_id set."""
        sql = "SELECT * FROM departments" + ("" if include_retired else " WHERE retired = 0")
        return official_order([_department(row) for row in self._rows(sql)])

    def department(self, department_id: int) -> Department | None:
        row = self._row("SELECT * FROM departments WHERE id = ?", [department_id])
        return _department(row) if row else None

    def department_uid(self, department_id: int) -> str:
        return str(self._department_row(department_id)["uid"])

    def department_by_uid(self, uid: str) -> Department | None:
        row = self._row("SELECT * FROM departments WHERE uid = ?", [uid])
        return _department(row) if row else None

    def find_department(self, name_or_alias: str) -> Department | None:
        """Exact name first, then exact alias (active departments before retired ones)."""
        query = name_or_alias.strip()
        if not query:
            return None
        row = self._row("SELECT * FROM departments WHERE name = ?", [query])
        if row is None:
            row = self._row(
                "SELECT d.* FROM departments d, json_each(d.aliases) a "
                "WHERE a.value = ? ORDER BY d.retired, d.position, d.id LIMIT 1",
                [query],
            )
        return _department(row) if row else None

    # -- writes -----------------------------------------------------------

    def load_registry(self, departments: Sequence[Department]) -> Changes:
        """Copy registry entries not yet in the workspace (one `registry_load` event)."""
        with self.db.atomic():
            known = {row["uid"] for row in self._rows("SELECT uid FROM departments")}
            rows = []
            for dept in departments:
                uid = registry_uid(dept.name)
                if uid in known:
                    continue
                if dept.kind not in KIND_ORDER:
                    raise StoreError(f"department {dept.name!r}: unknown kind {dept.kind!r}")
                self._check_name_free(dept.name, own_id=None)
                known.add(uid)
                rows.append(
                    {
                        "uid": uid,
                        "name": dept.name,
                        "full_name": dept.full_name,
                        "kind": dept.kind,
                        "aliases": json.dumps(_clean_words(dept.aliases), ensure_ascii=False),
                        "keywords": json.dumps(_clean_words(dept.keywords), ensure_ascii=False),
                        "position": dept.position,
                        "unconfirmed": int(dept.unconfirmed),
                        "retired": 0,
                    }
                )
            if not rows:
                return Changes.none()
            self.db["departments"].insert_all(rows)
            stored = self._rows(
                "SELECT * FROM departments WHERE uid IN (SELECT value FROM json_each(?)) ORDER BY position, id",
                [json.dumps([row["uid"] for row in rows])],
            )
            event = self._event(action="registry_load", subject="departments", after=[department_record(row) for row in stored])
        return Changes(department_ids=frozenset(row["id"] for row in stored), events=(event,))

    def add_department(
        self,
        *,
        name: str,
        full_name: str = "",
        kind: str,
        aliases: Sequence[str] = (),
        keywords: Sequence[str] = (),
        reason: str | None = None,
    ) -> Changes:
        name = name.strip()
        if not name:
            raise StoreError("a department needs a name")
        _refuse_bad_characters(("department name", name), ("full name", full_name), *(("alias", a) for a in aliases))
        if kind not in KIND_ORDER:
            raise StoreError(f"unknown department kind {kind!r} (one of {', '.join(KIND_ORDER)})")
        clean_aliases = [a for a in _clean_words(aliases) if a != name]
        with self.db.atomic():
            self._check_name_free(name, own_id=None)
            for alias in clean_aliases:
                if self._scalar("SELECT id FROM departments WHERE name = ?", [alias]) is not None:
                    raise StoreError(f"alias {alias!r} is already the name of another department")
                # an alias two units share would resolve to whichever comes first, silently
                self._check_name_free(alias, own_id=None)
            position = int(self._scalar("SELECT coalesce(max(position), -1) + 1 FROM departments"))
            department_id = int(
                self.db["departments"]
                .insert(
                    {
                        "uid": str(uuid.uuid4()),
                        "name": name,
                        "full_name": full_name.strip() or name,
                        "kind": kind,
                        "aliases": json.dumps(clean_aliases, ensure_ascii=False),
                        "keywords": json.dumps(_clean_words(keywords), ensure_ascii=False),
                        "position": position,
                        "unconfirmed": 0,
                        "retired": 0,
                    }
                )
                .last_pk
            )
            row = self._department_row(department_id)
            event = self._event(
                action="department_add",
                subject="department",
                department_uid=row["uid"],
                after=department_record(row),
                reason=reason,
            )
        return Changes(department_ids=frozenset({department_id}), events=(event,))

    def rename_department(self, *, department_id: int, new_name: str, reason: str | None = None) -> Changes:
        """Rename; the old name becomes an alias.  Assignments are untouched."""
        new_name = new_name.strip()
        if not new_name:
            raise StoreError("a department needs a name")
        _refuse_bad_characters(("department name", new_name))
        with self.db.atomic():
            row = self._department_row(department_id)
            if row["name"] == new_name:
                return Changes.none()
            self._check_name_free(new_name, own_id=department_id)
            aliases = [a for a in json.loads(row["aliases"]) if a != new_name]
            if row["name"] not in aliases:
                aliases.append(row["name"])
            self.db.execute(
                "UPDATE departments SET name = ?, aliases = ? WHERE id = ?",
                [new_name, json.dumps(aliases, ensure_ascii=False), department_id],
            )
            return self._department_changed(row, "department_rename", reason)

    def retire_department(self, *, department_id: int, reason: str | None = None) -> Changes:
        """Hide a department from pickers; its assignments are kept."""
        return self._set_retired(department_id, True, reason)

    def restore_department(self, *, department_id: int, reason: str | None = None) -> Changes:
        return self._set_retired(department_id, False, reason)

    def set_department_record(
        self, *, department_id: int, record: dict[str, Any], action: str = "conflict_resolution",
        reason: str | None = None,
    ) -> Changes:
        """Give a department a whole record as an event carried it (resolving a merge conflict).

        Name, full name, kind, aliases, keywords, position and retired are
        taken from `record`; the event is written even when nothing differs.
        """
        if action != "conflict_resolution":
            raise StoreError(f"action must be 'conflict_resolution', not {action!r}")
        name = str(record.get("name") or "").strip()
        if not name or record.get("kind") not in KIND_ORDER:
            raise StoreError("a department record needs a name and a known kind")
        with self.db.atomic():
            row = self._department_row(department_id)
            self._check_name_free(name, own_id=department_id)
            self.db.execute(
                "UPDATE departments SET name = ?, full_name = ?, kind = ?, aliases = ?, keywords = ?, position = ?, "
                "retired = ? WHERE id = ?",
                [name, record.get("full_name") or name, record["kind"],
                 json.dumps(_clean_words(record.get("aliases") or []), ensure_ascii=False),
                 json.dumps(_clean_words(record.get("keywords") or []), ensure_ascii=False),
                 int(record.get("position") or 0), int(bool(record.get("retired"))), department_id],
            )  # fmt: skip
            return self._department_changed(row, action, reason)

    # -- helpers ----------------------------------------------------------

    def _set_retired(self, department_id: int, retired: bool, reason: str | None) -> Changes:
        with self.db.atomic():
            row = self._department_row(department_id)
            if bool(row["retired"]) == retired:
                return Changes.none()
            self.db.execute("UPDATE departments SET retired = ? WHERE id = ?", [int(retired), department_id])
            action = "department_retire" if retired else "department_restore"
            return self._department_changed(row, action, reason)

    def _department_changed(self, before: dict[str, Any], action: str, reason: str | None) -> Changes:
        """Record the event of an edit already written (inside the caller's transaction)."""
        after = self._department_row(before["id"])
        event = self._event(
            action=action,
            subject="department",
            department_uid=before["uid"],
            before=department_record(before),
            after=department_record(after),
            reason=reason,
        )
        node_ids = {r[0] for r in self.db.execute("SELECT node_id FROM assignments WHERE department_id = ?", [before["id"]])}
        return Changes(node_ids=frozenset(node_ids), department_ids=frozenset({before["id"]}), events=(event,))

    def _check_name_free(self, name: str, *, own_id: int | None) -> None:
        """Refuse a name another department already uses as its name or an alias."""
        clash = self._row(
            "SELECT name FROM departments WHERE id IS NOT ? AND "
            "(name = ? OR EXISTS (SELECT 1 FROM json_each(aliases) WHERE value = ?))",
            [own_id, name, name],
        )
        if clash is not None:
            raise StoreError(f"{name!r} is already used by department {clash['name']!r} (as its name or an alias)")
