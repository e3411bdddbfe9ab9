"""API tokens: made by owners (the workspace's tokens page, ``tremplin api-token create``),
revoked by them; a request's bearer token read back here.

A token reads ``trp_<8 hex>_<43 random characters>``; its first 12 characters are its
prefix, shown to recognise it. Only a SHA-256 hash of the whole token is kept: it is shown
once, when it is made."""

import hashlib
import hmac
import secrets
from collections.abc import Sequence
from datetime import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from tremplin.accounts.models import Membership, Organization, User
from tremplin.accounts.policy import MANAGERS
from tremplin.api.models import SCOPES, ApiToken
from tremplin.core.audit import log_action
from tremplin.core.choosing import several_of

PREFIX_LENGTH = 12  # "trp_" and 8 hex characters


def _hash(raw: str) -> str:
    return hashlib.sha256(raw.encode("utf-8")).hexdigest()


def scopes_check(scopes: Sequence[str]) -> list[str]:
    return several_of(
        scopes,
        SCOPES,
        unknown=_("Unknown scopes: %(unknown)s. Choose among: %(known)s."),
        required=_("Choose at least one scope."),
        code="scopes",
    )


@transaction.atomic
def token_create(
    *,
    organization: Organization,
    user: User,
    name: str,
    scopes: Sequence[str],
    expires_at: datetime | None = None,
    by: User | None,
) -> tuple[ApiToken, str]:
    """Make a token for ``user``, an owner or recruiter of ``organization`` (the API is not
    for reviewers: blind review stays in the workspace). Returns the row and the token,
    which is never shown again."""
    membership = Membership.objects.filter(organization=organization, user=user).first()
    if membership is None or membership.role not in MANAGERS or not user.is_active:
        raise ValidationError(
            _("API tokens are for the organization’s owners and recruiters only."), code="role"
        )
    name = " ".join(name.split())[:100]
    if not name:
        raise ValidationError(_("Give the token a name, to recognise it later."), code="name")
    if expires_at is not None and expires_at <= timezone.now():
        raise ValidationError(_("The expiry date must be in the future."), code="expires")
    checked = scopes_check(scopes)
    if "webhooks:manage" in checked and membership.role != Membership.Role.OWNER:
        raise ValidationError(
            _("Only an owner’s token may manage webhooks, as only owners do in the workspace."),
            code="scopes_role",
        )
    while True:
        prefix = "trp_" + secrets.token_hex(4)
        if not ApiToken.objects.filter(prefix=prefix).exists():
            break
    raw = f"{prefix}_{secrets.token_urlsafe(32)}"
    token = ApiToken.objects.create(
        organization=organization,
        user=user,
        name=name,
        scopes=checked,
        prefix=prefix,
        secret_hash=_hash(raw),
        expires_at=expires_at,
    )
    log_action(
        by,
        "api_token.create",
        None,
        {"name": name, "prefix": prefix, "scopes": checked, "user": str(user)},
        organization=organization,
    )
    return token, raw


def token_get(*, organization: Organization, token_or_prefix: str) -> ApiToken | None:
    """The organization's token given whole or by its prefix (with or without the "…")."""
    given = token_or_prefix.strip().rstrip("…").rstrip(".")
    prefix = given[:PREFIX_LENGTH]
    found = ApiToken.objects.filter(organization=organization, prefix=prefix).first()
    if found is None:
        return None
    if len(given) > PREFIX_LENGTH and not hmac.compare_digest(found.secret_hash, _hash(given)):
        return None
    return found


@transaction.atomic
def token_revoke(*, token: ApiToken, by: User | None) -> ApiToken:
    if token.revoked_at is None:
        token.revoked_at = timezone.now()
        token.save(update_fields=["revoked_at"])
        log_action(
            by,
            "api_token.revoke",
            None,
            {"name": token.name, "prefix": token.prefix},
            organization=token.organization,
        )
    return token


def token_authenticate(*, raw: str) -> ApiToken | None:
    """The live token ``raw`` is: known, not revoked, not expired; else None."""
    if not raw.startswith("trp_") or len(raw) <= PREFIX_LENGTH:
        return None
    found = (
        ApiToken.objects.select_related("organization", "user")
        .filter(prefix=raw[:PREFIX_LENGTH])
        .first()
    )
    if found is None or not hmac.compare_digest(found.secret_hash, _hash(raw)):
        return None
    if found.revoked_at is not None:
        return None
    if found.expires_at is not None and found.expires_at <= timezone.now():
        return None
    return found


def token_list(*, organization: Organization) -> QuerySet[ApiToken]:
    return ApiToken.objects.filter(organization=organization).select_related("user")
