"""What blind review missed: a reviewer reports that a text still shows who the candidate
is (without saying what), a recruiter lists the words to hide, and reviewers read
"[hidden]" in their place. Neither the report nor the audit log holds the words."""

import json

import pytest

from tremplin.applications.models import Application
from tremplin.core.models import AuditEvent
from tremplin.messaging.models import OutboxMessage
from tremplin.notifications.models import Notification, NotificationSettings, VacancyFollow
from tremplin.review.redaction import Identity, redact
from tremplin.review.tests.conftest import review_url
from tremplin.testing.staff import application_page

pytestmark = pytest.mark.django_db

# Redaction finds the name and the address; not the school nor the village it is in.
CV = """Jeanne Dupont
jeanne.dupont@example.org
Experience: head of the debating club of the Lycée Saint-Exupéry in Trévoux, 2012.
Led a coalition of 30 organisations."""


def hidden_url(application: Application, language: str = "en") -> str:
    return application_page(application, "hidden_words_edit", language)


@pytest.fixture
def application(apply) -> Application:
    return apply("Jeanne Dupont", "jeanne.dupont@example.org", cv_text=CV)


def test_the_words_go_whole_in_any_case_accents_optional_and_nowhere_else() -> None:
    identity = Identity.of(name="Jeanne Dupont", words=["Lycée Saint-Exupéry", " trévoux "])
    text = "LYCEE SAINT-EXUPERY\nat the Lycée\nSaint-Exupéry in Trevoux; Trévouxois cheese."

    assert redact(text, identity=identity, header=False) == (
        "[hidden]\nat the [hidden] in [hidden]; Trévouxois cheese."
    )
    assert identity.words == ("Lycée Saint-Exupéry", "trévoux")


def test_a_reviewer_reports_and_the_recruiter_hides_what_shows(
    application, reviewer, recruiter, login
) -> None:
    page_url = review_url(application.vacancy, "application", application=application.pk)
    report_url = review_url(application.vacancy, "identity_report", application=application.pk)
    as_reviewer = login(reviewer)
    page = as_reviewer.get(page_url).content.decode()
    assert "Trévoux" in page and f'action="{report_url}"' in page
    application.refresh_from_db()
    assert application.identity_reported_at is None  # reading writes nothing

    response = as_reviewer.post(report_url, follow=True)

    assert "The recruiters are told" in response.content.decode()
    assert "A report is open" in response.content.decode()
    as_reviewer.post(report_url)  # again, as a double click would
    application.refresh_from_db()
    assert application.identity_reported_at is not None
    event = AuditEvent.objects.get(verb="application.identity_reported")
    assert event.actor == reviewer and event.data == {}
    assert "Dupont" not in event.target_label

    as_recruiter = login(recruiter)
    detail = as_recruiter.get(application_page(application)).content.decode()
    assert "A reviewer reported on" in detail and f'action="{hidden_url(application)}"' in detail

    response = as_recruiter.post(
        hidden_url(application), {"words": "Lycée Saint-Exupéry\nTrévoux\n\nTrévoux"}, follow=True
    )

    assert "Reviewers no longer see these words." in response.content.decode()
    application.refresh_from_db()
    assert application.hidden_words == "Lycée Saint-Exupéry\nTrévoux"
    assert application.identity_reported_at is None
    event = AuditEvent.objects.get(verb="application.hidden_words")
    assert event.data == {"words": 2, "values": "redacted"}
    assert "Trévoux" not in json.dumps(event.data) + event.target_label

    page = as_reviewer.get(page_url).content.decode()
    assert "Trévoux" not in page and "Saint-Exup" not in page
    assert "debating club of the [hidden] in [hidden], 2012." in page
    assert "A report is open" not in page


def test_bad_words_get_a_translated_error_and_change_nothing(application, recruiter, login) -> None:
    client = login(recruiter)

    for words, message in [
        ("Trévoux\nx", "est trop court pour être masqué"),
        ("\n".join(f"word {n}" for n in range(51)), "50 lignes au plus"),
        ("a" * 101, "Une ligne dépasse 100 caractères"),
    ]:
        response = client.post(hidden_url(application, "fr"), {"words": words})
        assert response.status_code == 400
        assert message in response.content.decode(), words
    application.refresh_from_db()
    assert application.hidden_words == ""
    assert not AuditEvent.objects.filter(verb="application.hidden_words").exists()


def test_reviewers_can_report_but_not_list_the_words(application, reviewer, login) -> None:
    client = login(reviewer)

    assert client.get(hidden_url(application)).status_code == 404
    assert client.post(hidden_url(application), {"words": "Trévoux"}).status_code == 404
    application.refresh_from_db()
    assert application.hidden_words == ""


def test_a_report_is_a_post_and_only_where_the_reviewer_reads_blind(
    application, reviewer, idle_reviewer, login
) -> None:
    report_url = review_url(application.vacancy, "identity_report", application=application.pk)

    assert login(reviewer).get(report_url).status_code == 405
    login(idle_reviewer).post(report_url)  # not a reviewer of this vacancy
    application.refresh_from_db()
    assert application.identity_reported_at is None


def test_the_report_tells_the_recruiters_and_owners_but_not_what_shows(
    application, reviewer, recruiter, owner, login
) -> None:
    NotificationSettings.objects.create(user=owner, email_blind="never")
    report_url = review_url(application.vacancy, "identity_report", application=application.pk)

    login(reviewer).post(report_url)

    told = {n.recipient: n for n in Notification.objects.filter(kind="identity_report")}
    assert set(told) == {recruiter, owner}  # no one follows the vacancy: every manager
    notice = told[recruiter]
    assert notice.path == application_page(application) and notice.actor == reviewer
    assert f"#{application.pk}, Policy officer" in notice.sentence()
    mails = OutboxMessage.objects.filter(kind="notification")
    assert [mail.to for mail in mails] == [recruiter.email]  # the owner chose never
    for text in (notice.sentence(), mails[0].subject, mails[0].body):
        for secret in ("Jeanne", "Dupont", "Trévoux"):
            assert secret not in text


def test_when_someone_follows_the_vacancy_only_its_followers_are_told(
    application, reviewer, recruiter, owner, login
) -> None:
    VacancyFollow.objects.create(user=owner, vacancy=application.vacancy)

    login(reviewer).post(
        review_url(application.vacancy, "identity_report", application=application.pk)
    )

    recipients = Notification.objects.filter(kind="identity_report").values_list(
        "recipient", flat=True
    )
    assert list(recipients) == [owner.pk]


def test_without_blind_mode_there_is_nothing_to_report(application, reviewer, login) -> None:
    vacancy = application.vacancy
    vacancy.blind_review = False
    vacancy.save()
    client = login(reviewer)
    page_url = review_url(vacancy, "application", application=application.pk)
    report_url = review_url(vacancy, "identity_report", application=application.pk)
    assert f'action="{report_url}"' not in client.get(page_url).content.decode()

    response = client.post(report_url, follow=True)

    assert "there is nothing to report" in response.content.decode()
    application.refresh_from_db()
    assert application.identity_reported_at is None
    assert not AuditEvent.objects.filter(verb="application.identity_reported").exists()
    assert not Notification.objects.exists()
