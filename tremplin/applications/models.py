"""Candidates, their applications and the documents they send.

One Candidate per e-mail address; one Application per candidate and vacancy (applying
again updates it); every file received is a Document, kept when a newer version
supersedes it.
"""

import uuid
from typing import Any, cast

from django.conf import settings
from django.core.files.storage import Storage, storages
from django.core.signals import setting_changed
from django.db import models
from django.dispatch import receiver
from django.utils.functional import LazyObject, empty
from django.utils.translation import gettext_lazy as _

from tremplin.vacancies.models import Question, Vacancy


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


def document_upload_to(document: "Document", filename: str) -> str:
    """A generated name: the candidate's own file name is only kept as data."""
    name = uuid.uuid4().hex
    extension = Document.EXTENSIONS.get(document.kind, "")
    return f"documents/{name[:2]}/{name}{extension}"


class Candidate(models.Model):
    """A person who applied, known by one e-mail address (stored lower-case)."""

    email = models.EmailField(_("e-mail address"), max_length=254, unique=True)
    name = models.CharField(_("name"), max_length=200, blank=True)
    phone = models.CharField(_("phone"), max_length=50, blank=True)
    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("candidate")
        verbose_name_plural = _("candidates")

    def __str__(self) -> str:
        return f"{self.name} <{self.email}>" if self.name else self.email


