"""The sources figure: web form, e-mail, referral and job board, and each job board by its
name, counted in one grouped query, on the page and in the CSV."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tremplin.reports import selectors
from tremplin.reports.selectors import Scope
from tremplin.reports.tests.test_reports import csv_rows, report_url
from tremplin.testing.applying import submit
from tremplin.testing.staff import staff_login

pytestmark = pytest.mark.django_db


@pytest.fixture
def arrivals(vacancy, team):
    submit(vacancy, email="web1@example.org")
    submit(vacancy, email="web2@example.org")
    submit(vacancy, email="mail@example.org", source="email")
    submit(vacancy, email="ref@example.org", source="referral", referrer_id=team.owner.pk)
    for number in range(3):
        submit(vacancy, email=f"wttj{number}@example.org", source="board", source_detail="wttj")
    submit(vacancy, email="hw@example.org", source="board", source_detail="hellowork")
    submit(vacancy, email="board@example.org", source="board")


def test_each_way_in_and_each_board_is_counted(client, organization, team, arrivals):
    response = staff_login(client, team.recruiter).get(report_url(organization))

    figure = next(f for f in response.context["figures"] if f.key == "sources")
    assert [row[:2] for row in figure.rows] == [
        ("Web form", 2),
        ("E-mail", 1),
        ("Referral", 1),
        ("Job board", 5),
        ("Job board: wttj", 3),
        ("Job board: hellowork", 1),
    ]
    assert figure.summary == "Most applications came by job board: 55.6%."


def test_the_counts_come_from_one_query(organization, arrivals):
    scope = Scope(organization=organization)
    with CaptureQueriesContext(connection) as queries:
        counts = selectors.sources(scope=scope)
    assert len(queries) == 1
    assert "GROUP BY" in queries[0]["sql"]
    assert dict(counts.ways) == {"web": 2, "email": 1, "referral": 1, "board": 5}


def test_the_csv_is_in_french_for_a_french_reader(client, organization, team, arrivals):
    staff_login(client, team.recruiter)
    url = reverse(
        "staff_reports:report_csv", kwargs={"org": organization.slug, "figure": "sources"}
    )
    rows = csv_rows(client.get(url.replace("/en/", "/fr/")))

    labels = {row[0]: row[1] for row in rows[1:]}
    assert labels["Parrainage"] == "1"
    assert labels["Site d’emploi"] == "5"
    assert labels["Site d’emploi\u00a0: wttj"] == "3"
