"""Staff log in with their e-mail address; members who read candidates' data prove a
second factor."""

import re
from datetime import timedelta

import pytest
import time_machine
from django.test import Client
from django.utils import timezone
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from tremplin.accounts.models import Membership, Organization, User
from tremplin.messaging.models import OutboxMessage
from tremplin.testing.staff import member_create, staff_login

pytestmark = pytest.mark.django_db


@pytest.fixture
def organization() -> Organization:
    return Organization.objects.create(name="Maison des communs", slug="communs")


def current_code(device: TOTPDevice) -> str:
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    return f"{totp.token():0{device.digits}d}"


def test_a_recruiter_logs_in_with_e_mail_and_password_and_sees_the_organization(
    client: Client, organization: Organization
) -> None:
    member_create(email="rita@example.org", organization=organization, role="recruiter")

    response = client.post(
        "/en/accounts/login/", {"username": "Rita@Example.org", "password": "staff-password"}
    )

    assert response.status_code == 302
    home = client.get("/en/accounts/").content.decode()
    assert "Maison des communs" in home and "Recruiter" in home


def test_logging_in_on_a_french_page_makes_french_the_language_of_the_member_s_mail(
    client: Client, organization: Organization
) -> None:
    rita = member_create(email="rita@example.org", organization=organization, role="recruiter")
    client.post("/fr/accounts/login/", {"username": "rita@example.org", "password": "nope"})
    rita.refresh_from_db()
    assert rita.language == ""

    client.post(
        "/fr/accounts/login/", {"username": "rita@example.org", "password": "staff-password"}
    )

    rita.refresh_from_db()
    assert rita.language == "fr"
    client.logout()
    client.post(
        "/en/accounts/login/", {"username": "rita@example.org", "password": "staff-password"}
    )
    rita.refresh_from_db()
    assert rita.language == "en"


def test_a_wrong_password_is_refused_with_a_clear_message_in_french(
    client: Client, organization: Organization
) -> None:
    member_create(email="rita@example.org", organization=organization, role="recruiter")

    response = client.post(
        "/fr/accounts/login/", {"username": "rita@example.org", "password": "nope"}
    )

    assert response.status_code == 200
    assert "Saisissez" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_passwords_are_hashed_with_argon2(organization: Organization, settings) -> None:
    from tremplin import settings as production

    # The test settings use a fast hasher; the real ones put Argon2 first.
    settings.PASSWORD_HASHERS = production.PASSWORD_HASHERS
    user = member_create(email="rita@example.org", organization=organization, role="recruiter")
    assert user.password.startswith("argon2")


def test_an_owner_sets_up_a_second_factor_before_reaching_the_workspace(
    client: Client, organization: Organization
) -> None:
    owner = member_create(email="olga@example.org", organization=organization, role="owner")
    client.force_login(owner)

    response = client.get("/en/staff/communs/")
    assert response.status_code == 302
    assert response["Location"] == "/en/accounts/two-factor/?next=%2Fen%2Fstaff%2Fcommuns%2F"

    setup = client.get(response["Location"])
    assert "<svg" in setup.content.decode()
    device = TOTPDevice.objects.get(user=owner, confirmed=False)

    wrong = client.post(
        setup.request["PATH_INFO"], {"token": "000000", "next": "/en/staff/communs/"}
    )
    assert wrong.status_code == 400
    assert "This code is not right" in wrong.content.decode()
    device.refresh_from_db()
    assert not device.confirmed

    # django-otp makes the next try wait after a failure: come back a little later.
    with time_machine.travel(timezone.now() + timedelta(seconds=5), tick=False):
        right = client.post(
            "/en/accounts/two-factor/",
            {"token": current_code(device), "next": "/en/staff/communs/"},
        )
    assert right.status_code == 302 and right["Location"] == "/en/staff/communs/"
    device.refresh_from_db()
    assert device.confirmed
    assert client.get("/en/staff/communs/").status_code == 200


