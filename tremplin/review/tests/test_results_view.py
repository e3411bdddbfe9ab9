"""The aggregate table: means, spreads, disagreement, sorting, and who sees which rows."""

import re

import pytest

from tremplin.applications.models import Application
from tremplin.review.results import aggregate
from tremplin.review.services import answer_score_save, review_save
from tremplin.review.tests.conftest import review_url
from tremplin.review.tests.tables import tables

pytestmark = pytest.mark.django_db


@pytest.fixture
def scored(vacancy, apply, reviewer, reviewer2):
    """Three candidates scored by two reviewers (the second criterion weighs 3):

    candidate 1: criterion 1: 4 and 2, criterion 2: 2 and 2; question 1: 5 and 3, question 2:
    4 and 4; yes and no. Candidate 2: 5 and 4, 5 and 5; 4 and 5, 5 and 5; strong yes and yes.
    Candidate 3, by the first reviewer only: 1, 3; question 1: 2; strong no.
    """
    c1, c2 = vacancy.criteria.order_by("position")
    c2.weight = 3
    c2.save()
    q1, q2 = vacancy.questions.order_by("position")
    ann = apply("Ann Lee", "ann@example.org")
    bob = apply("Bob Ray", "bob@example.org")
    cleo = apply("Cleo Fox", "cleo@example.org")
    data = [
        (ann, reviewer, (4, 2), "yes", (5, 4)),
        (ann, reviewer2, (2, 2), "no", (3, 4)),
        (bob, reviewer, (5, 5), "strong_yes", (4, 5)),
        (bob, reviewer2, (4, 5), "yes", (5, 5)),
        (cleo, reviewer, (1, 3), "strong_no", (2, None)),
    ]
    for application, user, (s1, s2), recommendation, answers in data:
        review_save(
            application=application,
            reviewer=user,
            scores={c1.pk: (s1, ""), c2.pk: (s2, "")},
            recommendation=recommendation,
            comment="",
            submit=True,
        )
        for question, score in zip((q1, q2), answers, strict=True):
            if score is not None:
                answer_score_save(
                    answer=application.answers.get(question=question),
                    reviewer=user,
                    score=score,
                    note="",
                )
    return {"ann": ann, "bob": bob, "cleo": cleo}


def results(client, vacancy, query: str = "") -> tuple[list[str], list[list[str]], str]:
    html = client.get(review_url(vacancy, "results") + query).content.decode()
    table = next(t for t in tables(html) if t["head"] and t["head"][0][0].startswith("Candidate"))
    return table["head"][0], table["body"], html


def test_means_spreads_and_disagreement_are_computed_from_submitted_reviews(
    vacancy, scored, recruiter, login
) -> None:
    head, rows, html = results(login(recruiter), vacancy)

    assert head == [
        "Candidate",
        "Stage",
        "C1",
        "C2",
        "Q1",
        "Q2",
        "Overall mean",
        "Reviews",
        "Largest spread",
        "Recommendations",
    ]
    assert rows == [
        [
            "Candidate 1 Discuss",
            "Review",
            "3.00 2 scores, spread 2",
            "2.00 2 scores, spread 0",
            "4.00 2 scores, spread 2",
            "4.00 2 scores, spread 0",
            "2.83",
            "2",
            "2 (Discuss)",
            "Yes: 1 No: 1",
        ],
        [
            "Candidate 2",
            "Review",
            "4.50 2 scores, spread 1",
            "5.00 2 scores, spread 0",
            "4.50 2 scores, spread 1",
            "5.00 2 scores, spread 0",
            "4.83",
            "2",
            "1",
            "Strong yes: 1 Yes: 1",
        ],
        [
            "Candidate 3",
            "Review",
            "1.00 1 score",
            "3.00 1 score",
            "2.00 1 score",
            "no score",
            "2.40",
            "1",
            "not enough scores",
            "Strong no: 1",
        ],
    ]
    assert "Criterion text 1" in html and "Tell us about challenge 2." in html


