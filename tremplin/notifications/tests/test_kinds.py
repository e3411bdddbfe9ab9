"""The other kinds of notification: a new application on a vacancy one follows, a
candidate's answer to an interview, reviews due. Each rings the bell, shows on the page,
mails as the recipient chose for that kind (at once, in the digest, never) in their
language, copies no text of the candidate's, and is erased with the candidate."""

import re
from datetime import timedelta

import pytest
from django.db import transaction
from django.utils import timezone

from tremplin.accounts.models import Membership
from tremplin.applications.models import Application
from tremplin.interviews.models import Interview, InterviewSlot
from tremplin.interviews.services import interview_pick, reschedule_request_make
from tremplin.messaging.models import OutboxMessage
from tremplin.notifications import receivers
from tremplin.notifications.models import Notification, NotificationSettings, VacancyFollow
from tremplin.notifications.services import digests_send
from tremplin.privacy.erasure import shred
from tremplin.privacy.shredders import subject_for_candidate
from tremplin.review.services import reviewer_remind
from tremplin.testing.applying import submit
from tremplin.testing.staff import staff_login

pytestmark = pytest.mark.django_db

NAME, EMAIL = "Ada Lovelace", "ada@example.org"
REASON = "My grandmother's ninetieth birthday in Zanzibar"


def notices():
    return OutboxMessage.objects.filter(kind="notification")


