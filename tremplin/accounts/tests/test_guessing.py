"""Limits on guessing: passwords, two-factor codes and password-reset mails."""

import datetime
import re
import threading
from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta

import pytest
import time_machine
from asgiref.sync import async_to_sync
from django.contrib.auth.hashers import MD5PasswordHasher
from django.db import connection
from django.http import HttpResponse
from django.test import Client
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from tremplin.accounts import twofactor
from tremplin.accounts.guessing import RateLimitedModelBackend
from tremplin.accounts.models import Organization, User
from tremplin.messaging.models import OutboxMessage
from tremplin.testing.staff import member_create

pytestmark = pytest.mark.django_db

LOGIN = "/en/accounts/login/"
# 10:00:30 in Paris: a counter started then ends at 10:15:30, shown as 10:16.
START = datetime.datetime(2026, 12, 3, 9, 0, 30, tzinfo=datetime.UTC)


@pytest.fixture
def organization() -> Organization:
    return Organization.objects.create(name="Maison des communs", slug="communs")


@pytest.fixture
def rita(organization: Organization) -> User:
    return member_create(email="rita@example.org", organization=organization, role="recruiter")


def log_in(client: Client, email: str, password: str, *, address: str = "192.0.2.1", lang="en"):
    return client.post(
        f"/{lang}/accounts/login/", {"username": email, "password": password}, REMOTE_ADDR=address
    )


def logged_in(client: Client) -> bool:
    return "_auth_user_id" in client.session


def page_text(response) -> str:
    """The page's text as a person reads it (the form's one-time token left out)."""
    text = re.sub(r'name="csrfmiddlewaretoken" value="[^"]*"', "", response.content.decode())
    return re.sub(r"\s+", " ", text)


def current_code(device: TOTPDevice) -> str:
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    return f"{totp.token():0{device.digits}d}"


def test_it_refuses_the_right_password_after_ten_wrong_ones_until_the_cooling_period_ends(
    rita: User,
) -> None:
    client = Client()
    with time_machine.travel(START, tick=False):
        for number in range(10):
            log_in(client, "rita@example.org", "wrong", address=f"198.51.100.{number}")
        refused = log_in(client, "rita@example.org", "staff-password", address="203.0.113.5")
        french = log_in(client, "rita@example.org", "staff-password", lang="fr")
    assert refused.status_code == 429
    assert not logged_in(client)
    assert "logging in is paused until 10:16. Try again then." in page_text(refused)
    assert "suspendue jusqu’à 10:16" in page_text(french)

    with time_machine.travel(START + timedelta(minutes=14, seconds=59), tick=False):
        assert log_in(client, "rita@example.org", "staff-password").status_code == 429
    with time_machine.travel(START + timedelta(minutes=15, seconds=1), tick=False):
        assert log_in(client, "rita@example.org", "staff-password").status_code == 302
        # Read while the clock still says so: the session lasts hours, not since START.
        assert logged_in(client)


def test_the_fifth_wrong_password_already_says_until_when(rita: User) -> None:
    client = Client()
    with time_machine.travel(START, tick=False):
        answers = [log_in(client, "rita@example.org", "wrong") for _ in range(5)]
    assert [answer.status_code for answer in answers] == [200, 200, 200, 200, 429]
    assert "Please enter a correct" in page_text(answers[3])
    assert "until 10:16." in page_text(answers[4])


def test_the_refusal_reads_the_same_for_an_unknown_address_and_a_known_one(rita: User) -> None:
    client = Client()
    with time_machine.travel(START, tick=False):
        for _ in range(6):
            known = log_in(client, "rita@example.org", "wrong", address="198.51.100.1")
            unknown = log_in(client, "nobody@example.org", "wrong", address="198.51.100.2")
    assert known.status_code == unknown.status_code == 429
    assert page_text(known).replace("rita@", "X@") == page_text(unknown).replace("nobody@", "X@")


def test_a_success_forgives_earlier_failures(rita: User) -> None:
    client = Client()
    for _ in range(4):
        log_in(client, "rita@example.org", "wrong")
    assert log_in(client, "rita@example.org", "staff-password").status_code == 302
    client.logout()
    for _ in range(4):
        assert log_in(client, "rita@example.org", "wrong").status_code == 200


