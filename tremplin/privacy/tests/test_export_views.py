"""Getting the copy of one's data: the candidate from their status link, an owner from the
application's page. Links expire; another person's copy, a tampered link or a member who
is not an owner gets nothing."""

import io
import zipfile
from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation

from tremplin.accounts.models import Organization
from tremplin.applications.models import Application
from tremplin.core.models import AuditEvent
from tremplin.messaging.models import OutboxMessage
from tremplin.privacy.exports import data_export_build, data_export_request
from tremplin.privacy.models import DataExport
from tremplin.testing.applying import status_path, submit
from tremplin.testing.builders import campaign_lead_make
from tremplin.testing.staff import Team, staff_login, team_make
from tremplin.testing.worker import run_worker

NAME = "Zephyrine Quintavalle"
EMAIL = "z.quintavalle@example.net"


@pytest.fixture
def organization(db) -> Organization:
    return Organization.objects.create(name="Atelier commun", slug="atelier", email="j@a.example")


@pytest.fixture
def application(organization, settings) -> Application:
    settings.RATELIMIT_ENABLE = False
    return submit(campaign_lead_make(organization), email=EMAIL, name=NAME)


@pytest.fixture
def team(organization) -> Team:
    return team_make(organization)


def ready_export(application: Application, requested_by=None) -> DataExport:
    export = data_export_request(
        candidate=application.candidate,
        organization=application.vacancy.organization,
        requested_by=requested_by,
        language=application.language,
    )
    data_export_build(export_id=export.pk)
    export.refresh_from_db()
    return export


def export_path(application: Application, export: DataExport, language: str = "en") -> str:
    with translation.override(language):
        token = status_path(application, language).rstrip("/").rsplit("/", 1)[1]
        return reverse(
            "privacy:export_download", kwargs={"token": token, "export": export.public_id}
        )


def request_path(application: Application) -> str:
    return status_path(application) + "export/"


def zip_names(response) -> list[str]:
    data = b"".join(response.streaming_content)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return sorted(archive.namelist())


# --- The candidate ------------------------------------------------------------------------


def test_the_status_page_offers_a_copy_of_the_data(client, application):
    html = client.get(status_path(application)).content.decode()

    assert "Get a copy of your data" in html
    assert f'action="{request_path(application)}"' in html
    assert "Ask for a copy of my data" in html


def test_asking_for_a_copy_says_it_is_being_prepared(client, application):
    response = client.post(request_path(application), follow=True)

    assert response.redirect_chain == [(status_path(application), 302)]
    html = response.content.decode()
    assert "Your copy of your data is being prepared. We will e-mail you" in html
    assert "Your copy is being prepared." in html
    assert "Ask for a copy of my data" not in html  # no second request while it is prepared
    export = DataExport.objects.get()
    assert (export.candidate, export.requested_by, export.status) == (
        application.candidate,
        None,
        DataExport.Status.PENDING,
    )


def test_the_copy_is_asked_for_in_the_language_of_the_page(client, application):
    client.post(status_path(application, "fr") + "export/")

    assert DataExport.objects.get().language == "fr"


def test_a_ready_copy_is_offered_with_its_expiry_and_downloaded(client, application):
    export = ready_export(application)

    html = client.get(status_path(application)).content.decode()
    assert f'href="{export_path(application, export)}"' in html
    assert "Available until" in html

    response = client.get(export_path(application, export))

    assert response.status_code == 200
    assert response["Content-Type"] == "application/zip"
    day = timezone.localdate(export.ready_at)
    assert response["Content-Disposition"] == (
        f'attachment; filename="data-atelier-{day:%Y-%m-%d}.zip"'
    )
    assert "no-store" in response["Cache-Control"]
    assert response["Content-Length"] == str(export.size)
    assert "README.txt" in zip_names(response) and "data.json" in zip_names(
        client.get(export_path(application, export))
    )
    export.refresh_from_db()
    assert export.downloads == 2
    events = AuditEvent.objects.filter(verb="export.downloaded")
    assert events.count() == 2
    assert {(e.target_type, e.target_id) for e in events} == {
        ("privacy.dataexport", str(export.pk))
    }
    assert events.first().data == {"export": export.pk, "by": "candidate"}  # type: ignore[union-attr]


