"""Submitting an application: the one way in, for the web form and for e-mail alike.

Every file is checked before anything is written, then the candidate, the application, its
documents and the acknowledgement are committed in one transaction, and only then is text
extraction queued.
"""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files import File
from django.core.files.base import ContentFile
from django.core.validators import validate_email
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from tremplin.applications.documents import documents_extraction_enqueue
from tremplin.applications.files import CheckedFile, file_check
from tremplin.applications.intake.acknowledgement import application_acknowledge
from tremplin.applications.models import Answer, Application, Candidate, Document, private_storage
from tremplin.applications.selectors import (
    answer_word_count,
    question_list,
    vacancy_accepts_applications,
)
from tremplin.vacancies.models import Question, Vacancy

# A letter typed in the form (or an e-mail body) longer than this is cut.
LETTER_TEXT_MAX_CHARS = 50_000


@dataclass(frozen=True)
class IncomingFile:
    role: str  # Document.Role value
    name: str  # the name the candidate gave it
    file: File  # ContentFile(bytes) for e-mail attachments
    # What file_check said of this very file, when the caller checked it already (the
    # form does, to show its errors): each file is then checked once.
    checked: CheckedFile | None = None


def candidate_email_normalize(email: str) -> str:
    """The address as we store it: trimmed and lower-case; ValidationError if invalid."""
    normalized = email.strip().lower()
    validate_email(normalized)
    return normalized


def _language(language: str) -> str:
    codes = [code for code, _name in settings.LANGUAGES]
    return language if language in codes else settings.LANGUAGE_CODE


def answers_check(
    *, questions: Sequence[Question], answers: Mapping[int, str], enforce_required: bool = True
) -> dict[int, str]:
    """The answers to the vacancy's ``questions``, trimmed, once every required one is there
    and each is within its limit.

    ``enforce_required=False`` is for e-mail, which has no way to answer the questions.
    """
    by_pk = {question.pk: question for question in questions}
    unknown = set(answers) - set(by_pk)
    if unknown:
        raise ValidationError(_("An answer was sent to a question this vacancy does not ask."))
    cleaned: dict[int, str] = {}
    errors: list[ValidationError] = []
    for pk, question in by_pk.items():
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
    source_detail: str = "",
    referrer_id: int | None = None,
    language: str,
    acknowledge: bool = True,
    notes: Sequence[str] = (),
    questions: Sequence[Question] | None = None,
) -> Application:
    """Store a submission as an application of its own.

    Raises FileRejected (a ValidationError) for a file we do not take and ValidationError
    for anything else wrong, before writing anything. A second submission from the same
    address to the same vacancy never touches the first (its files, answers, stage, or the
    name and phone already known): it is a new application linked to the first as a likely
    duplicate, and its one acknowledgement offers a link that confirms the newer documents
    replace the earlier ones (``application_documents_replace``). Whoever submits is told
    the same whether or not the address had applied before. ``questions``: the vacancy's,
    when the caller has read them already (the form has).
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
    if questions is None:
        questions = question_list(vacancy=vacancy)
    cleaned_answers = answers_check(
        questions=questions, answers=answers or {}, enforce_required=not by_email
    )
    if by_email and questions:
        notes = [
            *notes,
            str(_("This application came by e-mail, so the vacancy’s questions are unanswered.")),
        ]
    checked: list[tuple[IncomingFile, CheckedFile]] = [
        (
            incoming,
            incoming.checked
            or file_check(
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
                source_detail=source_detail,
                referrer_id=referrer_id,
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
            documents_extraction_enqueue(documents=documents)
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
    source_detail: str,
    referrer_id: int | None,
    talent_pool_consent: bool,
    notes: Sequence[str],
) -> Application:
    now = timezone.now()
    # The address's candidate, inserted if new by one statement that a submission inserting
    # the same address at once cannot break (no post_save: what follows a candidate, such as
    # the search index, follows its application), then locked: one submission at a time
    # per address, the second of two at once sees the first.
    Candidate.objects.bulk_create(
        [Candidate(email=email, name=name, phone=phone, language=language)],
        ignore_conflicts=True,
    )
    candidate = Candidate.objects.select_for_update().get(email=email)
    # What an earlier submission recorded stays: anyone can type any address in the form.
    # (A candidate just created holds what was given: nothing differs, nothing to fill.)
    notes = list(notes)
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
        source_detail=source_detail[:50],
        referrer_id=referrer_id,
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
        text_encoding=checked.text_encoding,
        page_count=checked.page_count,
    )
    # The name given here is ignored: upload_to generates one.
    document.file.save("upload", content, save=False)
    saved.append(str(document.file.name))
    document.save()
    return document
