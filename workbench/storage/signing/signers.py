"""The signer interface and its Ed25519 implementation (from `cryptography`).

A signer signs the *event message*: a fixed prefix, the signer's fingerprint
and the event hash.  The event hash covers the event's origin (the workspace
whose chain it belongs to) and the hash of the event before it in that chain
(audit.py), so a signature binds an event to its place in its origin's chain:
an event moved into another file, or re-chained there, no longer verifies.
"""

from __future__ import annotations

import base64
import hashlib
from collections.abc import Callable
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

# `cryptography` is imported where a key is made, loaded or checked: loading its bindings costs
# 10-70 ms, which a command that only reads would pay for nothing.

MESSAGE_PREFIX = b"workbench-event-v1\x00"

# An unencrypted Ed25519 private key in PKCS#8 (RFC 8410 section 7), as to_pem writes it: this fixed
# 16-byte DER header, then the 32-byte seed.  Such a file is read with Ed25519PrivateKey alone; the
# serialization module (PEM, PKCS#8, and ssh with its ciphers, imported with it) costs a writing command
# 15-20 ms more.  Every other file (encrypted, with the public key attached, wrapped otherwise) goes
# through cryptography's own PEM reader, as before.
_PKCS8_ED25519_HEADER = bytes.fromhex("302e020100300506032b657004220420")
_PEM_BEGIN, _PEM_END = b"-----BEGIN PRIVATE KEY-----", b"-----END PRIVATE KEY-----"


class Signer(Protocol):
    """What the event log needs from a reviewer's key."""

    algorithm: str  # "ed25519"; a future "sm2-sm3" signer names itself here

    @property
    def public_key(self) -> bytes: ...

    @property
    def fingerprint(self) -> str: ...

    def sign(self, message: bytes) -> bytes: ...


def fingerprint(algorithm: str, public_key: bytes) -> str:
    """A key's fingerprint: sha256 over the algorithm name and the raw public key, hex."""
    return hashlib.sha256(algorithm.encode("ascii") + b"\x00" + public_key).hexdigest()


def short_fingerprint(value: str | None) -> str:
    """The first 16 hex digits in groups of four, as people compare them: 'a1b2 c3d4 e5f6 0718'."""
    if not value:
        return "(unsigned)"
    return " ".join(value[i : i + 4] for i in range(0, 16, 4))


def event_message(signer: str, event_hash: str) -> bytes:
    return MESSAGE_PREFIX + signer.encode("ascii") + b"\x00" + event_hash.encode("ascii")


class Ed25519Signer:
    algorithm = "ed25519"

    def __init__(self, key: Ed25519PrivateKey) -> None:
        self._key = key
        self._public = key.public_key().public_bytes_raw()
        self._fingerprint = fingerprint(self.algorithm, self._public)

    @classmethod
    def generate(cls) -> Ed25519Signer:
        from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

        return cls(Ed25519PrivateKey.generate())

    @classmethod
    def from_pem(cls, data: bytes, passphrase: str | None = None) -> Ed25519Signer:
        from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

        seed = None if passphrase else plain_pkcs8_seed(data)
        if seed is not None:
            return cls(Ed25519PrivateKey.from_private_bytes(seed))
        from cryptography.hazmat.primitives import serialization

        key = serialization.load_pem_private_key(data, password=passphrase.encode("utf-8") if passphrase else None)
        if not isinstance(key, Ed25519PrivateKey):
            raise ValueError("the key file does not hold an Ed25519 key")
        return cls(key)

    def to_pem(self, passphrase: str | None = None) -> bytes:
        from cryptography.hazmat.primitives import serialization

        encryption = (
            serialization.BestAvailableEncryption(passphrase.encode("utf-8"))
            if passphrase
            else serialization.NoEncryption()
        )
        return self._key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, encryption)

    @property
    def public_key(self) -> bytes:
        return self._public

    @property
    def fingerprint(self) -> str:
        return self._fingerprint

    def sign(self, message: bytes) -> bytes:
        return self._key.sign(message)


def plain_pkcs8_seed(data: bytes) -> bytes | None:
    """The 32-byte seed of an unencrypted PKCS#8 Ed25519 PEM key in to_pem's layout, else None."""
    lines = data.strip().split(b"\n")
    if len(lines) != 3 or lines[0].rstrip(b"\r") != _PEM_BEGIN or lines[2] != _PEM_END:
        return None
    body = lines[1].rstrip(b"\r")
    if len(body) != 64:  # 48 bytes, no padding: b64decode would ignore '=' past the end, the PEM reader refuses it
        return None
    try:
        der = base64.b64decode(body, validate=True)
    except ValueError:
        return None
    if len(der) != len(_PKCS8_ED25519_HEADER) + 32 or not der.startswith(_PKCS8_ED25519_HEADER):
        return None
    return der[len(_PKCS8_ED25519_HEADER) :]


class Unsigned:
    """Writes events without signatures, as before signing existed: only for measuring what signing costs
    (bench/bench_audit.py).  verify reports such events as unsigned."""

    algorithm = "none"
    unsigned = True
    public_key = b""
    fingerprint = ""

    def sign(self, message: bytes) -> bytes:
        raise NotImplementedError("Unsigned does not sign")


def _verify_ed25519(public_key: bytes, message: bytes, signature: bytes) -> bool:
    from cryptography.exceptions import InvalidSignature
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

    try:
        Ed25519PublicKey.from_public_bytes(public_key).verify(signature, message)
    except (InvalidSignature, ValueError):
        return False
    return True


# algorithm -> verify(public key, message, signature)
ALGORITHMS: dict[str, Callable[[bytes, bytes, bytes], bool]] = {"ed25519": _verify_ed25519}


def verify_signature(algorithm: str, public_key: bytes, message: bytes, signature_b64: str) -> bool:
    check = ALGORITHMS.get(algorithm)
    if check is None:
        return False
    try:
        signature = base64.b64decode(signature_b64, validate=True)
    except (ValueError, TypeError):
        return False
    return check(public_key, message, signature)


def encode(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def decode(text: str) -> bytes:
    return base64.b64decode(text, validate=True)
