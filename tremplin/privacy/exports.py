"""The candidate's copy of their data (GDPR Art. 15 and 20): one ZIP, built by a task.

The ZIP holds ``data.json`` (every row the organization holds about the candidate, from
the shredders' exports, with a small header), the original files (CVs, letters, e-mails
as received) under ``files/``, and a ``README.txt`` in the candidate's language saying
what each part is. It is written to a temporary file on disk, each stored file streamed
into it through the decrypting storage, then saved encrypted to the private storage and
offered for download until it expires. Whether a copy can be downloaded, and when the
candidate may ask for the next, are read in ``selectors``.
"""

import json
import logging
import shutil
import tempfile
import zipfile
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import PurePosixPath
from typing import IO, Any

from django.apps import apps
from django.conf import settings
from django.core.files import File
from django.db import models, transaction
from django.http import FileResponse
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from tremplin.accounts.models import Organization, User
from tremplin.applications.links import application_status_url
from tremplin.applications.models import Application, Candidate
from tremplin.applications.signals import candidate_split
from tremplin.core.audit import log_action
from tremplin.messaging.outbox import AUTOMATIC_HEADERS, outbox_compose
from tremplin.privacy.models import DataExport
from tremplin.privacy.selectors import data_export_next_request, data_exports_expired
from tremplin.privacy.shredders import export_data, export_files, subject_for_candidate

logger = logging.getLogger(__name__)

# How long a ready copy can be downloaded.
EXPORT_LIFETIME = timedelta(days=7)
# A pending export older than this has lost its task (a worker died, the queue was
# emptied): asking again queues its build again rather than waiting forever.
EXPORT_STALE_AFTER = timedelta(minutes=30)
# The version of data.json's layout, for whoever reads it with a program.
FORMAT_VERSION = 1
COPY_BUFFER = 64 * 1024
# Files larger than this get ZIP64 records (zipfile must know before writing them).
ZIP64_FROM = 2**31

# What each section of data.json holds, by model label; a section not listed here is
# described by its model's name (a new model is never left out, only less explained).
SECTION_DESCRIPTIONS: dict[str, Any] = {
    "applications.candidate": gettext_lazy(
        "Who you are to us: your name, e-mail address, phone number and language."
    ),
    "applications.application": gettext_lazy(
        "Your applications: the vacancy, how each was received, its stage, its dates, and "
        "whether you agreed to stay in the talent pool."
    ),
    "applications.stagechange": gettext_lazy(
        "The history of each application: every move from one stage to another, when, by "
        "whom, and the reason given."
    ),
    "applications.answer": gettext_lazy("Your answers to the vacancies’ questions."),
    "applications.document": gettext_lazy(
        "The documents you sent (CV, cover letter…) with the text read from them; the files "
        "themselves are in the files folder."
    ),
    "applications.documentdownload": gettext_lazy(
        "Each time a member of staff downloaded one of your documents."
    ),
    "applications.note": gettext_lazy("The notes staff wrote about your applications."),
    "messaging.outboxmessage": gettext_lazy("The e-mails we sent you."),
    "messaging.inboundmessage": gettext_lazy(
        "The e-mails you sent us; each message as it was received is in the files folder."
    ),
    "messaging.draftmessage": gettext_lazy(
        "Messages to you that staff prepared, whether they were sent or not."
    ),
    "applications.reviewerassignment": gettext_lazy(
        "Which members of staff were asked to review your applications, by whom and when."
    ),
    "review.review": gettext_lazy(
        "Reviewers’ overall recommendations and notes about your applications."
    ),
    "review.criterionscore": gettext_lazy(
        "Reviewers’ scores (1 to 5) against each of the vacancy’s criteria, with their notes."
    ),
    "review.answerscore": gettext_lazy(
        "Reviewers’ scores (1 to 5) of your answers, with their notes."
    ),
    "review.candidatenumber": gettext_lazy(
        "The number you went by when reviewers did not see your name."
    ),
    "privacy.dataexport": gettext_lazy(
        "The copies of your data that you, or the organization for you, asked for."
    ),
    "core.auditevent": gettext_lazy(
        "The entries of the organization’s audit log about your applications and data."
    ),
}


