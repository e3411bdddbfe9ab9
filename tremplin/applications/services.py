"""Writes on applications: submitting, withdrawing, text extraction, download records.

``application_submit`` is the one way in, for the web form and for e-mail alike: every
file is checked before anything is written, then the candidate, the application, its
documents and the acknowledgement are committed in one transaction, and only then is
text extraction queued.
"""

import logging
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.contrib.auth.base_user import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.core.files import File
from django.core.files.base import ContentFile
from django.core.validators import validate_email
from django.db import transaction
from django.db.models import F
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from tremplin.applications import extraction
from tremplin.applications.files import CheckedFile, file_check
from tremplin.applications.models import (
    Answer,
    Application,
    Candidate,
    Document,
    DocumentDownload,
    private_storage,
)
from tremplin.applications.selectors import (
    answer_word_count,
    question_list,
    vacancy_accepts_applications,
)
from tremplin.applications.tokens import application_token
from tremplin.core.language import detect_language
from tremplin.vacancies.models import Vacancy
from tremplin.vacancies.selectors import vacancy_text_for_language

logger = logging.getLogger(__name__)

# A letter typed in the form (or an e-mail body) longer than this is cut.
LETTER_TEXT_MAX_CHARS = 50_000
# A document whose extraction was started this many times without finishing (its worker
# died each time, e.g. on a file that crashes the parser) is marked failed.
EXTRACTION_MAX_ATTEMPTS = 3
ACKNOWLEDGEMENT_HEADERS = {"Auto-Submitted": "auto-replied", "X-Auto-Response-Suppress": "All"}


@dataclass(frozen=True)
class IncomingFile:
    role: str  # Document.Role value
    name: str  # the name the candidate gave it
    file: File  # ContentFile(bytes) for e-mail attachments


def candidate_email_normalize(email: str) -> str:
    """The address as we store it: trimmed and lower-case; ValidationError if invalid."""
    normalized = email.strip().lower()
    validate_email(normalized)
    return normalized


def _language(language: str) -> str:
    codes = [code for code, _name in settings.LANGUAGES]
    return language if language in codes else settings.LANGUAGE_CODE


def answers_check(
    *, vacancy: Vacancy, answers: Mapping[int, str], enforce_required: bool = True
) -> dict[int, str]:
    """The answers, trimmed, once every required one is there and each is within its limit.

    ``enforce_required=False`` is for e-mail, which has no way to answer the questions.
    """
    questions = {question.pk: question for question in question_list(vacancy=vacancy)}
    unknown = set(answers) - set(questions)
    if unknown:
        raise ValidationError(_("An answer was sent to a question this vacancy does not ask."))
    cleaned: dict[int, str] = {}
    errors: list[ValidationError] = []
    for pk, question in questions.items():
        text = (answers.get(pk) or "").strip()
        if question.required and enforce_required and not text:
            errors.append(ValidationError(_("Please answer every question."), code="required"))
        count = answer_word_count(text)
        if count > question.word_limit:
            errors.append(
                ValidationError(
                    _("Please keep your answer to %(limit)d words at most (it has %(count)d)."),
                    code="word_limit",
                    params={"limit": question.word_limit, "count": count},
                )
            )
        if text:
            cleaned[pk] = text
    if errors:
        raise ValidationError(errors)
    return cleaned


