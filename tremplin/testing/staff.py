"""Staff users for tests: log a member in the way the workspace expects.

Members who read candidates' data must have proved a second factor (accounts.twofactor):
``staff_login`` gives each member who must use one a confirmed TOTP device and marks the
session verified, as the two-factor page does.
"""

from django.test import Client
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_totp.models import TOTPDevice

from tremplin.accounts.models import Membership, Organization, User
from tremplin.accounts.twofactor import two_factor_required


def member_create(
    *, email: str, organization: Organization, role: str, password: str = "staff-password"
) -> User:
    """A user who is a member of ``organization`` with ``role`` (a Membership.Role)."""
    user = User.objects.create_user(email, password=password)
    Membership.objects.create(user=user, organization=organization, role=role)
    return user


def staff_login(client: Client, user: User) -> Client:
    """Log ``user`` in on ``client``, with a verified second factor when they have a device
    or must have one (twofactor.two_factor_required)."""
    client.force_login(user)
    device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    if device is None and two_factor_required(user=user):
        device = TOTPDevice.objects.create(user=user, name="test", confirmed=True)
    if device is not None:
        session = client.session
        session[DEVICE_ID_SESSION_KEY] = device.persistent_id
        session.save()
    return client
