"""Bad plan files give a clear error naming the file and the reason."""

from __future__ import annotations

import os

import pytest

from workbench.core.importing import PlanImportError, import_file


def expect_error(path, *words):
    with pytest.raises(PlanImportError) as info:
        import_file(path)
    message = str(info.value)
    assert str(path) in message
    for word in words:
        assert word in message
    return message


def test_empty_and_blank_files(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    expect_error(empty, "empty")
    blank = tmp_path / "blank.txt"
    blank.write_text("\n \r\n\t\n", encoding="utf-8")
    expect_error(blank, "empty")


def test_binary_files(tmp_path):
    png = tmp_path / "picture.txt"
    png.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4)
    expect_error(png, "binary")
    noise = tmp_path / "noise.bin"
    noise.write_bytes(bytes((i * 7919) % 256 for i in range(5000)))
    expect_error(noise)


def test_text_without_structure(tmp_path):
    path = tmp_path / "letter.txt"
    path.write_text("各位同事：\n\n请于周五前提交材料。谢谢。\n", encoding="utf-8")
    expect_error(path, "no recognisable plan structure")


def test_too_large_file_is_refused_before_reading(tmp_path):
    path = tmp_path / "huge.txt"
    with path.open("wb") as fh:
        fh.truncate(40 * 1024 * 1024)  # sparse: costs no disk
    expect_error(path, "too large")


def test_missing_file_folder_and_broken_docx(tmp_path):
    expect_error(tmp_path / "missing.txt", "cannot read")
    expect_error(tmp_path, "folder")
    broken = tmp_path / "plan.docx"
    broken.write_bytes(b"PK\x03\x04" + os.urandom(200))
    expect_error(broken, ".docx")


def test_undecodable_text(tmp_path):
    path = tmp_path / "latin.txt"
    path.write_bytes("第一章 总则\n".encode("utf-8") + b"\xff\xfe\xfd\x81\x30" * 50)
    with pytest.raises(PlanImportError) as info:
        import_file(path)
    assert str(path) in str(info.value)


def test_old_word_files_are_refused_with_what_to_do(tmp_path):
    path = tmp_path / "plan.doc"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(512))
    expect_error(path, ".doc", ".docx or PDF")
