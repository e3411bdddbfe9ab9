"""``tremplin rotate-files-key``: re-wraps data keys, rewriting only the headers."""

from io import StringIO
from pathlib import Path

import pytest
from django.core.files.base import ContentFile
from django.core.management import CommandError, call_command

from tremplin.core import crypto
from tremplin.core.storage import private_storage

KEY_A = crypto.key_generate()
KEY_B = crypto.key_generate()
KEY_C = crypto.key_generate()


def use_keys(settings, root: Path, key: str, *old: str) -> None:
    settings.STORAGES = {
        **settings.STORAGES,
        "private": {
            "BACKEND": "tremplin.core.storage.EncryptedFileSystemStorage",
            "OPTIONS": {"location": root, "key": key, "old_keys": list(old)},
        },
    }


def rotate() -> str:
    out = StringIO()
    call_command("rotate_files_key", stdout=out, stderr=StringIO())
    return out.getvalue()


def key_hex(key: str) -> str:
    return crypto.key_id(crypto.key_decode(key, setting="K")).hex()


@pytest.fixture
def written(settings, tmp_path) -> dict[str, bytes]:
    """Three files (one of several chunks) written under key A."""
    use_keys(settings, tmp_path, KEY_A)
    contents = {
        "documents/ab/cv.pdf": b"%PDF- a CV " * 20_000,
        "documents/cd/letter.txt": "Lettre de motivation, écrite avec soin.".encode(),
        "inbound/2026/11/message.eml": b"",
    }
    return {
        private_storage().save(name, ContentFile(data)): data for name, data in contents.items()
    }


def test_files_written_under_a_open_with_only_b_after_rotation(settings, tmp_path, written):
    before = {name: (tmp_path / name).read_bytes() for name in written}
    use_keys(settings, tmp_path, KEY_B, KEY_A)

    assert f"files key {key_hex(KEY_B)}: 3 re-wrapped, 0 already on it, 0 failed" in rotate()

    use_keys(settings, tmp_path, KEY_B)
    for name, plain in written.items():
        with private_storage().open(name) as opened:
            assert opened.read() == plain
        after = (tmp_path / name).read_bytes()
        assert after[crypto.HEADER_SIZE :] == before[name][crypto.HEADER_SIZE :]
        assert after[: crypto.HEADER_SIZE] != before[name][: crypto.HEADER_SIZE]
        assert len(after) == len(before[name])
    use_keys(settings, tmp_path, KEY_A)
    with pytest.raises(crypto.EncryptedFileError, match="neither TREMPLIN_FILES_KEY"):
        private_storage().open(next(iter(written)))


def test_running_it_again_changes_nothing(settings, tmp_path, written):
    use_keys(settings, tmp_path, KEY_B, KEY_A)
    rotate()
    snapshot = {name: (tmp_path / name).read_bytes() for name in written}

    assert "0 re-wrapped, 3 already on it, 0 failed" in rotate()

    assert {name: (tmp_path / name).read_bytes() for name in written} == snapshot


def test_files_on_the_current_key_are_left_alone(settings, tmp_path, written):
    use_keys(settings, tmp_path, KEY_B, KEY_A)
    new = private_storage().save("documents/ef/new.txt", ContentFile(b"new"))
    new_bytes = (tmp_path / new).read_bytes()

    assert "3 re-wrapped, 1 already on it, 0 failed" in rotate()

    assert (tmp_path / new).read_bytes() == new_bytes


def test_a_file_under_an_unknown_key_is_reported_and_the_others_rotated(
    settings, tmp_path, written
):
    use_keys(settings, tmp_path, KEY_C)
    stray = private_storage().save("documents/zz/stray.txt", ContentFile(b"stray"))
    stray_bytes = (tmp_path / stray).read_bytes()
    (tmp_path / "documents" / "plain.txt").write_bytes(b"not encrypted")
    use_keys(settings, tmp_path, KEY_B, KEY_A)
    err = StringIO()

    with pytest.raises(CommandError, match="2 file"):
        call_command("rotate_files_key", stdout=StringIO(), stderr=err)

    assert "documents/zz/stray.txt" in err.getvalue()
    assert "documents/plain.txt: " in err.getvalue()
    assert (tmp_path / stray).read_bytes() == stray_bytes
    use_keys(settings, tmp_path, KEY_B)
    for name, plain in written.items():
        assert private_storage().open(name).read() == plain


def test_an_empty_store_is_fine(settings, tmp_path):
    use_keys(settings, tmp_path / "nothing-yet", KEY_B, KEY_A)
    assert "0 re-wrapped, 0 already on it, 0 failed" in rotate()
