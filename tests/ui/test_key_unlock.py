"""A passphrase-protected signing key is unlocked by asking for its passphrase."""

from __future__ import annotations

from PySide6.QtWidgets import QInputDialog

from workbench.storage.signing.profile import load_signer, save_signer
from workbench.ui.signing.unlock import unlock_profile_key


def test_protected_key_is_unlocked_by_its_passphrase(qapp, tmp_path, monkeypatch):
    monkeypatch.setenv("WORKBENCH_DATA_DIR", str(tmp_path / "profile"))
    monkeypatch.delenv("WORKBENCH_KEY_PASSPHRASE", raising=False)
    key = load_signer()
    assert unlock_profile_key().fingerprint == key.fingerprint  # unprotected: nothing asked
    save_signer(key, passphrase="口令123")
    answers = iter([("错的", True), ("口令123", True)])
    asked = []
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: asked.append(a[2]) or next(answers))
    assert unlock_profile_key().fingerprint == key.fingerprint
    assert len(asked) == 2 and "不正确" in asked[1]
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("", False))
    assert unlock_profile_key() is None  # cancelled: nothing opens
