"""API tokens: each belongs to one organization and one user, carries scopes, is shown once
and kept as a hash, with a prefix shown to recognise it."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from tremplin.accounts.models import Organization

SCOPES = (
    "vacancies:read",
    "vacancies:write",
    "applications:read",
    "applications:write",
    "webhooks:manage",
)


class ApiToken(models.Model):
    organization = models.ForeignKey(
        Organization, on_delete=models.CASCADE, related_name="api_tokens"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="api_tokens"
    )
    name = models.CharField(_("name"), max_length=100)
    scopes = models.JSONField(_("scopes"), default=list)
    # "trp_" and 8 random characters: the start of the token, shown to recognise it.
    prefix = models.CharField(_("prefix"), max_length=16, unique=True)
    # SHA-256 of the whole token (a random secret of 256 bits: no slow hash needed).
    secret_hash = models.CharField(max_length=64)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    expires_at = models.DateTimeField(_("expires at"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("revoked at"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("API token")
        verbose_name_plural = _("API tokens")

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"
