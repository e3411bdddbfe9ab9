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
from typing import Any

from django.conf import settings
from django.contrib.auth.base_user import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.core.files import File
from django.core.files.base import ContentFile
from django.core.validators import validate_email
from django.db import transaction
from django.db.models import F
from django.tasks import TaskResultStatus
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.text import slugify
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _
from django_tasks_db.models import DBTaskResult

from tremplin.applications import extraction
from tremplin.applications.files import CheckedFile, file_check
from tremplin.applications.models import (
    Answer,
    Application,
    Candidate,
    Document,
    DocumentDownload,
    Stage,
    StageChange,
    private_storage,
)
from tremplin.applications.selectors import (
    answer_word_count,
    application_replace_target,
    question_list,
    stage_list,
    vacancy_accepts_applications,
)
from tremplin.applications.signals import candidate_split, document_text_extracted
from tremplin.applications.tokens import (
    REPLACE_LINK_MAX_AGE,
    application_token,
    replace_token_make,
)
from tremplin.core.audit import log_action
from tremplin.core.language import detect_language
from tremplin.vacancies.models import Organization, Vacancy
from tremplin.vacancies.selectors import vacancy_title_for_language

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
    """Store a submission as an application of its own.

    Raises FileRejected (a ValidationError) for a file we do not take and ValidationError
    for anything else wrong, before writing anything. A second submission from the same
    address to the same vacancy never touches the first (its files, answers, stage, or the
    name and phone already known): it is a new application linked to the first as a likely
    duplicate, and its one acknowledgement offers a link that confirms the newer documents
    replace the earlier ones (``application_documents_replace``). Whoever submits is told
    the same whether or not the address had applied before.
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
            Answer.objects.bulk_create(
                Answer(application=application, question_id=pk, text=answer)
                for pk, answer in cleaned_answers.items()
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
    # One submission at a time per address: the second of two at once sees the first.
    candidate = Candidate.objects.select_for_update().get(pk=candidate.pk)
    notes = list(notes)
    if not created:
        # What an earlier submission recorded stays: anyone can type any address in the form.
        given = {"name": name, "phone": phone}
        differs = [key for key, value in given.items() if value and getattr(candidate, key)]
        differs = [key for key in differs if given[key] != getattr(candidate, key)]
        filled = [key for key, value in given.items() if value and not getattr(candidate, key)]
        for key in filled:
            setattr(candidate, key, given[key])
        if filled:
            candidate.save(update_fields=[*filled, "updated_at"])
        if "name" in differs:
            notes.append(gettext("This submission gave another name: “%(name)s”.") % {"name": name})
        if "phone" in differs:
            notes.append(
                gettext("This submission gave another phone number: %(phone)s.") % {"phone": phone}
            )
    earlier = (
        Application.objects.filter(candidate=candidate, vacancy=vacancy)
        .order_by("created_at", "pk")
        .first()
    )
    return Application.objects.create(
        candidate=candidate,
        vacancy=vacancy,
        source=source,
        language=language,
        talent_pool_consent=talent_pool_consent,
        talent_pool_consent_at=now if talent_pool_consent else None,
        duplicate_of=earlier,
        notes=[{"at": now.isoformat(), "text": str(note)} for note in notes],
    )


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


def application_status_url(*, application: Application, view: str = "applications:status") -> str:
    """The candidate's private status link, absolute, in the application's language; or
    the link of another of their pages under it (``view``)."""
    with translation.override(application.language):
        path = reverse(view, kwargs={"token": application_token(public_id=application.public_id)})
    return settings.SITE_URL + path


def organization_privacy_url(*, organization: Organization, language: str) -> str:
    """The organization's public privacy page, absolute, in ``language``."""
    with translation.override(language):
        path = reverse("privacy:organization", kwargs={"org": organization.slug})
    return settings.SITE_URL + path


