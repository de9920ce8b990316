"""The reviewer's own signing key, kept in the profile (the user data directory).

Created at first use; optionally protected by a passphrase (given to the
functions here, or in WORKBENCH_KEY_PASSPHRASE for scripts).  The private key
never enters a workspace: only its public half is published there.
"""

from __future__ import annotations

import functools
import os
from pathlib import Path

from workbench import paths
from workbench.storage.errors import StoreError

from workbench.storage.signing.signers import Ed25519Signer

KEY_NAME = "reviewer-ed25519.pem"
PASSPHRASE_ENV = "WORKBENCH_KEY_PASSPHRASE"


class KeyLockedError(StoreError):
    """The profile key is protected by a passphrase that was not given (or was wrong)."""


def key_path(data_dir: Path | None = None) -> Path:
    return (data_dir or paths.user_data_dir()) / "keys" / KEY_NAME


def load_signer(data_dir: Path | None = None, *, passphrase: str | None = None, create: bool = True) -> Ed25519Signer:
    """The profile's key; a new one is made (unprotected unless `passphrase`) when there is none."""
    path = key_path(data_dir)
    passphrase = passphrase if passphrase is not None else os.environ.get(PASSPHRASE_ENV) or None
    if not path.exists():
        if not create:
            raise StoreError(f"no signing key in {path.parent}")
        signer = Ed25519Signer.generate()
        save_signer(signer, data_dir, passphrase=passphrase)
        return signer
    data = path.read_bytes()
    encrypted = b"ENCRYPTED" in data
    if encrypted and not passphrase:
        raise KeyLockedError(f"your signing key ({path}) is protected by a passphrase: give it "
                             f"(or set {PASSPHRASE_ENV})")
    try:
        return Ed25519Signer.from_pem(data, passphrase if encrypted else None)
    except (ValueError, TypeError) as exc:
        raise KeyLockedError(f"your signing key ({path}) cannot be opened: wrong passphrase or damaged file") from exc


def save_signer(signer: Ed25519Signer, data_dir: Path | None = None, *, passphrase: str | None = None) -> Path:
    path = key_path(data_dir)
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(path.name + ".part")
    fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "wb") as handle:
        handle.write(signer.to_pem(passphrase))
    os.replace(partial, path)
    _cached.cache_clear()
    return path


@functools.cache
def _cached(path: str, passphrase: str | None) -> Ed25519Signer:
    return load_signer(Path(path).parent.parent, passphrase=passphrase)


_UNLOCKED: list[Ed25519Signer] = []


def use_signer(signer: Ed25519Signer) -> None:
    """Make `signer` (the profile key, unlocked by the GUI with its passphrase) this process's default."""
    _UNLOCKED[:] = [signer]


def default_signer() -> Ed25519Signer:
    """The profile key of WORKBENCH_DATA_DIR (or the platform's data dir), loaded once."""
    if _UNLOCKED:
        return _UNLOCKED[0]
    return _cached(str(key_path()), os.environ.get(PASSPHRASE_ENV) or None)