def _language(language: str) -> str:
    return language if language in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE


def _latest_application(*, candidate: Candidate, organization: Organization) -> Application | None:
    return (
        Application.objects.filter(candidate=candidate, vacancy__organization=organization)
        .select_related("vacancy__organization", "candidate")
        .order_by("-created_at", "-pk")
        .first()
    )


def _build_enqueue(*, export_id: int) -> None:
    from tremplin.privacy.tasks import data_export_build_task  # tasks imports this module

    # robust: the export row is committed already; a lost task is queued again when the
    # candidate or an owner asks again (see EXPORT_STALE_AFTER).
    transaction.on_commit(lambda: data_export_build_task.enqueue(export_id=export_id), robust=True)


class ExportTooSoon(Exception):
    """The candidate had a new copy less than EXPORT_INTERVAL ago; ``next_at``: from when
    they may ask again."""

    def __init__(self, next_at: datetime) -> None:
        super().__init__(f"the next copy can be asked for from {next_at.isoformat()}")
        self.next_at = next_at


def data_export_request(
    *,
    candidate: Candidate,
    organization: Organization,
    requested_by: User | None,
    language: str,
    application: Application | None = None,
) -> DataExport:
    """Ask for a copy of everything ``organization`` holds about ``candidate``.

    ``requested_by`` is the member of staff who asked, or None for the candidate; a copy
    the candidate asked for is announced to them by e-mail when it is ready. While one is
    being prepared, asking again returns it (but the candidate's request is not answered
    by a copy an owner asked for: that one would not be announced to them).
    ``application`` (default: their latest at the organization) is what the audit log
    files the request under.

    The candidate gets one new copy per EXPORT_INTERVAL (ExportTooSoon says when the next
    is possible). Owners are not limited so: they answer a request the person made to
    them by other means (a letter, an e-mail), they are few, re-checked, named in the
    audit log, and an organization must not be kept from meeting its deadline to answer
    (GDPR Art. 12(3)); their copies do not count against the candidate's.
    """
    by_staff = getattr(requested_by, "is_authenticated", False)
    with transaction.atomic():
        # One request at a time per candidate: the lock makes "is one pending?" hold.
        Candidate.objects.select_for_update().filter(pk=candidate.pk).first()
        prepared = DataExport.objects.filter(
            candidate=candidate, organization=organization, status=DataExport.Status.PENDING
        )
        if not by_staff:
            # The candidate is told by e-mail when their own copy is ready; a copy an owner
            # asked for is not announced, so it does not answer the candidate's request.
            prepared = prepared.filter(requested_by__isnull=True)
        pending = prepared.first()
        if pending is not None:
            if pending.created_at < timezone.now() - EXPORT_STALE_AFTER:
                _build_enqueue(export_id=pending.pk)
            return pending
        if not by_staff:
            next_at = data_export_next_request(candidate=candidate, organization=organization)
            if next_at is not None:
                raise ExportTooSoon(next_at)
        export = DataExport.objects.create(
            organization=organization,
            candidate=candidate,
            requested_by=requested_by if by_staff else None,
            language=_language(language),
        )
        target = application or _latest_application(candidate=candidate, organization=organization)
        log_action(
            requested_by if by_staff else None,
            "export.requested",
            target,
            {
                "export": export.pk,
                "by": "staff" if by_staff else "candidate",
                "language": export.language,
            },
            organization=organization,
        )
        _build_enqueue(export_id=export.pk)
    return export


