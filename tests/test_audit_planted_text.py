"""Words in an address never reach the audit log: someone could send an owner a link whose
query string holds text made to be read later in the log (or its CSV export)."""

import json
from urllib.parse import urlencode

import pytest
from django.test import Client
from django.urls import reverse

from tests.conftest import STAFF_ROUTES, World
from tremplin.core.models import AuditEvent
from tremplin.testing.staff import staff_login

pytestmark = pytest.mark.django_db

PLANTED = "plantedbyalink"
# Every query parameter a staff view reads, and one no view reads, all carrying the text.
QUERY = {
    "note": f"Call {PLANTED} now",
    "actor": f"{PLANTED}@evil.example",
    "verb": PLANTED,
    "target_type": PLANTED,
    "date_from": PLANTED,
    "page": PLANTED,
    "sort": PLANTED,
    "kind": PLANTED,
    "answer": PLANTED,
    "application": PLANTED,
    "next": f"/{PLANTED}/",
}


def planted_rows() -> list[int]:
    return [
        event.pk
        for event in AuditEvent.objects.all()
        if PLANTED
        in " ".join(
            [
                event.actor_label,
                event.verb,
                event.target_type,
                event.target_id,
                event.target_label,
                json.dumps(event.data, ensure_ascii=False),
            ]
        ).lower()
    ]


def test_an_export_filtered_by_a_typed_address_records_which_filters_not_their_text(
    world: World,
) -> None:
    owner = staff_login(Client(), world.users["owner"])
    url = reverse("staff_core:audit_export", kwargs={"org": "communs"})
    query = {"actor": f"{PLANTED}@evil.example", "date_from": "2026-03-01", "note": PLANTED}
    response = owner.get(f"{url}?{urlencode(query)}")
    assert response.status_code == 200
    b"".join(response.streaming_content)
    event = AuditEvent.objects.get(verb="audit.export")
    assert event.data["filters"] == {"actor": True, "date_from": "2026-03-01"}
    assert planted_rows() == []


def test_no_staff_page_writes_words_from_its_address_into_the_log(world: World) -> None:
    owner = staff_login(Client(), world.users["owner"])
    before = AuditEvent.objects.count()
    for route in STAFF_ROUTES:
        kwargs = {k: world.keyword_value(k, route.name) for k in route.keywords}
        # All of them (each view refuses its bad values), then only the one no view reads.
        for query in (QUERY, {"note": QUERY["note"]}):
            response = owner.get(f"{reverse(route.name, kwargs=kwargs)}?{urlencode(query)}")
            if hasattr(response, "streaming_content"):
                b"".join(response.streaming_content)
    assert AuditEvent.objects.count() > before  # reads of personal data were logged
    assert planted_rows() == []
