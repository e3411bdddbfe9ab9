"""The diversity questionnaire: voluntary, separate and anonymous.

An organization turns it on (``DiversitySurvey``). A person who has just applied is
offered a link to it; its answers (``DiversityAnswer``) hold the vacancy, the week, and the
answers, nothing else: no application, no candidate, no address, no time of day. So they
cannot be joined back to anyone, are not personal data, and nothing erases them with a
candidate (there is nothing to find). They are shown only in aggregate, in groups of at
least ``figures.MINIMUM_GROUP`` (the CNIL's guidance for such statistics).
"""

from typing import cast

from django.db import models
from django.utils.translation import gettext_lazy as _

from tremplin.accounts.models import Organization
from tremplin.vacancies.models import Vacancy


class DiversitySurvey(models.Model):
    organization = models.OneToOneField(
        Organization, on_delete=models.CASCADE, related_name="diversity_survey"
    )
    enabled = models.BooleanField(_("diversity questionnaire offered"), default=False)
    changed_at = models.DateTimeField(_("changed at"), auto_now=True)

    class Meta:
        verbose_name = _("diversity questionnaire")
        verbose_name_plural = _("diversity questionnaires")

    def __str__(self) -> str:
        return f"{self.organization_id}: {'on' if self.enabled else 'off'}"


class DiversityAnswer(models.Model):
    class Gender(models.TextChoices):
        WOMAN = "woman", _("A woman")
        MAN = "man", _("A man")
        OTHER = "other", _("Non-binary, or in another way")

    class Age(models.TextChoices):
        UNDER_26 = "under_26", _("Under 26")
        FROM_26 = "26_44", _("26 to 44")
        FROM_45 = "45_54", _("45 to 54")
        FROM_55 = "55_plus", _("55 or over")

    class YesNo(models.TextChoices):
        YES = "yes", _("Yes")
        NO = "no", _("No")

    organization = models.ForeignKey(Organization, on_delete=models.CASCADE, related_name="+")
    vacancy = models.ForeignKey(Vacancy, on_delete=models.CASCADE, related_name="+")
    week = models.DateField(_("week"))  # its Monday: no finer time, so no joining by time
    # The random part of the link the answer came through, hashed: one answer per link.
    link = models.CharField(max_length=64, unique=True)
    gender = models.CharField(_("gender"), max_length=8, choices=Gender, blank=True)
    age = models.CharField(_("age"), max_length=8, choices=Age, blank=True)
    disability = models.CharField(
        _("recognised disability"), max_length=3, choices=YesNo, blank=True
    )
    priority_area = models.CharField(
        _("lives in a priority neighbourhood"), max_length=3, choices=YesNo, blank=True
    )

    QUESTIONS = ("gender", "age", "disability", "priority_area")

    class Meta:
        verbose_name = _("diversity answer")
        verbose_name_plural = _("diversity answers")
        indexes = [models.Index(fields=["organization", "vacancy"], name="diversity_scope")]

    def __str__(self) -> str:
        return f"{self.vacancy_id}, week of {self.week}"

    @classmethod
    def question(cls, name: str) -> "models.CharField[str, str]":
        """The field of question ``name``: its wording and its answers."""
        return cast("models.CharField[str, str]", cls._meta.get_field(name))

    @classmethod
    def answers(cls, name: str) -> list[str]:
        return [str(value) for value, _label in cls.question(name).choices or []]
