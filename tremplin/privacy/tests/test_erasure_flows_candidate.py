"""The candidate erases their data: from the status link, through a confirmation e-mail.

Asking queues one e-mail in the candidate's language with a signed link; opening the link
changes nothing; its button erases everything the organization holds about them. Expired,
tampered and used links change nothing. Another organization's data about the same person
is untouched.
"""

import re
from datetime import timedelta
from urllib.parse import urlsplit

import pytest
import time_machine
from django.contrib.sessions.models import Session
from django.test import Client
from django.utils import timezone

from tremplin.applications.models import Application, Candidate, Document
from tremplin.core.models import AuditEvent
from tremplin.messaging.models import OutboxMessage
from tremplin.privacy.services import CONFIRMATION_KIND
from tremplin.testing.applying import status_path, submit
from tremplin.testing.builders import campaign_lead_make, organization_make
from tremplin.testing.worker import run_worker

EMAIL = "ada@example.org"
LINK = re.compile(r"https?://\S+/application/erase/[^\s/]+/")


def erase_link(message: OutboxMessage) -> str:
    """The path of the confirmation link in the e-mail's text."""
    found = LINK.findall(message.body)
    assert len(found) == 1, message.body
    return urlsplit(found[0]).path


def confirmations() -> list[OutboxMessage]:
    return list(OutboxMessage.objects.filter(kind=CONFIRMATION_KIND).order_by("pk"))


def held() -> dict[str, int]:
    return {
        "candidates": Candidate.objects.count(),
        "applications": Application.objects.count(),
        "documents": Document.objects.count(),
        "outbox": OutboxMessage.objects.count(),
    }


def ask(client: Client, application: Application, language: str = "en"):
    return client.post(status_path(application, language) + "erase/")


@pytest.mark.django_db(transaction=True)
def test_a_candidate_erases_everything_the_organization_holds_about_them(
    client, vacancy, smtp_server
):
    application = submit(vacancy, email=EMAIL)
    treasurer = campaign_lead_make(vacancy.organization, slug="treasurer")
    other = submit(treasurer, email=EMAIL)
    bystander = submit(vacancy, email="grace@example.org", name="Grace Hopper")
    run_worker()
    smtp_server.received.clear()

    status_page = client.get(status_path(application)).content.decode()
    assert "Erase your data" in status_page
    assert "cannot be undone" in status_page
    response = ask(client, application)
    assert response.status_code == 302
    assert response["Location"] == status_path(application)
    page = client.get(response["Location"]).content.decode()
    assert "We sent you an e-mail to confirm the erasure" in page
    assert "within 48 hours" in page

    (confirmation,) = confirmations()
    assert confirmation.to == EMAIL
    assert confirmation.language == "en"
    assert confirmation.subject == "Confirm the erasure of your data at Open Future"
    run_worker()
    (delivered,) = smtp_server.received
    assert delivered.rcpt_tos == [EMAIL]
    assert delivered.message["Auto-Submitted"] == "auto-generated"
    text = delivered.message.get_content()
    assert "within 48 hours" in text
    path = erase_link(confirmation)
    assert path in text
    assert path.startswith("/en/application/erase/")

    before = held()
    events = AuditEvent.objects.count()
    confirm_page = client.get(path)
    assert confirm_page.status_code == 200
    shown = confirm_page.content.decode()
    assert "Erase my data" in shown
    assert "all your applications to this organization (2 applications)" in shown
    assert "the documents you sent (4 documents)" in shown  # a CV and a typed letter each
    assert EMAIL not in shown
    assert held() == before  # opening the link changes nothing
    assert AuditEvent.objects.count() == events

    done = client.post(path)
    assert done.status_code == 200
    text = done.content.decode()
    assert "Your data was erased" in text
    # A word, not three letters: the page's random CSRF token may hold "Ada".
    assert EMAIL not in text and not re.search(r"\bAda\b", text)
    assert not Candidate.objects.filter(email=EMAIL).exists()
    assert not Application.objects.filter(pk__in=[application.pk, other.pk]).exists()
    assert Application.objects.filter(pk=bystander.pk).exists()
    event = AuditEvent.objects.get(verb="candidate.erased")
    assert event.actor is None
    assert event.data["reason"] == "candidate"
    assert EMAIL not in str(event.data) and EMAIL not in event.target_label

    gone = client.get(status_path(application))
    assert gone.status_code == 404
    assert "Application not found" in gone.content.decode()

    # Nothing goes to them afterwards, and nothing of them stays in the sessions.
    run_worker()
    assert smtp_server.received == [delivered]
    assert not OutboxMessage.objects.filter(to__iexact=EMAIL).exists()
    for session in Session.objects.all():
        assert EMAIL not in str(session.get_decoded())

    again = client.post(path)
    assert again.status_code == 200
    assert "No data to erase" in again.content.decode()


