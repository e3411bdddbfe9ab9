"""A colleague mentioned in a note is told: a notification in the workspace (the bell, the
page, marked read by a POST only) and an e-mail in their language, unless they chose a
daily digest or no e-mail. Neither copies the note's text."""

import re
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone

from tremplin.applications.notes import note_add
from tremplin.messaging.models import OutboxMessage
from tremplin.notifications.models import Notification, NotificationSettings
from tremplin.notifications.services import digests_send
from tremplin.testing.applying import submit
from tremplin.testing.staff import staff_login

pytestmark = pytest.mark.django_db

SECRET = "She asked for 52k and a four-day week"


@pytest.fixture
def application(vacancy):
    return submit(vacancy, email="ada@example.org", name="Ada Lovelace")


@pytest.fixture
def mention(application, team, django_capture_on_commit_callbacks):
    """The owner mentions the recruiter (by her address's name) and the reviewer."""

    def write(body: str = f"@rita and @remi: {SECRET}.") -> None:
        with django_capture_on_commit_callbacks(execute=True):
            note_add(application=application, body=body, by=team.owner)

    return write


def notices():
    """The notification mails in the outbox (the candidate's acknowledgement is there too)."""
    return OutboxMessage.objects.filter(kind="notification")


def page(org: str, tail: str = "", language: str = "en") -> str:
    return f"/{language}/staff/{org}/notifications/{tail}"


