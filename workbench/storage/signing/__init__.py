"""Reviewer keys and event signatures.

Every event is signed by the key of the reviewer's profile (signers.py), the
key's public half is published in the workspace by a signed `key_publish`
event, and the lead reviewer keeps a roster of trusted keys (roster.py).
The algorithm is named in every published key, so that a second signer (SM2
with SM3 for 商用密码 assessments) can be added beside Ed25519 without
changing the log: add a Signer and a verifier to signers.py.
"""

from __future__ import annotations

from workbench.storage.signing.signers import (
    ALGORITHMS,
    Ed25519Signer,
    Signer,
    event_message,
    fingerprint,
    short_fingerprint,
    verify_signature,
)

__all__ = [
    "ALGORITHMS",
    "Ed25519Signer",
    "Signer",
    "event_message",
    "fingerprint",
    "short_fingerprint",
    "verify_signature",
]
