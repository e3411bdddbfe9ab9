"""Webhooks delivered to a real HTTP server started by the test: signed, from the task
worker after the change commits (never for one that rolled back), only the events
subscribed, tried again with backoff for 24 hours, the endpoint disabled after 3 days of
failures with its owners told."""

import hashlib
import hmac
import json
import uuid
from datetime import timedelta
from io import StringIO
from pathlib import Path

import pytest
import time_machine
from django.conf import settings
from django.core.management import call_command
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from tremplin.applications.services import application_move
from tremplin.messaging.models import OutboxMessage
from tremplin.privacy.erasure import shred
from tremplin.privacy.services import retention_apply
from tremplin.privacy.shredders import subject_for_candidate
from tremplin.privacy.tests.test_retention import DAY, T0, apply, close, decide, months, world_make
from tremplin.testing.applying import submit
from tremplin.testing.worker import run_worker
from tremplin.vacancies.services import CLOSE, PUBLISH, vacancy_status_change
from tremplin.webhooks.models import Delivery, DeliveryAttempt, Endpoint
from tremplin.webhooks.signing import signature_valid

pytestmark = pytest.mark.django_db(transaction=True)


def check_signature(secret: str, received) -> None:
    header = received.headers["Tremplin-Signature"]
    t, v1 = (part.split("=", 1)[1] for part in header.split(","))
    expected = hmac.new(
        secret.encode("utf-8"), f"{t}.".encode() + received.body, hashlib.sha256
    ).hexdigest()
    assert v1 == expected
    assert abs(int(t) - timezone.now().timestamp()) < 60


def test_an_application_is_posted_signed_by_the_worker_with_ids_only(receiver, vacancy, owner):
    out = StringIO()
    call_command(
        "webhook",
        "add",
        "--org",
        vacancy.organization.slug,
        "--url",
        receiver.url,
        "--event",
        "application.created",
        "--event",
        "application.stage_changed",
        stdout=out,
    )
    secret = out.getvalue().strip().splitlines()[-1]
    assert secret == Endpoint.objects.get().secret
    assert receiver.received == []  # no ping on creation

    application = submit(vacancy, email="ada@example.org", name="Ada Lovelace")
    assert receiver.received == []  # not in the request: the worker sends it
    run_worker()
    (received,) = receiver.received
    assert received.path == "/hooks/tremplin"
    assert received.headers["Tremplin-Event"] == "application.created"
    assert uuid.UUID(received.headers["Tremplin-Delivery"])
    assert received.headers["Content-Type"] == "application/json"
    check_signature(secret, received)
    assert signature_valid(
        secret=secret, header=received.headers["Tremplin-Signature"], body=received.body
    )
    body = json.loads(received.body)
    assert set(body) == {"event", "id", "created_at", "data"}
    assert body["event"] == "application.created"
    assert body["data"]["application"]["id"] == application.pk
    assert body["data"]["vacancy"]["slug"] == "campaign-lead"
    assert "ada@example.org" not in received.body.decode() and "Ada" not in received.body.decode()
    delivery = Delivery.objects.get()
    assert (delivery.status, delivery.attempts, str(delivery.uuid)) == (
        "delivered",
        1,
        received.headers["Tremplin-Delivery"],
    )

    receiver.clear()
    application_move(application=application, to_stage="interview", by=owner)
    run_worker()
    (moved,) = receiver.received
    assert moved.headers["Tremplin-Event"] == "application.stage_changed"
    data = json.loads(moved.body)["data"]
    assert (data["application"]["id"], data["from"], data["to"]) == (
        application.pk,
        "received",
        "interview",
    )


def test_nothing_is_recorded_or_sent_for_a_change_that_rolled_back(
    receiver, vacancy, endpoint_make
):
    endpoint_make(vacancy.organization, ["application.created"])
    with pytest.raises(RuntimeError), transaction.atomic():
        submit(vacancy, email="ada@example.org")
        assert Delivery.objects.count() == 1  # written with the change, in its transaction
        raise RuntimeError("the request failed after the application was stored")
    assert Delivery.objects.count() == 0
    run_worker()
    assert receiver.received == []


def test_only_the_subscribed_events_are_sent(receiver, vacancy, endpoint_make, owner):
    endpoint_make(vacancy.organization, ["vacancy.published"])
    submit(vacancy, email="ada@example.org")
    vacancy_status_change(vacancy=vacancy, action=CLOSE, actor=owner)
    run_worker()
    assert receiver.received == []
    vacancy.deadline = None
    vacancy.save()
    vacancy_status_change(vacancy=vacancy, action="reopen", actor=owner)
    run_worker()
    (published,) = receiver.received
    assert published.headers["Tremplin-Event"] == "vacancy.published"
    assert json.loads(published.body)["data"]["vacancy"]["id"] == vacancy.pk