def data_export_build(*, export_id: int) -> str:
    """Build the ZIP of export ``export_id``; return its status after.

    Idempotent and retryable: a ready export is left alone; a pending or failed one is
    built (again). When two runs race, the first to finish wins and the other's file is
    removed. On error the export is marked failed, without personal data in the error,
    and the error is raised again so the task shows it.
    """
    export = (
        DataExport.objects.select_related("organization", "candidate").filter(pk=export_id).first()
    )
    if export is None:
        return "missing"
    if export.status == DataExport.Status.READY:
        return str(export.status)
    ready_at = timezone.now()
    expires_at = ready_at + EXPORT_LIFETIME
    saved = ""
    try:
        with tempfile.TemporaryFile(prefix="tremplin-export-") as archive:
            _zip_write(archive, export=export, generated_at=ready_at, expires_at=expires_at)
            size = archive.tell()
            archive.seek(0)
            saved = export.file.storage.save(
                export.file.field.generate_filename(export, "export.zip"), File(archive)
            )
        with transaction.atomic():
            locked = DataExport.objects.select_for_update().filter(pk=export.pk).first()
            if locked is None or locked.status == DataExport.Status.READY:
                # Erased meanwhile, or another run finished first: this file is not needed.
                export.file.storage.delete(saved)
                return "missing" if locked is None else str(locked.status)
            previous = locked.file.name
            locked.file.name = saved
            locked.size = size
            locked.status = DataExport.Status.READY
            locked.error = ""
            locked.ready_at = ready_at
            locked.expires_at = expires_at
            locked.save(update_fields=["file", "size", "status", "error", "ready_at", "expires_at"])
            if previous:
                transaction.on_commit(lambda: locked.file.storage.delete(previous))
            if locked.requested_by_id is None:
                _ready_email(export=locked)
        saved = ""  # it is the export's file now
    except Exception as exc:
        if saved:
            export.file.storage.delete(saved)
        # The exception's text may quote a file name or a value: only its kind is kept.
        DataExport.objects.filter(pk=export.pk).exclude(status=DataExport.Status.READY).update(
            status=DataExport.Status.FAILED,
            error=f"{type(exc).__name__} while building the export",
        )
        logger.exception("data export %s failed", export.pk)
        raise
    return str(DataExport.Status.READY)


def _zip_info(name: str, generated_at: datetime) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name, date_time=timezone.localtime(generated_at).timetuple()[:6])
    info.compress_type = zipfile.ZIP_DEFLATED
    return info


def _unique(name: str, taken: set[str]) -> str:
    """``name``, or ``name`` with a number before its extension if the ZIP has it already."""
    path, counter = PurePosixPath(name), 1
    while name in taken:
        counter += 1
        name = str(path.with_stem(f"{path.stem}-{counter}"))
    taken.add(name)
    return name


def _zip_write(
    archive: IO[bytes], *, export: DataExport, generated_at: datetime, expires_at: datetime
) -> None:
    subject = subject_for_candidate(candidate=export.candidate, organization=export.organization)
    sections = export_data(subject=subject)
    organization = export.organization
    header = {
        "format": "tremplin-data-export",
        "format_version": FORMAT_VERSION,
        "generated_at": generated_at.isoformat(),
        "language": export.language,
        "organization": {
            "name": organization.name,
            "legal_name": organization.legal_name,
            "website": organization.website,
            "privacy_email": _privacy_email(organization),
        },
    }
    taken: set[str] = set()
    with zipfile.ZipFile(archive, "w", compression=zipfile.ZIP_DEFLATED) as zip_file:
        with zip_file.open(_zip_info(_unique("data.json", taken), generated_at), "w") as target:
            text = json.dumps({**header, "data": sections}, ensure_ascii=False, indent=2)
            target.write(text.encode())
        files = []
        for path, stored in export_files(subject=subject):
            name = _unique(path, taken)
            files.append(name)
            with (
                stored.open("rb") as source,
                zip_file.open(
                    _zip_info(name, generated_at), "w", force_zip64=_large(stored)
                ) as target,
            ):
                shutil.copyfileobj(source, target, COPY_BUFFER)
        with translation.override(export.language):
            readme = render_to_string(
                "privacy/export_readme.txt",
                {
                    "organization": organization,
                    "privacy_email": _privacy_email(organization),
                    "generated_at": generated_at,
                    "expires_at": expires_at,
                    "lifetime_days": EXPORT_LIFETIME.days,
                    "sections": list(_sections_described(sections)),
                    "files": files,
                    "format_version": FORMAT_VERSION,
                },
            )
        with zip_file.open(_zip_info(_unique("README.txt", taken), generated_at), "w") as target:
            target.write(readme.replace("\n", "\r\n").encode())