def text_of(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def test_each_colleague_mentioned_gets_a_notification_and_one_mail_in_their_language(
    application, team, mention
):
    team.reviewer.language = "fr"
    team.reviewer.save()
    mention()

    told = {n.recipient: n for n in Notification.objects.all()}
    assert set(told) == {team.recruiter, team.reviewer}
    to_recruiter = told[team.recruiter]
    assert to_recruiter.path == f"/en/staff/open-future/applications/{application.pk}/"
    # The reviewer's link is the review page, in their language, as is the vacancy's name.
    assert told[team.reviewer].path.startswith("/fr/staff/open-future/review/")
    assert to_recruiter.reference == f"#{application.pk}, Campaign lead"
    assert told[team.reviewer].reference == f"#{application.pk}, Responsable de campagne"
    mails = {mail.to: mail for mail in notices()}
    assert set(mails) == {"rita@example.org", "remi@example.org"}
    assert mails["rita@example.org"].subject == "olive@example.org mentioned you in a note"
    assert mails["remi@example.org"].subject == "olive@example.org vous a mentionné·e dans une note"
    assert f"#{application.pk}" in mails["rita@example.org"].body
    assert to_recruiter.path in mails["rita@example.org"].body
    for mail in mails.values():
        assert SECRET not in mail.body and "Ada" not in mail.body and "Lovelace" not in mail.body
    assert all(n.mailed_at is not None for n in told.values())
    for notification in told.values():
        assert SECRET not in notification.reference and "Ada" not in notification.reference


def test_no_mail_for_who_turned_it_off_and_a_daily_digest_for_who_chose_it(
    application, team, mention
):
    NotificationSettings.objects.create(user=team.recruiter, email_mention="never")
    hour = timezone.localtime().hour
    NotificationSettings.objects.create(
        user=team.reviewer, email_mention="digest", digest_hour=hour
    )
    mention()

    assert Notification.objects.count() == 2  # both see it in the workspace
    assert not notices().exists()

    assert digests_send() == 1
    digest = notices().get()
    assert digest.to == "remi@example.org"
    assert f"#{application.pk}" in digest.body and SECRET not in digest.body
    # Once a day: the next run at the same hour sends nothing, nor does the command.
    mention("@remi again")
    assert digests_send() == 0
    call_command("send_notification_digests", verbosity=0)
    assert notices().count() == 1
    # The next day, only what came since and is still unread.
    tomorrow = timezone.now() + timedelta(days=1)
    assert digests_send(now=tomorrow) == 1
    assert notices().count() == 2


def test_the_digest_waits_for_its_hour(team, mention):
    hour = (timezone.localtime().hour + 3) % 24
    NotificationSettings.objects.create(
        user=team.reviewer, email_mention="digest", digest_hour=hour
    )
    mention("@remi")
    assert digests_send() == 0
    assert not notices().filter(to="remi@example.org").exists()


def test_the_bell_counts_the_unread_the_page_lists_them_and_reading_takes_a_post(
    client, application, team, mention
):
    mention()
    client = staff_login(client, team.recruiter)

    listing = client.get(page("open-future"))
    assert listing.status_code == 200
    text = text_of(listing.content.decode())
    assert "1 unread" in text
    assert f"olive@example.org mentioned you in a note on application #{application.pk}" in text
    assert SECRET not in listing.content.decode()
    # Looking is not reading: a GET changes nothing.
    assert Notification.objects.get(recipient=team.recruiter).read_at is None
    assert client.get(page("open-future", "1/read/")).status_code == 405

    notification = Notification.objects.get(recipient=team.recruiter)
    opened = client.post(page("open-future", f"{notification.pk}/read/"), {"open": "1"})
    assert opened.status_code == 302 and opened["Location"] == notification.path
    notification.refresh_from_db()
    assert notification.read_at is not None
    assert "unread" not in text_of(client.get(page("open-future")).content.decode())


def test_one_may_not_read_a_colleagues_notification(client, team, mention):
    mention()
    theirs = Notification.objects.get(recipient=team.reviewer)
    response = staff_login(client, team.recruiter).post(page("open-future", f"{theirs.pk}/read/"))
    assert response.status_code == 404
    theirs.refresh_from_db()
    assert theirs.read_at is None


def test_mark_all_read(client, team, mention):
    mention()
    mention("@rita once more")
    client = staff_login(client, team.recruiter)
    assert client.post(page("open-future", "read/")).status_code == 302
    assert not Notification.objects.filter(recipient=team.recruiter, read_at=None).exists()
    assert Notification.objects.filter(recipient=team.reviewer, read_at=None).exists()


def test_the_page_is_paginated(client, team, organization):
    Notification.objects.bulk_create(
        Notification(
            recipient=team.recruiter,
            organization=organization,
            kind="mention",
            reference=f"#{i}, Job",
            path="/en/",
        )
        for i in range(60)
    )
    client = staff_login(client, team.recruiter)
    first = client.get(page("open-future")).content.decode()
    assert first.count('name="open"') == 50 and "Page 1 of 2" in text_of(first)
    second = client.get(page("open-future") + "?page=2").content.decode()
    assert second.count('name="open"') == 10
    assert "60 unread" in text_of(first)


def test_preferences_are_saved_per_kind_and_bad_input_changes_nothing(client, team):
    client = staff_login(client, team.recruiter)
    shown = text_of(client.get(page("open-future", "preferences/")).content.decode())
    assert "Once a day" in shown
    for kind in ("Mentions in a note", "New applications on vacancies you follow"):
        assert kind in shown
    chosen = {
        "email_mention": "digest",
        "email_application": "never",
        "email_interview": "immediate",
        "email_review": "digest",
        "email_blind": "never",
        "digest_hour": 7,
    }
    saved = client.post(page("open-future", "preferences/"), chosen)
    assert saved.status_code == 302
    found = NotificationSettings.objects.get(user=team.recruiter)
    assert (found.email_mention, found.email_application, found.email_interview) == (
        "digest",
        "never",
        "immediate",
    )
    assert (found.email_review, found.email_blind, found.digest_hour) == ("digest", "never", 7)

    bad = client.post(
        page("open-future", "preferences/", "fr"),
        {**chosen, "email_mention": "sometimes", "email_review": "never", "digest_hour": 25},
    )
    assert bad.status_code == 400
    html = bad.content.decode()
    assert "Sélectionnez un choix valide" in html
    assert "inférieure ou égale à 23" in html
    found.refresh_from_db()
    assert (found.email_mention, found.email_review, found.digest_hour) == ("digest", "digest", 7)
