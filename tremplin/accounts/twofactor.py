"""Time-based one-time passwords (TOTP, RFC 6238) through django-otp."""

import datetime
from dataclasses import dataclass

from django.db import transaction
from django.db.models import Q
from django_otp.plugins.otp_totp.models import TOTPDevice

from tremplin.accounts import guessing
from tremplin.accounts.models import Membership, User


def second_factor_required(*, membership: Membership) -> bool:
    """Every member reads candidates' data, so every member proves a second factor before
    any page of the organization shows: owners and recruiters always, reviewers unless an
    owner relaxed it for the organization (Organization.reviewers_need_two_factor)."""
    if membership.role == Membership.Role.REVIEWER:
        return membership.organization.reviewers_need_two_factor
    return True


def two_factor_required(*, user: User) -> bool:
    """Whether some organization of the user's requires them to use a second factor."""
    return (
        Membership.objects.filter(user=user)
        .filter(~Q(role=Membership.Role.REVIEWER) | Q(organization__reviewers_need_two_factor=True))
        .exists()
    )


def totp_device_confirmed(*, user: User) -> TOTPDevice | None:
    return TOTPDevice.objects.filter(user=user, confirmed=True).first()


@transaction.atomic
def totp_device_pending(*, user: User) -> TOTPDevice:
    """The unconfirmed device being set up: the same secret until it is confirmed."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name="authenticator", confirmed=False)
    return device


@dataclass(frozen=True)
class CodeCheck:
    accepted: bool
    locked_until: datetime.datetime | None = None  # set when refused for too many guesses


def totp_check(*, device: TOTPDevice, token: str, address: str | None = None) -> CodeCheck:
    """Whether ``token`` is the device's current code, within the limits on guessing
    (per account, and per client ``address`` when given): every refused code counts as a
    guess, those django-otp's own back-off refuses included."""
    until = guessing.totp_guess(user_id=device.user_id, address=address)
    if until is not None:
        return CodeCheck(accepted=False, locked_until=until)
    token = "".join(token.split())
    if token.isdigit() and device.verify_token(token):
        guessing.totp_succeeded(user_id=device.user_id, address=address)
        return CodeCheck(accepted=True)
    return CodeCheck(
        accepted=False,
        locked_until=guessing.totp_locked_until(user_id=device.user_id, address=address),
    )


def totp_verify(*, device: TOTPDevice, token: str) -> bool:
    """Whether ``token`` is the device's current code (counted against the account)."""
    return totp_check(device=device, token=token).accepted


@transaction.atomic
def totp_confirm(*, device: TOTPDevice) -> TOTPDevice:
    TOTPDevice.objects.filter(user=device.user, confirmed=True).exclude(pk=device.pk).delete()
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    return device
