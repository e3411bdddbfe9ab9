"""A NUL character in an address or a form: a clear, translated 400 and nothing changed,
on every page (PostgreSQL refuses it in text, so it used to end in a 500 there)."""

from urllib.parse import quote

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import World
from tremplin.applications.models import Application, Candidate
from tremplin.core.models import AuditEvent
from tremplin.testing import samples
from tremplin.testing.staff import staff_login

pytestmark = pytest.mark.django_db

MESSAGE = "holds a NUL character"
MESSAGE_FR = "contient un caractère NUL"


def audit_url(name: str = "staff_core:audit", language: str = "en") -> str:
    return reverse(name, kwargs={"org": "communs"}).replace("/en/", f"/{language}/", 1)


def assert_refused(response, message: str = MESSAGE) -> None:
    assert response.status_code == 400
    assert message in response.content.decode()


@pytest.mark.parametrize(
    "query",
    ["actor=olga%00@example.org", "verb=auth.login%00", "date_from=2026-03-01%00", "page=1%00"],
)
def test_the_audit_page_refuses_a_nul_in_its_filters(world: World, query: str) -> None:
    owner = staff_login(Client(), world.users["owner"])
    assert_refused(owner.get(f"{audit_url()}?{query}"))


def test_the_audit_export_refuses_a_nul_and_logs_no_export(world: World) -> None:
    owner = staff_login(Client(), world.users["owner"])
    for query in ("note=x%00y", "verb=auth.login%00", "x%00=1"):
        assert_refused(owner.get(f"{audit_url('staff_core:audit_export')}?{query}"))
    assert not AuditEvent.objects.filter(verb="audit.export").exists()


def test_the_refusal_is_in_the_page_s_language(world: World) -> None:
    owner = staff_login(Client(), world.users["owner"])
    response = owner.get(f"{audit_url(language='fr')}?actor=%00")
    assert_refused(response, MESSAGE_FR)
    assert '<html lang="fr">' in response.content.decode()


def test_the_application_form_refuses_a_nul_and_stores_nothing(client, world: World) -> None:
    url = reverse("applications:apply", kwargs={"org": "communs", "vacancy": "facilitator"})
    before = (Candidate.objects.count(), Application.objects.count())
    for field, value in (("name", "Grace\x00Hopper"), ("letter_text", "Dear team,\x00")):
        data = {
            "name": "Grace Hopper",
            "email": "grace@example.org",
            "letter_text": samples.LETTER_EN,
            "cv": SimpleUploadedFile("cv.pdf", samples.pdf_bytes(), "application/pdf"),
            field: value,
        }
        assert_refused(client.post(url, data))
    assert (Candidate.objects.count(), Application.objects.count()) == before


def test_other_staff_filters_refuse_a_nul(world: World) -> None:
    owner = staff_login(Client(), world.users["owner"])
    results = reverse("staff_review:results", kwargs={"org": "communs", "vacancy": "facilitator"})
    assert_refused(owner.get(f"{results}?sort=-mean%00"))
    template_add = reverse("staff_messaging:template_add", kwargs={"org": "communs"})
    assert_refused(owner.get(f"{template_add}?kind=free%00"))


def test_a_clean_request_is_not_touched(world: World) -> None:
    owner = staff_login(Client(), world.users["owner"])
    assert owner.get(f"{audit_url()}?verb=").status_code == 200


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    before=st.text(
        st.characters(exclude_categories=["Cs"], exclude_characters="\x00"), max_size=20
    ),
    after=st.text(st.characters(exclude_categories=["Cs"]), max_size=20),
    name=st.sampled_from(["q", "location", "kind", "anything"]),
)
def test_any_board_filter_with_a_nul_anywhere_is_refused(
    client, before: str, after: str, name: str
) -> None:
    value = quote(before + "\x00" + after, safe="")
    assert_refused(client.get(f"/en/?{name}={value}"))