def test_the_page_says_people_decide_and_offers_no_action_on_candidates(
    vacancy, scored, owner, login
) -> None:
    _head, _rows, html = results(login(owner), vacancy)

    assert "never rejects, shortlists or ranks anyone out by itself" in html
    assert "no automatic cut-off" in html
    buttons = re.findall(r"<button[^>]*>(.*?)</button>", html, re.S)
    assert [b.strip() for b in buttons] == ["Log out"]


def test_drafts_do_not_count(vacancy, apply, reviewer, recruiter, login) -> None:
    application = apply("Ann Lee", "ann@example.org")
    c1, c2 = vacancy.criteria.order_by("position")
    review_save(
        application=application,
        reviewer=reviewer,
        scores={c1.pk: (5, ""), c2.pk: (5, "")},
        recommendation="yes",
        comment="",
        submit=False,
    )

    _head, rows, _html = results(login(recruiter), vacancy)

    assert rows[0][2] == "no score" and rows[0][7] == "0"


@pytest.mark.parametrize(
    ("query", "order"),
    [
        ("", ["Candidate 1", "Candidate 2", "Candidate 3"]),
        ("?sort=-overall", ["Candidate 2", "Candidate 1", "Candidate 3"]),
        ("?sort=overall", ["Candidate 3", "Candidate 1", "Candidate 2"]),
        ("?sort=-spread", ["Candidate 1", "Candidate 2", "Candidate 3"]),
        ("?sort=spread", ["Candidate 2", "Candidate 1", "Candidate 3"]),
        ("?sort=-candidate", ["Candidate 3", "Candidate 2", "Candidate 1"]),
        ("?sort=-recommendation", ["Candidate 2", "Candidate 1", "Candidate 3"]),
        ("?sort=reviews", ["Candidate 3", "Candidate 1", "Candidate 2"]),
        ("?sort=nonsense", ["Candidate 1", "Candidate 2", "Candidate 3"]),
    ],
)
def test_the_table_sorts_by_any_column_on_the_server(
    vacancy, scored, recruiter, login, query: str, order: list[str]
) -> None:
    _head, rows, _html = results(login(recruiter), vacancy, query)

    assert [row[0].removesuffix(" Discuss") for row in rows] == order


def test_sorting_by_a_criterion_or_a_question_column(vacancy, scored, recruiter, login) -> None:
    c1 = vacancy.criteria.get(position=1)
    q2 = vacancy.questions.get(position=2)
    client = login(recruiter)

    _h, by_c1, _html = results(client, vacancy, f"?sort=-c{c1.pk}")
    _h, by_q2, _html = results(client, vacancy, f"?sort=q{q2.pk}")

    assert [row[0][:11] for row in by_c1] == ["Candidate 2", "Candidate 1", "Candidate 3"]
    # Candidate 3 has no score on question 2: last, whatever the direction.
    assert [row[0][:11] for row in by_q2] == ["Candidate 1", "Candidate 2", "Candidate 3"]


def test_headers_say_how_the_table_is_sorted_and_link_to_the_other_direction(
    vacancy, scored, recruiter, login
) -> None:
    html = login(recruiter).get(review_url(vacancy, "results") + "?sort=-overall").content.decode()
    table = next(t for t in tables(html) if t["head_attrs"])
    attrs = dict(zip(table["head"][0], table["head_attrs"][0], strict=True))

    assert attrs["Overall mean"]["aria-sort"] == "descending"
    assert all("aria-sort" not in a for label, a in attrs.items() if label != "Overall mean")
    assert 'href="?sort=overall"' in html  # the other direction
    assert 'href="?sort=-spread"' in html  # numbers first sort from the highest
    assert 'href="?sort=candidate"' in html


def test_a_reviewer_sees_only_the_candidates_they_reviewed(
    vacancy, scored, apply, reviewer2, login
) -> None:
    apply("Dan Roy", "dan@example.org")

    _head, rows, html = results(login(reviewer2), vacancy)

    assert [row[0][:11] for row in rows] == ["Candidate 1", "Candidate 2"]
    assert "You see the candidates whose applications you have reviewed" in html