def application_submit(
    *,
    vacancy: Vacancy,
    name: str,
    email: str,
    phone: str = "",
    files: Sequence[IncomingFile] = (),
    letter_text: str = "",
    answers: Mapping[int, str] | None = None,
    talent_pool_consent: bool = False,
    source: str = Application.Source.WEB,
    language: str,
    acknowledge: bool = True,
    notes: Sequence[str] = (),
) -> Application:
    """Store an application, or update the candidate's earlier one for the same vacancy.

    Raises FileRejected (a ValidationError) for a file we do not take and ValidationError
    for anything else wrong, before writing anything. A second application from the same
    address to the same vacancy updates the first: its new files supersede the older ones
    of the same role, which are kept.
    """
    if not vacancy_accepts_applications(vacancy=vacancy):
        raise ValidationError(
            _("This vacancy is closed: it no longer takes applications."), code="closed"
        )
    email = candidate_email_normalize(email)
    name = " ".join(name.split())[:200]
    phone = " ".join(phone.split())[:50]
    language = _language(language)
    letter_text = letter_text.strip()[:LETTER_TEXT_MAX_CHARS]
    by_email = source == Application.Source.EMAIL
    cleaned_answers = answers_check(
        vacancy=vacancy, answers=answers or {}, enforce_required=not by_email
    )
    if by_email and question_list(vacancy=vacancy):
        notes = [
            *notes,
            str(_("This application came by e-mail, so the vacancy’s questions are unanswered.")),
        ]
    checked: list[tuple[IncomingFile, CheckedFile]] = [
        (
            incoming,
            file_check(
                name=incoming.name,
                file=incoming.file,
                allow_text=incoming.role == Document.Role.LETTER,
            ),
        )
        for incoming in files
    ]

    storage = private_storage()
    saved: list[str] = []
    try:
        with transaction.atomic():
            application = _application_store(
                vacancy=vacancy,
                name=name,
                email=email,
                phone=phone,
                language=language,
                source=source,
                talent_pool_consent=talent_pool_consent,
                notes=notes,
            )
            roles = {incoming.role for incoming, _checked in checked}
            if letter_text:
                roles.add(Document.Role.LETTER)
            application.documents.filter(role__in=roles, superseded_at__isnull=True).update(
                superseded_at=timezone.now()
            )
            documents: list[Document] = []
            for incoming, checked_file in checked:
                incoming.file.seek(0)
                documents.append(
                    _document_store(
                        application=application,
                        role=incoming.role,
                        checked=checked_file,
                        content=incoming.file,
                        saved=saved,
                    )
                )
            if letter_text:
                text = letter_text.encode("utf-8")
                documents.append(
                    _document_store(
                        application=application,
                        role=Document.Role.LETTER,
                        checked=CheckedFile(
                            kind=Document.Kind.TXT,
                            original_name="",
                            size=len(text),
                            sha256="",
                            text_encoding="utf-8",
                        ),
                        content=ContentFile(text),
                        saved=saved,
                    )
                )
            for pk, answer in cleaned_answers.items():
                Answer.objects.update_or_create(
                    application=application, question_id=pk, defaults={"text": answer}
                )
            if acknowledge:
                application_acknowledge(application=application)
            for document in documents:
                document_extraction_enqueue(document=document)
    except BaseException:
        for stored_name in saved:
            storage.delete(stored_name)
        raise
    return application


def _application_store(
    *,
    vacancy: Vacancy,
    name: str,
    email: str,
    phone: str,
    language: str,
    source: str,
    talent_pool_consent: bool,
    notes: Sequence[str],
) -> Application:
    now = timezone.now()
    candidate, created = Candidate.objects.get_or_create(
        email=email, defaults={"name": name, "phone": phone, "language": language}
    )
    if not created:
        candidate.name = name or candidate.name
        candidate.phone = phone or candidate.phone
        candidate.language = language
        candidate.save(update_fields=["name", "phone", "language", "updated_at"])
    application, created = Application.objects.select_for_update().get_or_create(
        candidate=candidate,
        vacancy=vacancy,
        defaults={
            "source": source,
            "language": language,
            "talent_pool_consent": talent_pool_consent,
            "talent_pool_consent_at": now if talent_pool_consent else None,
        },
    )
    if not created:
        application.language = language
        if talent_pool_consent and not application.talent_pool_consent:
            application.talent_pool_consent_at = now
        elif not talent_pool_consent:
            application.talent_pool_consent_at = None
        application.talent_pool_consent = talent_pool_consent
        application.submissions = F("submissions") + 1
        if application.stage == Application.Stage.WITHDRAWN:
            application.stage = Application.Stage.RECEIVED
            application.withdrawn_at = None
    if notes:
        application.notes = [
            *application.notes,
            *({"at": now.isoformat(), "text": str(note)} for note in notes),
        ]
    if not created or notes:
        application.save()
        application.refresh_from_db()
    return application


def _document_store(
    *,
    application: Application,
    role: str,
    checked: CheckedFile,
    content: File,
    saved: list[str],
) -> Document:
    document = Document(
        application=application,
        role=role,
        kind=checked.kind,
        original_name=checked.original_name,
        size=checked.size,
        sha256=checked.sha256,
        text_encoding=checked.text_encoding,
        page_count=checked.page_count,
    )
    # The name given here is ignored: upload_to generates one.
    document.file.save("upload", content, save=False)
    saved.append(str(document.file.name))
    document.save()
    return document


def application_status_url(*, application: Application) -> str:
    """The candidate's private status link, absolute, in the application's language."""
    with translation.override(application.language):
        path = reverse(
            "applications:status",
            kwargs={"token": application_token(public_id=application.public_id)},
        )
    return settings.SITE_URL + path


def application_acknowledge(*, application: Application) -> None:
    """Queue the acknowledgement e-mail, in the candidate's language, with the status link."""
    from tremplin.messaging.services import outbox_queue

    vacancy = application.vacancy
    with translation.override(application.language):
        text = vacancy_text_for_language(vacancy=vacancy, language=application.language)
        title = text.title if text else vacancy.slug
        context = {
            "application": application,
            "candidate": application.candidate,
            "vacancy": vacancy,
            "organization": vacancy.organization,
            "title": title,
            "status_url": application_status_url(application=application),
            "updated": application.submissions > 1,
        }
        subject = gettext("Application received: %(title)s") % {"title": title}
        body = render_to_string("applications/email/acknowledgement.txt", context)
    outbox_queue(
        to=application.candidate.email,
        subject=subject,
        body=body,
        language=application.language,
        headers=ACKNOWLEDGEMENT_HEADERS,
        application=application,
        kind="acknowledgement",
    )


