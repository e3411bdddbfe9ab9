"""Writes on accounts: adding, inviting, changing and removing an organization's members.

Each act is logged. An organization always keeps one owner at least: the last owner can be
neither removed nor given another role.
"""

from typing import Any

from django.conf import settings
from django.contrib.auth.tokens import default_token_generator
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.utils.translation import gettext_lazy as _

from tremplin.accounts.models import Membership, Organization, User
from tremplin.core import mailer
from tremplin.core.audit import Actor, log_action


def _email_normalize(email: str) -> str:
    normalized = email.strip().lower()
    try:
        validate_email(normalized)
    except ValidationError:
        raise ValidationError(_("Enter a valid e-mail address."), code="email") from None
    return normalized


def _role_check(role: str) -> None:
    if role not in Membership.Role.values:
        raise ValidationError(_("Choose a role."), code="role")


def member_add_check(*, organization: Organization, email: str, role: str) -> str:
    """ValidationError when ``email`` cannot be added with ``role`` (not an address, not a
    role, a member already): what the page checks before asking to confirm. Returns the
    address as it will be stored."""
    email = _email_normalize(email)
    _role_check(role)
    if Membership.objects.filter(user__email__iexact=email, organization=organization).exists():
        raise ValidationError(
            _("%(email)s is already a member of %(organization)s.")
            % {"email": email, "organization": organization.name},
            code="member",
        )
    return email


def member_add(*, organization: Organization, email: str, role: str, by: User | None) -> Membership:
    """Make the person at ``email`` a member with ``role``, creating their account if they
    have none, and e-mail them (through the outbox): a link to set their password for a
    new account, a note that they were added otherwise. ValidationError changes nothing."""
    with transaction.atomic():
        email = member_add_check(organization=organization, email=email, role=role)
        user = User.objects.filter(email__iexact=email).first()
        created = user is None
        if user is None:
            user = User.objects.create_user(email)  # no usable password until they set one
        membership = Membership.objects.create(user=user, organization=organization, role=role)
        member_invitation_send(membership=membership, by=by)
        log_action(
            by, "member.add", membership, {"email": email, "role": role, "new_account": created}
        )
    return membership


def member_needs_password(*, membership: Membership) -> bool:
    """True while the member has never set a password (their invitation is still open)."""
    return not membership.user.has_usable_password()


def member_invitation_send(*, membership: Membership, by: User | None) -> None:
    """E-mail the member, in the language of the page the owner is using: a link to set a
    password (Django's password-reset token) when they have none, else a link to log in."""
    user = membership.user

    def compose() -> tuple[str, str]:
        context: dict[str, Any] = {
            "organization": membership.organization,
            "role": membership.get_role_display(),
            "inviter": by.display_name if by is not None else "",
            "login_url": settings.SITE_URL + reverse("accounts:login"),
        }
        if member_needs_password(membership=membership):
            context["password_url"] = settings.SITE_URL + reverse(
                "accounts:password_reset_confirm",
                kwargs={
                    "uidb64": urlsafe_base64_encode(force_bytes(user.pk)),
                    "token": default_token_generator.make_token(user),
                },
            )
        subject = render_to_string("accounts/staff/email/invitation_subject.txt", context)
        return " ".join(subject.split()), render_to_string(
            "accounts/staff/email/invitation.txt", context
        )

    mailer.compose(
        to=user.email,
        language=translation.get_language() or settings.LANGUAGE_CODE,
        compose=compose,
        headers={"Auto-Submitted": "auto-generated"},
        kind="member_invitation",
        sender=by,
    )


def member_invitation_resend(*, membership: Membership, by: User | None) -> None:
    with transaction.atomic():
        member_invitation_send(membership=membership, by=by)
        log_action(by, "member.invite", membership, {"email": membership.user.email})


def user_language_set(*, user: User, language: str) -> None:
    """Remember ``language`` as the one to write to ``user`` in, if the site offers it.
    Setting the same language again writes nothing."""
    if language not in {code for code, _name in settings.LANGUAGES} or user.language == language:
        return
    user.language = language
    user.save(update_fields=["language"])


def _last_owner_check(*, membership: Membership, message: Any) -> None:
    """ValidationError when ``membership`` is its organization's only owner."""
    if membership.role != Membership.Role.OWNER:
        return
    owners = list(
        Membership.objects.select_for_update()
        .filter(organization=membership.organization, role=Membership.Role.OWNER)
        .values_list("pk", flat=True)
    )
    if owners == [membership.pk]:
        raise ValidationError(message, code="last_owner")


def member_role_change(*, membership: Membership, role: str, by: Actor) -> Membership:
    _role_check(role)
    with transaction.atomic():
        locked = Membership.objects.select_for_update().select_related("user").get(pk=membership.pk)
        if locked.role == role:
            return locked
        if role != Membership.Role.OWNER:
            _last_owner_check(
                membership=locked,
                message=_(
                    "%(email)s is the only owner: make someone else an owner before changing "
                    "this role."
                )
                % {"email": locked.user.email},
            )
        before = locked.role
        locked.role = role
        locked.save(update_fields=["role"])
        log_action(
            by, "member.role", locked, {"email": locked.user.email, "from": before, "to": role}
        )
    membership.refresh_from_db()
    return membership


def member_remove(*, membership: Membership, by: Actor) -> None:
    """Remove a member (their account stays, for their other organizations), and take them
    off the reviewers of the organization's vacancies."""
    with transaction.atomic():
        locked = Membership.objects.select_for_update().select_related("user").get(pk=membership.pk)
        _last_owner_check(
            membership=locked,
            message=_(
                "%(email)s is the only owner: make someone else an owner before removing them."
            )
            % {"email": locked.user.email},
        )
        log_action(by, "member.remove", locked, {"email": locked.user.email, "role": locked.role})
        for vacancy in locked.organization.vacancies.filter(reviewers=locked.user):
            vacancy.reviewers.remove(locked.user)
        locked.delete()


def _organization_setting_set(
    *, organization: Organization, field: str, value: object, verb: str, by: Actor
) -> Organization:
    """Set one of the organization's settings under a row lock; a change is logged with the
    old and new values, and setting the same value again changes nothing."""
    with transaction.atomic():
        locked = Organization.objects.select_for_update().get(pk=organization.pk)
        before = getattr(locked, field)
        if before != value:
            setattr(locked, field, value)
            locked.save(update_fields=[field])
            log_action(by, verb, locked, {"from": before, "to": value}, organization=locked)
    setattr(organization, field, value)
    return organization


def organization_reviewers_two_factor_set(
    *, organization: Organization, required: bool, by: Actor
) -> Organization:
    """Whether the organization's reviewers must use a second factor (owners and recruiters
    always must)."""
    return _organization_setting_set(
        organization=organization,
        field="reviewers_need_two_factor",
        value=required,
        verb="organization.reviewers_two_factor",
        by=by,
    )


def organization_review_reminders_set(
    *, organization: Organization, days: int, by: Actor
) -> Organization:
    """After how many days of waiting reviewers are reminded (0: never)."""
    return _organization_setting_set(
        organization=organization,
        field="review_reminder_days",
        value=days,
        verb="organization.review_reminders",
        by=by,
    )
