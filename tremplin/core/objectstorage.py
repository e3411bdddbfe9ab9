"""Candidates' files in S3-compatible object storage (AWS S3, MinIO, Scaleway, OVH…),
encrypted exactly as on disk (``tremplin.core.crypto``): the provider only ever holds
ciphertext, and a file can move between the two storages byte for byte.

Chosen in settings by ``TREMPLIN_FILES_S3_BUCKET`` (see the README's deployment section),
for installations with more than one web or worker machine.
"""

import io
import tempfile
from collections.abc import Sequence
from typing import Any

from botocore.exceptions import ClientError
from django.core.files import File
from storages.backends.s3 import S3Storage
from storages.utils import clean_name

from tremplin.core import crypto
from tremplin.core.storage import EncryptedFile, RewrapReport

# Files up to this size stay in memory while they are encrypted or decrypted; bigger ones
# spill to a temporary file (which only ever holds ciphertext).
SPOOL_BYTES = 16 * 1024 * 1024


class EncryptedS3Storage(S3Storage):
    """S3Storage whose objects are encrypted with a data key of their own, wrapped by the
    master ``key`` (``old_keys`` still open objects not yet rotated)."""

    def __init__(
        self,
        *,
        key: str = "",
        old_keys: Sequence[str] = (),
        chunk_size: int = crypto.CHUNK_SIZE,
        **settings: Any,
    ) -> None:
        super().__init__(**settings)
        if not key:
            raise ValueError("EncryptedS3Storage needs a key")
        self.keyring = crypto.Keyring.from_text(key, old_keys)
        self.chunk_size = chunk_size

    def _object(self, name: str) -> Any:
        return self.bucket.Object(self._normalize_name(clean_name(name)))

    def _download(self, name: str, **range_: str) -> Any:
        try:
            return self._object(name).get(**range_)["Body"]
        except ClientError as exc:
            if exc.response["ResponseMetadata"]["HTTPStatusCode"] == 404:
                raise FileNotFoundError(f"no such file: {name}") from None
            raise

    def decrypting_open(self, name: str) -> io.BufferedReader:
        sealed = tempfile.SpooledTemporaryFile(max_size=SPOOL_BYTES)  # noqa: SIM115
        body = self._download(name)
        for piece in body.iter_chunks(1024 * 1024):
            sealed.write(piece)
        sealed.seek(0)
        return crypto.decrypting_reader(sealed, keyring=self.keyring, name=clean_name(name))

    def _open(self, name: str, mode: str = "rb") -> File:
        if any(flag in mode for flag in "wax+"):
            raise ValueError("encrypted files are opened for reading only; save to write")
        return EncryptedFile(self, name)

    def _save(self, name: str, content: File) -> str:
        with tempfile.SpooledTemporaryFile(max_size=SPOOL_BYTES) as sealed:
            for piece in crypto.encrypt_chunks(
                content.chunks(),
                keyring=self.keyring,
                name=clean_name(name),
                chunk_size=self.chunk_size,
            ):
                sealed.write(piece)
            sealed.seek(0)
            return str(super()._save(name, File(sealed, name)))

    def size(self, name: str) -> int:
        """The plaintext's size, from the header and the object's size."""
        head = self._download(name, Range=f"bytes=0-{crypto.HEADER_SIZE - 1}").read()
        header = crypto.header_parse(head, name=name)
        file_size = self._object(name).content_length
        return crypto.plaintext_size(header, file_size=file_size, name=name)[0]

    def rewrap(self) -> RewrapReport:
        """Wrap every object's data key with the current master key. An object cannot be
        changed in place: one whose key is old is uploaded again with its new header and
        the same encrypted content. Objects already on the current key are left alone."""
        report = RewrapReport(key_id=self.keyring.current_id.hex())
        prefix = self._normalize_name("")
        for summary in self.bucket.objects.filter(Prefix=prefix):
            name = summary.key[len(prefix) :].lstrip("/")
            try:
                head = self._download(name, Range=f"bytes=0-{crypto.HEADER_SIZE - 1}").read()
                header = crypto.header_parse(head, name=name)
                if header.key_id == self.keyring.current_id:
                    report.already_current += 1
                    continue
                new = crypto.header_rewrap(header, keyring=self.keyring, name=name).to_bytes()
                with tempfile.SpooledTemporaryFile(max_size=SPOOL_BYTES) as sealed:
                    sealed.write(new)
                    body = self._download(name, Range=f"bytes={crypto.HEADER_SIZE}-")
                    for piece in body.iter_chunks(1024 * 1024):
                        sealed.write(piece)
                    sealed.seek(0)
                    self._object(name).upload_fileobj(sealed)
            except (crypto.EncryptedFileError, OSError, ClientError) as exc:
                report.failed.append(f"{name}: {exc}")
                continue
            report.rewrapped += 1
        return report
