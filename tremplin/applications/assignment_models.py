"""Who is asked to review an application: a member of staff assigned to it, on top of the
vacancy's reviewers (who may all open every application of the vacancy; an assignment
says which ones are theirs to do, it opens nothing more).

Kept out of ``models.py`` (which imports it, so Django finds it there) by label only, so
that neither module imports the other at load time.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class ReviewerAssignment(models.Model):
    """``reviewer`` is asked to review ``application``; ``bulk_action`` is the bulk action
    that assigned them, which can take it back in its undo window. Part of the candidate's
    data: erased with the application (``privacy``'s ReviewShredder)."""

    application = models.ForeignKey(
        "applications.Application",
        on_delete=models.CASCADE,
        related_name="reviewer_assignments",
        verbose_name=_("application"),
    )
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="review_assignments",
        verbose_name=_("reviewer"),
    )
    assigned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("assigned by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    bulk_action = models.ForeignKey(
        "applications.BulkAction",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="assignments",
    )
    created_at = models.DateTimeField(_("assigned at"), default=timezone.now)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("reviewer assignment")
        verbose_name_plural = _("reviewer assignments")
        constraints = [
            models.UniqueConstraint(
                fields=["application", "reviewer"], name="assignment_one_per_reviewer"
            )
        ]

    def __str__(self) -> str:
        return f"{self.application_id} → {self.reviewer_id}"