@transaction.atomic
def application_withdraw(*, application: Application) -> Application:
    """The candidate withdraws; asking twice changes nothing more."""
    locked = Application.objects.select_for_update().get(pk=application.pk)
    if locked.stage in (Application.Stage.WITHDRAWN, Application.Stage.REJECTED):
        return locked
    locked.stage = Application.Stage.WITHDRAWN
    locked.withdrawn_at = timezone.now()
    locked.save(update_fields=["stage", "withdrawn_at", "updated_at"])
    return locked


def application_can_withdraw(*, application: Application) -> bool:
    return application.stage not in (
        Application.Stage.WITHDRAWN,
        Application.Stage.REJECTED,
        Application.Stage.HIRED,
    )


def document_extraction_enqueue(*, document: Document) -> None:
    """Queue text extraction for ``document`` once the current transaction commits."""
    from tremplin.applications.tasks import document_extract_task

    Document.objects.filter(pk=document.pk).update(extraction_queued_at=timezone.now())
    pk = document.pk
    # robust: the application is committed already; a lost task is found by the sweep.
    transaction.on_commit(lambda: document_extract_task.enqueue(document_id=pk), robust=True)


def document_extract(*, document_id: int) -> str:
    """Extract the text of a pending document; return its extraction status after.

    Idempotent: a document that is no longer pending is left alone, and the result is
    written only if it still is, so two runs at once store one result. Each start is
    counted first, so a file that kills its worker every time ends up "failed".
    """
    started = Document.objects.filter(
        pk=document_id, extraction_status=Document.Extraction.PENDING
    ).update(extraction_attempts=F("extraction_attempts") + 1)
    document = (
        Document.objects.select_related("application__vacancy").filter(pk=document_id).first()
    )
    if document is None:
        return "missing"
    if not started:
        return str(document.extraction_status)
    if document.extraction_attempts > EXTRACTION_MAX_ATTEMPTS:
        return _extraction_failed(
            document=document,
            error=f"the worker stopped {EXTRACTION_MAX_ATTEMPTS} times while reading this file",
        )
    try:
        with document.file.open("rb") as stream:
            data = stream.read()
        result = extraction.text_extract(
            kind=document.kind, data=data, encoding=document.text_encoding
        )
    except (extraction.ExtractionFailed, OSError) as exc:
        logger.warning("extraction of document %s failed: %s", document.pk, exc)
        return _extraction_failed(document=document, error=str(exc))

    language = detect_language(result.text) or ""
    required = document.application.vacancy.application_language
    mismatch = bool(
        document.role == Document.Role.LETTER and required and language and language != required
    )
    status = Document.Extraction.DONE if result.text.strip() else Document.Extraction.NO_TEXT
    Document.objects.filter(pk=document.pk, extraction_status=Document.Extraction.PENDING).update(
        extraction_status=status,
        text=result.text,
        page_count=result.page_count if result.page_count is not None else document.page_count,
        language=language,
        language_mismatch=mismatch,
        extraction_error="",
        extracted_at=timezone.now(),
    )
    return str(status)


def _extraction_failed(*, document: Document, error: str) -> str:
    Document.objects.filter(pk=document.pk, extraction_status=Document.Extraction.PENDING).update(
        extraction_status=Document.Extraction.FAILED,
        extraction_error=error[:2000],
        extracted_at=timezone.now(),
    )
    return str(Document.Extraction.FAILED)


def document_extraction_sweep(*, older_than: timedelta) -> int:
    """Queue extraction again for documents pending longer than ``older_than``.

    django-tasks-db leaves the task of a worker that died mid-run "running" for ever and
    never runs it again; this finds the documents such tasks were for (and any whose task
    was never queued) and queues a new task. Running it while a task is in fact still
    working costs a second extraction, nothing else (``document_extract`` is idempotent).
    Returns how many documents were queued.
    """
    cutoff = timezone.now() - older_than
    stale = Document.objects.filter(
        extraction_status=Document.Extraction.PENDING, extraction_queued_at__lte=cutoff
    ) | Document.objects.filter(
        extraction_status=Document.Extraction.PENDING, extraction_queued_at__isnull=True
    )
    count = 0
    for document in stale.order_by("pk").iterator():
        with transaction.atomic():
            document_extraction_enqueue(document=document)
        count += 1
    return count


def document_download_record(*, document: Document, user: AbstractBaseUser) -> DocumentDownload:
    return DocumentDownload.objects.create(document=document, user_id=user.pk)
