"""Vacancies, with their texts, criteria and questions; each belongs to an Organization
(``accounts.models``).

A Vacancy is one position; what it says in each language is a VacancyText row,
so that a French and an English text of the same posting are one vacancy.
"""

from typing import Any

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

# validate_organization_slug: named here by migration 0003, from when Organization lived here.
from tremplin.accounts.models import Organization, validate_organization_slug  # noqa: F401


def _prefetched_first(instance: models.Model, relation: str) -> Any:
    """The first row of ``relation`` if it was prefetched, else None: no query either way."""
    cache = getattr(instance, "_prefetched_objects_cache", {})
    if relation not in cache:
        return None
    return next(iter(cache[relation]), None)


class Vacancy(models.Model):
    class Kind(models.TextChoices):
        JOB = "job", _("Job")
        VOLUNTEER = "volunteer", _("Volunteer role")

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        PUBLISHED = "published", _("Published")
        CLOSED = "closed", _("Closed")

    class EmploymentType(models.TextChoices):
        # The values of schema.org's JobPosting.employmentType.
        FULL_TIME = "FULL_TIME", _("Full time")
        PART_TIME = "PART_TIME", _("Part time")
        CONTRACTOR = "CONTRACTOR", _("Contractor")
        TEMPORARY = "TEMPORARY", _("Temporary")
        INTERN = "INTERN", _("Internship")
        VOLUNTEER = "VOLUNTEER", _("Volunteer")
        PER_DIEM = "PER_DIEM", _("Per diem")
        OTHER = "OTHER", _("Other")

    class PayPeriod(models.TextChoices):
        # The values of schema.org's QuantitativeValue.unitText for salaries.
        HOUR = "HOUR", _("per hour")
        DAY = "DAY", _("per day")
        WEEK = "WEEK", _("per week")
        MONTH = "MONTH", _("per month")
        YEAR = "YEAR", _("per year")

    organization = models.ForeignKey(
        Organization, on_delete=models.CASCADE, related_name="vacancies"
    )
    slug = models.SlugField(_("slug"), max_length=120)
    kind = models.CharField(_("kind"), max_length=16, choices=Kind, default=Kind.JOB)
    status = models.CharField(_("status"), max_length=16, choices=Status, default=Status.DRAFT)
    employment_type = models.CharField(
        _("employment type"), max_length=16, choices=EmploymentType, blank=True
    )
    contract_duration_months = models.PositiveSmallIntegerField(
        _("contract duration (months)"), null=True, blank=True
    )
    location = models.CharField(_("location"), max_length=200, blank=True)
    remote = models.BooleanField(_("remote"), null=True, blank=True)
    pay_min = models.DecimalField(
        _("pay from"), max_digits=12, decimal_places=2, null=True, blank=True
    )
    pay_max = models.DecimalField(
        _("pay up to"), max_digits=12, decimal_places=2, null=True, blank=True
    )
    pay_currency = models.CharField(_("pay currency"), max_length=3, blank=True)
    pay_period = models.CharField(_("pay period"), max_length=8, choices=PayPeriod, blank=True)
    apply_email = models.EmailField(_("apply by e-mail to"), blank=True)
    apply_url = models.URLField(_("apply at"), blank=True)
    required_languages = models.JSONField(
        _("required languages"), default=list, blank=True, help_text=_("ISO 639-1 codes")
    )
    application_language = models.CharField(
        _("language applications must be written in"), max_length=8, blank=True
    )
    min_years_experience = models.PositiveSmallIntegerField(
        _("minimum years of experience"), null=True, blank=True
    )
    date_posted = models.DateField(_("date posted"), null=True, blank=True)
    deadline = models.DateField(_("deadline"), null=True, blank=True)
    blind_review = models.BooleanField(
        _("blind review"),
        default=True,
        help_text=_(
            "Reviewers see a candidate number instead of the name, and documents with "
            "contact details removed. Reviewers cannot switch it off."
        ),
    )
    reviews_per_answer = models.PositiveSmallIntegerField(
        _("reviews per answer"),
        default=3,
        help_text=_("How many reviewers score each answer in question-by-question review."),
    )
    reviewers = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("reviewers"),
        blank=True,
        related_name="reviewed_vacancies",
        help_text=_("Members with the reviewer role see only the vacancies they are assigned to."),
    )
    closed_at = models.DateTimeField(_("closed at"), null=True, blank=True)
    translation_key = models.CharField(
        _("translation key"),
        max_length=120,
        blank=True,
        help_text=_("Texts imported with the same key are translations of this vacancy."),
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-date_posted", "-created_at"]
        verbose_name = _("vacancy")
        verbose_name_plural = _("vacancies")
        constraints = [
            models.UniqueConstraint(
                fields=["organization", "slug"], name="vacancy_unique_slug_per_organization"
            ),
            models.CheckConstraint(
                condition=models.Q(pay_min__isnull=True)
                | models.Q(pay_max__isnull=True)
                | models.Q(pay_min__lte=models.F("pay_max")),
                name="vacancy_pay_min_not_above_max",
            ),
        ]

    def __str__(self) -> str:
        """The title of the first text when the texts are prefetched, else the slug: never a
        query (admin lists and logs call it on many rows). Pages that show a title use
        ``selectors.vacancy_title_for_language`` (in templates, the ``vacancy_title`` filter
        of the ``careers`` library); audit rows use ``selectors.vacancy_name``."""
        text = _prefetched_first(self, "texts")
        return text.title if text else self.slug

    def get_absolute_url(self) -> str:
        return reverse(
            "vacancies:vacancy", kwargs={"org": self.organization.slug, "vacancy": self.slug}
        )

    @property
    def has_pay_range(self) -> bool:
        return (
            self.pay_min is not None
            and self.pay_max is not None
            and bool(self.pay_currency)
            and bool(self.pay_period)
        )


# What a vacancy offers and asks, whatever the language: the fields a posting states (the
# importer reads them) and, with the review settings, the fields the staff editor edits.
VACANCY_POSTING_FIELDS = (
    "kind",
    "employment_type",
    "contract_duration_months",
    "location",
    "remote",
    "pay_min",
    "pay_max",
    "pay_currency",
    "pay_period",
    "apply_email",
    "apply_url",
    "required_languages",
    "application_language",
    "min_years_experience",
    "deadline",
)
VACANCY_EDITABLE_FIELDS = (*VACANCY_POSTING_FIELDS, "blind_review", "reviews_per_answer")


class VacancyText(models.Model):
    """What a vacancy says in one language."""

    vacancy = models.ForeignKey(Vacancy, on_delete=models.CASCADE, related_name="texts")
    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES)
    title = models.CharField(_("title"), max_length=300)
    summary = models.TextField(_("summary"), blank=True)
    body = models.TextField(_("body (Markdown)"), blank=True)
    source_name = models.CharField(
        _("imported from"), max_length=255, blank=True, help_text=_("File name of the import")
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["language"]
        verbose_name = _("vacancy text")
        verbose_name_plural = _("vacancy texts")
        constraints = [
            models.UniqueConstraint(
                fields=["vacancy", "language"], name="vacancytext_one_per_language"
            )
        ]

    def __str__(self) -> str:
        return f"{self.title} ({self.language})"


class Criterion(models.Model):
    """One thing the vacancy asks of candidates, scored by reviewers."""

    class Kind(models.TextChoices):
        MUST = "must", _("Must have")
        NICE = "nice", _("Nice to have")
        QUALITY = "quality", _("Personal quality")

    vacancy = models.ForeignKey(Vacancy, on_delete=models.CASCADE, related_name="criteria")
    kind = models.CharField(_("kind"), max_length=8, choices=Kind, default=Kind.MUST)
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    weight = models.PositiveSmallIntegerField(
        _("weight"),
        default=1,
        validators=[MinValueValidator(1), MaxValueValidator(5)],
        help_text=_("From 1 to 5: how much this criterion counts in the aggregate."),
    )

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = _("criterion")
        verbose_name_plural = _("criteria")

    def __str__(self) -> str:
        """The first wording when the texts are prefetched, else the position: never a query."""
        text = _prefetched_first(self, "texts")
        return text.text if text else f"#{self.position}"


class CriterionText(models.Model):
    """A criterion's wording in one language."""

    criterion = models.ForeignKey(Criterion, on_delete=models.CASCADE, related_name="texts")
    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES)
    text = models.TextField(_("text"))
    # The scoring guide: what a score of 1, 3 and 5 looks like for this criterion.
    guide_1 = models.TextField(_("what 1 looks like"), blank=True)
    guide_3 = models.TextField(_("what 3 looks like"), blank=True)
    guide_5 = models.TextField(_("what 5 looks like"), blank=True)

    class Meta:
        ordering = ["language"]
        verbose_name = _("criterion text")
        verbose_name_plural = _("criterion texts")
        constraints = [
            models.UniqueConstraint(
                fields=["criterion", "language"], name="criteriontext_one_per_language"
            )
        ]

    def __str__(self) -> str:
        return self.text


