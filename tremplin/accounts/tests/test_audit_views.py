"""The audit log page and its CSV export: owners of the organization only."""

import csv
import io
from datetime import UTC, datetime

import pytest
import time_machine
from django.test import Client
from django.urls import reverse
from django.utils import translation

from tremplin.accounts.models import Organization
from tremplin.core.audit import log_action
from tremplin.core.models import AuditEvent
from tremplin.testing.staff import member_create, staff_login
from tremplin.vacancies.models import Vacancy, VacancyText

pytestmark = pytest.mark.django_db


@pytest.fixture
def org():
    return Organization.objects.create(name="Communs", slug="communs")


@pytest.fixture
def owner(org):
    return member_create(email="olga@example.org", organization=org, role="owner")


@pytest.fixture
def recruiter(org):
    return member_create(email="rita@example.org", organization=org, role="recruiter")


@pytest.fixture
def elsewhere():
    return Organization.objects.create(name="Ailleurs", slug="ailleurs")


@pytest.fixture
def outsider(elsewhere):
    return member_create(email="charlie@example.org", organization=elsewhere, role="owner")


@pytest.fixture
def vacancy(org):
    return Vacancy.objects.create(organization=org, slug="facilitator")


def page_url(**query) -> str:
    url = reverse("staff_core:audit", kwargs={"org": "communs"})
    return url + ("?" + "&".join(f"{k}={v}" for k, v in query.items()) if query else "")


def export_url(query: str = "") -> str:
    return reverse("staff_core:audit_export", kwargs={"org": "communs"}) + query


def as_user(user) -> Client:
    return staff_login(Client(), user)


def rows_of(response) -> list[list[str]]:
    body = b"".join(response.streaming_content).decode("utf-8-sig")
    return list(csv.reader(io.StringIO(body)))


def test_the_addresses_are_under_the_organization_s_staff_pages() -> None:
    assert page_url() == "/en/staff/communs/audit/"
    assert export_url() == "/en/staff/communs/audit/export.csv"


def test_an_owner_sees_the_organization_s_events_newest_first(owner, recruiter, vacancy) -> None:
    with time_machine.travel(datetime(2026, 3, 1, 9, tzinfo=UTC)):
        log_action(recruiter, "vacancy.publish", vacancy, {"from": "draft"})
    with time_machine.travel(datetime(2026, 3, 2, 9, tzinfo=UTC)):
        log_action(recruiter, "vacancy.close", vacancy)
    response = as_user(owner).get(page_url())
    assert response.status_code == 200
    html = response.content.decode()
    assert html.index("closed the vacancy") < html.index("published the vacancy")
    assert "rita@example.org" in html
    assert "Audit log" in html


def test_it_filters_by_actor_action_object_type_and_dates(owner, recruiter, vacancy, org) -> None:
    with time_machine.travel(datetime(2026, 3, 1, 9, tzinfo=UTC)):
        log_action(recruiter, "vacancy.publish", vacancy)
    with time_machine.travel(datetime(2026, 3, 5, 9, tzinfo=UTC)):
        log_action(owner, "member.role", org, {"role": "owner"}, organization=org)
        log_action(recruiter, "vacancy.close", vacancy)
    client = as_user(owner)

    def verbs(**query) -> set[str]:
        response = client.get(page_url(**query))
        assert response.status_code == 200
        return {line.event.verb for line in response.context["rows"]} - {"auth.login"}

    assert verbs(actor="RITA@example.org") == {"vacancy.publish", "vacancy.close"}
    assert verbs(verb="vacancy.close") == {"vacancy.close"}
    assert verbs(target_type="accounts.organization") == {"member.role"}
    assert verbs(date_from="2026-03-02") == {"member.role", "vacancy.close"}
    assert verbs(date_to="2026-03-01") == {"vacancy.publish"}
    assert verbs(date_from="2026-03-01", date_to="2026-03-01", actor="rita@example.org") == {
        "vacancy.publish"
    }


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ({"date_from": "yesterday"}, "Enter a valid date."),
        ({"verb": "made.up"}, "Select a valid choice."),
        ({"target_type": "auth.permission"}, "Select a valid choice."),
        ({"actor": "not an e-mail"}, "Enter a valid email address."),
        (
            {"date_from": "2026-03-05", "date_to": "2026-03-01"},
            "The start date must not be after the end date.",
        ),
    ],
)
def test_a_bad_filter_gets_a_clear_message_and_no_events(owner, recruiter, vacancy, query, message):
    log_action(recruiter, "vacancy.publish", vacancy)
    response = as_user(owner).get(page_url(**query))
    assert response.status_code == 400
    html = response.content.decode()
    assert message in html
    assert "published the vacancy" not in html.split("</form>")[-1]
    export = as_user(owner).get(export_url("?" + "&".join(f"{k}={v}" for k, v in query.items())))
    assert export.status_code == 400
    assert not AuditEvent.objects.filter(verb="audit.export").exists()