def test_a_reviewer_who_has_reviewed_nothing_sees_no_scores(vacancy, scored, organization, login):
    from tremplin.testing.staff import member_create

    newcomer = member_create(email="nina@example.org", organization=organization, role="reviewer")
    vacancy.reviewers.add(newcomer)

    html = login(newcomer).get(review_url(vacancy, "results")).content.decode()

    assert "Nothing to show yet" in html and "2.83" not in html


def test_names_show_only_where_blind_mode_is_lifted(vacancy, scored, recruiter, login) -> None:
    Application.objects.filter(pk=scored["bob"].pk).update(stage=Application.Stage.INTERVIEW)
    client = login(recruiter)

    assert "Bob Ray" not in client.get(review_url(vacancy, "results")).content.decode()
    client.post(review_url(vacancy, "blind_lift", stage="interview"))
    html = client.get(review_url(vacancy, "results")).content.decode()
    assert "Bob Ray" in html and "Ann Lee" not in html


def test_once_identities_are_revealed_each_row_links_to_the_application(
    vacancy, scored, recruiter, login
) -> None:
    Application.objects.filter(pk=scored["bob"].pk).update(stage=Application.Stage.INTERVIEW)
    client = login(recruiter)
    org = vacancy.organization.slug
    bob = f'href="/en/staff/{org}/applications/{scored["bob"].pk}/"'
    ann = f'href="/en/staff/{org}/applications/{scored["ann"].pk}/"'
    assert bob not in client.get(review_url(vacancy, "results")).content.decode()
    client.post(review_url(vacancy, "blind_lift", stage="interview"))
    html = client.get(review_url(vacancy, "results")).content.decode()
    assert f"{bob}>Bob Ray</a>" in html
    assert ann not in html
    assert client.get(f"/en/staff/{org}/applications/{scored['bob'].pk}/").status_code == 200


def test_withdrawn_candidates_leave_the_table(vacancy, scored, recruiter, login) -> None:
    Application.objects.filter(pk=scored["cleo"].pk).update(stage=Application.Stage.WITHDRAWN)

    _head, rows, _html = results(login(recruiter), vacancy)

    assert len(rows) == 2


def test_the_aggregate_weighs_criteria_by_their_weight(vacancy, scored, recruiter) -> None:
    from tremplin.accounts.models import Membership

    table = aggregate(vacancy=vacancy, membership=Membership.objects.get(user=recruiter))

    ann = table.rows[0]
    assert ann.overall == pytest.approx((3 * 1 + 2 * 3 + 4 + 4) / 6)
    assert ann.discuss and ann.spread == 2


def test_an_unassigned_reviewer_and_an_outsider_get_404(
    vacancy, scored, idle_reviewer, outsider, login
) -> None:
    for user in (idle_reviewer, outsider):
        assert login(user).get(review_url(vacancy, "results")).status_code == 404


def test_the_table_shows_a_page_of_candidates_sorted_across_every_page(
    vacancy, scored, recruiter, login, monkeypatch
) -> None:
    from tremplin.review import results as results_module

    monkeypatch.setattr(results_module, "RESULTS_PAGE_SIZE", 2)
    client = login(recruiter)

    _head, first, html = results(client, vacancy, "?sort=-overall")
    assert [row[0].split()[:2] for row in first] == [["Candidate", "2"], ["Candidate", "1"]]
    assert "Page 1 of 2 (3 candidates)" in html

    _head, second, html = results(client, vacancy, "?sort=-overall&page=2")
    assert [row[0].split()[:2] for row in second] == [["Candidate", "3"]]
    assert 'rel="prev" href="?sort=-overall&amp;page=1"' in html


def test_the_table_reads_as_many_queries_for_one_row_as_for_three(
    vacancy, scored, recruiter, login, monkeypatch
) -> None:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from tremplin.review import results as results_module

    client = login(recruiter)
    client.get(review_url(vacancy, "results"))  # the session's first visit

    def queries(page_size: int) -> int:
        monkeypatch.setattr(results_module, "RESULTS_PAGE_SIZE", page_size)
        with CaptureQueriesContext(connection) as captured:
            client.get(review_url(vacancy, "results"))
        return len(captured)

    assert queries(1) == queries(3)