def test_vacancy_closed_and_published_events(receiver, organization, endpoint_make, owner):
    from tremplin.testing.builders import vacancy_make

    draft = vacancy_make(organization, "treasurer", status="draft")
    endpoint_make(organization, ["vacancy.published", "vacancy.closed"])
    vacancy_status_change(vacancy=draft, action=PUBLISH, actor=owner)
    vacancy_status_change(vacancy=draft, action=CLOSE, actor=owner)
    run_worker()
    assert sorted(r.headers["Tremplin-Event"] for r in receiver.received) == [
        "vacancy.closed",
        "vacancy.published",
    ]


def test_an_erasure_sends_the_erased_application_ids_only(receiver, vacancy, endpoint_make):
    application = submit(vacancy, email="ada@example.org", name="Ada Lovelace")
    endpoint_make(vacancy.organization, ["candidate.erased"])
    shred(
        subject=subject_for_candidate(
            candidate=application.candidate, organization=vacancy.organization
        ),
        actor=None,
        reason="request",
        vacuum=False,
    )
    run_worker()
    (erased,) = receiver.received
    assert erased.headers["Tremplin-Event"] == "candidate.erased"
    assert json.loads(erased.body)["data"] == {"applications": [{"id": application.pk}]}
    # Ids only: not the address, not the name (a random UUID may hold "ada" in its hex).
    assert "ada@example.org" not in erased.body.decode()
    assert "Lovelace" not in erased.body.decode()


def test_the_chat_format_says_new_application_for_the_vacancy_and_nothing_personal(
    receiver, vacancy, endpoint_make
):
    endpoint_make(vacancy.organization, ["application.created"], format="slack")
    submit(vacancy, email="ada@example.org", name="Ada Lovelace")
    run_worker()
    (received,) = receiver.received
    assert json.loads(received.body) == {"text": "New application for Campaign lead"}


def test_a_failure_is_retried_with_backoff_then_given_up_after_24_hours(
    receiver, vacancy, endpoint_make
):
    receiver.status = 500
    endpoint_make(vacancy.organization, ["application.created"])
    start = timezone.now()
    with time_machine.travel(start, tick=False) as clock:
        submit(vacancy, email="ada@example.org")
        run_worker()
        delivery = Delivery.objects.get()
        assert (delivery.status, delivery.attempts, delivery.last_status) == ("pending", 1, 500)
        assert delivery.next_attempt_at == start + timedelta(seconds=60)
        run_worker()
        assert len(receiver.received) == 1  # not due yet
        clock.move_to(start + timedelta(seconds=61))
        run_worker()
        delivery.refresh_from_db()
        assert delivery.attempts == 2
        assert delivery.next_attempt_at == start + timedelta(seconds=61 + 120)
        receiver.status = 200
        clock.move_to(start + timedelta(seconds=61 + 121))
        run_worker()
        delivery.refresh_from_db()
        assert (delivery.status, delivery.attempts) == ("delivered", 3)
        assert DeliveryAttempt.objects.filter(delivery=delivery).count() == 3
        assert len({r.headers["Tremplin-Delivery"] for r in receiver.received}) == 1

        receiver.status = 503
        receiver.clear()
        submit(vacancy, email="grace@example.org")
        moment = timezone.now()
        for _ in range(40):
            later = Delivery.objects.filter(status="pending").order_by("-pk").first()
            if later is None:
                break
            if later.next_attempt_at:
                clock.move_to(later.next_attempt_at)
            run_worker()
        failed = Delivery.objects.order_by("-pk")[0]
        assert failed.status == "failed"
        last = failed.tries.order_by("-at")[0]
        assert last.at <= moment + timedelta(hours=24)
        assert last.at >= moment + timedelta(hours=20)
        gaps = [
            (b.at - a.at).total_seconds()
            for a, b in zip(
                failed.tries.order_by("at")[:5], failed.tries.order_by("at")[1:6], strict=False
            )
        ]
        assert gaps == [60, 120, 240, 480, 960]


