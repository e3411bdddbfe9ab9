"""The file format: envelope encryption, chunked, authenticated."""

import io
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured

from tremplin.core import crypto

KEY_A = crypto.key_generate()
KEY_B = crypto.key_generate()


def write(path: Path, plain: bytes, *, key: str = KEY_A, name: str = "f.bin", chunk: int = 16):
    pieces = [plain[i : i + 7] for i in range(0, len(plain), 7)]
    sealed = b"".join(
        crypto.encrypt_chunks(
            pieces, keyring=crypto.Keyring.from_text(key), name=name, chunk_size=chunk
        )
    )
    path.write_bytes(sealed)
    return sealed


def read(path: Path, *, keys: tuple[str, ...] = (KEY_A,), name: str = "f.bin") -> bytes:
    keyring = crypto.Keyring.from_text(keys[0], keys[1:])
    with crypto.decrypting_open(str(path), keyring=keyring, name=name) as stream:
        return stream.read()


@pytest.mark.parametrize("size", [0, 1, 15, 16, 17, 32, 100])
def test_any_size_comes_back_whole(tmp_path, size):
    plain = bytes(range(256))[:size]
    write(tmp_path / "f", plain)
    assert read(tmp_path / "f") == plain


def test_the_content_is_not_on_disk_in_clear(tmp_path):
    sealed = write(tmp_path / "f", b"a very distinctive sentence " * 4)
    assert b"distinctive" not in sealed
    assert sealed.startswith(crypto.MAGIC)


def test_two_files_with_the_same_content_differ_on_disk(tmp_path):
    assert write(tmp_path / "a", b"same words") != write(tmp_path / "b", b"same words")


def test_it_reads_by_chunks_and_seeks(tmp_path):
    plain = bytes(range(100))
    write(tmp_path / "f", plain)
    keyring = crypto.Keyring.from_text(KEY_A)
    with crypto.decrypting_open(str(tmp_path / "f"), keyring=keyring, name="f.bin") as stream:
        assert stream.read(5) == plain[:5]
        stream.seek(40)
        assert stream.read(30) == plain[40:70]
        assert stream.seek(0, io.SEEK_END) == 100
        stream.seek(0)
        assert stream.read() == plain


def test_a_wrong_key_is_named_not_garbage(tmp_path):
    write(tmp_path / "f", b"secret")
    with pytest.raises(crypto.EncryptedFileError, match="neither TREMPLIN_FILES_KEY"):
        read(tmp_path / "f", keys=(KEY_B,))


def test_an_old_key_still_opens_the_file(tmp_path):
    write(tmp_path / "f", b"secret")
    assert read(tmp_path / "f", keys=(KEY_B, KEY_A)) == b"secret"


@pytest.mark.parametrize("offset", [crypto.HEADER_SIZE + 3, -1])
def test_an_altered_byte_is_detected(tmp_path, offset):
    sealed = bytearray(write(tmp_path / "f", b"x" * 40))
    sealed[offset] ^= 1
    (tmp_path / "f").write_bytes(bytes(sealed))
    with pytest.raises(crypto.EncryptedFileError, match="altered"):
        read(tmp_path / "f")


def test_an_altered_header_is_detected(tmp_path):
    sealed = bytearray(write(tmp_path / "f", b"secret"))
    sealed[crypto.HEADER_SIZE - 1] ^= 1
    (tmp_path / "f").write_bytes(bytes(sealed))
    with pytest.raises(crypto.EncryptedFileError, match="does not authenticate"):
        read(tmp_path / "f")


def test_a_file_moved_to_another_name_is_refused(tmp_path):
    write(tmp_path / "f", b"secret", name="documents/a.pdf")
    with pytest.raises(crypto.EncryptedFileError, match="moved from another name"):
        read(tmp_path / "f", name="documents/b.pdf")


def test_a_file_cut_at_a_chunk_boundary_is_detected(tmp_path):
    sealed = write(tmp_path / "f", b"y" * 48)  # three chunks of 16
    (tmp_path / "f").write_bytes(sealed[: crypto.HEADER_SIZE + 2 * (16 + crypto.TAG_SIZE)])
    with pytest.raises(crypto.EncryptedFileError, match="altered"):
        read(tmp_path / "f")


def test_a_file_cut_inside_a_tag_is_detected(tmp_path):
    sealed = write(tmp_path / "f", b"y" * 48)
    (tmp_path / "f").write_bytes(sealed[: crypto.HEADER_SIZE + 16 + crypto.TAG_SIZE + 3])
    with pytest.raises(crypto.EncryptedFileError, match="cut short"):
        read(tmp_path / "f")


def test_swapped_chunks_are_detected(tmp_path):
    sealed = write(tmp_path / "f", b"a" * 16 + b"b" * 16 + b"c" * 16)
    stride = 16 + crypto.TAG_SIZE
    head, body = sealed[: crypto.HEADER_SIZE], sealed[crypto.HEADER_SIZE :]
    chunks = [body[i : i + stride] for i in range(0, len(body), stride)]
    (tmp_path / "f").write_bytes(head + chunks[1] + chunks[0] + chunks[2])
    with pytest.raises(crypto.EncryptedFileError, match="altered"):
        read(tmp_path / "f")


def test_a_plaintext_file_is_refused_clearly(tmp_path):
    (tmp_path / "f").write_bytes(b"%PDF-1.7 written before encryption at rest" * 3)
    with pytest.raises(crypto.EncryptedFileError, match="not an encrypted file"):
        read(tmp_path / "f")


@pytest.mark.parametrize("text", ["", "not base64!", "c2hvcnQ="])
def test_a_malformed_key_is_refused_at_startup(text):
    with pytest.raises(ImproperlyConfigured, match="32 random bytes"):
        crypto.Keyring.from_text(text)


def test_a_key_id_does_not_reveal_the_key():
    key = crypto.key_decode(KEY_A, setting="K")
    assert len(crypto.key_id(key)) == 8
    assert crypto.key_id(key) not in key


def test_the_development_key_is_made_once_and_private(tmp_path):
    path = tmp_path / "var" / "files.key"
    key = crypto.development_key(path)
    assert crypto.development_key(path) == key
    assert path.stat().st_mode & 0o777 == 0o600
    crypto.key_decode(key, setting="TREMPLIN_FILES_KEY")
