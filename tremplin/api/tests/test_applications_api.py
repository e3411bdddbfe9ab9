"""/api/v1/applications: the list with its filters and cursor, an application with the
candidate's name and e-mail, a move, a note, a document's download; each read of personal
data audited with the token's name; erased candidates gone from every answer."""

from datetime import timedelta

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from tremplin.applications.models import Application, Document, DocumentDownload, StageChange
from tremplin.core.models import AuditEvent
from tremplin.privacy.erasure import shred
from tremplin.privacy.shredders import subject_for_candidate
from tremplin.testing.applying import document_bytes, submit
from tremplin.testing.builders import vacancy_make

pytestmark = pytest.mark.django_db


@pytest.fixture
def applications(vacancy):
    return [
        submit(vacancy, email="ada@example.org", name="Ada Lovelace"),
        submit(vacancy, email="grace@example.org", name="Grace Hopper"),
        submit(vacancy, email="alan@example.org", name="Alan Turing"),
    ]


def test_an_application_includes_the_candidates_name_and_email_and_the_read_is_audited(
    api, applications, team
):
    ada = applications[0]
    answer = api.get(f"/api/v1/applications/{ada.pk}")
    assert answer.status_code == 200
    body = answer.json()
    assert body["candidate"] == {"name": "Ada Lovelace", "email": "ada@example.org"}
    assert body["vacancy"] == {"id": ada.vacancy.pk, "slug": "campaign-lead"}
    assert body["stage"] == "received"
    assert [document["role"] for document in body["documents"]] == ["cv", "letter"]
    event = AuditEvent.objects.get(verb="application.view")
    assert event.actor == team.owner
    assert event.target_id == str(ada.pk)
    assert event.data["client"] == "HR sheet"
    assert event.data["via"] == "api"


def test_the_list_pages_with_a_cursor_and_audits_each_page(api, applications):
    first = api.get("/api/v1/applications", limit=2).json()
    assert [item["candidate"]["name"] for item in first["items"]] == [
        "Ada Lovelace",
        "Grace Hopper",
    ]
    second = api.get("/api/v1/applications", limit=2, cursor=first["next"]).json()
    assert [item["id"] for item in second["items"]] == [applications[2].pk]
    assert second["next"] is None
    events = AuditEvent.objects.filter(verb="application.list").order_by("pk")
    assert [event.data["applications"] for event in events] == [
        [applications[0].pk, applications[1].pk],
        [applications[2].pk],
    ]
    assert all(event.data["client"] == "HR sheet" for event in events)


def test_the_list_filters_by_vacancy_stage_and_update_time(api, applications, vacancy):
    other = vacancy_make(vacancy.organization, "treasurer")
    with time_machine.travel(timezone.now() + timedelta(days=2)):
        later = submit(other, email="katherine@example.org", name="Katherine Johnson")
        Application.objects.filter(pk=applications[1].pk).update(stage="screening")

    def ids(**params):
        answer = api.get("/api/v1/applications", **params)
        assert answer.status_code == 200, answer.content
        return [item["id"] for item in answer.json()["items"]]

    assert ids(vacancy="treasurer") == [later.pk]
    assert ids(vacancy=str(vacancy.pk)) == [a.pk for a in applications]
    assert ids(stage="screening") == [applications[1].pk]
    since = (timezone.now() + timedelta(days=1)).isoformat()
    assert ids(updated_since=since) == [later.pk]
    assert api.get("/api/v1/applications", updated_since="yesterday").status_code == 422


def test_another_organizations_application_is_404_and_never_listed(api, team):
    theirs = vacancy_make(team.outsider.memberships.get().organization, "theirs")
    application = submit(theirs, email="x@example.org")
    assert api.get(f"/api/v1/applications/{application.pk}").status_code == 404
    assert (
        api.patch(f"/api/v1/applications/{application.pk}", {"stage": "review"}).status_code == 404
    )
    assert api.get("/api/v1/applications").json()["items"] == []
    assert api.get("/api/v1/applications", vacancy="theirs").json()["items"] == []


