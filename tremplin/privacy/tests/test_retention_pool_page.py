"""The renewal offer's link: a GET changes nothing, the button keeps the data in the talent
pool, a tampered link or an application outside the pool gets a clear page."""

from datetime import datetime

import pytest
import time_machine
from dateutil.relativedelta import relativedelta
from django.test import Client

from tremplin.applications.models import Application
from tremplin.applications.tokens import application_token
from tremplin.core.models import AuditEvent
from tremplin.privacy.tests.test_retention import (
    DAY,
    T0,
    apply,
    close,
    decide,
    exists,
    offers,
    pool_world,
    run,
    vacancy_titled,
    world_make,
)

pytestmark = pytest.mark.django_db


def months(n: int) -> relativedelta:
    return relativedelta(months=n)


def pool_path(application: Application, language: str = "en") -> str:
    token = application_token(public_id=application.public_id)
    return f"/{language}/application/{token}/talent-pool/"


def fields(application: Application) -> tuple[object, ...]:
    application.refresh_from_db()
    return (
        application.last_contact_at,
        application.talent_pool_notice_sent_at,
        application.talent_pool_consent,
        application.talent_pool_consent_at,
    )


def get(client: Client, path: str, at: datetime) -> str:
    with time_machine.travel(at, tick=False):
        response = client.get(path)
    assert response.status_code == 200
    return response.content.decode()


def post(client: Client, path: str, at: datetime, **data: str) -> tuple[int, str]:
    with time_machine.travel(at, tick=False):
        response = client.post(path, data, follow=True)
    return response.status_code, response.content.decode()


def test_the_offer_link_opens_the_page_and_a_get_changes_nothing(client):
    ada = pool_world()
    run(T0 + months(23) + DAY)
    [offer] = offers()
    path = offer.body.split("http://127.0.0.1:8000", 1)[1].split()[0]
    assert path == pool_path(ada)
    before = fields(ada)

    html = get(client, path, T0 + months(23) + relativedelta(days=3))

    assert "Keep my application in the talent pool" in html
    assert "Your application for “Campaign lead”" in html
    assert "Kept until 5 January 2028" in html
    assert "Leave the talent pool" in html
    assert fields(ada) == before
    assert not AuditEvent.objects.filter(verb__startswith="talent_pool.").exists()


def test_keeping_the_application_moves_the_expiry_and_keeps_it_past_the_end(client):
    ada = pool_world()
    run(T0 + months(23) + DAY)
    clicked = T0 + months(23) + relativedelta(days=5)

    status, html = post(client, pool_path(ada), clicked, action="stay")

    assert status == 200
    assert "your application stays in the talent pool until 10 December 2029" in html
    assert "Kept until 10 December 2029" in html
    ada.refresh_from_db()
    assert ada.last_contact_at == clicked
    assert ada.talent_pool_notice_sent_at is None
    event = AuditEvent.objects.get(verb="talent_pool.renewed")
    assert (event.target_id, event.actor) == (str(ada.pk), None)

    run(T0 + months(24) + DAY)
    assert exists(ada)
    run(clicked + months(23) + DAY)
    assert len(offers()) == 2  # a new offer before the new expiry
    run(clicked + months(24) + DAY)
    assert not exists(ada)


def test_a_tampered_link_shows_the_unknown_link_page_and_changes_nothing(client):
    ada = pool_world()
    before = fields(ada)
    tampered = pool_path(ada)[: -len("/talent-pool/")] + "x/talent-pool/"

    for method in (client.get, client.post):
        response = (
            method(tampered, {"action": "stay"}) if method == client.post else method(tampered)
        )
        assert response.status_code == 404
        assert "Application not found" in response.content.decode()
    assert fields(ada) == before


def test_an_application_outside_the_talent_pool_gets_a_clear_message_and_nothing_changes(client):
    w = world_make()
    ada = apply(w.vacancy, "ada@example.org", at=T0)  # no consent
    decide(ada, "rejected", at=T0 + DAY, by=w.owner)
    before = fields(ada)

    html = client.get(pool_path(ada)).content.decode()
    assert "None of your applications is in the talent pool of Open Future" in html
    assert "Keep my application" not in html

    response = client.post(pool_path(ada), {"action": "stay"})
    assert response.status_code == 400
    assert "None of your applications is in this organization’s talent pool." in (
        response.content.decode()
    )
    assert fields(ada) == before
    assert not AuditEvent.objects.filter(verb__startswith="talent_pool.").exists()


def test_an_application_still_in_progress_is_not_in_the_pool_yet(client):
    w = world_make()
    ada = apply(w.vacancy, "ada@example.org", at=T0, consent=True)
    before = fields(ada)

    response = client.post(pool_path(ada), {"action": "leave", "confirm": "yes"})

    assert response.status_code == 400
    assert fields(ada) == before


def test_an_unknown_action_changes_nothing(client):
    ada = pool_world()
    before = fields(ada)

    response = client.post(pool_path(ada), {"action": "forever"})

    assert response.status_code == 400
    assert "Choose one of the buttons on this page." in response.content.decode()
    assert fields(ada) == before


def test_leaving_needs_the_box_ticked(client):
    ada = pool_world()
    before = fields(ada)

    response = client.post(pool_path(ada), {"action": "leave"})

    assert response.status_code == 400
    assert "Tick the box to confirm that you leave the talent pool." in response.content.decode()
    assert fields(ada) == before


def test_leaving_the_pool_brings_back_the_usual_rule(client):
    ada = pool_world()  # the process ended at T0 + 30 days
    run(T0 + months(6))
    assert exists(ada)

    status, html = post(client, pool_path(ada), T0 + months(6), action="leave", confirm="yes")

    assert status == 200
    assert "You left the talent pool of Open Future." in html
    assert "None of your applications is in the talent pool of Open Future" in html
    ada.refresh_from_db()
    assert (ada.talent_pool_consent, ada.talent_pool_consent_at) == (False, None)
    assert AuditEvent.objects.filter(verb="talent_pool.left", target_id=str(ada.pk)).exists()

    counts = run(T0 + months(6) + DAY)
    assert counts["open-future"]["not_retained"] == 1
    assert not exists(ada)


def test_the_page_is_in_french_under_fr(client):
    ada = pool_world()
    response = client.get(pool_path(ada, "fr"))
    assert response.status_code == 200
    assert '<html lang="fr">' in response.content.decode()


def test_the_link_of_a_later_application_covers_the_pool_at_the_organization(client):
    ada = pool_world()
    other_vacancy = vacancy_titled(ada.vacancy.organization, "treasurer", "Treasurer")
    later = apply(other_vacancy, "ada@example.org", at=T0 + months(2))
    close(other_vacancy, at=T0 + months(3))

    status, _html = post(client, pool_path(later), T0 + months(5), action="stay")

    assert status == 200
    ada.refresh_from_db()
    assert ada.last_contact_at == T0 + months(5)
