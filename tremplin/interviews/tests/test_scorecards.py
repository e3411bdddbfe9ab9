"""Interview scorecards: the panel fills them on review's scale once the interview has taken
place, each hidden from the others until one's own is in; recruiters and owners read the
submitted ones with a summary per criterion; blind review names the candidate by number;
reads are audited; scorecards go with the candidate's erasure and come in their copy."""

import re
from datetime import timedelta
from typing import Any

import pytest
from django.core.management import call_command
from django.db import connection
from django.test import Client
from django.utils import timezone

from tremplin.core.models import AuditEvent
from tremplin.interviews import selectors, services
from tremplin.interviews.models import Interview, Scorecard, ScorecardScore
from tremplin.interviews.tests.conftest import interview_make, scorecard_url
from tremplin.messaging.models import OutboxMessage
from tremplin.privacy.erasure import shred
from tremplin.privacy.shredders import export_data, subject_for_candidate
from tremplin.review.services import blind_lift
from tremplin.testing.staff import member_create, staff_login
from tremplin.vacancies.models import Criterion

pytestmark = pytest.mark.django_db

COMMENT = "Explained the volunteer rota with real warmth"


def card(
    criteria: list[Criterion], scores: list[int | str], *, action: str = "submit", **extra: str
) -> dict[str, Any]:
    data: dict[str, Any] = {"action": action, "recommendation": "yes", "comment": COMMENT}
    for criterion, score in zip(criteria, scores, strict=True):
        data[f"score_{criterion.pk}"] = str(score)
        data[f"note_{criterion.pk}"] = f"note on {criterion.pk}"
    data.update(extra)
    return data


def as_member(user: Any) -> Client:
    return staff_login(Client(), user)


def test_a_panel_member_saves_a_draft_then_submits_and_the_scorecard_is_final(
    interview, team, criteria
):
    client = as_member(team.reviewer)
    page = client.get(scorecard_url(interview)).content.decode()
    assert "Runs campaigns" in page and 'name="score_' in page

    draft = {"action": "save", f"score_{criteria[0].pk}": "4", "comment": "half way"}
    assert client.post(scorecard_url(interview), draft).status_code == 302
    saved = Scorecard.objects.get(panel_member=team.reviewer)
    assert saved.submitted_at is None and saved.comment == "half way"
    again_page = client.get(scorecard_url(interview)).content.decode()
    assert re.search(rf'name="score_{criteria[0].pk}" value="4"[^>]*checked', again_page)
    assert "half way" in again_page

    assert client.post(scorecard_url(interview), card(criteria, [4, 3])).status_code == 302
    saved.refresh_from_db()
    assert saved.is_submitted and saved.recommendation == "yes" and saved.comment == COMMENT
    assert sorted(score.score or 0 for score in saved.scores.all()) == [3, 4]
    assert AuditEvent.objects.filter(verb="interview.scorecard_submit", actor_id=team.reviewer.pk)

    again = client.post(
        scorecard_url(interview), card(criteria, [1, 1], recommendation="strong_no")
    )
    assert again.status_code == 400
    assert "already submitted this scorecard" in again.content.decode()
    saved.refresh_from_db()
    assert saved.recommendation == "yes"
    assert sorted(score.score or 0 for score in saved.scores.all()) == [3, 4]


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"score": None}, "Give a score from 1 to 5."),
        ({"score": "7"}, "Select a valid choice"),
        ({"recommendation": "maybe"}, "Select a valid choice"),
        ({"recommendation": ""}, "Choose a recommendation to submit."),
    ],
)
def test_an_incomplete_or_wrong_scorecard_is_refused_with_a_message_and_nothing_saved(
    interview, team, criteria, change, message
):
    data = card(criteria, [4, 3])
    if "score" in change:
        if change["score"] is None:
            del data[f"score_{criteria[1].pk}"]
        else:
            data[f"score_{criteria[1].pk}"] = change["score"]
    if "recommendation" in change:
        data["recommendation"] = change["recommendation"]

    response = as_member(team.reviewer).post(scorecard_url(interview), data)

    assert response.status_code == 400
    assert message in response.content.decode()
    assert not Scorecard.objects.exists()


