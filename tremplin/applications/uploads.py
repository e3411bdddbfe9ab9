"""An upload handler that stops reading the request as soon as a file is too big.

Listed first in FILE_UPLOAD_HANDLERS. It counts each file's bytes as they stream in; once
one passes TREMPLIN_MAX_UPLOAD_BYTES (or all files together pass three times that), it
notes which file on the request and stops the upload without reading the rest of the body,
so a huge upload is never read in full, let alone kept. The view then shows the form with
the size message (see ``upload_refusal``).
"""

from dataclasses import dataclass

from django.conf import settings
from django.core.files.uploadhandler import FileUploadHandler, StopUpload
from django.http import HttpRequest

from tremplin.applications.files import FileRejected, file_too_large, original_name_clean

# All files of one request together may be this many times the per-file limit.
TOTAL_FACTOR = 3


@dataclass(frozen=True)
class UploadStopped:
    field_name: str
    file_name: str


class SizeLimitUploadHandler(FileUploadHandler):
    def __init__(self, request: HttpRequest | None = None) -> None:
        super().__init__(request)
        self.limit: int = settings.TREMPLIN_MAX_UPLOAD_BYTES
        self.total = 0

    def receive_data_chunk(self, raw_data: bytes, start: int) -> bytes | None:
        self.total += len(raw_data)
        if start + len(raw_data) > self.limit or self.total > TOTAL_FACTOR * self.limit:
            if self.request is not None:
                self.request.upload_stopped = UploadStopped(  # type: ignore[attr-defined]
                    field_name=self.field_name or "", file_name=self.file_name or ""
                )
            raise StopUpload(connection_reset=True)
        return raw_data

    def file_complete(self, file_size: int) -> None:
        return None


def upload_refusal(request: HttpRequest) -> tuple[str, FileRejected] | None:
    """The form field and the refusal when the handler stopped this request's upload."""
    stopped: UploadStopped | None = getattr(request, "upload_stopped", None)
    if stopped is None:
        return None
    name = original_name_clean(stopped.file_name) or stopped.field_name
    return stopped.field_name, file_too_large(name=name)