def test_a_bad_filter_is_explained_in_french(owner) -> None:
    url = page_url(date_from="hier").replace("/en/", "/fr/")
    response = as_user(owner).get(url)
    html = response.content.decode()
    assert "Journal d’audit" in html
    assert "Saisissez une date valide." in html


def test_the_page_is_in_french(owner, recruiter, vacancy) -> None:
    log_action(recruiter, "vacancy.publish", vacancy)
    html = as_user(owner).get(page_url().replace("/en/", "/fr/")).content.decode()
    for text in (
        "Journal d’audit",
        "Filtrer",
        "Personne (e-mail)",
        "Exporter ces événements en CSV",
    ):
        assert text in html


def test_it_pages_the_log(owner, recruiter, vacancy) -> None:
    for _ in range(60):
        log_action(recruiter, "vacancy.publish", vacancy)
    client = as_user(owner)
    first = client.get(page_url(verb="vacancy.publish"))
    assert len(first.context["rows"]) == 50
    assert "page=2" in first.content.decode()
    second = client.get(page_url(verb="vacancy.publish", page=2))
    assert len(second.context["rows"]) == 10
    assert client.get(page_url(page="nonsense")).status_code == 200


@pytest.mark.parametrize("role", ["recruiter", "reviewer"])
def test_recruiters_and_reviewers_get_not_found(org, role) -> None:
    client = as_user(member_create(email=f"{role}@example.org", organization=org, role=role))
    assert client.get(page_url()).status_code == 404
    assert client.get(export_url()).status_code == 404


def test_an_outsider_gets_not_found(org, outsider) -> None:
    client = as_user(outsider)
    assert client.get(page_url()).status_code == 404
    assert client.get(export_url()).status_code == 404
    assert client.post(page_url()).status_code == 404


def test_an_anonymous_visitor_is_sent_to_log_in(org) -> None:
    response = Client().get(page_url())
    assert response.status_code == 302
    assert response["Location"].startswith("/en/accounts/login/")


def test_events_of_another_organization_never_appear(owner, outsider, elsewhere) -> None:
    other_vacancy = Vacancy.objects.create(organization=elsewhere, slug="secret-role")
    log_action(outsider, "vacancy.publish", other_vacancy)
    as_user(outsider)  # the outsider logs in: an account event of the other organization
    log_action(None, "auth.login_failed", None, {"email": "charlie@example.org"})
    client = as_user(owner)
    html = client.get(page_url()).content.decode()
    assert "charlie@example.org" not in html
    assert "secret-role" not in html
    body = str(rows_of(client.get(export_url())))
    assert "charlie@example.org" not in body
    assert "secret-role" not in body


def test_it_shows_the_logins_and_failed_logins_of_members(owner, recruiter) -> None:
    as_user(recruiter)
    log_action(None, "auth.login_failed", None, {"email": "rita@example.org"})
    html = as_user(owner).get(page_url()).content.decode()
    assert "rita@example.org logged in" in html
    assert "olga@example.org logged in" in html
    assert "Someone failed to log in to the account rita@example.org" in html