def test_before_the_interview_or_once_cancelled_the_scorecard_is_not_open(
    application, team, criteria
):
    later = interview_make(application, [team.reviewer], hours_ago=-20)
    client = as_member(team.reviewer)
    assert (
        "opens once the interview has taken place"
        in client.get(scorecard_url(later)).content.decode()
    )
    refused = client.post(scorecard_url(later), card(criteria, [4, 3]))
    assert refused.status_code == 400
    assert "opens once the interview has taken place" in refused.content.decode()

    cancelled = interview_make(application, [team.reviewer])
    cancelled.status = Interview.Status.CANCELLED
    cancelled.save(update_fields=["status"])
    assert client.post(scorecard_url(cancelled), card(criteria, [4, 3])).status_code == 400
    assert not Scorecard.objects.exists()


def test_only_the_panel_fills_and_members_neither_on_it_nor_managers_get_404(
    interview, team, criteria, organization
):
    other_reviewer = member_create(
        email="noor@example.org", organization=organization, role="reviewer"
    )
    interview.application.vacancy.reviewers.add(other_reviewer)
    assert as_member(other_reviewer).get(scorecard_url(interview)).status_code == 404
    assert (
        as_member(other_reviewer).post(scorecard_url(interview), card(criteria, [4, 3])).status_code
        == 404
    )
    assert as_member(team.outsider).get(scorecard_url(interview)).status_code == 404

    owner = as_member(team.owner)
    assert owner.get(scorecard_url(interview)).status_code == 200
    refused = owner.post(scorecard_url(interview), card(criteria, [4, 3]))
    assert refused.status_code == 400
    assert "Only the members of the interview’s panel" in refused.content.decode()
    assert not Scorecard.objects.exists()


def test_the_others_scorecards_stay_hidden_until_one_s_own_is_in(interview, team, criteria):
    recruiter, reviewer = as_member(team.recruiter), as_member(team.reviewer)
    recruiter.post(
        scorecard_url(interview), card(criteria, [5, 2], comment="Recruiter secret view")
    )

    before = reviewer.get(scorecard_url(interview)).content.decode()
    assert "Recruiter secret view" not in before
    assert "stay hidden until you submit your own" in before
    assert not AuditEvent.objects.filter(verb="interview.scorecards_view")

    reviewer.post(scorecard_url(interview), card(criteria, [3, 4]))
    after = reviewer.get(scorecard_url(interview)).content.decode()
    assert "Recruiter secret view" in after
    event = AuditEvent.objects.get(verb="interview.scorecards_view", actor_id=team.reviewer.pk)
    assert event.data["interview"] == interview.pk
    assert event.data["scorecards"] == [Scorecard.objects.get(panel_member=team.recruiter).pk]


def test_recruiters_and_owners_read_every_submitted_scorecard_with_a_summary_per_criterion(
    interview, team, criteria
):
    as_member(team.recruiter).post(
        scorecard_url(interview), card(criteria, [5, 2], recommendation="yes")
    )
    as_member(team.reviewer).post(
        scorecard_url(interview),
        card(criteria, [2, 4], recommendation="strong_no", comment="Unsure"),
    )
    Scorecard.objects.create(interview=interview, panel_member=team.owner, comment="a draft")

    summary = selectors.scorecard_summary(interview=interview)
    by_text = {row.text.text: row for row in summary.criteria if row.text}
    assert (by_text["Runs campaigns"].mean, by_text["Runs campaigns"].low) == (3.5, 2)
    assert (by_text["Writes clearly"].count, by_text["Writes clearly"].high) == (2, 4)
    assert dict(summary.recommendations) == {
        "Strong yes": 0,
        "Yes": 1,
        "No": 0,
        "Strong no": 1,
    }

    page = as_member(team.owner).get(scorecard_url(interview)).content.decode()
    assert "Summary of 2 submitted scorecards" in page
    assert "<td>3.5</td>" in page and "<td>3.0</td>" in page
    assert COMMENT in page and "Unsure" in page and "a draft" not in page
    assert AuditEvent.objects.filter(verb="interview.scorecards_view", actor_id=team.owner.pk)


def test_a_manager_sees_nothing_before_the_interview_has_taken_place(application, team, criteria):
    later = interview_make(application, [team.reviewer], hours_ago=-20)
    page = as_member(team.owner).get(scorecard_url(later)).content.decode()
    assert "shown once the interview has taken place" in page
    assert "Summary of" not in page


