"""The profile key file is read without cryptography's PEM reader when it is the plain PKCS#8 layout the
workbench writes, and through that reader otherwise: either way the same key comes out."""

from __future__ import annotations

import base64

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from workbench.storage.signing.profile import KeyLockedError, key_path, load_signer, save_signer
from workbench.storage.signing.signers import Ed25519Signer, event_message, plain_pkcs8_seed, verify_signature


def _pem_reader_refused(monkeypatch) -> list[bytes]:
    """Make cryptography's PEM reader record its calls and fail, to show which files need it."""
    calls: list[bytes] = []

    def refuse(data, password=None, **kwargs):
        calls.append(data)
        raise AssertionError("the PEM reader was used")

    monkeypatch.setattr(serialization, "load_pem_private_key", refuse)
    return calls


def _reference(data: bytes, passphrase: str | None = None) -> bytes:
    key = serialization.load_pem_private_key(data, password=passphrase.encode() if passphrase else None)
    return key.public_key().public_bytes_raw()


@pytest.mark.parametrize("line_end", [b"\n", b"\r\n"])
def test_a_plain_key_file_is_read_without_the_pem_reader_and_gives_the_same_key(tmp_path, monkeypatch, line_end):
    monkeypatch.delenv("WORKBENCH_KEY_PASSPHRASE", raising=False)
    for _ in range(5):
        made = Ed25519Signer.generate()
        save_signer(made, tmp_path)
        path = key_path(tmp_path)
        path.write_bytes(path.read_bytes().replace(b"\n", line_end))
        expected = _reference(path.read_bytes())
        calls = _pem_reader_refused(monkeypatch)
        loaded = load_signer(tmp_path)
        monkeypatch.undo()
        assert calls == []
        assert loaded.public_key == expected == made.public_key
        assert loaded.fingerprint == made.fingerprint
        message = event_message(loaded.fingerprint, "ab" * 32)
        signature = base64.b64encode(loaded.sign(message)).decode()
        assert verify_signature("ed25519", made.public_key, message, signature)


def test_a_protected_key_file_goes_through_the_pem_reader(tmp_path, monkeypatch):
    monkeypatch.delenv("WORKBENCH_KEY_PASSPHRASE", raising=False)
    made = Ed25519Signer.generate()
    save_signer(made, tmp_path, passphrase="口令123")
    data = key_path(tmp_path).read_bytes()
    assert plain_pkcs8_seed(data) is None
    assert load_signer(tmp_path, passphrase="口令123").public_key == made.public_key == _reference(data, "口令123")
    with pytest.raises(KeyLockedError):
        load_signer(tmp_path, passphrase="错的")
    calls = _pem_reader_refused(monkeypatch)
    with pytest.raises(AssertionError):
        load_signer(tmp_path, passphrase="口令123")
    assert calls == [data]


def test_other_layouts_of_the_same_key_are_left_to_the_pem_reader(tmp_path):
    key = Ed25519PrivateKey.generate()
    plain = key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                              serialization.NoEncryption())  # fmt: skip
    body = plain.split(b"\n")[1]
    assert plain_pkcs8_seed(plain) == key.private_bytes_raw()
    wrapped = b"\n".join([b"-----BEGIN PRIVATE KEY-----", body[:40], body[40:], b"-----END PRIVATE KEY-----\n"])
    assert plain_pkcs8_seed(wrapped) is None  # a wrapped body is not the layout to_pem writes
    assert Ed25519Signer.from_pem(wrapped).public_key == key.public_key().public_bytes_raw()
    der = base64.b64decode(body)
    for changed in (der[:-1], der + b"\x00", b"\x31" + der[1:], der[:11] + b"\x6e" + der[12:]):
        forged = plain.replace(body, base64.b64encode(changed))
        assert plain_pkcs8_seed(forged) is None  # not a plain Ed25519 PKCS#8 key: the PEM reader judges it
    broken = plain.replace(body, base64.b64encode(der[:11] + b"\x6e" + der[12:]))  # the X25519 OID: a key, not ours
    key_path(tmp_path).parent.mkdir(parents=True)
    key_path(tmp_path).write_bytes(broken)
    with pytest.raises(KeyLockedError):
        load_signer(tmp_path)


@pytest.mark.parametrize("padding", [b"=", b"=="])
def test_a_body_with_padding_past_its_end_is_refused_as_the_pem_reader_refuses_it(tmp_path, monkeypatch, padding):
    # The body of to_pem's file is 64 characters with no padding; Python's b64decode(validate=True) ignores
    # '=' after a complete body, cryptography's PEM reader refuses the file: the fast path must not accept it.
    monkeypatch.delenv("WORKBENCH_KEY_PASSPHRASE", raising=False)
    save_signer(Ed25519Signer.generate(), tmp_path)
    path = key_path(tmp_path)
    begin, body, end = path.read_bytes().split(b"\n")[:3]
    padded = b"\n".join([begin, body + padding, end, b""])
    with pytest.raises(ValueError):
        serialization.load_pem_private_key(padded, password=None)
    assert plain_pkcs8_seed(padded) is None
    path.write_bytes(padded)
    with pytest.raises(KeyLockedError):
        load_signer(tmp_path)
