"""Staff notes on an application's page: written in Markdown and shown sanitised, refused
when empty, audited when read, corrected by their author for a short time only, and
``@name`` mentions of colleagues of the same organization handed on to be notified."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone

from tremplin.applications import notes
from tremplin.applications.models import Note
from tremplin.applications.signals import note_mentioned
from tremplin.core.models import AuditEvent
from tremplin.testing.applying import submit
from tremplin.testing.staff import member_create, staff_login

pytestmark = pytest.mark.django_db


@pytest.fixture
def application(vacancy):
    return submit(vacancy, email="ada@example.org", name="Ada Lovelace")


def url(application, tail="") -> str:
    org = application.vacancy.organization.slug
    return f"/en/staff/{org}/applications/{application.pk}/{tail}"


def text_of(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


@pytest.fixture
def mentioned():
    """Who ``note_mentioned`` names, as the notifications app receives them."""
    heard: list[tuple[int, int, int | None]] = []

    def receiver(sender, *, note, user, by, **kwargs):
        heard.append((note.pk, user.pk, by.pk if by else None))

    note_mentioned.connect(receiver, dispatch_uid="test_notes_heard")
    yield heard
    note_mentioned.disconnect(dispatch_uid="test_notes_heard")


def test_a_recruiter_writes_a_note_in_markdown_and_reads_it_sanitised(
    client, application, team, django_capture_on_commit_callbacks
):
    staff_login(client, team.recruiter)
    body = "Called her: **keen**.\n\n<script>alert(1)</script>[site](javascript:alert(2))"
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url(application, "notes/"), {"note": body})

    assert response.status_code == 302
    note = Note.objects.get()
    assert (note.application, note.author, note.body) == (application, team.recruiter, body)
    html = client.get(url(application)).content.decode()
    assert "<strong>keen</strong>" in html
    assert "<script>alert(1)" not in html
    assert 'href="javascript:' not in html  # the link stays text
    assert "rita@example.org" in text_of(html)  # who wrote it


def test_reading_the_notes_on_the_page_is_audited(client, application, team):
    notes.note_add(application=application, body="Strong portfolio.", by=team.owner)
    staff_login(client, team.recruiter).get(url(application))

    event = AuditEvent.objects.get(verb="application.notes_view")
    assert event.actor == team.recruiter
    assert event.target_id == str(application.pk)
    assert event.data == {"notes": [Note.objects.get().pk]}


@pytest.mark.parametrize(
    ("body", "message"),
    [("   ", "This field is required."), ("x" * 5001, "at most 5000 characters")],
)
def test_an_empty_or_overlong_note_is_refused_with_a_message_and_changes_nothing(
    client, application, team, body, message
):
    response = staff_login(client, team.recruiter).post(url(application, "notes/"), {"note": body})

    assert response.status_code == 400
    assert message in response.content.decode()
    assert not Note.objects.exists()


def test_an_empty_note_is_refused_in_french_too(client, application, team):
    org = application.vacancy.organization.slug
    response = staff_login(client, team.recruiter).post(
        f"/fr/staff/{org}/applications/{application.pk}/notes/", {"note": "x" * 5001}
    )
    assert response.status_code == 400
    assert "5000 caractères au plus" in response.content.decode()


def test_reviewers_may_not_write_notes_on_the_application_page(client, application, team):
    response = staff_login(client, team.reviewer).post(url(application, "notes/"), {"note": "Hi"})
    assert response.status_code == 404
    assert not Note.objects.exists()


def test_mentions_by_display_name_or_address_name_tell_colleagues_and_no_one_else(
    application, team, organization, mentioned, django_capture_on_commit_callbacks
):
    team.recruiter.first_name, team.recruiter.last_name = "Rita", "Moreno"
    team.recruiter.save()
    stranger = team.outsider  # oscar@, owner at another organization
    body = (
        "Ask @Rita Moreno and @remi about it; @nobody and @oscar are not here; "
        "write to ada@olive.example; and @olive wrote this."
    )
    with django_capture_on_commit_callbacks(execute=True):
        note = notes.note_add(application=application, body=body, by=team.owner)

    assert sorted(user for _note, user, _by in mentioned) == sorted(
        [team.recruiter.pk, team.reviewer.pk]
    )
    assert {by for _note, _user, by in mentioned} == {team.owner.pk}
    assert stranger.pk not in {user for _note, user, _by in mentioned}
    html = notes.note_html(note, organization=organization)
    assert "<strong>@Rita Moreno</strong>" in html and "<strong>@remi</strong>" in html
    assert "@nobody" in html and "<strong>@nobody" not in html  # unknown: plain text


def test_a_longer_name_wins_over_a_shorter_one(organization, team):
    member_create(email="remi.b@example.org", organization=organization, role="recruiter")
    found = notes.mentions_find(organization=organization, text="@remi.b, then @remi.")
    assert [m.user.email for m in found] == ["remi.b@example.org", "remi@example.org"]


def test_a_note_that_mentions_no_one_sends_nothing(application, team, mentioned):
    notes.note_add(application=application, body="Nothing to tell.", by=team.owner)
    assert mentioned == []


def test_the_author_corrects_a_note_shortly_after_with_the_change_in_the_audit_log(
    client, application, team, mentioned, django_capture_on_commit_callbacks
):
    note = notes.note_add(application=application, body="Calld her.", by=team.recruiter)
    client = staff_login(client, team.recruiter)
    assert "Correct" in text_of(client.get(url(application)).content.decode())

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url(application, f"notes/{note.pk}/"), {"note": "Called @remi."})

    assert response.status_code == 302
    note.refresh_from_db()
    assert note.body == "Called @remi." and note.edited_at is not None
    event = AuditEvent.objects.get(verb="application.note_edit")
    assert event.actor == team.recruiter and event.data["before"] == "Calld her."
    assert [user for _note, user, _by in mentioned] == [team.reviewer.pk]  # newly mentioned


def test_no_one_else_corrects_a_note_nor_its_author_once_the_time_is_past(
    client, application, team
):
    note = notes.note_add(application=application, body="Keen.", by=team.recruiter)
    owner = staff_login(client, team.owner)
    refused = owner.post(url(application, f"notes/{note.pk}/"), {"note": "Mine"}, follow=True)
    assert "Only its author may correct a note" in refused.content.decode()
    Note.objects.filter(pk=note.pk).update(
        created_at=timezone.now() - notes.NOTE_EDIT_WINDOW - timedelta(seconds=1)
    )
    author = staff_login(client, team.recruiter)
    assert author.post(url(application, f"notes/{note.pk}/"), {"note": "Late"}).status_code == 302
    note.refresh_from_db()
    assert note.body == "Keen." and note.edited_at is None
    assert not AuditEvent.objects.filter(verb="application.note_edit").exists()
