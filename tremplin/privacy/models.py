"""Privacy's rows, and the model graph around a candidate that erasure must cover.

A DataExport is one ZIP of everything an organization holds about a candidate (GDPR
Art. 15 and 20), built by a task, kept encrypted in the private storage, and offered for
download until it expires. An ErasureLedgerEntry remembers an erasure without naming the
person (``tremplin.privacy.erasure``).
"""

import uuid
from collections import deque

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from tremplin.accounts.models import Organization
from tremplin.applications.models import Candidate
from tremplin.core.storage import private_storage


def export_upload_to(export: "DataExport", filename: str) -> str:
    return f"exports/{uuid.uuid4().hex}.zip"


class DataExport(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", _("Being prepared")
        READY = "ready", _("Ready to download")
        FAILED = "failed", _("Failed")

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    organization = models.ForeignKey(
        Organization, on_delete=models.CASCADE, related_name="+", verbose_name=_("organization")
    )
    candidate = models.ForeignKey(
        Candidate, on_delete=models.CASCADE, related_name="exports", verbose_name=_("candidate")
    )
    # None: the candidate asked, from their status link.
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("requested by"),
    )
    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES)
    status = models.CharField(
        _("status"), max_length=8, choices=Status, default=Status.PENDING, db_index=True
    )
    file = models.FileField(
        _("file"), storage=private_storage, upload_to=export_upload_to, max_length=200, blank=True
    )
    size = models.PositiveBigIntegerField(_("size in bytes"), default=0)
    error = models.TextField(_("error"), blank=True)
    created_at = models.DateTimeField(_("requested at"), auto_now_add=True)
    ready_at = models.DateTimeField(_("ready at"), null=True, blank=True)
    expires_at = models.DateTimeField(_("expires at"), null=True, blank=True, db_index=True)
    downloads = models.PositiveSmallIntegerField(_("downloads"), default=0)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("data export")
        verbose_name_plural = _("data exports")

    def __str__(self) -> str:
        return f"{_('data export')} #{self.pk}"


class ErasureLedgerEntry(models.Model):
    """One erasure, remembered so that it can be done again after a backup is restored.

    Nothing in it names the person: their e-mail address is kept as a keyed hash
    (HMAC-SHA256, ``tremplin.privacy.erasure``), with the organization, the moment and which
    applications (none listed: all of theirs there made before that moment). The shredders
    leave it alone: it is the record that the erasure must hold. Each entry is also written
    to the ledger file beside the backups (a restored database holds an old ledger).
    """

    entry_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    organization = models.ForeignKey(
        Organization, on_delete=models.CASCADE, related_name="+", verbose_name=_("organization")
    )
    email_hmac = models.CharField(_("keyed hash of the e-mail address"), max_length=64)
    # Which key made the hash (a hash of the key): an entry made with another key cannot
    # be matched, and reapply-erasures says so instead of skipping it in silence.
    key_id = models.CharField(_("key identifier"), max_length=16)
    erased_at = models.DateTimeField(_("erased at"))
    # Empty: every application of theirs at the organization made before erased_at.
    applications = models.JSONField(_("applications"), default=list, blank=True)
    reason = models.CharField(_("reason"), max_length=16)

    class Meta:
        ordering = ["erased_at", "pk"]
        indexes = [models.Index(fields=["email_hmac"], name="privacy_ledger_hmac")]
        verbose_name = _("erasure ledger entry")
        verbose_name_plural = _("erasure ledger entries")

    def __str__(self) -> str:
        return f"{_('erasure')} {self.entry_id}"


# The model graph around a candidate: every model whose rows are about one. Walked from
# Candidate along every reverse relation (a foreign key, one-to-one or many-to-many pointing
# towards a model already reached), so a new model holding candidate data is found without
# anyone listing it. The shredders must cover each of them, which
# test_shredders.py checks.


def candidate_data_models() -> list[type[models.Model]]:
    """Candidate first, then each model reachable from it, breadth first."""
    reached: list[type[models.Model]] = [Candidate]
    queue: deque[type[models.Model]] = deque(reached)
    while queue:
        model = queue.popleft()
        for relation in model._meta.related_objects:
            related = relation.related_model
            if isinstance(related, type) and related not in reached:
                reached.append(related)
                queue.append(related)
    return reached