def test_an_expired_copy_is_refused_with_a_clear_page(client, application):
    export = ready_export(application)

    with time_machine.travel(timezone.now() + timedelta(days=8), tick=False):
        response = client.get(export_path(application, export))
        page = client.get(status_path(application)).content.decode()

    assert response.status_code == 410
    assert response["Content-Type"].startswith("text/html")
    html = response.content.decode()
    assert "This copy of your data has expired" in html
    assert "can be downloaded for 7 days" in html
    assert "Your last copy has expired: ask for a new one." in page
    export.refresh_from_db()
    assert export.downloads == 0
    assert not AuditEvent.objects.filter(verb="export.downloaded").exists()


def test_a_copy_can_still_be_downloaded_just_before_it_expires(client, application):
    export = ready_export(application)
    assert export.expires_at is not None

    with time_machine.travel(export.expires_at - timedelta(minutes=1), tick=False):
        response = client.get(export_path(application, export))

    assert response.status_code == 200


def test_a_tampered_status_link_gets_nothing(client, application):
    export = ready_export(application)
    path = export_path(application, export)
    token = path.split("/")[3]
    tampered = path.replace(token, token[:-1] + ("A" if token[-1] != "A" else "B"))

    download = client.get(tampered)
    ask = client.post(tampered.rsplit("/", 2)[0] + "/")

    for response in (download, ask):
        assert response.status_code == 404
        assert "Application not found" in response.content.decode()
    assert DataExport.objects.count() == 1
    assert not AuditEvent.objects.filter(verb="export.downloaded").exists()


def test_another_candidates_copy_is_not_served_with_my_link(client, application):
    other = submit(application.vacancy, email="other@example.org", name="Other Person")
    theirs = ready_export(other)
    mine = ready_export(application)

    response = client.get(
        export_path(application, mine).replace(str(mine.public_id), str(theirs.public_id))
    )

    assert response.status_code == 404
    assert "Copy of your data not found" in response.content.decode()
    theirs.refresh_from_db()
    assert theirs.downloads == 0


def test_my_copy_from_another_organization_is_not_served_with_this_link(client, application):
    elsewhere = Organization.objects.create(name="Ailleurs", slug="ailleurs")
    there = submit(campaign_lead_make(elsewhere), email=EMAIL, name=NAME)
    copy_there = ready_export(there)

    response = client.get(
        export_path(application, copy_there)  # this organization's link, the other's copy
    )

    assert response.status_code == 404


def test_a_copy_being_prepared_sends_back_to_the_status_page(client, application):
    export = data_export_request(
        candidate=application.candidate,
        organization=application.vacancy.organization,
        requested_by=None,
        language="en",
    )

    response = client.get(export_path(application, export))

    assert response.status_code == 302
    assert response["Location"] == status_path(application)


def test_an_owners_copy_being_prepared_is_shown_and_the_candidate_may_still_ask(
    client, application, team
):
    data_export_request(
        candidate=application.candidate,
        organization=application.vacancy.organization,
        requested_by=team.owner,
        language="en",
    )

    html = client.get(status_path(application)).content.decode()

    assert "The organization is preparing a copy of your data" in html
    assert "Ask for a copy of my data" in html


def test_asking_needs_a_post(client, application):
    assert client.get(request_path(application)).status_code == 405
    assert not DataExport.objects.exists()


@pytest.mark.django_db(transaction=True)
def test_from_the_button_to_the_zip_through_the_worker_and_the_email(settings):
    settings.RATELIMIT_ENABLE = False
    organization = Organization.objects.create(
        name="Atelier commun", slug="atelier", email="j@a.example"
    )
    application = submit(campaign_lead_make(organization), email=EMAIL, name=NAME)
    client = Client()

    client.post(request_path(application))
    run_worker()

    message = OutboxMessage.objects.get(kind="data_export")
    assert message.to == EMAIL
    assert message.subject == "Your copy of your data at Atelier commun is ready"
    link = next(line for line in message.body.splitlines() if "/application/" in line)
    page = client.get(link.replace(settings.SITE_URL, "")).content.decode()
    export = DataExport.objects.get()
    assert export_path(application, export) in page
    assert "data.json" in zip_names(client.get(export_path(application, export)))