@pytest.mark.parametrize("role", ["recruiter", "reviewer"])
def test_recruiters_and_reviewers_prove_a_second_factor_before_any_page_of_the_organization(
    client: Client, organization: Organization, role: str
) -> None:
    member = member_create(email="rita@example.org", organization=organization, role=role)
    client.force_login(member)

    response = client.get("/en/staff/communs/")
    assert response.status_code == 302
    assert response["Location"] == "/en/accounts/two-factor/?next=%2Fen%2Fstaff%2Fcommuns%2F"
    setup = client.get("/en/accounts/two-factor/").content.decode()
    assert "<svg" in setup and "Your organization asks its members" in setup

    device = TOTPDevice.objects.get(user=member, confirmed=False)
    client.post("/en/accounts/two-factor/", {"token": current_code(device)})
    assert client.get("/en/staff/communs/").status_code == 200


def test_reviewers_log_in_without_a_second_factor_where_an_owner_relaxed_it(
    client: Client, organization: Organization
) -> None:
    organization.reviewers_need_two_factor = False
    organization.save()
    reviewer = member_create(email="remi@example.org", organization=organization, role="reviewer")
    recruiter = member_create(email="rita@example.org", organization=organization, role="recruiter")

    client.force_login(reviewer)
    assert client.get("/en/staff/communs/").status_code == 200
    client.force_login(recruiter)
    assert client.get("/en/staff/communs/").status_code == 302


def test_a_reviewer_proves_a_second_factor_for_an_organization_that_asks_for_one(
    client: Client, organization: Organization
) -> None:
    relaxed = Organization.objects.create(
        name="Ailleurs", slug="ailleurs", reviewers_need_two_factor=False
    )
    reviewer = member_create(email="remi@example.org", organization=relaxed, role="reviewer")
    Membership.objects.create(user=reviewer, organization=organization, role="reviewer")

    client.force_login(reviewer)
    assert client.get("/en/staff/ailleurs/").status_code == 200
    assert client.get("/en/staff/communs/").status_code == 302


def test_an_outsider_gets_404_and_an_anonymous_visitor_is_sent_to_log_in(
    client: Client, organization: Organization
) -> None:
    other = Organization.objects.create(name="Ailleurs", slug="ailleurs")
    charlie = member_create(email="charlie@example.org", organization=other, role="owner")

    assert client.get("/en/staff/communs/")["Location"].startswith("/en/accounts/login/")
    staff_login(client, charlie)
    assert client.get("/en/staff/communs/").status_code == 404


def test_a_password_reset_goes_through_the_outbox_in_the_page_language(
    client: Client, organization: Organization
) -> None:
    member_create(email="rita@example.org", organization=organization, role="recruiter")

    response = client.post("/fr/accounts/password-reset/", {"email": "rita@example.org"})

    assert response.status_code == 302
    message = OutboxMessage.objects.get()
    assert message.to == "rita@example.org"
    assert message.language == "fr"
    link = re.search(r"https?://\S+/fr/accounts/password-reset/\S+/", message.body)
    assert link is not None
    form = client.get(link.group(0), follow=True)
    assert form.status_code == 200
    set_url = form.redirect_chain[-1][0] if form.redirect_chain else link.group(0)
    done = client.post(
        set_url,
        {"new_password1": "a-long-new-passphrase", "new_password2": "a-long-new-passphrase"},
    )
    assert done.status_code == 302
    assert User.objects.get(email="rita@example.org").check_password("a-long-new-passphrase")


def test_a_reset_for_an_unknown_address_sends_nothing_and_says_the_same(client: Client) -> None:
    response = client.post("/en/accounts/password-reset/", {"email": "nobody@example.org"})
    assert response.status_code == 302
    assert OutboxMessage.objects.count() == 0


def test_sessions_expire(settings) -> None:
    assert settings.SESSION_EXPIRE_AT_BROWSER_CLOSE
    assert settings.SESSION_COOKIE_AGE <= 12 * 3600


def test_memberships_list_only_the_user_s_own(client: Client, organization: Organization) -> None:
    other = Organization.objects.create(name="Ailleurs", slug="ailleurs")
    rita = member_create(email="rita@example.org", organization=organization, role="recruiter")
    Membership.objects.create(user=rita, organization=other, role="reviewer")
    member_create(
        email="x@example.org",
        organization=Organization.objects.create(name="Tiers", slug="tiers"),
        role="owner",
    )
    staff_login(client, rita)
    home = client.get("/en/accounts/").content.decode()
    assert "Ailleurs" in home and "Maison des communs" in home and "Tiers" not in home