class Question(models.Model):
    """A question the application form asks, answered in free text within a word limit."""

    vacancy = models.ForeignKey(Vacancy, on_delete=models.CASCADE, related_name="questions")
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    word_limit = models.PositiveSmallIntegerField(_("word limit"), default=250)
    required = models.BooleanField(_("answer required"), default=True)
    blind_review = models.BooleanField(
        _("blind review"),
        default=True,
        help_text=_("Reviewers see the answers without the candidate's name or documents."),
    )

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = _("question")
        verbose_name_plural = _("questions")

    def __str__(self) -> str:
        """The first wording when the texts are prefetched, else the position: never a query."""
        text = _prefetched_first(self, "texts")
        return text.text if text else f"#{self.position}"


class QuestionText(models.Model):
    """A question's wording in one language."""

    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="texts")
    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES)
    text = models.TextField(_("text"))

    class Meta:
        ordering = ["language"]
        verbose_name = _("question text")
        verbose_name_plural = _("question texts")
        constraints = [
            models.UniqueConstraint(
                fields=["question", "language"], name="questiontext_one_per_language"
            )
        ]

    def __str__(self) -> str:
        return self.text


class ImportCorrection(models.Model):
    """A field a member changed in the import preview before saving it: which field, in which
    organization, on which day. Neither the posting's text nor the values are kept, and no
    person is named: it counts what the importer gets wrong, nothing else."""

    class Field(models.TextChoices):
        TITLE = "title", _("title")
        EMPLOYMENT_TYPE = "employment_type", _("employment type")
        CONTRACT_DURATION = "contract_duration_months", _("contract duration (months)")
        LOCATION = "location", _("location")
        APPLY_EMAIL = "apply_email", _("apply e-mail")
        APPLY_URL = "apply_url", _("apply URL")
        DEADLINE = "deadline", _("deadline")
        MIN_YEARS = "min_years_experience", _("minimum years of experience")

    organization = models.ForeignKey(
        Organization, on_delete=models.CASCADE, related_name="import_corrections"
    )
    field = models.CharField(max_length=32, choices=Field)
    corrected_on = models.DateField()

    class Meta:
        indexes = [models.Index(fields=["organization", "field"], name="import_correction_field")]

    def __str__(self) -> str:
        return f"{self.field} ({self.corrected_on})"