def test_twenty_failures_from_one_address_stop_every_login_from_it(rita: User) -> None:
    client = Client()
    with time_machine.travel(START, tick=False):
        for number in range(20):
            log_in(client, f"guess{number}@example.org", "wrong", address="198.51.100.7")
        blocked = log_in(client, "rita@example.org", "staff-password", address="198.51.100.7")
        assert blocked.status_code == 429 and not logged_in(client)
        elsewhere = log_in(client, "rita@example.org", "staff-password", address="198.51.100.8")
    assert elsewhere.status_code == 302


def test_behind_the_proxy_the_address_limit_counts_the_forwarded_client(
    rita: User, settings
) -> None:
    settings.BEHIND_TLS_PROXY = True
    settings.TREMPLIN_LOGIN_RATE_PER_IP = "2/15m"
    client = Client()
    for number in range(2):
        client.post(
            LOGIN,
            {"username": f"x{number}@example.org", "password": "wrong"},
            HTTP_X_FORWARDED_FOR=f"10.9.9.{number}, 198.51.100.7",  # the first entry is made up
        )
    blocked = client.post(
        LOGIN,
        {"username": "rita@example.org", "password": "staff-password"},
        HTTP_X_FORWARDED_FOR="198.51.100.7",
    )
    assert blocked.status_code == 429
    other = client.post(
        LOGIN,
        {"username": "rita@example.org", "password": "staff-password"},
        HTTP_X_FORWARDED_FOR="198.51.100.8",
    )
    assert other.status_code == 302


class CountingHasher(MD5PasswordHasher):
    """The tests' fast hasher, counting the passwords it checks (from any thread)."""

    algorithm = "counting_md5"
    checks = 0
    lock = threading.Lock()

    def verify(self, password: str, encoded: str) -> bool:
        with self.lock:
            CountingHasher.checks += 1
        return super().verify(password, encoded)


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_parallel_guesses_get_no_more_password_checks_than_the_limit(
    organization: Organization, settings
) -> None:
    settings.PASSWORD_HASHERS = [f"{__name__}.CountingHasher"]
    member_create(email="rita@example.org", organization=organization, role="recruiter")
    CountingHasher.checks = 0

    def guess(number: int) -> HttpResponse:
        try:
            return log_in(Client(), "rita@example.org", "wrong", address=f"198.51.100.{number}")
        finally:
            connection.close()

    with ThreadPoolExecutor(max_workers=8) as pool:
        answers = list(pool.map(guess, range(24)))

    assert CountingHasher.checks == 5
    assert all(answer.status_code in (200, 429) for answer in answers)
    assert sum(answer.status_code == 429 for answer in answers) >= 19


# Two-factor codes


@pytest.fixture
def device(rita: User) -> TOTPDevice:
    return TOTPDevice.objects.create(user=rita, name="phone", confirmed=True)


def test_after_five_wrong_codes_the_code_page_says_the_account_is_locked_and_until_when(
    rita: User, device: TOTPDevice
) -> None:
    client = Client()
    client.force_login(rita)
    with time_machine.travel(START, tick=False):
        # django-otp's own back-off refuses most of these without looking: they count too.
        answers = [client.post("/en/accounts/two-factor/", {"token": "000000"}) for _ in range(5)]
        right = client.post("/fr/accounts/two-factor/", {"token": current_code(device)})
        page = client.get("/en/accounts/two-factor/")
    assert "This code is not right" in page_text(answers[0])
    assert answers[4].status_code == 429 and "locked" in page_text(answers[4])
    assert right.status_code == 429
    assert "verrouillé jusqu’à 10:16" in page_text(right)
    assert "not right" not in page_text(right)
    assert "This account is locked until 10:16 after too many wrong codes." in page_text(page)
    assert ".." not in page_text(page)  # no "a.m.." at the end of a sentence