def test_moving_to_a_stage_uses_the_workspaces_rules(api, applications, team):
    ada = applications[0]
    answer = api.post(f"/api/v1/applications/{ada.pk}/move", {"stage": "interview"})
    assert answer.status_code == 200, answer.content
    assert answer.json()["stage"] == "interview"
    change = StageChange.objects.get(application=ada)
    assert (change.from_stage, change.to_stage, change.by) == ("received", "interview", team.owner)

    refused = api.patch(f"/api/v1/applications/{ada.pk}", {"stage": "rejected"})
    assert refused.status_code == 422
    assert refused.json()["code"] == "reason_required"
    unknown = api.patch(f"/api/v1/applications/{ada.pk}", {"stage": "moon"})
    assert unknown.json()["code"] == "stage"
    ada.refresh_from_db()
    assert ada.stage == "interview"
    rejected = api.patch(
        f"/api/v1/applications/{ada.pk}", {"stage": "rejected", "reason": "must_haves"}
    )
    assert rejected.status_code == 200, rejected.content


def test_a_note_is_added_and_shown_with_the_application(api, applications, team):
    ada = applications[0]
    answer = api.post(f"/api/v1/applications/{ada.pk}/notes", {"text": "Called her: keen."})
    assert answer.status_code == 201
    assert answer.json()["by"] == str(team.owner)
    notes = api.get(f"/api/v1/applications/{ada.pk}").json()["notes"]
    assert notes[-1]["text"] == "Called her: keen."
    assert api.post(f"/api/v1/applications/{ada.pk}/notes", {"text": "  "}).status_code == 422


def test_a_document_download_is_the_file_and_is_recorded_with_the_tokens_name(
    api, applications, team
):
    ada = applications[0]
    cv = api.get(f"/api/v1/applications/{ada.pk}").json()["documents"][0]
    answer = api.get(cv["download"])
    assert answer.status_code == 200
    assert b"".join(answer.streaming_content) == document_bytes(Document.objects.get(pk=cv["id"]))
    assert answer["Content-Disposition"].startswith("attachment")
    assert DocumentDownload.objects.get().user == team.owner
    event = AuditEvent.objects.get(verb="document.download")
    assert event.data == {"via": "api", "client": "HR sheet"}
    other = applications[1]
    assert api.get(f"/api/v1/applications/{other.pk}/documents/{cv['id']}").status_code == 404


def test_an_erased_candidate_is_gone_from_every_answer(api, applications):
    ada = applications[0]
    cv = api.get(f"/api/v1/applications/{ada.pk}").json()["documents"][0]
    shred(
        subject=subject_for_candidate(
            candidate=ada.candidate, organization=ada.vacancy.organization
        ),
        actor=None,
        reason="request",
        vacuum=False,
    )
    listed = api.get("/api/v1/applications").json()["items"]
    assert ada.pk not in [item["id"] for item in listed]
    assert "ada@example.org" not in str(listed)
    assert api.get(f"/api/v1/applications/{ada.pk}").status_code == 404
    assert api.get(cv["download"]).status_code == 404


def test_a_recruiters_token_reads_applications_and_a_reviewers_is_refused(
    api_as, applications, team
):
    assert api_as(team.recruiter).get("/api/v1/applications").status_code == 200
    reviewer_token = api_as(team.recruiter)
    team.recruiter.memberships.update(role="reviewer")
    answer = reviewer_token.get(f"/api/v1/applications/{applications[0].pk}")
    assert answer.status_code == 403
    assert "Ada" not in answer.content.decode()


def test_a_page_of_applications_costs_the_same_queries_however_many_it_holds(api, vacancy):
    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert api.get("/api/v1/applications").status_code == 200
        return len(captured)

    submit(vacancy, email="first@example.org")
    one = queries()
    for number in range(6):
        submit(vacancy, email=f"person{number}@example.org")
    assert queries() == one
