"""Every read and write of a workspace, behind one object.

Widgets and commands never touch SQL: they call a Repository method.  Each
public write is one `with db.atomic():` transaction that makes the change and
appends its audit event together, and returns a `Changes` value saying what
changed (Changes.none(), and no event, when nothing did).  Bad input raises
StoreError and writes nothing.

The methods live in subject mixins (plans, departments, assignments,
annotations) to keep files small; this class is the one public face.

A Repository belongs to the thread whose connection it holds.  `reviewer` is a
plain attribute: set it when the reviewer identifies themselves or changes.
"""

from __future__ import annotations

from workbench.storage.audit import audit
from workbench.storage.state.annotation_store import AnnotationStore
from workbench.storage.state.assignment_store import AssignmentStore
from workbench.storage.audit.audit import Event, Reviewer
from workbench.storage.state.department_store import DepartmentStore
from workbench.storage.errors import StoreError
from workbench.storage.liaison.remark_store import RemarkStore
from workbench.storage.state.plan_store import PlanStore
from workbench.storage.state.records import Changes, ImportResult
from workbench.storage.revision.store import RevisionStore

__all__ = ["Changes", "ImportResult", "Repository", "Reviewer", "StoreError"]


class Repository(PlanStore, DepartmentStore, AssignmentStore, AnnotationStore, RemarkStore, RevisionStore):
    """The workspace's reads and audited writes (see the subject mixins for each method)."""

    def event_count(self) -> int:
        return audit.event_count(self.db)

    def head_hash(self) -> str:
        return audit.head_hash(self.db)

    def events(self, **filters: object) -> list[Event]:
        """audit.events(db, **filters): reviewer, since, node_key, department_uid, plan_sha256, action, limit."""
        return audit.events(self.db, **filters)  # type: ignore[arg-type]