def test_an_endpoint_failing_for_3_days_is_disabled_and_its_owners_are_mailed(
    receiver, vacancy, endpoint_make, owner
):
    receiver.status = 500
    endpoint = endpoint_make(vacancy.organization, ["application.created"])
    start = timezone.now()
    with time_machine.travel(start, tick=False) as clock:
        submit(vacancy, email="ada@example.org")
        run_worker()
        endpoint.refresh_from_db()
        assert endpoint.failing_since == start
        clock.move_to(start + timedelta(days=2))
        submit(vacancy, email="grace@example.org")
        run_worker()
        endpoint.refresh_from_db()
        assert endpoint.active
        clock.move_to(start + timedelta(days=3, minutes=1))
        submit(vacancy, email="alan@example.org")
        run_worker()
    endpoint.refresh_from_db()
    assert not endpoint.active and endpoint.disabled_at is not None
    mail = OutboxMessage.objects.get(kind="webhook_disabled")
    assert mail.to == owner.email
    assert receiver.url in mail.body
    receiver.clear()
    submit(vacancy, email="katherine@example.org")
    run_worker()
    assert receiver.received == []
    assert not Delivery.objects.filter(status="pending").exists()


def readme_signature_check():
    """The signature check the README shows, run as it is written there."""
    readme = (Path(settings.BASE_DIR) / "README.md").read_text(encoding="utf-8")
    section = readme.split("Checking a delivery's signature, in Python:", 1)[1]
    code = section.split("```python\n", 1)[1].split("```", 1)[0]
    namespace: dict[str, object] = {}
    exec(code, namespace)  # noqa: S102 (our own README's snippet)
    return namespace["tremplin_signature_valid"]


def test_the_readmes_signature_check_accepts_a_real_delivery_and_refuses_a_forgery(
    receiver, vacancy, endpoint_make
):
    endpoint = endpoint_make(vacancy.organization, ["application.created"])
    submit(vacancy, email="ada@example.org")
    run_worker()
    (received,) = receiver.received
    valid = readme_signature_check()
    header = received.headers["Tremplin-Signature"]
    assert valid(endpoint.secret, header, received.body)
    assert not valid(endpoint.secret, header, received.body.replace(b"}", b" }", 1))
    assert not valid("whsec_another", header, received.body)


def test_a_delivery_whose_task_was_lost_is_sent_after_a_sweep(receiver, vacancy, endpoint_make):
    endpoint = endpoint_make(vacancy.organization, ["application.created"])
    # Written as a change writes it, but its task lost (a worker's queue wiped, say).
    lost = Delivery.objects.create(endpoint=endpoint, event="application.created", body={})
    stuck = Delivery.objects.create(
        endpoint=endpoint,
        event="application.created",
        body={},
        status="sending",
        claimed_at=timezone.now() - timedelta(hours=1),
    )
    run_worker()
    assert receiver.received == []
    out = StringIO()
    call_command("webhook", "sweep", stdout=out)
    assert out.getvalue().startswith("2 ")
    run_worker()
    assert sorted(r.headers["Tremplin-Delivery"] for r in receiver.received) == sorted(
        [str(lost.uuid), str(stuck.uuid)]
    )


def test_retention_sends_one_event_per_erased_candidate_reading_endpoints_once_per_organization(
    receiver, endpoint_make
):
    erased: dict[str, set[int]] = {}
    for slug, people in (("north", 3), ("south", 2)):
        world = world_make(slug)
        endpoint_make(world.organization, ["candidate.erased"])
        applications = [
            apply(world.vacancy, f"{slug}{n}@example.org", at=T0) for n in range(people)
        ]
        for application in applications:
            decide(application, "rejected", at=T0 + DAY, by=world.owner)
        close(world.vacancy, at=T0 + 30 * DAY)
        erased[slug] = {application.pk for application in applications}

    with (
        time_machine.travel(T0 + 30 * DAY + months(3) + DAY, tick=False),
        CaptureQueriesContext(connection) as captured,
    ):
        retention_apply()
    endpoint_reads = [q for q in captured if 'FROM "webhooks_endpoint"' in q["sql"]]
    assert len(endpoint_reads) == 2  # one per organization, not one per candidate
    run_worker()

    assert len(receiver.received) == 5
    got = {
        tuple(a["id"] for a in json.loads(r.body)["data"]["applications"])
        for r in receiver.received
    }
    assert got == {(pk,) for ids in erased.values() for pk in ids}
    assert {r.headers["Tremplin-Event"] for r in receiver.received} == {"candidate.erased"}
    by_endpoint = {
        endpoint.organization.slug: Delivery.objects.filter(endpoint=endpoint).count()
        for endpoint in Endpoint.objects.select_related("organization")
    }
    assert by_endpoint == {"north": 3, "south": 2}
