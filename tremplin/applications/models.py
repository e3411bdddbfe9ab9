"""Candidates, their applications and the documents they send.

One Candidate per e-mail address. Each submission is its own Application: applying again
to the same vacancy from the same address makes a second one, linked to the first as a
likely duplicate (``duplicate_of``), and changes nothing of the first; the person may
then confirm, by a link e-mailed to the address, that the newer documents replace the
earlier ones. Every file received is a Document, kept when a newer version supersedes it.
"""

import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from tremplin.accounts.models import Organization
from tremplin.core.storage import private_storage
from tremplin.vacancies.models import Question, Vacancy
from tremplin.vacancies.selectors import vacancy_name


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
        REFERRAL = "referral", _("Referral")
        BOARD = "board", _("Job board")

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
    # Which job board (a short slug from the shared link, e.g. "welcome-to-the-jungle"), or "".
    source_detail = models.CharField(_("job board"), max_length=50, blank=True, default="")
    # The staff member whose referral link the candidate followed (applications.sources).
    referrer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("referred by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="referred_applications",
    )
    language = models.CharField(_("candidate's language"), max_length=8, choices=settings.LANGUAGES)
    # A key of the organization's pipeline (a Stage row, or one of the built-in keys above
    # while the organization has not edited its stages): free text, since owners add their own.
    stage = models.CharField(_("stage"), max_length=32, default=Stage.RECEIVED, db_index=True)
    talent_pool_consent = models.BooleanField(_("talent pool consent"), default=False)
    talent_pool_consent_at = models.DateTimeField(
        _("talent pool consent given at"), null=True, blank=True
    )
    # The first application from the same address to the same vacancy, when this one came
    # after it: recruiters see the two linked. Set on receipt, never by the sender's word.
    duplicate_of = models.ForeignKey(
        "self",
        verbose_name=_("likely duplicate of"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="duplicates",
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
    # What blind review missed (``hidden_words.py``): the words a recruiter hides from
    # reviewers, one per line, and when a reviewer last reported a text that still tells.
    hidden_words = models.TextField(_("words hidden from reviewers"), blank=True, default="")
    identity_reported_at = models.DateTimeField(_("identity reported at"), null=True, blank=True)
    withdrawn_at = models.DateTimeField(_("withdrawn at"), null=True, blank=True)
    decided_at = models.DateTimeField(
        _("decided at"),
        null=True,
        blank=True,
        db_index=True,
        help_text=_("When it reached a final stage (hired, not retained, withdrawn)."),
    )
    # Retention counts from here: the candidate applying or replying, or asking to stay in
    # the talent pool; not an e-mail opened.
    last_contact_at = models.DateTimeField(_("last contact"), default=timezone.now)
    talent_pool_notice_sent_at = models.DateTimeField(
        _("talent pool renewal offered at"), null=True, blank=True
    )
    created_at = models.DateTimeField(_("received at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("application")
        verbose_name_plural = _("applications")
        indexes = [
            models.Index(fields=["candidate", "vacancy"], name="application_candidate_vacancy"),
            # The board: a vacancy's applications at one stage, oldest first.
            models.Index(fields=["vacancy", "stage", "created_at", "id"], name="application_board"),
        ]

    def __str__(self) -> str:
        return f"{self.candidate} → {vacancy_name(vacancy=self.vacancy)}"


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
        # Beyond the time or memory limit of extraction: the file is kept all the same.
        NOT_EXTRACTED = "not_extracted", _("Text not extracted: the file is too long or complex")

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
    sha256 = models.CharField(_("SHA-256"), max_length=64, blank=True)  # by the extraction
    text_encoding = models.CharField(
        _("text encoding"), max_length=16, blank=True, help_text=_("For plain text files")
    )
    superseded_at = models.DateTimeField(
        _("superseded at"),
        null=True,
        blank=True,
        help_text=_(
            "Set when the candidate confirmed that a newer version replaces it; the old one is "
            "kept, and erased with the rest."
        ),
    )
    # Text extraction, done by a background task after the application is committed.
    extraction_status = models.CharField(
        _("text extraction"),
        max_length=16,
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
        """The candidate's file name when there is one; else (a letter typed in the form) the
        document's kind in the candidate's language: "Cover letter.txt", "Lettre de
        motivation.txt", in every list and export."""
        if self.original_name:
            return self.original_name
        with translation.override(self.application.language or settings.LANGUAGE_CODE):
            label = str(self.get_role_display())
        return f"{label}{self.EXTENSIONS.get(self.kind, '')}"


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


class Stage(models.Model):
    """One stage of an organization's pipeline, in the order applications go through them.

    An organization that never edited its pipeline has no rows: it uses the built-in
    stages (``Application.Stage``), which ``stages_materialize`` writes out the first time
    an owner changes anything. Received and the three final stages (hired, not retained,
    withdrawn) are always there; the stages in between can be renamed, added, reordered
    and removed when no application is in them.
    """

    class Kind(models.TextChoices):
        RECEIVED = "received", _("First stage")
        IN_PROGRESS = "in_progress", _("In progress")
        HIRED = "hired", _("Final: hired")
        REJECTED = "rejected", _("Final: not retained")
        WITHDRAWN = "withdrawn", _("Final: withdrawn")

    BUILTIN_KINDS: dict[str, str] = {
        Application.Stage.RECEIVED: Kind.RECEIVED,
        Application.Stage.SCREENING: Kind.IN_PROGRESS,
        Application.Stage.REVIEW: Kind.IN_PROGRESS,
        Application.Stage.INTERVIEW: Kind.IN_PROGRESS,
        Application.Stage.OFFER: Kind.IN_PROGRESS,
        Application.Stage.HIRED: Kind.HIRED,
        Application.Stage.REJECTED: Kind.REJECTED,
        Application.Stage.WITHDRAWN: Kind.WITHDRAWN,
    }
    FINAL_KINDS = frozenset({Kind.HIRED, Kind.REJECTED, Kind.WITHDRAWN})

    organization = models.ForeignKey(
        Organization,
        on_delete=models.CASCADE,
        related_name="stages",
        verbose_name=_("organization"),
    )
    key = models.SlugField(_("key"), max_length=32)
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    labels = models.JSONField(
        _("names"),
        default=dict,
        blank=True,
        help_text=_("The stage's name per language code; a built-in stage keeps its usual name."),
    )
    kind = models.CharField(_("kind"), max_length=16, choices=Kind, default=Kind.IN_PROGRESS)

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = _("stage")
        verbose_name_plural = _("stages")
        constraints = [
            models.UniqueConstraint(
                fields=["organization", "key"], name="stage_unique_key_per_organization"
            )
        ]

    def __str__(self) -> str:
        return self.label()

    @property
    def builtin(self) -> bool:
        return self.key in Application.Stage.values

    @property
    def is_final(self) -> bool:
        return self.kind in self.FINAL_KINDS

    @property
    def editable_place(self) -> bool:
        """Stages in progress can be moved and removed; the first and final ones cannot."""
        return self.kind == self.Kind.IN_PROGRESS

    def label(self, language: str | None = None) -> str:
        """The name in ``language`` (default: the active one): the organization's own, else
        the built-in name, else the name it has in another language, else the key."""
        language = language or translation.get_language() or settings.LANGUAGE_CODE
        labels = {code: text for code, text in (self.labels or {}).items() if text}
        if language in labels:
            return str(labels[language])
        if self.builtin:
            with translation.override(language):
                return str(Application.Stage(self.key).label)
        for code, _name in settings.LANGUAGES:
            if code in labels:
                return str(labels[code])
        return self.key


class StageChange(models.Model):
    """One move of an application from a stage to another: who, when, from, to and why."""

    class Reason(models.TextChoices):
        """Why an application is not retained (required when rejecting)."""

        MUST_HAVES = "must_haves", _("The profile does not meet the must-haves")
        POSITION_FILLED = "position_filled", _("The position has been filled")
        INCOMPLETE = "incomplete", _("The application is incomplete")
        VACANCY_WITHDRAWN = "vacancy_withdrawn", _("The organization withdrew the vacancy")
        OTHER = "other", _("Another reason (say which)")

    application = models.ForeignKey(
        Application, on_delete=models.CASCADE, related_name="stage_changes"
    )
    from_stage = models.CharField(_("from"), max_length=32, blank=True)
    to_stage = models.CharField(_("to"), max_length=32)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    # Kept as text so the history outlives the account; "" with by_candidate for the
    # candidate's own acts (withdrawing, applying again).
    by_label = models.CharField(_("by"), max_length=254, blank=True)
    by_candidate = models.BooleanField(_("by the candidate"), default=False)
    at = models.DateTimeField(_("at"), default=timezone.now, db_index=True)
    reason = models.CharField(_("reason"), max_length=24, choices=Reason, blank=True)
    reason_text = models.TextField(_("details"), blank=True)

    class Meta:
        ordering = ["at", "pk"]
        verbose_name = _("stage change")
        verbose_name_plural = _("stage changes")
        indexes = [
            # The funnel: has this application ever been at that stage?
            models.Index(fields=["application", "to_stage"], name="stagechange_reached")
        ]

    def __str__(self) -> str:
        return f"{self.application_id}: {self.from_stage} → {self.to_stage}"


class BulkAction(models.Model):
    """Applications of one vacancy moved (and, for a rejection, written to) or given
    reviewers at once, kept so that the action can be undone until ``undo_until``: where
    each one was before, the reviewers assigned, and the messages queued to be sent no
    earlier than then. Ids and stage keys only."""

    class Kind(models.TextChoices):
        MOVE = "move", _("Move")
        REJECT = "reject", _("Rejection with a message")
        ASSIGN = "assign", _("Reviewers assigned")

    vacancy = models.ForeignKey(Vacancy, on_delete=models.CASCADE, related_name="bulk_actions")
    kind = models.CharField(_("kind"), max_length=8, choices=Kind)
    to_stage = models.CharField(_("to"), max_length=32)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    # [{"application": pk, "from": stage key, "decided_at": ISO or None, "withdrawn_at": …}]
    moves = models.JSONField(_("moves"), default=list)
    outbox_messages = models.JSONField(_("messages queued"), default=list)
    # An assignment: [{"reviewer": user pk, "added_to_panel": bool}]; its rows point here.
    reviewers = models.JSONField(_("reviewers assigned"), default=list)
    created_at = models.DateTimeField(_("at"), default=timezone.now)
    undo_until = models.DateTimeField(_("can be undone until"))
    undone_at = models.DateTimeField(_("undone at"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("bulk action")
        verbose_name_plural = _("bulk actions")
        indexes = [models.Index(fields=["vacancy", "-created_at"], name="bulkaction_recent")]

    def __str__(self) -> str:
        return f"{self.kind} → {self.to_stage} ({len(self.moves)})"


class Note(models.Model):
    """A staff member's note on an application, in Markdown (rendered sanitised, as vacancy
    texts are). Part of the candidate's data: exported in their copy and erased with them;
    reviewers of a blind vacancy read it only once identities are revealed."""

    # Indexed by note_of_application, which leads with it.
    application = models.ForeignKey(
        Application, on_delete=models.CASCADE, related_name="staff_notes", db_index=False
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("author"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    # Kept as text so the note's signature outlives the account (and the notes written
    # before notes had rows, whose author was only a name).
    author_label = models.CharField(_("author"), max_length=254, blank=True)
    body = models.TextField(_("note"))
    created_at = models.DateTimeField(_("written at"), default=timezone.now)
    edited_at = models.DateTimeField(_("edited at"), null=True, blank=True)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("note")
        verbose_name_plural = _("notes")
        indexes = [
            models.Index(fields=["application", "created_at", "id"], name="note_of_application")
        ]

    def __str__(self) -> str:
        return f"{self.application_id}: {self.body[:40]}"


# Defined beside, to keep this module to one screenful of topics; imported here so that
# Django finds it with the app's other models.
from tremplin.applications.assignment_models import (  # noqa: E402
    ReviewerAssignment as ReviewerAssignment,
)
