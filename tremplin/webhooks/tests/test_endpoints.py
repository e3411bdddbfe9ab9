"""Endpoints: where a webhook may go (http(s), no credentials, no private or loopback
address unless allowed), the owners' pages (added with the secret shown once, the delivery
log with its "send again" button, a test message only on request), and the API's
/api/v1/webhooks."""

import json
import os
import subprocess
import sys
from io import StringIO

import pytest
from django.core.exceptions import ValidationError
from django.core.management import CommandError, call_command

from tremplin.api.tests.conftest import Api
from tremplin.api.tokens import token_create
from tremplin.testing.applying import submit
from tremplin.testing.staff import staff_login
from tremplin.testing.worker import run_worker
from tremplin.webhooks.models import Delivery, Endpoint
from tremplin.webhooks.services import endpoint_create
from tremplin.webhooks.targets import target_check


@pytest.mark.parametrize(
    ("url", "code"),
    [
        ("ftp://example.org/hook", "scheme"),
        ("javascript:alert(1)", "scheme"),
        ("https://user:secret@example.org/hook", "credentials"),
        ("https://token@example.org/hook", "credentials"),
        ("http://127.0.0.1:8000/hook", "private"),
        ("http://localhost:8000/hook", "private"),
        ("http://10.0.0.7/hook", "private"),
        ("http://192.168.1.1/hook", "private"),
        ("http://169.254.169.254/latest/meta-data", "private"),
        ("http://[::1]/hook", "private"),
        ("http://[::ffff:127.0.0.1]/hook", "private"),
    ],
)
def test_a_url_that_is_not_http_has_credentials_or_is_private_is_refused(settings, url, code):
    settings.TREMPLIN_WEBHOOK_ALLOW_PRIVATE = False
    with pytest.raises(ValidationError) as refused:
        target_check(url)
    assert refused.value.code == code


def test_private_addresses_are_allowed_when_the_setting_says_so(settings):
    settings.TREMPLIN_WEBHOOK_ALLOW_PRIVATE = True
    assert target_check("http://127.0.0.1:8000/hook") == "http://127.0.0.1:8000/hook"
    with pytest.raises(ValidationError):
        target_check("https://user:pw@127.0.0.1/hook")


@pytest.mark.parametrize(("debug", "allowed"), [("true", "True"), ("false", "False")])
def test_the_setting_is_on_by_default_when_debug_is(debug, allowed):
    """So that a local demo delivers to http://127.0.0.1:PORT (settings.py, read afresh)."""
    env = {
        key: value
        for key, value in os.environ.items()
        if key != "TREMPLIN_WEBHOOK_ALLOW_PRIVATE" and key != "DJANGO_SETTINGS_MODULE"
    }
    env.update(DEBUG=debug, SECRET_KEY="x", DJANGO_SETTINGS_MODULE="tremplin.settings")
    code = "from django.conf import settings; print(settings.TREMPLIN_WEBHOOK_ALLOW_PRIVATE)"
    out = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
    )
    assert out.stdout.strip() == allowed


@pytest.mark.django_db
def test_the_command_refuses_a_private_address_and_adds_nothing(organization, settings):
    settings.TREMPLIN_WEBHOOK_ALLOW_PRIVATE = False
    with pytest.raises(CommandError, match="private or loopback"):
        call_command(
            "webhook",
            "add",
            "--org",
            organization.slug,
            "--url",
            "http://127.0.0.1:9/x",
            "--event",
            "application.created",
            stdout=StringIO(),
        )
    assert not Endpoint.objects.exists()


@pytest.mark.django_db(transaction=True)
def test_an_address_refused_at_delivery_time_is_a_failed_attempt(receiver, vacancy, settings):
    endpoint = endpoint_create(
        organization=vacancy.organization,
        url=receiver.url,
        events=["application.created"],
        by=None,
    )
    settings.TREMPLIN_WEBHOOK_ALLOW_PRIVATE = False
    submit(vacancy, email="ada@example.org")
    run_worker()
    assert receiver.received == []
    delivery = Delivery.objects.get(endpoint=endpoint)
    assert delivery.status == "pending"
    assert "private or loopback" in delivery.last_error