def test_a_reviewer_who_scored_every_answer_waiting_for_them_also_sees_those_candidates(
    vacancy, scored, reviewer2, login
) -> None:
    client = login(reviewer2)
    cleo = scored["cleo"]
    q1, q2 = vacancy.questions.order_by("position")
    answer_score_save(answer=cleo.answers.get(question=q1), reviewer=reviewer2, score=3, note="")

    _head, rows, _html = results(client, vacancy)
    assert [row[0][:11] for row in rows] == ["Candidate 1", "Candidate 2"]  # one answer left

    answer_score_save(answer=cleo.answers.get(question=q2), reviewer=reviewer2, score=4, note="")
    _head, rows, _html = results(client, vacancy)
    assert [row[0][:11] for row in rows] == ["Candidate 1", "Candidate 2", "Candidate 3"]
    assert rows[2][4] == "2.50 2 scores, spread 1"  # Q1: 2 and 3


def test_sorting_by_stage_follows_the_pipeline_not_the_alphabet(
    vacancy, scored, recruiter, login
) -> None:
    Application.objects.filter(pk=scored["ann"].pk).update(stage=Application.Stage.OFFER)
    Application.objects.filter(pk=scored["bob"].pk).update(stage=Application.Stage.SCREENING)
    client = login(recruiter)

    _h, rows, _html = results(client, vacancy, "?sort=stage")
    assert [(row[0][:11], row[1]) for row in rows] == [
        ("Candidate 2", "Screening"),
        ("Candidate 3", "Review"),
        ("Candidate 1", "Offer"),
    ]
    _h, rows, _html = results(client, vacancy, "?sort=-stage")
    assert [row[0][:11] for row in rows] == ["Candidate 1", "Candidate 3", "Candidate 2"]


def test_a_page_past_the_end_shows_the_last_one(
    vacancy, scored, recruiter, login, monkeypatch
) -> None:
    from tremplin.review import results as results_module

    monkeypatch.setattr(results_module, "RESULTS_PAGE_SIZE", 2)

    _head, rows, html = results(login(recruiter), vacancy, "?sort=-overall&page=9")

    assert [row[0].split()[:2] for row in rows] == [["Candidate", "3"]]
    assert "Page 2 of 2 (3 candidates)" in html


def test_ties_keep_candidate_number_order_whichever_the_direction(
    vacancy, scored, apply, recruiter, login
) -> None:
    apply("Dan Roy", "dan@example.org")
    apply("Eve Poe", "eve@example.org")
    client = login(recruiter)

    _h, up, _html = results(client, vacancy, "?sort=reviews")
    _h, down, _html = results(client, vacancy, "?sort=-reviews")

    assert [row[0][:11] for row in up] == [f"Candidate {n}" for n in (4, 5, 3, 1, 2)]
    assert [row[0][:11] for row in down] == [f"Candidate {n}" for n in (1, 2, 3, 4, 5)]


@pytest.mark.parametrize("who", ["recruiter", "reviewer"])
def test_the_page_reads_as_many_queries_for_many_candidates_as_for_a_few(
    vacancy, scored, apply, reviewer, recruiter, login, who: str
) -> None:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    c1, c2 = vacancy.criteria.order_by("position")
    client = login(recruiter if who == "recruiter" else reviewer)
    client.get(review_url(vacancy, "results"))  # the session's first visit

    def queries(sort: str) -> int:
        with CaptureQueriesContext(connection) as captured:
            assert client.get(review_url(vacancy, "results") + sort).status_code == 200
        return len(captured)

    few = [queries(sort) for sort in ("", "?sort=-overall", f"?sort=c{c1.pk}")]
    for n in range(6):
        more = apply(f"Extra {n}", f"extra{n}@example.org")
        review_save(
            application=more,
            reviewer=reviewer,
            scores={c1.pk: (1 + n % 5, ""), c2.pk: (2, "")},
            recommendation="yes",
            comment="",
            submit=True,
        )
    many = [queries(sort) for sort in ("", "?sort=-overall", f"?sort=c{c1.pk}")]

    assert many == few
