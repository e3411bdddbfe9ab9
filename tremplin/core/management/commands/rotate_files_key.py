"""``tremplin rotate-files-key``: re-wrap every candidate file's data key with the current
files key (TREMPLIN_FILES_KEY), the previous key being in TREMPLIN_FILES_OLD_KEYS."""

from typing import Any

from django.core.management.base import BaseCommand, CommandError

from tremplin.core.objectstorage import EncryptedS3Storage
from tremplin.core.storage import EncryptedFileSystemStorage, private_storage


class Command(BaseCommand):
    help = (
        "Re-wrap the data key of every stored candidate file with TREMPLIN_FILES_KEY, "
        "rewriting only each file's header. Put the previous key in TREMPLIN_FILES_OLD_KEYS "
        "first; once this succeeds, the old key can be removed. Safe to run again."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        storage = private_storage()
        if not isinstance(storage, EncryptedFileSystemStorage | EncryptedS3Storage):
            raise CommandError("STORAGES['private'] is not an encrypted storage of Tremplin's")
        report = storage.rewrap()
        self.stdout.write(
            f"files key {report.key_id}: {report.rewrapped} re-wrapped, "
            f"{report.already_current} already on it, {len(report.failed)} failed"
        )
        for problem in report.failed:
            self.stderr.write(problem)
        if report.failed:
            raise CommandError(
                f"{len(report.failed)} file(s) could not be re-wrapped; keep the old keys "
                "until they are fixed"
            )