def _privacy_footer(body: str, *, url: str, language: str) -> str:
    """An acknowledgement is the first message an e-mail applicant gets: it always says
    where the privacy notice is (GDPR Art. 13), even when the organization's own wording
    forgot to."""
    if url in body:
        return body
    with translation.override(language):
        line = gettext("How your data is used, how long it is kept, and your rights: %(url)s")
    return body.rstrip("\n") + "\n\n" + line % {"url": url} + "\n"


def application_replace_url(*, application: Application) -> str:
    """The absolute link that confirms the newer submission ``application`` replaces the
    documents of the earlier one, in the application's language."""
    with translation.override(application.language):
        path = reverse(
            "applications:replace",
            kwargs={"token": replace_token_make(public_id=application.public_id)},
        )
    return settings.SITE_URL + path


def _replace_offer(body: str, *, application: Application) -> str:
    """The acknowledgement of a second submission to the same vacancy also carries the link
    that makes its documents replace the earlier ones: one e-mail per submission. It says
    nothing of the earlier application (it may not be the sender's): no link, no file."""
    if application_replace_target(application=application) is None:
        return body
    with translation.override(application.language):
        offer = render_to_string(
            "applications/email/replace_offer.txt",
            {
                "replace_url": application_replace_url(application=application),
                "days": REPLACE_LINK_MAX_AGE.days,
            },
        )
    return body.rstrip("\n") + "\n\n" + offer.strip() + "\n"


def application_acknowledge(*, application: Application) -> None:
    """Queue the acknowledgement e-mail, in the candidate's language, with the status link:
    the organization's acknowledgement template in that language when it has one, else
    Tremplin's own text. A second submission's acknowledgement offers to replace the
    earlier documents (``_replace_offer``)."""
    from tremplin.messaging.models import MessageTemplate
    from tremplin.messaging.rendering import template_render
    from tremplin.messaging.selectors import message_template_text, message_variables
    from tremplin.messaging.services import outbox_queue

    vacancy = application.vacancy
    own = message_template_text(
        organization=vacancy.organization,
        kind=MessageTemplate.Kind.ACKNOWLEDGEMENT,
        language=application.language,
    )
    if own is not None:
        variables = message_variables(application=application)
        try:
            subject, body = (
                template_render(own.subject, variables),
                template_render(own.body, variables),
            )
        except ValidationError:
            logger.warning("acknowledgement template %s is not valid: default text", own.pk)
        else:
            outbox_queue(
                to=application.candidate.email,
                subject=subject,
                body=_replace_offer(
                    _privacy_footer(
                        body, url=variables["privacy_url"], language=application.language
                    ),
                    application=application,
                ),
                language=application.language,
                headers=ACKNOWLEDGEMENT_HEADERS,
                application=application,
                kind="acknowledgement",
            )
            return
    with translation.override(application.language):
        title = vacancy_title_for_language(vacancy=vacancy, language=application.language)
        context = {
            "application": application,
            "candidate": application.candidate,
            "vacancy": vacancy,
            "organization": vacancy.organization,
            "title": title,
            "status_url": application_status_url(application=application),
            "privacy_url": organization_privacy_url(
                organization=vacancy.organization, language=application.language
            ),
        }
        subject = gettext("Application received: %(title)s") % {"title": title}
        body = render_to_string("applications/email/acknowledgement.txt", context)
    body = _replace_offer(body, application=application)
    outbox_queue(
        to=application.candidate.email,
        subject=subject,
        body=body,
        language=application.language,
        headers=ACKNOWLEDGEMENT_HEADERS,
        application=application,
        kind="acknowledgement",
    )


