"""The conflicts dock in the real window: read when first shown (on a worker), and a decision redraws its node."""

from __future__ import annotations

import shutil

from workbench.storage.disputes import conflicts as store
from workbench.storage.audit.audit import Reviewer
from workbench.storage.files.database import open_workspace
from workbench.storage.sync.merge import merge_workspace
from workbench.storage.repository import Repository
from workbench.storage.signing import Ed25519Signer
from workbench.storage.signing.profile import default_signer
from workbench.storage.signing.roster import Member, Roster

KEY = "ch05/s01/p01"


def _node(window, key):
    return window.session.plan(window.session.plan_ids[0]).root.find(key)


def test_a_decision_in_the_dock_clears_the_dispute_on_its_clause(qtbot, window, seed_workspace, tmp_path, monkeypatch):
    other_path = tmp_path / "other.sqlite"
    shutil.copyfile(seed_workspace, other_path)
    other = Repository(open_workspace(other_path, signer=Ed25519Signer.generate()), Reviewer("李四", "市科技局"))
    theirs = other.node_by_key(other.plans()[0].id, KEY)
    other.assign(node_id=theirs.id, department_id=other.find_department("市科技局").db_id)
    other.db.close()
    repo = window.session.repo
    mine = _node(window, KEY)
    window.session.apply(repo.assign(node_id=mine.db_id, department_id=repo.find_department("市教委").db_id))
    view = window.conflicts_view
    assert view.model.rowCount() == 0  # hidden: nothing read
    result = merge_workspace(repo.db, other_path, reviewer=Reviewer("组长"), backup=False)
    assert result.new_conflicts
    from workbench.ui.window.integrations import refresh_all

    refresh_all(window, events=(result.merge_event or "",))
    assert window.session.tag_state(mine).state == "disputed"
    with qtbot.waitSignal(view.loaded, timeout=10000):  # shown: the first page comes from a worker
        window.conflicts_dock.show()
        window.conflicts_dock.raise_()
    assert view.model.rowCount() == 1 and view.conflicts[0].node_key == KEY
    assert "市教委" in view.model.index(0, 3).data() + view.model.index(0, 4).data()  # names, not uids
    assert "reg-" not in "".join(view.model.index(0, c).data() for c in range(7))
    allowed = Roster(default_signer().fingerprint, {})
    allowed.add(Member(default_signer().fingerprint, repo.reviewer.name, resolve=True))
    monkeypatch.setattr(store, "load_roster", lambda: allowed)  # the lead's roster lets this reviewer decide
    view.table.selectRow(0)
    with qtbot.waitSignal(view.changes_made, timeout=5000):
        view.take("a")
    assert view.model.rowCount() == 0 and store.count_conflicts(repo.db) == 0
    assert window.session.tag_state(mine).state != "disputed"