def test_the_confirmation_speaks_french_to_a_french_candidate(client, vacancy):
    application = submit(vacancy, email=EMAIL, language="fr")

    response = ask(client, application, "fr")
    page = client.get(response["Location"]).content.decode()
    assert "Nous vous avons envoyé un e-mail pour confirmer l’effacement" in page

    (confirmation,) = confirmations()
    assert confirmation.language == "fr"
    assert confirmation.subject == "Confirmez l’effacement de vos données chez Open Future"
    assert "dans un délai de 48 heures" in confirmation.body
    path = erase_link(confirmation)
    assert path.startswith("/fr/application/erase/")
    shown = client.get(path).content.decode()
    assert "Effacer mes données" in shown


def test_the_link_goes_in_the_applications_language_whatever_the_page_was_in(client, vacancy):
    application = submit(vacancy, email=EMAIL, language="fr")

    ask(client, application, "en")

    (confirmation,) = confirmations()
    assert confirmation.language == "fr"
    assert erase_link(confirmation).startswith("/fr/")


def test_asking_again_within_ten_minutes_sends_no_second_email(client, vacancy):
    application = submit(vacancy, email=EMAIL)
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        ask(client, application)
    with time_machine.travel(start + timedelta(minutes=9), tick=False):
        response = ask(client, application)
    assert response.status_code == 429
    page = response.content.decode()
    assert "We already sent you an e-mail to confirm a few minutes ago" in page
    assert "10 minutes after your last request" in page
    assert len(confirmations()) == 1

    with time_machine.travel(start + timedelta(minutes=11), tick=False):
        assert ask(client, application).status_code == 302
    assert len(confirmations()) == 2


def test_the_limit_covers_every_application_at_the_organization(client, vacancy):
    first = submit(vacancy, email=EMAIL)
    second = submit(campaign_lead_make(vacancy.organization, slug="treasurer"), email=EMAIL)

    ask(client, first)
    assert ask(client, second).status_code == 429
    assert len(confirmations()) == 1


def test_an_expired_link_erases_nothing(client, vacancy):
    application = submit(vacancy, email=EMAIL)
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        ask(client, application)
    path = erase_link(confirmations()[0])
    before = held()

    with time_machine.travel(start + timedelta(hours=49), tick=False):
        shown = client.get(path)
        posted = client.post(path)

    for response in (shown, posted):
        assert response.status_code == 410
        page = response.content.decode()
        assert "This link expired" in page
        assert "ask again from your application’s page" in page
        assert "Nothing was erased" in page
    assert held() == before
    assert not AuditEvent.objects.filter(verb="candidate.erased").exists()


def test_a_link_still_works_just_before_it_expires(client, vacancy):
    application = submit(vacancy, email=EMAIL)
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        ask(client, application)
    path = erase_link(confirmations()[0])

    with time_machine.travel(start + timedelta(hours=47), tick=False):
        response = client.post(path)

    assert "Your data was erased" in response.content.decode()
    assert not Candidate.objects.exists()


def test_a_tampered_link_is_an_unknown_link_and_erases_nothing(client, vacancy):
    application = submit(vacancy, email=EMAIL)
    ask(client, application)
    path = erase_link(confirmations()[0])
    token = path.rstrip("/").rsplit("/", 1)[1]
    value, stamp, signature = token.split(":")
    other = campaign_lead_make(vacancy.organization, slug="treasurer")
    stranger = submit(other, email="grace@example.org")
    tampered = [
        f"{value}:{stamp}:{signature[:-1]}{'A' if signature[-1] != 'A' else 'B'}",
        f"{stranger.public_id.hex}:{stamp}:{signature}",
        status_path(application).rstrip("/").rsplit("/", 1)[1],  # a status token: not this
        "not:a-token",
    ]
    before = held()

    for bad in tampered:
        for response in (
            client.get(f"/en/application/erase/{bad}/"),
            client.post(f"/en/application/erase/{bad}/"),
        ):
            assert response.status_code == 404, bad
            assert "Application not found" in response.content.decode()
    assert held() == before


def test_asking_from_an_unknown_status_link_sends_nothing(client, vacancy):
    application = submit(vacancy, email=EMAIL)
    token = status_path(application).rstrip("/").rsplit("/", 1)[1]

    response = client.post(f"/en/application/{token}x/erase/")

    assert response.status_code == 404
    assert confirmations() == []


def test_asking_takes_a_post(client, vacancy):
    application = submit(vacancy, email=EMAIL)

    assert client.get(status_path(application) + "erase/").status_code == 405
    assert confirmations() == []


def test_another_organizations_data_about_the_same_person_stays(client, vacancy):
    here = submit(vacancy, email=EMAIL)
    elsewhere = submit(campaign_lead_make(organization_make("elsewhere")), email=EMAIL)
    ask(client, here)

    client.post(erase_link(confirmations()[0]))

    assert not Application.objects.filter(pk=here.pk).exists()
    kept = Application.objects.get(pk=elsewhere.pk)
    assert kept.candidate.email == EMAIL
    assert kept.documents.count() == 2
    assert client.get(status_path(kept)).status_code == 200
    assert (
        AuditEvent.objects.filter(organization=kept.vacancy.organization)
        .filter(verb="candidate.erased")
        .count()
        == 0
    )
