"""The privacy settings page tells owners whether the retention rules run, and what they
are about to erase."""

import re
from datetime import timedelta

import pytest
import time_machine
from dateutil.relativedelta import relativedelta
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from tremplin.privacy.services import retention_apply
from tremplin.privacy.tests.test_retention import apply, close, decide, world_make
from tremplin.testing.staff import staff_login

pytestmark = pytest.mark.django_db


def page(client: Client, slug: str = "open-future") -> str:
    response = client.get(reverse("staff_privacy:settings", kwargs={"org": slug}))
    assert response.status_code == 200
    return " ".join(response.content.decode().split())


def row(html: str, label: str) -> list[str]:
    found = re.search(rf'<th scope="row">{label}</th><td>(\d+)</td><td>(\d+)</td>', html)
    assert found, label
    return list(found.groups())


def test_owners_are_warned_when_the_rules_never_ran_or_stopped():
    w = world_make()
    client = staff_login(Client(), w.owner)
    assert "have never run on this server" in page(client)

    with time_machine.travel(timezone.now() - timedelta(days=3), tick=False):
        retention_apply()
    assert "they should run every day" in page(client)

    retention_apply()
    html = page(client)
    assert "they run every day" in html
    assert "should run" not in html and "never run" not in html


def test_owners_see_what_the_next_runs_will_erase():
    w = world_make()
    now = timezone.now()
    ended = now - relativedelta(months=3) + relativedelta(days=10)  # erased in 10 days
    ada = apply(w.vacancy, "ada@example.org", at=ended - relativedelta(days=5))
    decide(ada, "rejected", at=ended - relativedelta(days=1), by=w.owner)
    close(w.vacancy, at=ended)
    client = staff_login(Client(), w.owner)

    html = page(client)

    assert row(html, "Not retained, or withdrew") == ["0", "1"]
    assert row(html, "Talent pool") == ["0", "0"]
    assert row(html, "Hired") == ["0", "0"]
