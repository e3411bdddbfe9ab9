"""Who works for which organization, and in what role."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from tremplin.vacancies.models import Organization


class Membership(models.Model):
    class Role(models.TextChoices):
        OWNER = "owner", _("Owner")
        RECRUITER = "recruiter", _("Recruiter")
        REVIEWER = "reviewer", _("Reviewer")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships"
    )
    organization = models.ForeignKey(
        Organization, on_delete=models.CASCADE, related_name="memberships"
    )
    role = models.CharField(_("role"), max_length=16, choices=Role)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "organization"], name="membership_one_per_user_and_organization"
            )
        ]

    def __str__(self) -> str:
        return f"{self.user} @ {self.organization} ({self.role})"