def test_the_export_has_the_columns_and_neutralises_formulas(owner, recruiter, vacancy) -> None:
    vacancy.slug = "x"
    with time_machine.travel(datetime(2026, 3, 1, 9, 30, tzinfo=UTC)):
        event = log_action(recruiter, "vacancy.publish", vacancy, {"from": "draft"})
    AuditEvent.objects.filter(pk=event.pk).update(target_label='=HYPERLINK("http://evil.example")')
    response = as_user(owner).get(export_url("?verb=vacancy.publish"))
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert 'filename="audit-communs-' in response["Content-Disposition"]
    header, *rows = rows_of(response)
    assert header == [
        "Time (UTC)",
        "Actor",
        "Action",
        "Object type",
        "Object id",
        "Object",
        "Details",
    ]
    assert rows == [
        [
            "2026-03-01T09:30:00+00:00",
            "rita@example.org",
            "vacancy.publish",
            "vacancies.vacancy",
            str(vacancy.pk),
            '\'=HYPERLINK("http://evil.example")',
            '{"from": "draft"}',
        ]
    ]


def test_exporting_is_itself_logged(owner, org) -> None:
    as_user(owner).get(export_url("?verb=auth.login"))
    event = AuditEvent.objects.get(verb="audit.export")
    assert (event.actor, event.organization) == (owner, org)
    assert event.data == {"filters": {"verb": "auth.login"}, "rows": 1}


def test_the_export_header_is_in_french(owner) -> None:
    response = as_user(owner).get(export_url().replace("/en/", "/fr/"))
    header = rows_of(response)[0]
    assert header[0] == "Heure (UTC)"
    assert header[-1] == "Détails"


def test_each_event_reads_as_a_sentence_in_the_reader_s_language_with_a_link(
    owner, recruiter, vacancy
) -> None:
    VacancyText.objects.create(vacancy=vacancy, language="en", title="Facilitator")
    with time_machine.travel(datetime(2026, 3, 1, 9, 30, tzinfo=UTC)):
        log_action(recruiter, "vacancy.publish", vacancy, {"from": "draft"})
    gone = Vacancy.objects.create(organization=vacancy.organization, slug="gone")
    log_action(recruiter, "vacancy.close", gone, label="Gone vacancy")
    gone.delete()
    client = as_user(owner)
    html = client.get(page_url()).content.decode()
    edit = reverse("staff_vacancies:edit", kwargs={"org": "communs", "vacancy": "facilitator"})
    assert f'rita@example.org published the vacancy <a href="{edit}">' in html
    assert "rita@example.org closed the vacancy Gone vacancy" in html
    assert "1 March 2026, 10:30" in html
    assert "vacancy.publish" not in html.split("</form>")[-1]
    assert "&quot;from&quot;" not in html and '"from"' not in html
    with translation.override("fr"):
        french = client.get(page_url()).content.decode()
    assert "rita@example.org a publié l’offre" in french
    assert "1 mars 2026" in french


def test_it_filters_by_kind_of_event(owner, recruiter, vacancy, org) -> None:
    log_action(recruiter, "vacancy.publish", vacancy)
    log_action(recruiter, "document.view", vacancy)
    log_action(owner, "member.role", org, {"role": "owner"}, organization=org)
    client = as_user(owner)

    def verbs(kind: str) -> set[str]:
        response = client.get(page_url(kind=kind))
        assert response.status_code == 200
        return {line.event.verb for line in response.context["rows"]}

    assert verbs("read") == {"document.view"}
    assert verbs("change") == {"vacancy.publish"}
    assert verbs("security") == {"member.role", "auth.login"}
    assert client.get(page_url(kind="made-up")).status_code == 400


def test_a_nul_byte_in_a_filter_answers_400_and_writes_nothing(owner) -> None:
    client = as_user(owner)
    before = AuditEvent.objects.count()
    assert client.get(page_url(actor="a%00b")).status_code == 400
    assert client.get(export_url("?kind=read%00")).status_code == 400
    assert AuditEvent.objects.count() == before


def test_the_export_records_the_kind_chosen_and_not_the_address_typed(owner) -> None:
    as_user(owner).get(export_url("?kind=read&actor=planted@example.org"))
    event = AuditEvent.objects.get(verb="audit.export")
    assert event.data["filters"] == {"kind": "read", "actor": True}
    assert "planted" not in str(event.data)
