"""Unlocking a passphrase-protected signing key before the workspace opens.

Every event is signed with the key in the reviewer's profile; when the key is
protected (`workbench key protect`), the GUI asks for the passphrase, up to
three times.  Cancelling opens nothing.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QInputDialog, QLineEdit, QWidget

from workbench.storage.signing.profile import KeyLockedError, load_signer
from workbench.storage.signing.signers import Ed25519Signer

translate = QCoreApplication.translate
ATTEMPTS = 3


def unlock_profile_key(parent: QWidget | None = None) -> Ed25519Signer | None:
    """The profile's key, asking for its passphrase when it has one; None when the reviewer gives up."""
    try:
        return load_signer()
    except KeyLockedError:
        pass
    prompt = translate("KeyUnlock", "您的签名密钥受口令保护，请输入口令：")
    for _ in range(ATTEMPTS):
        text, ok = QInputDialog.getText(parent, translate("KeyUnlock", "签名密钥口令"), prompt,
                                        QLineEdit.EchoMode.Password)
        if not ok:
            return None
        try:
            return load_signer(passphrase=text)
        except KeyLockedError:
            prompt = translate("KeyUnlock", "口令不正确，请重新输入：")
    return None