def application_documents_replace(*, application: Application) -> Application:
    """The sender of the newer submission ``application`` confirmed, by the link e-mailed to
    the address, that its documents replace those of the earlier application to the same
    vacancy. Returns the earlier application, which now holds them.

    The newer documents move to the earlier application; the earlier ones of the same
    roles stay, marked superseded (recruiters see them as replaced; shredders erase them
    with the rest). The earlier answers stay; the newer answers fill only the questions the
    earlier left unanswered (an application by e-mail answers none). The mail of the newer
    submission moves along, and its now empty row is deleted: one application remains.
    ValidationError, changing nothing, when the replacement is no longer possible
    (``application_replace_target``).
    """
    from tremplin.messaging.models import DraftMessage, InboundMessage, OutboxMessage

    with transaction.atomic():
        newer = Application.objects.select_for_update().filter(pk=application.pk).first()
        earlier = None if newer is None else application_replace_target(application=newer)
        if newer is None or earlier is None:
            raise ValidationError(
                _(
                    "These documents can no longer replace those of your earlier application: "
                    "the organization has started working on them. Write to the organization "
                    "instead."
                ),
                code="too_late",
            )
        earlier = Application.objects.select_for_update().get(pk=earlier.pk)
        now = timezone.now()
        moved = list(
            newer.documents.filter(superseded_at__isnull=True).values_list("pk", flat=True)
        )
        roles = set(newer.documents.values_list("role", flat=True))
        replaced = list(
            earlier.documents.filter(role__in=roles, superseded_at__isnull=True).values_list(
                "pk", flat=True
            )
        )
        Document.objects.filter(pk__in=replaced).update(superseded_at=now)
        newer.documents.update(application=earlier)
        newer.answers.exclude(question_id__in=earlier.answers.values("question_id")).update(
            application=earlier
        )
        for model in (OutboxMessage, InboundMessage, DraftMessage):
            model.objects.filter(application=newer).update(application=earlier)
        Application.objects.filter(pk=earlier.pk).update(
            submissions=F("submissions") + 1, last_contact_at=now, updated_at=now
        )
        log_action(
            None,
            "application.documents_replace",
            earlier,
            {"submission": newer.pk, "documents": moved, "superseded": replaced},
        )
        newer.delete()
    earlier.refresh_from_db()
    return earlier


RECTIFIABLE_FIELDS = ("name", "email", "phone")


def candidate_rectify(
    *, application: Application, name: str, email: str, phone: str, by: Any
) -> list[str]:
    """Correct the name, e-mail address or phone of ``application``'s candidate (GDPR Art.
    16), as a recruiter or owner of its organization asks; return the fields changed.

    The Candidate row is the person for every application they sent from that address, so
    the correction reaches all of them. A new address must be free (ValidationError, and
    nothing changes, when another candidate has it). When the person also applied to other
    organizations, a new address is theirs to correct: this organization's applications
    move to a candidate of their own, and the others keep theirs. The audit row names the
    fields, never the old or new values.
    """
    email = candidate_email_normalize(email)
    given = {
        "name": " ".join(name.split())[:200],
        "email": email,
        "phone": " ".join(phone.split())[:50],
    }
    organization = application.vacancy.organization
    with transaction.atomic():
        candidate = Candidate.objects.select_for_update().get(pk=application.candidate_id)
        changed = [key for key in RECTIFIABLE_FIELDS if given[key] != getattr(candidate, key)]
        if not changed:
            return []
        if "email" in changed and Candidate.objects.filter(email=email).exists():
            raise ValidationError(
                _(
                    "Another candidate already has this e-mail address. If they are the same "
                    "person, correct the other application instead."
                ),
                code="email_taken",
            )
        here = Application.objects.filter(candidate=candidate, vacancy__organization=organization)
        elsewhere = Application.objects.filter(candidate=candidate).exclude(
            vacancy__organization=organization
        )
        if "email" in changed and elsewhere.exists():
            old = candidate
            candidate = Candidate.objects.create(
                email=email, name=given["name"], phone=given["phone"], language=old.language
            )
            here.update(candidate=candidate)
            candidate_split.send(
                sender=Candidate, old=old, new=candidate, organization=organization
            )
        else:
            for key in changed:
                setattr(candidate, key, given[key])
            candidate.save(update_fields=[*changed, "updated_at"])
        log_action(
            by,
            "candidate.rectify",
            application,
            {
                "fields": changed,
                "values": "redacted",
                "applications": Application.objects.filter(
                    candidate=candidate, vacancy__organization=organization
                ).count(),
            },
            label=f"application #{application.pk}",
        )
    application.refresh_from_db()
    return changed