# --- An owner, for the candidate ----------------------------------------------------------


def staff_request_path(application: Application) -> str:
    return reverse(
        "staff_privacy:export_request",
        kwargs={"org": application.vacancy.organization.slug, "application": application.pk},
    )


def staff_download_path(export: DataExport) -> str:
    return reverse(
        "staff_privacy:export_download",
        kwargs={"org": export.organization.slug, "export": export.pk},
    )


def detail_path(application: Application) -> str:
    return reverse(
        "staff_applications:detail",
        kwargs={"org": application.vacancy.organization.slug, "application": application.pk},
    )


def test_an_owner_sees_the_export_section_and_a_recruiter_does_not(client, application, team):
    owner_page = staff_login(client, team.owner).get(detail_path(application)).content.decode()
    recruiter_page = (
        staff_login(Client(), team.recruiter).get(detail_path(application)).content.decode()
    )

    assert "Copy of the candidate’s data" in owner_page
    assert f'action="{staff_request_path(application)}"' in owner_page
    assert "Copy of the candidate’s data" not in recruiter_page
    assert staff_request_path(application) not in recruiter_page


def test_an_owner_asks_for_a_copy_then_downloads_it(client, application, team):
    staff_login(client, team.owner)

    response = client.post(staff_request_path(application))

    assert response.status_code == 302
    assert response["Location"] == detail_path(application) + "#export"
    export = DataExport.objects.get()
    assert (export.requested_by, export.language) == (team.owner, application.language)
    html = client.get(detail_path(application)).content.decode()
    assert "A copy of the candidate’s data is being prepared" in html
    assert "Being prepared" in html

    data_export_build(export_id=export.pk)
    html = client.get(detail_path(application)).content.decode()
    assert f'href="{staff_download_path(export)}"' in html
    response = client.get(staff_download_path(export))

    assert response.status_code == 200
    assert response["Content-Type"] == "application/zip"
    assert {"data.json", "README.txt"} <= set(zip_names(response))
    assert not OutboxMessage.objects.filter(kind="data_export").exists()  # the owner sends it


def test_owner_exports_are_recorded_in_the_audit_log_without_personal_data(
    client, application, team
):
    staff_login(client, team.owner)
    client.post(staff_request_path(application))
    export = DataExport.objects.get()
    data_export_build(export_id=export.pk)
    b"".join(client.get(staff_download_path(export)).streaming_content)

    requested = AuditEvent.objects.get(verb="export.requested")
    downloaded = AuditEvent.objects.get(verb="export.downloaded")

    assert requested.actor == downloaded.actor == team.owner
    assert requested.data == {"export": export.pk, "by": "staff", "language": "en"}
    assert downloaded.data == {"export": export.pk, "by": "staff"}
    assert (downloaded.target_type, downloaded.target_label) == (
        "privacy.dataexport",
        f"data export #{export.pk}",
    )
    for event in (requested, downloaded):
        assert NAME not in str(event.data) and EMAIL not in str(event.data)


@pytest.mark.parametrize("role", ["recruiter", "reviewer", "outsider"])
def test_only_owners_may_ask_for_or_download_a_copy(client, application, team, role):
    application.vacancy.reviewers.add(team.reviewer)
    export = ready_export(application, requested_by=team.owner)
    staff_login(client, team.member(role))

    asked = client.post(staff_request_path(application))
    downloaded = client.get(staff_download_path(export))

    assert asked.status_code == 404
    assert downloaded.status_code == 404
    assert DataExport.objects.count() == 1
    assert not AuditEvent.objects.filter(verb="export.downloaded").exists()


def test_an_owner_gets_404_for_another_organizations_copy(client, application, team):
    elsewhere = Organization.objects.create(name="Ailleurs", slug="ailleurs")
    theirs = ready_export(submit(campaign_lead_make(elsewhere), email="x@example.org", name="X"))
    staff_login(client, team.owner)

    path = reverse("staff_privacy:export_download", kwargs={"org": "atelier", "export": theirs.pk})

    assert client.get(path).status_code == 404
    theirs.refresh_from_db()
    assert theirs.downloads == 0