def test_on_a_blind_vacancy_the_page_names_the_candidate_by_number_until_the_reveal(
    interview, team, criteria
):
    application = interview.application
    assert application.vacancy.blind_review
    number = application.candidate_number.number
    page = as_member(team.reviewer).get(scorecard_url(interview)).content.decode()
    assert f"Candidate {number}" in page
    # A word, not three letters: the page's random CSRF token may hold "Ada".
    assert not re.search(r"\bAda\b", page) and "ada@example.net" not in page

    blind_lift(vacancy=application.vacancy, stage=application.stage, by=team.owner)
    assert "Ada Lovelace" in as_member(team.reviewer).get(scorecard_url(interview)).content.decode()


def test_the_application_page_links_each_interview_s_scorecards_with_their_count(
    interview, team, criteria
):
    as_member(team.reviewer).post(scorecard_url(interview), card(criteria, [3, 4]))
    org = interview.application.vacancy.organization.slug
    page = (
        as_member(team.recruiter)
        .get(f"/en/staff/{org}/applications/{interview.application.pk}/")
        .content.decode()
    )
    assert scorecard_url(interview) in page
    assert "Scorecards: 1 of 2 submitted" in page


def test_the_account_page_lists_the_scorecards_waiting_for_the_member(interview, team, criteria):
    client = as_member(team.reviewer)
    assert scorecard_url(interview) in client.get("/en/accounts/").content.decode()
    client.post(scorecard_url(interview), card(criteria, [3, 4]))
    assert scorecard_url(interview) not in client.get("/en/accounts/").content.decode()


def test_panel_members_without_a_scorecard_are_reminded_once_a_day_after_in_their_language(
    interview, team, criteria
):
    team.recruiter.language = "fr"
    team.recruiter.save(update_fields=["language"])
    as_member(team.reviewer).post(scorecard_url(interview), card(criteria, [3, 4]))
    assert services.scorecard_reminders_send() == 0  # two hours after: too early

    Interview.objects.filter(pk=interview.pk).update(start=timezone.now() - timedelta(hours=25))
    call_command("send_interview_reminders", verbosity=0)
    call_command("send_interview_reminders", verbosity=0)

    [mail] = OutboxMessage.objects.filter(kind="interview-scorecard-reminder")
    assert mail.to == team.recruiter.email
    assert mail.language == "fr"
    assert "Votre fiche d’évaluation" in mail.subject
    assert f"/fr/staff/{interview.application.vacancy.organization.slug}/" in mail.body
    assert f"Candidature {interview.application.candidate_number.number}" in mail.subject
    assert "Ada" not in mail.subject + mail.body
    assert mail.headers["Auto-Submitted"] == "auto-generated"

    # Moved to a later time, it will be reminded again after that one.
    services.interview_reschedule(
        interview=interview, start=timezone.now() + timedelta(days=2), by=team.owner
    )
    assert Interview.objects.get(pk=interview.pk).scorecards_reminded_at is None


def test_no_scorecard_reminder_for_a_cancelled_or_old_interview(interview, team, criteria):
    Interview.objects.filter(pk=interview.pk).update(start=timezone.now() - timedelta(days=30))
    assert services.scorecard_reminders_send() == 0
    Interview.objects.filter(pk=interview.pk).update(
        start=timezone.now() - timedelta(hours=30), status=Interview.Status.CANCELLED
    )
    assert services.scorecard_reminders_send() == 0


def test_scorecards_are_in_the_candidate_s_copy_then_erased_with_no_text_left(
    interview, team, criteria, organization
):
    as_member(team.reviewer).post(scorecard_url(interview), card(criteria, [3, 4]))
    Scorecard.objects.create(interview=interview, panel_member=team.recruiter, comment="Draft X")
    subject = subject_for_candidate(
        candidate=interview.application.candidate, organization=organization
    )

    exported = export_data(subject=subject)
    comments = {row["comment"] for row in exported["interviews.scorecard"]}
    assert comments == {COMMENT, "Draft X"}
    assert {row["panel_member"] for row in exported["interviews.scorecard"]} <= {
        "Member 1",
        "Member 2",
        "Member 3",
    }
    assert team.reviewer.email not in str(exported["interviews.scorecard"])
    assert len(exported["interviews.scorecardscore"]) == 2

    shred(subject=subject, actor=None, reason="candidate")

    assert not Scorecard.objects.exists()
    assert not ScorecardScore.objects.exists()
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names(cursor):
            cursor.execute(f'SELECT * FROM "{table}"')  # noqa: S608 - our own table names
            for row in cursor.fetchall():
                text = " ".join(str(value) for value in row)
                assert COMMENT not in text, table
                assert "Draft X" not in text, table
                assert f"note on {criteria[0].pk}" not in text, table
