"""The reports page and its CSV: what a recruiter reads there, counted from real
applications moved through the real pipeline."""

import csv
import io
from datetime import timedelta

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from tremplin.applications import services
from tremplin.applications.models import Application
from tremplin.review.models import Review
from tremplin.testing.applying import submit
from tremplin.testing.builders import organization_make, vacancy_make
from tremplin.testing.staff import staff_login

pytestmark = pytest.mark.django_db


def report_url(organization, language: str = "en", **query: str) -> str:
    address = f"/{language}/staff/{organization.slug}/reports/"
    return address + ("?" + "&".join(f"{k}={v}" for k, v in query.items()) if query else "")


def csv_rows(response) -> list[list[str]]:
    text = response.content.decode("utf-8").lstrip("\ufeff")
    return list(csv.reader(io.StringIO(text)))


@pytest.fixture
def pipeline(vacancy, team):
    """Four applications: one hired after ten days (two in screening), one not retained,
    one in review with a submitted review, one just received."""
    start = timezone.now() - timedelta(days=20)
    with time_machine.travel(start, tick=False):
        hired = submit(vacancy, email="hired@example.org", name="Ada Lovelace")
        rejected = submit(vacancy, email="no@example.org")
        in_review = submit(vacancy, email="review@example.org")
    with time_machine.travel(start + timedelta(days=2), tick=False):
        services.application_move(application=hired, to_stage="screening", by=team.recruiter)
        services.application_move(application=in_review, to_stage="review", by=team.recruiter)
    with time_machine.travel(start + timedelta(days=4), tick=False):
        services.application_move(application=hired, to_stage="interview", by=team.recruiter)
        services.application_move(
            application=rejected, to_stage="rejected", by=team.recruiter, reason="must_haves"
        )
    with time_machine.travel(start + timedelta(days=10), tick=False):
        services.application_move(application=hired, to_stage="hired", by=team.recruiter)
    submit(vacancy, email="new@example.org", source=Application.Source.EMAIL)
    vacancy.reviewers.add(team.reviewer)
    Review.objects.create(
        application=in_review, reviewer=team.reviewer, submitted_at=timezone.now()
    )
    return {"hired": hired, "rejected": rejected, "in_review": in_review}


def test_the_address_is_the_one_the_workspace_links(organization):
    assert reverse("staff_reports:report", kwargs={"org": organization.slug}) == report_url(
        organization
    )


def test_a_recruiter_reads_the_funnel_the_time_to_hire_and_the_sources(
    client, organization, vacancy, team, pipeline
):
    response = staff_login(client, team.recruiter).get(report_url(organization))

    assert response.status_code == 200
    assert (
        response["Cache-Control"].startswith("max-age=0") or "no-cache" in response["Cache-Control"]
    )
    figures = {figure.key: figure for figure in response.context["figures"]}
    funnel = {row[0]: row[1:3] for row in figures["funnel"].rows}
    assert funnel["Received"] == (1, 4)  # one there now, four went through it
    assert funnel["Screening"] == (0, 1)
    assert funnel["Review"] == (1, 1)
    assert funnel["Hired"] == (1, 1)
    assert funnel["Not retained"] == (1, 1)
    time = {row[0]: row[1:] for row in figures["time"].rows}
    assert time["From the application to a hire"] == (10.0, 1)
    assert time["Screening"] == (2.0, 1)  # in screening from day 2 to day 4
    assert time["Received"] == (round((2 + 4 + 2) / 3, 1), 3)
    sources = {row[0]: row[1] for row in figures["sources"].rows}
    assert sources == {"Web form": 3, "E-mail": 1, "Referral": 0, "Job board": 0}
    # The reviewer is asked to review every application not yet decided: the one in
    # review and the one just received; one review is in.
    reviews = figures["reviews"].rows
    assert [(row[1], row[3]) for row in reviews] == [(1, 2)]
    vacancy_report = client.get(report_url(organization, vacancy=vacancy.slug))
    per_vacancy = next(f for f in vacancy_report.context["figures"] if f.key == "reviews")
    assert [(row[1], row[3]) for row in per_vacancy.rows] == [(1, 2)]

    page = response.content.decode()
    assert "Of 4 applications, 1 led to a hire." in page
    assert "A hire came 10.0 days after the application on average (1 hire)." in page
    # Each chart is an image with a text name, and its table is there as well.
    assert page.count('<svg class="report-chart" role="img"') == 6
    assert page.count('<table class="report-table">') == 6
    assert 'tabindex="0" role="region"' in page


