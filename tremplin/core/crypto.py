"""Encryption at rest of candidates' files: envelope encryption with AES-256-GCM.

Each file gets a random data key. The content is encrypted in fixed-size chunks with
that key; each chunk's nonce is its index, and its associated data holds the index and
whether it is the last chunk, so chunks cannot be reordered, dropped or the file cut
short without the reader noticing. The data key is wrapped by the master key (the
file's name as associated data, so a file cannot be swapped for another) and kept in a
fixed-size header at the start of the file::

    magic (8) | version (1) | chunk size (4) | key id (8) | wrap nonce (12) | wrapped key (48)

Rotating the master key rewrites only that header. A file without the magic bytes is
refused: there were no deployments before encryption at rest, so no plaintext legacy.
"""

import base64
import binascii
import hashlib
import io
import os
import struct
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from django.core.exceptions import ImproperlyConfigured

KEY_SIZE = 32
KEY_ID_SIZE = 8
TAG_SIZE = 16
NONCE_SIZE = 12
MAGIC = b"TPLNENC\x00"
VERSION = 1
CHUNK_SIZE = 64 * 1024
_PREFIX = struct.Struct(">8sBI8s")  # magic, version, chunk size, key id
HEADER_SIZE = _PREFIX.size + NONCE_SIZE + KEY_SIZE + TAG_SIZE


class EncryptedFileError(Exception):
    """A stored file that cannot be decrypted: wrong key, altered, cut short or not ours."""


def key_decode(text: str, *, setting: str) -> bytes:
    """The 32 bytes of a base64 key from the environment, or ImproperlyConfigured."""
    try:
        key = base64.b64decode(text.strip(), validate=True)
    except (binascii.Error, ValueError):
        key = b""
    if len(key) != KEY_SIZE:
        raise ImproperlyConfigured(
            f"{setting} must be {KEY_SIZE} random bytes in base64 "
            "(generate one with: head -c 32 /dev/urandom | base64)"
        )
    return key


def key_generate() -> str:
    return base64.b64encode(os.urandom(KEY_SIZE)).decode("ascii")


def key_id(key: bytes) -> bytes:
    """Names a key without revealing it: the first 8 bytes of its SHA-256."""
    return hashlib.sha256(key).digest()[:KEY_ID_SIZE]


def development_key(path: Path) -> str:
    """The key in ``path``, created (mode 0600) on first use: for DEBUG runs only."""
    try:
        return path.read_text(encoding="ascii").strip()
    except FileNotFoundError:
        pass
    path.parent.mkdir(parents=True, exist_ok=True)
    key = key_generate()
    try:
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:  # another process created it meanwhile
        return path.read_text(encoding="ascii").strip()
    with os.fdopen(descriptor, "w", encoding="ascii") as handle:
        handle.write(key + "\n")
    return key


@dataclass(frozen=True)
class Keyring:
    """The current master key, which wraps new files, and old ones still accepted."""

    current: bytes
    old: tuple[bytes, ...] = ()

    @classmethod
    def from_text(cls, current: str, old: Sequence[str] = ()) -> "Keyring":
        return cls(
            current=key_decode(current, setting="TREMPLIN_FILES_KEY"),
            old=tuple(key_decode(text, setting="TREMPLIN_FILES_OLD_KEYS") for text in old),
        )

    @property
    def current_id(self) -> bytes:
        return key_id(self.current)

    def find(self, wanted: bytes) -> bytes | None:
        for key in (self.current, *self.old):
            if key_id(key) == wanted:
                return key
        return None


@dataclass(frozen=True)
class Header:
    chunk_size: int
    key_id: bytes
    wrap_nonce: bytes
    wrapped_key: bytes

    def prefix(self) -> bytes:
        return _PREFIX.pack(MAGIC, VERSION, self.chunk_size, self.key_id)

    def to_bytes(self) -> bytes:
        return self.prefix() + self.wrap_nonce + self.wrapped_key


def _wrap_data(prefix: bytes, name: str) -> bytes:
    return b"tremplin file key\x00" + prefix + name.encode("utf-8")


def header_create(*, keyring: Keyring, name: str, data_key: bytes, chunk_size: int) -> Header:
    unwrapped = Header(chunk_size, keyring.current_id, os.urandom(NONCE_SIZE), b"")
    wrapped = AESGCM(keyring.current).encrypt(
        unwrapped.wrap_nonce, data_key, _wrap_data(unwrapped.prefix(), name)
    )
    return Header(chunk_size, unwrapped.key_id, unwrapped.wrap_nonce, wrapped)


def header_parse(raw: bytes, *, name: str) -> Header:
    if len(raw) < HEADER_SIZE or not raw.startswith(MAGIC):
        raise EncryptedFileError(
            f"{name} is not an encrypted file (no Tremplin header): it was not written "
            "through the encrypted storage"
        )
    _magic, version, chunk_size, wanted = _PREFIX.unpack_from(raw)
    if version != VERSION or chunk_size < 1:
        raise EncryptedFileError(f"{name}: unknown encryption format version {version}")
    nonce = raw[_PREFIX.size : _PREFIX.size + NONCE_SIZE]
    return Header(chunk_size, wanted, nonce, raw[_PREFIX.size + NONCE_SIZE : HEADER_SIZE])


def data_key_unwrap(header: Header, *, keyring: Keyring, name: str) -> bytes:
    key = keyring.find(header.key_id)
    if key is None:
        raise EncryptedFileError(
            f"{name} was encrypted with files key {header.key_id.hex()}, which is neither "
            "TREMPLIN_FILES_KEY nor one of TREMPLIN_FILES_OLD_KEYS"
        )
    try:
        return AESGCM(key).decrypt(
            header.wrap_nonce, header.wrapped_key, _wrap_data(header.prefix(), name)
        )
    except InvalidTag:
        raise EncryptedFileError(
            f"{name}: its header does not authenticate (altered, or moved from another name)"
        ) from None


