"""A file system storage that encrypts every file it writes (see ``tremplin.core.crypto``),
and ``private_storage``: the storage of candidates' files, encrypted or not, as configured."""

import os
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol, cast

from django.core.exceptions import ImproperlyConfigured
from django.core.files import File, locks
from django.core.files.storage import FileSystemStorage, Storage, storages
from django.core.files.utils import validate_file_name
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.utils._os import safe_makedirs
from django.utils.functional import LazyObject, empty

from tremplin.core import crypto


class DecryptingStorage(Protocol):
    def decrypting_open(self, name: str) -> Any: ...


class EncryptedFile(File):
    """An opened encrypted file: reads give plaintext; reopening decrypts again."""

    def __init__(self, storage: DecryptingStorage, name: str) -> None:
        self._storage = storage
        super().__init__(storage.decrypting_open(name), name)

    def open(self, mode: str | None = None, *args: Any, **kwargs: Any) -> "EncryptedFile":
        if not self.closed:
            self.seek(0)
        else:
            self.file = self._storage.decrypting_open(str(self.name))
        return self


class EncryptedFileSystemStorage(FileSystemStorage):
    """FileSystemStorage whose files are encrypted at rest, each with its own data key
    wrapped by the master ``key`` (``old_keys`` still open files not yet rotated)."""

    def __init__(
        self,
        *args: Any,
        key: str = "",
        old_keys: Sequence[str] = (),
        chunk_size: int = crypto.CHUNK_SIZE,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        if not key:
            raise ImproperlyConfigured("EncryptedFileSystemStorage needs a key")
        self.keyring = crypto.Keyring.from_text(key, old_keys)
        self.chunk_size = chunk_size

    def _relative(self, name: str) -> str:
        """The name bound into the file's header: relative to the root, with slashes."""
        return os.path.relpath(self.path(name), self.location).replace("\\", "/")

    def decrypting_open(self, name: str) -> Any:
        return crypto.decrypting_open(
            self.path(name), keyring=self.keyring, name=self._relative(name)
        )

    def _open(self, name: str, mode: str = "rb") -> File:
        if any(flag in mode for flag in "wax+"):
            raise ValueError("encrypted files are opened for reading only; save to write")
        return EncryptedFile(self, name)

    def _save(self, name: str, content: File) -> str:
        # FileSystemStorage._save, except that content is always streamed through the
        # cipher (never moved into place from a temporary file, which would be plaintext).
        full_path = self.path(name)
        directory = os.path.dirname(full_path)
        if self.directory_permissions_mode is not None:
            safe_makedirs(directory, self.directory_permissions_mode, exist_ok=True)
        else:
            os.makedirs(directory, exist_ok=True)
        flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
        if getattr(self, "_allow_overwrite", False):  # Django's allow_overwrite option
            flags = flags & ~os.O_EXCL | os.O_TRUNC
        while True:
            try:
                descriptor = os.open(full_path, flags, 0o600)
            except FileExistsError:
                name = self.get_available_name(name)
                full_path = self.path(name)
            else:
                break
        try:
            locks.lock(descriptor, locks.LOCK_EX)
            with os.fdopen(descriptor, "wb", closefd=False) as handle:
                for sealed in crypto.encrypt_chunks(
                    content.chunks(),
                    keyring=self.keyring,
                    name=self._relative(name),
                    chunk_size=self.chunk_size,
                ):
                    handle.write(sealed)
        except BaseException:
            os.unlink(full_path)
            raise
        finally:
            locks.unlock(descriptor)
            os.close(descriptor)
        if self.file_permissions_mode is not None:
            os.chmod(full_path, self.file_permissions_mode)
        ensure_group = getattr(self, "_ensure_location_group_id", None)  # as Django does
        if ensure_group is not None:
            ensure_group(full_path)
        return self._relative(name)

    def size(self, name: str) -> int:
        """The plaintext's size (read from the header and the file size: no key needed)."""
        with open(self.path(name), "rb") as handle:
            header = crypto.header_parse(handle.read(crypto.HEADER_SIZE), name=name)
            file_size = os.fstat(handle.fileno()).st_size
        return crypto.plaintext_size(header, file_size=file_size, name=name)[0]

    def rewrap(self) -> "RewrapReport":
        return storage_rewrap(storage=self)


@dataclass
class RewrapReport:
    key_id: str
    rewrapped: int = 0
    already_current: int = 0
    failed: list[str] = field(default_factory=list)


def storage_rewrap(*, storage: EncryptedFileSystemStorage) -> RewrapReport:
    """Wrap every stored file's data key with the current master key, rewriting only
    each file's header (the content is neither decrypted nor re-encrypted). Files already
    on the current key are left alone, so running it again changes nothing."""
    report = RewrapReport(key_id=storage.keyring.current_id.hex())
    root = storage.location
    if not os.path.isdir(root):
        return report
    for directory, subdirectories, files in os.walk(root):
        subdirectories.sort()
        for file_name in sorted(files):
            path = os.path.join(directory, file_name)
            name = os.path.relpath(path, root).replace("\\", "/")
            validate_file_name(name, allow_relative_path=True)
            try:
                changed = _file_rewrap(path, keyring=storage.keyring, name=name)
            except (crypto.EncryptedFileError, OSError) as exc:
                report.failed.append(f"{name}: {exc}")
                continue
            if changed:
                report.rewrapped += 1
            else:
                report.already_current += 1
    return report


def _file_rewrap(path: str, *, keyring: crypto.Keyring, name: str) -> bool:
    with open(path, "r+b") as handle:
        # A file still being written holds this lock until its last chunk is written.
        locks.lock(handle, locks.LOCK_EX)
        try:
            header = crypto.header_parse(handle.read(crypto.HEADER_SIZE), name=name)
            if header.key_id == keyring.current_id:
                return False
            new = crypto.header_rewrap(header, keyring=keyring, name=name).to_bytes()
            # Same size, at the same place: one small write at the start of the file.
            handle.seek(0)
            handle.write(new)
            handle.flush()
            os.fsync(handle.fileno())
            return True
        finally:
            locks.unlock(handle)


class _PrivateStorage(LazyObject):
    """``storages["private"]``, looked up when first used, like Django's default_storage."""

    def _setup(self) -> None:
        self._wrapped = storages["private"]


_private_storage = _PrivateStorage()


@receiver(setting_changed)
def _private_storage_reset(*, setting: str, **kwargs: Any) -> None:
    if setting == "STORAGES":
        _private_storage._wrapped = cast(Storage, empty)


def private_storage() -> Storage:
    """The storage of candidates' files (STORAGES["private"]): never under a public URL."""
    return cast(Storage, _private_storage)