def text_of(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def no_candidate_text(*texts: str) -> None:
    for text in texts:
        for secret in ("Ada", "Lovelace", EMAIL, "Zanzibar"):
            assert secret not in text, (secret, text)


def arrive(vacancy, django_capture_on_commit_callbacks, **kwargs) -> Application:
    with django_capture_on_commit_callbacks(execute=True):
        return submit(vacancy, email=kwargs.pop("email", EMAIL), name=NAME, **kwargs)


# --- Following a vacancy ------------------------------------------------------------------


def test_a_recruiter_follows_from_the_page_and_is_told_of_each_new_application(
    client, vacancy, team, django_capture_on_commit_callbacks
):
    team.owner.language = "fr"
    team.owner.save()
    NotificationSettings.objects.create(user=team.recruiter, email_application="immediate")
    for member in (team.recruiter, team.owner):
        member_client = staff_login(client, member)
        page = member_client.get("/en/staff/open-future/notifications/vacancies/")
        assert page.status_code == 200 and "Campaign lead" in text_of(page.content.decode())
        followed = member_client.post(
            f"/en/staff/open-future/notifications/vacancies/{vacancy.slug}/follow/", {"follow": "1"}
        )
        assert followed.status_code == 302
        member_client.logout()
    assert VacancyFollow.objects.filter(vacancy=vacancy).count() == 2

    application = arrive(vacancy, django_capture_on_commit_callbacks)

    told = {n.recipient: n for n in Notification.objects.filter(kind="application")}
    assert set(told) == {team.recruiter, team.owner}  # not the reviewer: they do not follow
    assert told[team.recruiter].reference == f"#{application.pk}, Campaign lead"
    assert told[team.owner].reference == f"#{application.pk}, Responsable de campagne"
    assert told[team.owner].path == f"/fr/staff/open-future/applications/{application.pk}/"
    mails = {mail.to: mail for mail in notices()}
    assert set(mails) == {"rita@example.org", "olive@example.org"}
    assert mails["rita@example.org"].subject == (
        f"A new application arrived: #{application.pk}, Campaign lead"
    )
    assert mails["olive@example.org"].subject.startswith("Une nouvelle candidature")
    no_candidate_text(*(m.subject + m.body for m in mails.values()))

    # The bell and the page.
    recruiter = staff_login(client, team.recruiter)
    listing = text_of(recruiter.get("/en/staff/open-future/notifications/").content.decode())
    assert "1 unread" in listing
    assert f"A new application arrived: #{application.pk}, Campaign lead" in listing
    no_candidate_text(listing)

    # Stop following: the next one tells nobody.
    recruiter.post(
        f"/en/staff/open-future/notifications/vacancies/{vacancy.slug}/follow/", {"follow": "0"}
    )
    arrive(vacancy, django_capture_on_commit_callbacks, email="grace@example.org")
    assert Notification.objects.filter(kind="application", recipient=team.recruiter).count() == 1


def test_many_applications_in_one_transaction_are_one_insert(
    vacancy, team, django_capture_on_commit_callbacks, django_assert_max_num_queries
):
    VacancyFollow.objects.create(user=team.recruiter, vacancy=vacancy)
    NotificationSettings.objects.create(user=team.recruiter, email_application="digest")
    with django_capture_on_commit_callbacks() as callbacks, transaction.atomic():
        for i in range(20):
            submit(vacancy, email=f"c{i}@example.org", name=f"C {i}")
    assert not Notification.objects.exists()  # nothing before the commit
    # Ours is registered once for the 20, and reads and writes in a few queries.
    ours = [callback for callback in callbacks if isinstance(callback, receivers._Arrivals)]
    assert len(ours) == 1
    with django_assert_max_num_queries(6):
        ours[0]()
    assert Notification.objects.filter(kind="application").count() == 20


def test_bad_follow_requests_change_nothing(client, vacancy, team):
    reviewer = staff_login(client, team.reviewer)
    url = f"/en/staff/open-future/notifications/vacancies/{vacancy.slug}/follow/"
    assert reviewer.post(url, {"follow": "1"}).status_code == 404  # not a reviewer's page
    reviewer.logout()
    recruiter = staff_login(client, team.recruiter)
    bad = recruiter.post(
        f"/fr/staff/open-future/notifications/vacancies/{vacancy.slug}/follow/",
        {"follow": "perhaps"},
        follow=True,
    )
    assert "Choisissez de suivre l’offre ou de ne plus la suivre" in bad.content.decode()
    missing = "/en/staff/open-future/notifications/vacancies/no-such-vacancy/follow/"
    assert recruiter.post(missing, {"follow": "1"}).status_code == 404
    assert not VacancyFollow.objects.exists()


# --- Interview answers --------------------------------------------------------------------


@pytest.fixture
def offered(vacancy, team, django_capture_on_commit_callbacks):
    vacancy.blind_review = True
    vacancy.save()
    application = arrive(vacancy, django_capture_on_commit_callbacks)
    interview = Interview.objects.create(
        application=application,
        kind=Interview.Kind.VIDEO,
        duration_minutes=45,
        timezone="Europe/Paris",
        status=Interview.Status.OFFERED,
        organizer=team.owner,
    )
    interview.panel.set([team.recruiter, team.reviewer])
    start = (timezone.now() + timedelta(days=3)).replace(microsecond=0)
    InterviewSlot.objects.create(interview=interview, start=start)
    return interview, start


def test_a_candidates_pick_tells_the_organizer_and_the_panel_by_number_only(offered, team):
    interview, start = offered
    team.reviewer.language = "fr"
    team.reviewer.save()
    NotificationSettings.objects.create(user=team.owner, email_interview="never")
    interview_pick(interview=interview, start=start)

    told = {n.recipient: n for n in Notification.objects.filter(kind="interview_picked")}
    assert set(told) == {team.owner, team.recruiter, team.reviewer}
    number = interview.application.pk
    assert told[team.reviewer].path.startswith("/fr/staff/open-future/review/")
    mails = {mail.to: mail for mail in notices()}
    assert set(mails) == {"rita@example.org", "remi@example.org"}  # the owner chose never
    assert mails["rita@example.org"].subject == (
        f"The candidate of application #{number}, Campaign lead chose a time for their interview"
    )
    assert mails["remi@example.org"].subject.startswith(
        f"Candidature #{number}, Responsable de campagne : la personne"
    )
    no_candidate_text(
        *(m.subject + m.body for m in mails.values()), *(n.reference for n in told.values())
    )


def test_a_request_to_move_tells_them_without_its_reason(client, offered, team):
    interview, _start = offered
    reschedule_request_make(interview=interview, reason=REASON)
    told = Notification.objects.filter(kind="interview_move")
    assert set(told.values_list("recipient__email", flat=True)) == {
        "olive@example.org",
        "rita@example.org",
        "remi@example.org",
    }
    reviewer = staff_login(client, team.reviewer)
    listing = text_of(reviewer.get("/en/staff/open-future/notifications/").content.decode())
    assert "asks to move their interview" in listing and "1 unread" in listing
    no_candidate_text(listing, *(mail.body for mail in notices()))


# --- Reviews due --------------------------------------------------------------------------


def test_a_reviewers_reminder_rings_their_bell_and_mails_by_their_choice(
    client, vacancy, team, django_capture_on_commit_callbacks
):
    arrive(vacancy, django_capture_on_commit_callbacks)
    hour = timezone.localtime().hour
    NotificationSettings.objects.create(user=team.reviewer, email_review="digest", digest_hour=hour)
    membership = Membership.objects.get(user=team.reviewer, organization=vacancy.organization)
    reviewer_remind(vacancy=vacancy, membership=membership, by=team.recruiter)

    found = Notification.objects.get(recipient=team.reviewer)
    assert (found.kind, found.reference, found.application_ref) == (
        "reviews_due",
        "Campaign lead",
        None,
    )
    assert found.path == f"/en/staff/open-future/review/{vacancy.slug}/"
    assert not notices().exists()  # the digest, not at once (the reminder itself is mailed)
    reviewer = staff_login(client, team.reviewer)
    listing = text_of(reviewer.get("/en/staff/open-future/notifications/").content.decode())
    assert "Reviews are waiting for you: Campaign lead." in listing

    assert digests_send() == 1
    assert "Reviews are waiting for you: Campaign lead." in notices().get().body


# --- The digest groups by kind; erasure ---------------------------------------------------


def test_the_digest_groups_by_kind_and_sends_only_the_kinds_chosen(
    offered, team, vacancy, django_capture_on_commit_callbacks
):
    interview, start = offered
    hour = timezone.localtime().hour
    NotificationSettings.objects.create(
        user=team.recruiter,
        email_application="digest",
        email_interview="digest",
        email_mention="never",
        digest_hour=hour,
    )
    VacancyFollow.objects.create(user=team.recruiter, vacancy=vacancy)
    arrive(vacancy, django_capture_on_commit_callbacks, email="grace@example.org")
    interview_pick(interview=interview, start=start)
    assert not notices().filter(to="rita@example.org").exists()

    assert digests_send() == 1
    digest = notices().get(to="rita@example.org")
    body = digest.body
    assert body.index("New application on a vacancy you follow") < body.index(
        "A candidate chose an interview time"
    )
    assert body.count("A new application arrived") == 1
    no_candidate_text(body)


def test_erasure_removes_every_notification_about_the_candidate(offered, team, organization):
    interview, start = offered
    VacancyFollow.objects.create(user=team.recruiter, vacancy=interview.application.vacancy)
    interview_pick(interview=interview, start=start)
    reschedule_request_make(interview=interview, reason=REASON)
    application = interview.application
    assert Notification.objects.filter(application_ref=application.pk).count() == 6

    shred(
        subject=subject_for_candidate(candidate=application.candidate, organization=organization),
        actor=team.owner,
        reason="candidate",
    )
    assert not Notification.objects.filter(application_ref=application.pk).exists()
