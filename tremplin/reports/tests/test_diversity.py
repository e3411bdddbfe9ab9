"""The anonymous diversity questionnaire: off by default, offered by an owner (audited),
answered once per link from the page that confirms an application, never joined to the
application, and shown only in groups of at least five."""

import re

import pytest
from django.test import Client
from django.urls import reverse

from tremplin.core.models import AuditEvent
from tremplin.reports.models import DiversityAnswer
from tremplin.reports.services import diversity_survey_set
from tremplin.testing.applying import submit
from tremplin.testing.staff import staff_login

pytestmark = pytest.mark.django_db


def received_url(vacancy, language: str = "en") -> str:
    return reverse(
        "applications:received", kwargs={"org": vacancy.organization.slug, "vacancy": vacancy.slug}
    ).replace("/en/", f"/{language}/")


def questionnaire_link(client: Client, vacancy, language: str = "en") -> str:
    page = client.get(received_url(vacancy, language)).content.decode()
    found = re.search(r'href="(/[a-z]{2}/questionnaire/[^"]+/)"', page)
    assert found, "the confirmation page offers no questionnaire"
    return found.group(1)


def answer(client: Client, link: str, **answers: str):
    return client.post(link, answers)


def diversity_figure(client: Client, organization, **query: str):
    address = reverse("staff_reports:report", kwargs={"org": organization.slug})
    response = client.get(address, query)
    return next(f for f in response.context["figures"] if f.key == "diversity")


def test_it_is_off_by_default_and_the_confirmation_page_offers_nothing(client, vacancy):
    page = client.get(received_url(vacancy)).content.decode()
    assert "/questionnaire/" not in page


def test_an_owner_offers_it_and_the_change_is_audited(client, organization, vacancy, team):
    staff_login(client, team.owner)
    response = client.post(
        reverse("staff_reports:diversity", kwargs={"org": organization.slug}), {"enabled": "on"}
    )
    assert response.status_code == 302
    assert AuditEvent.objects.filter(
        verb="reports.diversity_on", organization=organization
    ).exists()

    client.logout()
    assert (
        "Answer the anonymous questionnaire" in client.get(received_url(vacancy)).content.decode()
    )


def test_a_recruiter_cannot_turn_it_on(client, organization, team):
    staff_login(client, team.recruiter)
    response = client.post(
        reverse("staff_reports:diversity", kwargs={"org": organization.slug}), {"enabled": "on"}
    )
    assert response.status_code == 404
    assert not AuditEvent.objects.filter(verb="reports.diversity_on").exists()


def test_answers_hold_no_trace_of_the_application_and_count_once_per_link(
    client, organization, vacancy, team
):
    diversity_survey_set(organization=organization, enabled=True, by=team.owner)
    submit(vacancy, email="ada@example.org", name="Ada Lovelace")
    link = questionnaire_link(client, vacancy, "fr")

    form = client.get(link)
    assert form.status_code == 200
    assert "anonyme" in form.content.decode()
    assert answer(client, link, gender="woman", age="26_44").status_code == 200
    again = answer(client, link, gender="man")
    assert again.status_code == 409
    assert "rien n’a été modifié" in again.content.decode()

    stored = DiversityAnswer.objects.get()
    assert (stored.gender, stored.age, stored.disability) == ("woman", "26_44", "")
    assert stored.week.weekday() == 0  # a Monday: no day, no time
    columns = {field.name for field in DiversityAnswer._meta.get_fields()}
    assert not columns & {"application", "candidate", "email", "name", "created_at"}


def test_a_bad_answer_is_refused_with_a_message_and_keeps_nothing(
    client, organization, vacancy, team
):
    diversity_survey_set(organization=organization, enabled=True, by=team.owner)
    link = questionnaire_link(client, vacancy)

    response = answer(client, link, gender="robot")

    assert response.status_code == 400
    assert "Choose one of the answers offered, or none." in response.content.decode()
    assert not DiversityAnswer.objects.exists()


def test_a_forged_or_stale_link_opens_nothing(client, organization, vacancy, team):
    diversity_survey_set(organization=organization, enabled=True, by=team.owner)
    link = questionnaire_link(client, vacancy)
    forged = link.replace(link.split("/")[-2], link.split("/")[-2][:-3] + "abc")

    assert client.get(forged).status_code == 404
    diversity_survey_set(organization=organization, enabled=False, by=team.owner)
    assert client.get(link).status_code == 404
    assert answer(client, link, gender="woman").status_code == 404
    assert not DiversityAnswer.objects.exists()


def test_the_report_shows_nothing_under_five_answers_and_hides_small_groups(
    client, organization, vacancy, team
):
    diversity_survey_set(organization=organization, enabled=True, by=team.owner)
    staff = staff_login(Client(), team.recruiter)
    for gender in ["woman"] * 3:
        answer(client, questionnaire_link(client, vacancy), gender=gender)

    few = diversity_figure(staff, organization)
    assert few.rows == ()
    assert "Fewer than 5 people answered" in few.summary

    for gender in ["woman"] * 3 + ["man"] * 6 + ["other"]:
        answer(client, questionnaire_link(client, vacancy), gender=gender)
    figure = diversity_figure(staff, organization, vacancy=vacancy.slug)
    rows = dict(figure.rows)
    assert rows["Gender: A woman"] == 6
    # One person said "other": not shown, and nor is the next smallest group (the six
    # men), else the total would tell that one.
    assert rows["Gender: Non-binary, or in another way"] == "not shown"
    assert rows["Gender: A man"] == "not shown"
    assert rows["Age: No answer"] == 13
    assert figure.summary.startswith("13 people answered")


def test_answers_from_one_connection_are_limited_like_applications(
    client, settings, organization, vacancy, team
):
    settings.RATELIMIT_ENABLE = True
    settings.TREMPLIN_APPLY_RATE_PER_IP = "2/h"
    diversity_survey_set(organization=organization, enabled=True, by=team.owner)
    for _ in range(2):
        assert answer(client, questionnaire_link(client, vacancy), age="45_54").status_code == 200

    refused = answer(client, questionnaire_link(client, vacancy), age="45_54")

    assert refused.status_code == 429
    assert "nothing was kept" in refused.content.decode()
    assert DiversityAnswer.objects.count() == 2