def header_rewrap(header: Header, *, keyring: Keyring, name: str) -> Header:
    """The same data key, wrapped by the current master key: the content is untouched."""
    data_key = data_key_unwrap(header, keyring=keyring, name=name)
    return header_create(
        keyring=keyring, name=name, data_key=data_key, chunk_size=header.chunk_size
    )


def _chunk_nonce(index: int) -> bytes:
    return index.to_bytes(NONCE_SIZE, "big")


def _chunk_data(prefix: bytes, index: int, last: bool) -> bytes:
    return prefix[: len(MAGIC) + 5] + index.to_bytes(8, "big") + (b"\x01" if last else b"\x00")


def encrypt_chunks(
    source: Iterable[bytes | str], *, keyring: Keyring, name: str, chunk_size: int = CHUNK_SIZE
) -> Iterator[bytes]:
    """The encrypted file, header first, from the plaintext's pieces, chunk by chunk."""
    data_key = AESGCM.generate_key(bit_length=KEY_SIZE * 8)
    header = header_create(keyring=keyring, name=name, data_key=data_key, chunk_size=chunk_size)
    yield header.to_bytes()
    aead = AESGCM(data_key)
    prefix = header.prefix()
    buffer = bytearray()
    index = 0
    for piece in source:
        buffer += piece.encode("utf-8") if isinstance(piece, str) else piece
        # Strictly more than a chunk: only then is the chunk known not to be the last.
        while len(buffer) > chunk_size:
            plain = bytes(buffer[:chunk_size])
            del buffer[:chunk_size]
            yield aead.encrypt(_chunk_nonce(index), plain, _chunk_data(prefix, index, False))
            index += 1
    yield aead.encrypt(_chunk_nonce(index), bytes(buffer), _chunk_data(prefix, index, True))


def plaintext_size(header: Header, *, file_size: int, name: str) -> tuple[int, int]:
    """(plaintext size, number of chunks) of an encrypted file of ``file_size`` bytes."""
    body = file_size - HEADER_SIZE
    full, rest = divmod(body, header.chunk_size + TAG_SIZE)
    if body < TAG_SIZE or 0 < rest < TAG_SIZE:
        raise EncryptedFileError(f"{name} was cut short")
    if rest == 0:
        return full * header.chunk_size, full
    return full * header.chunk_size + rest - TAG_SIZE, full + 1


class DecryptingReader(io.RawIOBase):
    """Reads an encrypted file (any seekable binary handle) as plaintext, one chunk in
    memory at a time; seekable."""

    def __init__(self, handle: IO[bytes], *, keyring: Keyring, name: str) -> None:
        super().__init__()
        self._handle = handle
        self._name = name
        try:
            self._header = header_parse(handle.read(HEADER_SIZE), name=name)
            self._aead = AESGCM(data_key_unwrap(self._header, keyring=keyring, name=name))
            self.size, self._chunks = plaintext_size(
                self._header, file_size=handle.seek(0, io.SEEK_END), name=name
            )
            self._position = 0
            self._cached: tuple[int, bytes] = (-1, b"")
            # The last chunk carries the "last" flag: checking it now catches a cut file
            # before anyone starts reading (or streaming) it.
            self._chunk(self._chunks - 1)
        except BaseException:
            handle.close()
            raise

    def _chunk(self, index: int) -> bytes:
        if self._cached[0] == index:
            return self._cached[1]
        stride = self._header.chunk_size + TAG_SIZE
        self._handle.seek(HEADER_SIZE + index * stride)
        sealed = self._handle.read(stride)
        last = index == self._chunks - 1
        try:
            plain = self._aead.decrypt(
                _chunk_nonce(index), sealed, _chunk_data(self._header.prefix(), index, last)
            )
        except InvalidTag:
            raise EncryptedFileError(
                f"{self._name}: chunk {index} does not authenticate (the file was altered)"
            ) from None
        self._cached = (index, plain)
        return plain

    def readable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return True

    def readinto(self, buffer: "memoryview | bytearray") -> int:  # type: ignore[override]
        if self._position >= self.size:
            return 0
        index, offset = divmod(self._position, self._header.chunk_size)
        data = self._chunk(index)[offset : offset + len(buffer)]
        buffer[: len(data)] = data
        self._position += len(data)
        return len(data)

    def seek(self, offset: int, whence: int = io.SEEK_SET) -> int:
        base = {io.SEEK_SET: 0, io.SEEK_CUR: self._position, io.SEEK_END: self.size}[whence]
        if base + offset < 0:
            raise ValueError("negative seek position")
        self._position = base + offset
        return self._position

    def tell(self) -> int:
        return self._position

    def close(self) -> None:
        if not self.closed:
            self._handle.close()
        super().close()


def decrypting_open(path: str, *, keyring: Keyring, name: str) -> io.BufferedReader:
    """The plaintext of the encrypted file at ``path`` (stored as ``name``), buffered."""
    return decrypting_reader(open(path, "rb"), keyring=keyring, name=name)


def decrypting_reader(handle: IO[bytes], *, keyring: Keyring, name: str) -> io.BufferedReader:
    """The plaintext of the encrypted content of ``handle`` (stored as ``name``), buffered."""
    raw = DecryptingReader(handle, keyring=keyring, name=name)
    return io.BufferedReader(raw, buffer_size=raw._header.chunk_size)