class Application(models.Model):
    """One candidate's application to one vacancy."""

    class Source(models.TextChoices):
        WEB = "web", _("Web form")
        EMAIL = "email", _("E-mail")

    class Stage(models.TextChoices):
        RECEIVED = "received", _("Received")
        SCREENING = "screening", _("Screening")
        REVIEW = "review", _("Review")
        INTERVIEW = "interview", _("Interview")
        OFFER = "offer", _("Offer")
        HIRED = "hired", _("Hired")
        REJECTED = "rejected", _("Not retained")
        WITHDRAWN = "withdrawn", _("Withdrawn")

    # Random and never shown alone: the candidate's status link is a signed form of it.
    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    candidate = models.ForeignKey(Candidate, on_delete=models.CASCADE, related_name="applications")
    vacancy = models.ForeignKey(Vacancy, on_delete=models.CASCADE, related_name="applications")
    source = models.CharField(_("received by"), max_length=8, choices=Source, default=Source.WEB)
    language = models.CharField(_("candidate's language"), max_length=8, choices=settings.LANGUAGES)
    stage = models.CharField(
        _("stage"), max_length=16, choices=Stage, default=Stage.RECEIVED, db_index=True
    )
    talent_pool_consent = models.BooleanField(_("talent pool consent"), default=False)
    talent_pool_consent_at = models.DateTimeField(
        _("talent pool consent given at"), null=True, blank=True
    )
    submissions = models.PositiveSmallIntegerField(
        _("submissions"), default=1, help_text=_("How many times the candidate sent it")
    )
    notes = models.JSONField(
        _("notes for the recruiter"),
        default=list,
        blank=True,
        help_text=_("Things noticed on receipt, e.g. an attachment that could not be read"),
    )
    withdrawn_at = models.DateTimeField(_("withdrawn at"), null=True, blank=True)
    created_at = models.DateTimeField(_("received at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("application")
        verbose_name_plural = _("applications")
        constraints = [
            models.UniqueConstraint(
                fields=["candidate", "vacancy"], name="application_one_per_candidate_and_vacancy"
            )
        ]

    def __str__(self) -> str:
        return f"{self.candidate} → {self.vacancy}"


class Answer(models.Model):
    """A candidate's answer to one of the vacancy's questions."""

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="answers")
    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="answers")
    text = models.TextField(_("answer"), blank=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        ordering = ["question__position", "question__pk"]
        verbose_name = _("answer")
        verbose_name_plural = _("answers")
        constraints = [
            models.UniqueConstraint(
                fields=["application", "question"], name="answer_one_per_application_and_question"
            )
        ]

    def __str__(self) -> str:
        return self.text[:80]


class Document(models.Model):
    """One file a candidate sent (or a letter typed in the form), with its extracted text."""

    class Role(models.TextChoices):
        CV = "cv", _("CV")
        LETTER = "letter", _("Cover letter")
        OTHER = "other", _("Other document")

    class Kind(models.TextChoices):
        PDF = "pdf", "PDF"
        DOCX = "docx", "DOCX"
        ODT = "odt", "ODT"
        TXT = "txt", _("Plain text")

    class Extraction(models.TextChoices):
        PENDING = "pending", _("Waiting for text extraction")
        DONE = "done", _("Text extracted")
        NO_TEXT = "no_text", _("No text: scanned?")
        FAILED = "failed", _("Text could not be extracted")

    EXTENSIONS = {"pdf": ".pdf", "docx": ".docx", "odt": ".odt", "txt": ".txt"}
    CONTENT_TYPES = {
        "pdf": "application/pdf",
        "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "odt": "application/vnd.oasis.opendocument.text",
        "txt": "text/plain; charset=utf-8",
    }

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="documents")
    role = models.CharField(_("role"), max_length=8, choices=Role)
    kind = models.CharField(_("type"), max_length=8, choices=Kind)
    file = models.FileField(
        _("file"), storage=private_storage, upload_to=document_upload_to, max_length=200
    )
    original_name = models.CharField(_("original file name"), max_length=255, blank=True)
    size = models.PositiveBigIntegerField(_("size in bytes"), default=0)
    sha256 = models.CharField(_("SHA-256"), max_length=64, blank=True)
    text_encoding = models.CharField(
        _("text encoding"), max_length=16, blank=True, help_text=_("For plain text files")
    )
    superseded_at = models.DateTimeField(
        _("superseded at"),
        null=True,
        blank=True,
        help_text=_("Set when the candidate sent a newer version; the old one is kept."),
    )
    # Text extraction, done by a background task after the application is committed.
    extraction_status = models.CharField(
        _("text extraction"),
        max_length=8,
        choices=Extraction,
        default=Extraction.PENDING,
        db_index=True,
    )
    extraction_queued_at = models.DateTimeField(_("extraction queued at"), null=True, blank=True)
    extraction_attempts = models.PositiveSmallIntegerField(_("extraction attempts"), default=0)
    extraction_error = models.TextField(_("extraction error"), blank=True)
    extracted_at = models.DateTimeField(_("extracted at"), null=True, blank=True)
    text = models.TextField(_("extracted text"), blank=True)
    page_count = models.PositiveIntegerField(_("pages"), null=True, blank=True)
    language = models.CharField(_("detected language"), max_length=8, blank=True)
    language_mismatch = models.BooleanField(
        _("not in the language asked for"),
        default=False,
        help_text=_("The letter is clearly written in another language than the vacancy asks."),
    )
    created_at = models.DateTimeField(_("received at"), auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("document")
        verbose_name_plural = _("documents")

    def __str__(self) -> str:
        return self.original_name or f"{self.get_role_display()} #{self.pk}"

    @property
    def is_superseded(self) -> bool:
        return self.superseded_at is not None

    @property
    def download_name(self) -> str:
        """The candidate's file name when there is one, else a generic one with the type."""
        if self.original_name:
            return self.original_name
        return f"{self.role}-{self.pk}{self.EXTENSIONS.get(self.kind, '')}"


class DocumentDownload(models.Model):
    """A record of one download of a candidate's document by a member of staff."""

    document = models.ForeignKey(Document, on_delete=models.CASCADE, related_name="downloads")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="document_downloads",
    )
    downloaded_at = models.DateTimeField(_("downloaded at"), auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["-downloaded_at"]
        verbose_name = _("document download")
        verbose_name_plural = _("document downloads")

    def __str__(self) -> str:
        return f"{self.document} ← {self.user} ({self.downloaded_at:%Y-%m-%d %H:%M})"
