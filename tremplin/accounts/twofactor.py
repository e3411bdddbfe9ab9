"""Time-based one-time passwords (TOTP, RFC 6238) through django-otp."""

from django.db import transaction
from django_otp.plugins.otp_totp.models import TOTPDevice

from tremplin.accounts.models import Membership, User


def two_factor_required(*, user: User) -> bool:
    """Owners of any organization must use a second factor."""
    return Membership.objects.filter(user=user, role=Membership.Role.OWNER).exists()


def totp_device_confirmed(*, user: User) -> TOTPDevice | None:
    return TOTPDevice.objects.filter(user=user, confirmed=True).first()


@transaction.atomic
def totp_device_pending(*, user: User) -> TOTPDevice:
    """The unconfirmed device being set up: the same secret until it is confirmed."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name="authenticator", confirmed=False)
    return device


def totp_verify(*, device: TOTPDevice, token: str) -> bool:
    """Whether ``token`` is the device's current code (django-otp throttles failures)."""
    token = "".join(token.split())
    if not token.isdigit():
        return False
    return bool(device.verify_token(token))


@transaction.atomic
def totp_confirm(*, device: TOTPDevice) -> TOTPDevice:
    TOTPDevice.objects.filter(user=device.user, confirmed=True).exclude(pk=device.pk).delete()
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    return device