def test_an_owner_cannot_ask_about_another_organizations_application(client, application, team):
    elsewhere = Organization.objects.create(name="Ailleurs", slug="ailleurs")
    theirs = submit(campaign_lead_make(elsewhere), email="x@example.org", name="X")
    staff_login(client, team.owner)

    path = reverse(
        "staff_privacy:export_request", kwargs={"org": "atelier", "application": theirs.pk}
    )

    assert client.post(path).status_code == 404
    assert not DataExport.objects.exists()


def test_an_expired_copy_is_refused_to_an_owner(client, application, team):
    export = ready_export(application, requested_by=team.owner)

    with time_machine.travel(timezone.now() + timedelta(days=8), tick=False):
        staff_login(client, team.owner)
        response = client.get(staff_download_path(export))
        page = client.get(detail_path(application)).content.decode()

    assert response.status_code == 410
    assert "This copy has expired" in response.content.decode()
    assert "Expired" in page
    assert staff_download_path(export) not in page


# --- One new copy per 24 hours ------------------------------------------------------------

ASKED_AT = datetime(2026, 3, 10, 9, 30, tzinfo=UTC)  # 10:30 in Paris


def ask_at(client, application: Application, moment: datetime, language: str = "en"):
    with time_machine.travel(moment, tick=False):
        return client.post(status_path(application, language) + "export/")


def page_at(client, application: Application, moment: datetime, language: str = "en") -> str:
    with time_machine.travel(moment, tick=False):
        return client.get(status_path(application, language)).content.decode()


def build_all(moment: datetime) -> None:
    with time_machine.travel(moment, tick=False):
        for export in DataExport.objects.filter(status=DataExport.Status.PENDING):
            data_export_build(export_id=export.pk)


def test_a_candidate_gets_one_new_copy_per_24_hours_and_is_told_when_the_next_is_possible(
    client, application
):
    ask_at(client, application, ASKED_AT)
    build_all(ASKED_AT + timedelta(minutes=1))
    later = ASKED_AT + timedelta(hours=23)

    page = page_at(client, application, later)
    refused = ask_at(client, application, later)

    expected = (
        "You can ask for one new copy of your data every 24 hours. You can ask for the next "
        "one from 11 March 2026, 10:30"
    )
    assert expected in page
    assert "Ask for a new copy" not in page
    assert "Download your data" in page  # the copy they have is still offered
    assert refused.status_code == 429
    assert expected in refused.content.decode()
    assert DataExport.objects.count() == 1
    assert AuditEvent.objects.filter(verb="export.requested").count() == 1

    allowed = ask_at(client, application, ASKED_AT + timedelta(hours=24, minutes=1))

    assert allowed.status_code == 302
    assert DataExport.objects.count() == 2


def test_the_next_possible_copy_is_said_in_the_candidates_language(client, application):
    ask_at(client, application, ASKED_AT, language="fr")
    build_all(ASKED_AT + timedelta(minutes=1))

    refused = ask_at(client, application, ASKED_AT + timedelta(hours=2), language="fr")

    assert refused.status_code == 429
    assert (
        "Vous pouvez demander une nouvelle copie de vos données toutes les 24 heures. Vous "
        "pourrez demander la prochaine à partir du 11 mars 2026 à 10:30."
    ) in refused.content.decode()


def test_a_copy_that_failed_does_not_count(client, application):
    ask_at(client, application, ASKED_AT)
    DataExport.objects.update(status=DataExport.Status.FAILED)

    again = ask_at(client, application, ASKED_AT + timedelta(minutes=5))

    assert again.status_code == 302
    assert DataExport.objects.count() == 2


def test_owners_copies_are_not_limited_and_do_not_count_against_the_candidate(
    client, application, team
):
    organization = application.vacancy.organization
    for hours in (0, 1):
        with time_machine.travel(ASKED_AT + timedelta(hours=hours), tick=False):
            export = data_export_request(
                candidate=application.candidate,
                organization=organization,
                requested_by=team.owner,
                language="en",
            )
            data_export_build(export_id=export.pk)

    mine = ask_at(client, application, ASKED_AT + timedelta(hours=2))

    assert mine.status_code == 302
    assert DataExport.objects.count() == 3