def test_a_locked_account_hears_it_is_locked_whatever_it_types(
    rita: User, device: TOTPDevice
) -> None:
    client = Client()
    client.force_login(rita)
    with time_machine.travel(START, tick=False):
        for _ in range(5):
            client.post("/en/accounts/two-factor/", {"token": "000000"})
        for typed in ("", "abcdef"):
            answer = client.post("/en/accounts/two-factor/", {"token": typed})
            assert answer.status_code == 429
            assert "This account is locked until 10:16" in page_text(answer)
            assert "This field is required" not in page_text(answer)
            assert "not right" not in page_text(answer)

    with time_machine.travel(START + timedelta(minutes=16), tick=False):
        accepted = client.post("/en/accounts/two-factor/", {"token": current_code(device)})
    assert accepted.status_code == 302


def test_wrong_codes_are_limited_per_client_address_too(organization, settings) -> None:
    settings.TREMPLIN_TOTP_RATE_PER_IP = "3/15m"
    users = [
        member_create(email=f"u{number}@example.org", organization=organization, role="owner")
        for number in range(4)
    ]
    devices = [TOTPDevice.objects.create(user=user, name="p", confirmed=True) for user in users]
    for user in users[:3]:
        client = Client()
        client.force_login(user)
        client.post("/en/accounts/two-factor/", {"token": "000000"}, REMOTE_ADDR="198.51.100.7")
    client = Client()
    client.force_login(users[3])
    refused = client.post(
        "/en/accounts/two-factor/", {"token": current_code(devices[3])}, REMOTE_ADDR="198.51.100.7"
    )
    assert refused.status_code == 429
    accepted = client.post(
        "/en/accounts/two-factor/", {"token": current_code(devices[3])}, REMOTE_ADDR="198.51.100.8"
    )
    assert accepted.status_code == 302


def test_codes_checked_elsewhere_count_against_the_account_too(device: TOTPDevice) -> None:
    for _ in range(5):
        assert not twofactor.totp_verify(device=device, token="000000")
    with time_machine.travel(datetime.datetime.now(tz=datetime.UTC) + timedelta(minutes=1)):
        assert not twofactor.totp_verify(device=device, token=current_code(device))


# Password-reset mails


def reset(client: Client, email: str, address: str = "192.0.2.1", lang: str = "en"):
    return client.post(f"/{lang}/accounts/password-reset/", {"email": email}, REMOTE_ADDR=address)


def test_ten_reset_requests_in_a_minute_send_at_most_five_mails_and_the_first_sends_one(
    rita: User,
) -> None:
    client = Client()
    first = reset(client, "rita@example.org", address="198.51.100.1")
    assert OutboxMessage.objects.filter(to="rita@example.org").count() == 1
    answers = [reset(client, "Rita@example.org", address=f"198.51.100.{n}") for n in range(2, 11)]
    assert OutboxMessage.objects.filter(to="rita@example.org").count() == 5
    assert {answer["Location"] for answer in answers} == {first["Location"]}


def test_past_the_limit_a_reset_answers_the_same_page_whether_or_not_the_address_exists(
    rita: User,
) -> None:
    client = Client()
    for _ in range(6):
        known = reset(client, "rita@example.org", address="198.51.100.1")
        unknown = reset(client, "nobody@example.org", address="198.51.100.2")
    assert (known.status_code, known["Location"]) == (unknown.status_code, unknown["Location"])
    assert page_text(client.get(known["Location"])) == page_text(client.get(unknown["Location"]))


def test_too_many_resets_from_one_client_are_refused_with_the_time_to_try_again(
    rita: User, settings
) -> None:
    settings.TREMPLIN_PASSWORD_RESET_RATE_PER_IP = "3/h"
    client = Client()
    with time_machine.travel(START, tick=False):
        for number in range(3):
            assert reset(client, f"p{number}@example.org").status_code == 302
        refused = reset(client, "rita@example.org", lang="fr")
    assert refused.status_code == 429
    assert "refusées jusqu’à 11:01" in page_text(refused)
    assert OutboxMessage.objects.count() == 0
    assert reset(client, "rita@example.org", address="198.51.100.9").status_code == 302


def test_an_asynchronous_login_meets_the_same_limits(rita: User) -> None:
    backend = RateLimitedModelBackend()
    authenticate = async_to_sync(backend.aauthenticate)
    assert authenticate(None, username="rita@example.org", password="staff-password") == rita
    for _ in range(5):
        log_in(Client(), "rita@example.org", "wrong")
    assert authenticate(None, username="rita@example.org", password="staff-password") is None