def _large(stored: Any) -> bool:
    try:
        return int(stored.size) >= ZIP64_FROM
    except (OSError, ValueError):
        return True


def _privacy_email(organization: Organization) -> str:
    return organization.privacy_email or organization.dpo_email or organization.email


def _sections_described(
    sections: dict[str, list[dict[str, Any]]],
) -> Iterator[dict[str, Any]]:
    for label, rows in sections.items():
        description = SECTION_DESCRIPTIONS.get(label)
        if description is None:
            try:
                model = apps.get_model(label)
            except LookupError:
                description = label
            else:
                description = str(model._meta.verbose_name_plural).capitalize()
        yield {"label": label, "description": str(description), "count": len(rows)}


def _ready_email(*, export: DataExport) -> None:
    """Tell the candidate that the copy they asked for is ready, in their language."""
    application = _latest_application(candidate=export.candidate, organization=export.organization)
    if application is None:  # nothing left to link to: the copy stays for staff to send
        return

    def compose() -> tuple[str, str]:
        context = {
            "candidate": export.candidate,
            "organization": export.organization,
            "status_url": application_status_url(application=application, language=export.language),
            "expires_at": export.expires_at,
        }
        subject = _("Your copy of your data at %(organization)s is ready") % {
            "organization": export.organization.name
        }
        return subject, render_to_string("privacy/email/export_ready.txt", context)

    outbox_compose(
        to=export.candidate.email,
        language=export.language,
        compose=compose,
        headers=AUTOMATIC_HEADERS,
        application=application,
        kind="data_export",
    )


def data_exports_expire(
    *, now: datetime | None = None, organization: Organization | None = None
) -> int:
    """Delete the files of the copies whose link has expired (their rows stay, as the
    record that a copy was given); return how many files went. Safe to run at any time."""
    expired = data_exports_expired(now=now or timezone.now(), organization=organization)
    deleted = 0
    for export in expired.iterator():
        name = str(export.file.name)
        if DataExport.objects.filter(pk=export.pk, file=name).update(file="", size=0):
            export.file.storage.delete(name)
            deleted += 1
    return deleted


def data_export_filename(*, export: DataExport) -> str:
    day = timezone.localdate(export.ready_at or export.created_at)
    return f"data-{export.organization.slug}-{day:%Y-%m-%d}.zip"


def data_export_open(*, export: DataExport, actor: User | None) -> FileResponse:
    """The ZIP as a streamed download (the storage decrypts while it is sent); counts the
    download and records it in the audit log. The caller checks ``data_export_available``;
    a file gone missing raises FileNotFoundError."""
    stream = export.file.open("rb")
    DataExport.objects.filter(pk=export.pk).update(downloads=models.F("downloads") + 1)
    by_staff = getattr(actor, "is_authenticated", False)
    log_action(
        actor if by_staff else None,
        "export.downloaded",
        export,
        {"export": export.pk, "by": "staff" if by_staff else "candidate"},
        organization=export.organization,
    )
    response = FileResponse(
        stream,
        as_attachment=True,
        filename=data_export_filename(export=export),
        content_type="application/zip",
    )
    response["Cache-Control"] = "private, no-store"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    return response


# A correction of the candidate's address gives them a candidate row of their own
# (applications.signals.candidate_split): their data exports at the organization follow
# it, so the shredders of that subject find them.


def _exports_follow(
    sender: Any, old: Candidate, new: Candidate, organization: Any, **kwargs: Any
) -> None:
    DataExport.objects.filter(candidate=old, organization=organization).update(candidate=new)


def exports_follow_candidate_split() -> None:
    candidate_split.connect(_exports_follow, dispatch_uid="privacy_exports_follow_split")