@pytest.mark.django_db(transaction=True)
def test_an_owner_adds_a_webhook_sees_its_secret_once_and_no_ping_is_sent(client, team, receiver):
    staff_login(client, team.owner)
    page = "/en/staff/open-future/webhooks/"
    answer = client.post(
        page, {"url": receiver.url, "events": ["application.created"], "format": "tremplin"}
    )
    assert answer.status_code == 200
    endpoint = Endpoint.objects.get()
    assert endpoint.secret in answer.content.decode()
    assert endpoint.secret not in client.get(page).content.decode()
    run_worker()
    assert receiver.received == []
    assert not Delivery.objects.exists()

    refused = client.post(
        page,
        {
            "url": "https://a:b@example.org/",
            "events": ["application.created"],
            "format": "tremplin",
        },
    )
    assert refused.status_code == 400
    assert "user name or password" in refused.content.decode()
    assert Endpoint.objects.count() == 1


@pytest.mark.django_db(transaction=True)
def test_a_test_message_is_sent_when_the_owner_asks_and_a_delivery_is_sent_again(
    client, team, receiver, vacancy
):
    staff_login(client, team.owner)
    endpoint = endpoint_create(
        organization=vacancy.organization,
        url=receiver.url,
        events=["application.created"],
        by=team.owner,
    )
    log = f"/en/staff/open-future/webhooks/{endpoint.pk}/"
    client.post(f"{log}ping/")
    run_worker()
    (ping,) = receiver.received
    assert ping.headers["Tremplin-Event"] == "ping"

    application = submit(vacancy, email="ada@example.org")
    run_worker()
    first = receiver.received[-1]
    delivery = Delivery.objects.get(event="application.created")
    page = client.get(log).content.decode()
    assert str(delivery.uuid) in page and "HTTP 200" in page and "Send again" in page

    client.post(f"/en/staff/open-future/webhooks/deliveries/{delivery.pk}/resend/")
    run_worker()
    again = receiver.received[-1]
    assert again.headers["Tremplin-Delivery"] != first.headers["Tremplin-Delivery"]
    assert json.loads(again.body)["id"] == json.loads(first.body)["id"]
    assert json.loads(again.body)["data"]["application"]["id"] == application.pk

    client.post(f"{log}delete/")
    assert not Endpoint.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize("role", ["recruiter", "reviewer", "outsider"])
def test_only_owners_see_the_webhooks_pages(client, team, role):
    staff_login(client, team.member(role))
    assert client.get("/en/staff/open-future/webhooks/").status_code == 404


@pytest.mark.django_db(transaction=True)
def test_the_api_lists_creates_and_deletes_webhooks_and_lists_deliveries(team, receiver, vacancy):
    organization = vacancy.organization
    api = Api(
        token_create(
            organization=organization,
            user=team.owner,
            name="ops",
            scopes=["webhooks:manage"],
            by=None,
        )[1]
    )
    created = api.post("/api/v1/webhooks", {"url": receiver.url, "events": ["application.created"]})
    assert created.status_code == 201, created.content
    body = created.json()
    assert body["secret"] == Endpoint.objects.get().secret
    assert api.get("/api/v1/webhooks").json() == {
        "items": [{k: v for k, v in body.items() if k != "secret"}],
        "next": None,
    }
    assert receiver.received == []
    submit(vacancy, email="ada@example.org")
    run_worker()
    deliveries = api.get(f"/api/v1/webhooks/{body['id']}/deliveries").json()
    assert [(d["event"], d["status"], d["last_status"]) for d in deliveries["items"]] == [
        ("application.created", "delivered", 200)
    ]
    assert deliveries["next"] is None

    refused = api.post(
        "/api/v1/webhooks", {"url": "https://x:y@example.org/", "events": ["application.created"]}
    )
    assert (refused.status_code, refused.json()["code"]) == (422, "credentials")
    unknown = api.post("/api/v1/webhooks", {"url": receiver.url, "events": ["everything"]})
    assert (unknown.status_code, unknown.json()["code"]) == (422, "events")

    theirs = Endpoint.objects.create(
        organization=team.outsider.memberships.get().organization,
        url="https://e.example/",
        events=["application.created"],
        secret="s",
    )
    assert api.get(f"/api/v1/webhooks/{theirs.pk}/deliveries").status_code == 404
    assert api.delete(f"/api/v1/webhooks/{theirs.pk}").status_code == 404
    assert api.delete(f"/api/v1/webhooks/{body['id']}").status_code == 204
    assert list(Endpoint.objects.all()) == [theirs]


@pytest.mark.django_db
def test_a_recruiter_token_cannot_manage_webhooks(team):
    organization = team.owner.memberships.get().organization
    api = Api(
        token_create(
            organization=organization,
            user=team.recruiter,
            name="r",
            scopes=["vacancies:read"],
            by=None,
        )[1]
    )
    assert api.get("/api/v1/webhooks").status_code == 403