@transaction.atomic
def application_withdraw(*, application: Application) -> Application:
    """The candidate withdraws; asking twice changes nothing more."""
    locked = Application.objects.select_for_update().get(pk=application.pk)
    if locked.stage in (Application.Stage.WITHDRAWN, Application.Stage.REJECTED):
        return locked
    StageChange.objects.create(
        application=locked,
        from_stage=locked.stage,
        to_stage=Application.Stage.WITHDRAWN,
        by_candidate=True,
    )
    locked.stage = Application.Stage.WITHDRAWN
    locked.withdrawn_at = locked.decided_at = timezone.now()
    locked.save(update_fields=["stage", "withdrawn_at", "decided_at", "updated_at"])
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
        result = extraction.text_extract_bounded(
            kind=document.kind,
            data=data,
            encoding=document.text_encoding,
            time_limit=settings.TREMPLIN_EXTRACTION_TIME_LIMIT,
            memory_limit=settings.TREMPLIN_EXTRACTION_MEMORY_LIMIT * 1024 * 1024,
        )
    except extraction.ExtractionBeyondLimits as exc:
        logger.warning("text of document %s not extracted: %s", document.pk, exc)
        return _extraction_failed(
            document=document, error=str(exc), status=Document.Extraction.NOT_EXTRACTED
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
    document_text_extracted.send(sender=Document, document_id=document.pk)
    return str(status)


def _extraction_failed(
    *, document: Document, error: str, status: str = Document.Extraction.FAILED
) -> str:
    Document.objects.filter(pk=document.pk, extraction_status=Document.Extraction.PENDING).update(
        extraction_status=status,
        extraction_error=error[:2000],
        extracted_at=timezone.now(),
    )
    return str(status)


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


def document_extraction_recover(*, stale_after: timedelta, grace: timedelta) -> int:
    """Queue extraction again for the pending documents that no live task will finish;
    return how many. The worker runs this when it starts and every few seconds after.

    A task of a worker that was killed stays "running" in django-tasks-db for ever. As
    extraction is bounded in time, a task running for longer than ``stale_after`` has no
    worker left: it is marked failed and its document queued again. A pending document
    with no task waiting or running (its task failed, or was never queued) is queued
    again once ``grace`` has passed since it was queued, which leaves the task queued
    after the commit time to be written. Idempotent: ``document_extract`` writes one
    result however many tasks run.
    """
    from tremplin.applications.tasks import document_extract_task

    if not Document.objects.filter(extraction_status=Document.Extraction.PENDING).exists():
        return 0  # the usual case, found in the index: nothing more to read
    now = timezone.now()
    tasks = DBTaskResult.objects.filter(task_path=document_extract_task.module_path)
    tasks.filter(status=TaskResultStatus.RUNNING, started_at__lt=now - stale_after).update(
        status=TaskResultStatus.FAILED,
        finished_at=now,
        exception_class_path="tremplin.applications.tasks.WorkerStopped",
        traceback=f"still running after {stale_after}: its worker was stopped",
    )
    live: set[int] = set()
    running = tasks.filter(status__in=[TaskResultStatus.READY, TaskResultStatus.RUNNING])
    for arguments in running.values_list("args_kwargs", flat=True).iterator():
        live.add(arguments.get("kwargs", {}).get("document_id"))
    pending = Document.objects.filter(
        extraction_status=Document.Extraction.PENDING, extraction_queued_at__lt=now - grace
    ) | Document.objects.filter(
        extraction_status=Document.Extraction.PENDING, extraction_queued_at__isnull=True
    )
    count = 0
    for document in pending.only("pk").order_by("pk").iterator():
        if document.pk in live:
            continue
        with transaction.atomic():
            document_extraction_enqueue(document=document)
        count += 1
    return count


def document_download_record(*, document: Document, user: AbstractBaseUser) -> DocumentDownload:
    log_action(
        user, "document.download", document, organization=document.application.vacancy.organization
    )
    return DocumentDownload.objects.create(document=document, user_id=user.pk)


# --- Stages and moves (the staff workspace) ----------------------------------------------

STAGE_LABEL_MAX_CHARS = 60


def stages_materialize(*, organization: Organization) -> list[Stage]:
    """Write out the built-in pipeline for an organization that has no stages of its own yet
    (before its first change), and return its stages in order."""
    with transaction.atomic():
        if not Stage.objects.filter(organization=organization).exists():
            Stage.objects.bulk_create(
                [
                    Stage(
                        organization=organization,
                        key=key,
                        position=position,
                        kind=Stage.BUILTIN_KINDS[key],
                    )
                    for position, key in enumerate(Application.Stage.values)
                ],
                ignore_conflicts=True,
            )
    return list(Stage.objects.filter(organization=organization).order_by("position", "pk"))


def _stages_renumber(stages: Sequence[Stage]) -> None:
    """Positions 0, 1, 2… in the order given: the first stage first, the final ones last."""
    rank: dict[str, int] = {Stage.Kind.RECEIVED: 0, Stage.Kind.IN_PROGRESS: 1}
    ordered = sorted(enumerate(stages), key=lambda pair: (rank.get(pair[1].kind, 2), pair[0]))
    for position, (_index, stage) in enumerate(ordered):
        if stage.position != position:
            stage.position = position
            stage.save(update_fields=["position"])


def _stage_labels_check(
    *, labels: Mapping[str, str], stages: Sequence[Stage], stage: Stage | None, required: bool
) -> dict[str, str]:
    languages = dict(settings.LANGUAGES)
    cleaned = {
        code: " ".join(str(text).split())
        for code, text in labels.items()
        if code in languages and str(text).strip()
    }
    if required and not cleaned:
        raise ValidationError(_("Give the stage a name in at least one language."), code="empty")
    errors = []
    for code, text in cleaned.items():
        if len(text) > STAGE_LABEL_MAX_CHARS:
            errors.append(
                ValidationError(
                    _("Keep the name to %(limit)d characters at most."),
                    code="long",
                    params={"limit": STAGE_LABEL_MAX_CHARS},
                )
            )
        for other in stages:
            if stage is not None and other.key == stage.key:
                continue
            if other.label(code).casefold() == text.casefold():
                errors.append(
                    ValidationError(
                        _("Another stage is already called “%(name)s”."),
                        code="duplicate",
                        params={"name": text},
                    )
                )
    if errors:
        raise ValidationError(errors)
    return cleaned


def _stage_key(*, labels: Mapping[str, str], taken: set[str]) -> str:
    source = labels.get(settings.LANGUAGE_CODE) or next(iter(labels.values()), "")
    base = slugify(source)[:24].strip("-") or "stage"
    key, number = base, 2
    while key in taken or key in Application.Stage.values:
        key = f"{base}-{number}"
        number += 1
    return key


def stage_add(
    *, organization: Organization, labels: Mapping[str, str], after: str, by: Any
) -> Stage:
    """Add a stage in progress after stage ``after`` (the first stage or one in progress).

    ValidationError (changing nothing) without a name, with a name another stage has, or
    with a place that is not allowed.
    """
    with transaction.atomic():
        stages = stages_materialize(organization=organization)
        cleaned = _stage_labels_check(labels=labels, stages=stages, stage=None, required=True)
        index = next((i for i, stage in enumerate(stages) if stage.key == after), None)
        if index is None or stages[index].is_final:
            raise ValidationError(
                _("Choose the stage the new one comes after (not a final stage)."), code="place"
            )
        stage = Stage.objects.create(
            organization=organization,
            key=_stage_key(labels=cleaned, taken={stage.key for stage in stages}),
            labels=cleaned,
            kind=Stage.Kind.IN_PROGRESS,
            position=len(stages),
        )
        _stages_renumber([*stages[: index + 1], stage, *stages[index + 1 :]])
        log_action(by, "stage.add", stage, {"key": stage.key, "labels": cleaned, "after": after})
    return stage


def _stage_locked(*, organization: Organization, key: str) -> tuple[list[Stage], Stage]:
    stages = stages_materialize(organization=organization)
    list(Stage.objects.select_for_update().filter(organization=organization))
    for stage in stages:
        if stage.key == key:
            return stages, stage
    raise Stage.DoesNotExist(key)


def stage_rename(
    *, organization: Organization, key: str, labels: Mapping[str, str], by: Any
) -> Stage:
    """Name a stage per language. A built-in stage left without a name in a language keeps
    its usual name there; a stage of the organization's own needs one name at least."""
    with transaction.atomic():
        stages, stage = _stage_locked(organization=organization, key=key)
        cleaned = _stage_labels_check(
            labels=labels, stages=stages, stage=stage, required=not stage.builtin
        )
        before = dict(stage.labels)
        stage.labels = cleaned
        stage.save(update_fields=["labels"])
        log_action(by, "stage.rename", stage, {"key": key, "from": before, "to": cleaned})
    return stage


def stage_move(*, organization: Organization, key: str, up: bool, by: Any) -> Stage:
    """Move a stage in progress one place earlier (``up``) or later, among those in progress."""
    with transaction.atomic():
        stages, stage = _stage_locked(organization=organization, key=key)
        index = stages.index(stage)
        other = index - 1 if up else index + 1
        if (
            not stage.editable_place
            or not 0 <= other < len(stages)
            or not stages[other].editable_place
        ):
            raise ValidationError(
                _("This stage cannot move further that way: the first and final stages stay put."),
                code="place",
            )
        stages[index], stages[other] = stages[other], stages[index]
        _stages_renumber(stages)
        log_action(by, "stage.move", stage, {"key": key, "direction": "up" if up else "down"})
    return stage


def stage_remove(*, organization: Organization, key: str, by: Any) -> None:
    """Remove a stage in progress that no application is at; ValidationError otherwise."""
    with transaction.atomic():
        stages, stage = _stage_locked(organization=organization, key=key)
        if not stage.editable_place:
            raise ValidationError(
                _("The first stage and the final stages (hired, not retained, withdrawn) stay."),
                code="fixed",
            )
        count = Application.objects.filter(vacancy__organization=organization, stage=key).count()
        if count:
            raise ValidationError(
                ngettext(
                    "%(count)d application is at this stage: move it first.",
                    "%(count)d applications are at this stage: move them first.",
                    count,
                )
                % {"count": count},
                code="used",
            )
        log_action(by, "stage.remove", stage, {"key": key, "labels": stage.labels})
        stage.delete()
        _stages_renumber([other for other in stages if other.pk != stage.pk])


@dataclass(frozen=True)
class Move:
    """A checked move: where to, and why (a StageChange.Reason value and free text)."""

    stage: Stage
    reason: str
    reason_text: str


def move_check(
    *, organization: Organization, to_stage: str, reason: str = "", reason_text: str = ""
) -> Move:
    """The move to ``to_stage``, once it is allowed; ValidationError with a clear message.

    Not retaining someone needs a reason from the list (and words, for "another reason").
    """
    stage = next(
        (stage for stage in stage_list(organization=organization) if stage.key == to_stage), None
    )
    if stage is None:
        raise ValidationError(_("Choose a stage of your pipeline."), code="stage")
    reason_text = reason_text.strip()[:2000]
    if stage.kind == Stage.Kind.REJECTED:
        if reason not in StageChange.Reason.values:
            raise ValidationError(
                _("Choose why the application is not retained: a reason is required."),
                code="reason_required",
            )
        if reason == StageChange.Reason.OTHER and not reason_text:
            raise ValidationError(
                _("You chose “another reason”: say which in the details."),
                code="reason_text_required",
            )
    else:
        reason = ""
    return Move(stage=stage, reason=reason, reason_text=reason_text)


def _move_apply(*, application: Application, move: Move, by: Any) -> StageChange:
    from tremplin.messaging.models import MessageTemplate
    from tremplin.messaging.services import draft_prepare, drafts_discard_open

    previous = application.stage
    change = StageChange.objects.create(
        application=application,
        from_stage=previous,
        to_stage=move.stage.key,
        by=by,
        by_label=str(by) if by is not None else "",
        reason=move.reason,
        reason_text=move.reason_text,
    )
    application.stage = move.stage.key
    application.decided_at = change.at if move.stage.is_final else None
    if move.stage.kind == Stage.Kind.WITHDRAWN:
        application.withdrawn_at = change.at
    elif previous == Application.Stage.WITHDRAWN:
        application.withdrawn_at = None
    application.save(update_fields=["stage", "withdrawn_at", "decided_at", "updated_at"])
    if previous == Application.Stage.REJECTED:
        drafts_discard_open(application=application, kind=MessageTemplate.Kind.REJECTION)
    if move.stage.kind == Stage.Kind.REJECTED:
        draft_prepare(application=application, kind=MessageTemplate.Kind.REJECTION, by=by)
    log_action(
        by,
        "application.stage",
        application,
        {
            "from": previous,
            "to": move.stage.key,
            "reason": move.reason,
            "details": move.reason_text,
        },
    )
    return change


def application_move(
    *, application: Application, to_stage: str, by: Any, reason: str = "", reason_text: str = ""
) -> StageChange:
    """Move ``application`` to ``to_stage``, recorded (who, when, from, to, why).

    Not retaining needs a reason; it prepares the rejection message as a draft in the
    candidate's language, which a recruiter reviews and sends: nothing is sent here.
    ValidationError (changing nothing) when the move is not allowed.
    """
    organization = application.vacancy.organization
    move = move_check(
        organization=organization, to_stage=to_stage, reason=reason, reason_text=reason_text
    )
    with transaction.atomic():
        locked = (
            Application.objects.select_for_update()
            .select_related("candidate", "vacancy__organization")
            .get(pk=application.pk)
        )
        if locked.stage == move.stage.key:
            raise ValidationError(_("The application is already at this stage."), code="same")
        change = _move_apply(application=locked, move=move, by=by)
    application.refresh_from_db()
    return change


def applications_move(
    *,
    applications: Sequence[Application],
    to_stage: str,
    by: Any,
    reason: str = "",
    reason_text: str = "",
) -> list[StageChange]:
    """Move several applications of one organization at once, all or none; those already at
    ``to_stage`` are left as they are. Returns the moves made."""
    if not applications:
        raise ValidationError(_("Select at least one application."), code="empty")
    organization = applications[0].vacancy.organization
    if any(application.vacancy.organization_id != organization.pk for application in applications):
        raise ValueError("applications of several organizations")
    move = move_check(
        organization=organization, to_stage=to_stage, reason=reason, reason_text=reason_text
    )
    changes = []
    with transaction.atomic():
        locked = (
            Application.objects.select_for_update()
            .select_related("candidate", "vacancy__organization")
            .filter(pk__in=[application.pk for application in applications])
            .order_by("pk")
        )
        for application in locked:
            if application.stage != move.stage.key:
                changes.append(_move_apply(application=application, move=move, by=by))
    return changes