def test_no_candidate_is_named_even_on_the_organization_s_report(
    client, organization, team, pipeline
):
    page = staff_login(client, team.owner).get(report_url(organization)).content.decode()
    assert "Ada Lovelace" not in page and "hired@example.org" not in page


def test_the_report_of_one_vacancy_counts_only_its_applications(
    client, organization, vacancy, team, pipeline
):
    other = vacancy_make(organization, "other-role", texts={"en": "Other role"})
    submit(other, email="elsewhere@example.org")

    whole = staff_login(client, team.owner).get(report_url(organization))
    one = client.get(report_url(organization, vacancy=vacancy.slug))

    def received(response) -> int:
        figure = next(f for f in response.context["figures"] if f.key == "funnel")
        return figure.rows[0][2]

    assert received(whole) == 5
    assert received(one) == 4
    assert "Other role" in whole.content.decode()  # in the vacancy chooser


def test_a_vacancy_of_another_organization_is_refused_with_a_message(
    client, organization, team, pipeline
):
    elsewhere = organization_make("ailleurs", "Ailleurs")
    stranger = vacancy_make(elsewhere, "secret-role", texts={"en": "Secret role"})

    response = staff_login(client, team.owner).get(
        report_url(organization, "fr", vacancy=stranger.slug)
    )

    assert response.status_code == 400
    assert "Choisissez une offre dans la liste." in response.content.decode()
    assert "figures" not in response.context


def test_applications_over_time_counts_each_week_and_names_the_busiest(
    client, organization, vacancy, team
):
    now = timezone.now()
    with time_machine.travel(now - timedelta(weeks=3), tick=False):
        for index in range(3):
            submit(vacancy, email=f"early{index}@example.org")
    submit(vacancy, email="late@example.org")
    with time_machine.travel(now - timedelta(weeks=40), tick=False):
        submit(vacancy, email="long-ago@example.org")  # before the 26 weeks shown

    response = staff_login(client, team.recruiter).get(report_url(organization))

    figure = next(f for f in response.context["figures"] if f.key == "applications")
    counts = [row[1] for row in figure.rows]
    assert len(counts) == 26
    assert sum(counts) == 4
    assert counts[-1] == 1 and counts[-4] == 3
    assert figure.summary.startswith("4 applications in the last 26 weeks; the busiest week")


def test_each_figure_downloads_as_csv_in_the_reader_s_language(
    client, organization, vacancy, team, pipeline
):
    staff_login(client, team.recruiter)
    response = client.get(
        reverse(
            "staff_reports:report_csv", kwargs={"org": organization.slug, "figure": "funnel"}
        ).replace("/en/", "/fr/")
        + f"?vacancy={vacancy.slug}"
    )

    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert (
        f"report-funnel-{organization.slug}-{vacancy.slug}.csv" in response["Content-Disposition"]
    )
    rows = csv_rows(response)
    assert rows[0][0] == "Étape"
    assert ["Reçue", "1", "4", "100.0", ""] in rows


def test_an_unknown_figure_is_not_found(client, organization, team):
    response = staff_login(client, team.recruiter).get(
        f"/en/staff/{organization.slug}/reports/salaries.csv"
    )
    assert response.status_code == 404


def test_reviewers_have_no_reports(client, organization, team):
    response = staff_login(client, team.reviewer).get(report_url(organization))
    assert response.status_code == 404


def test_the_number_of_queries_does_not_grow_with_the_applications(
    client, organization, vacancy, team, pipeline
):
    staff_login(client, team.owner)

    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert client.get(report_url(organization)).status_code == 200
        return len(captured)

    before = queries()
    for index in range(10):
        application = submit(vacancy, email=f"more{index}@example.org")
        services.application_move(application=application, to_stage="screening", by=team.recruiter)
    assert queries() == before
