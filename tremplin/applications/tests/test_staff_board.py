"""The pipeline board of a vacancy: applications by stage with their flags, and the funnel."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from tremplin.applications import pipeline, services
from tremplin.applications.documents import document_extract
from tremplin.applications.models import Application, Document, StageChange
from tremplin.testing import samples
from tremplin.testing.applying import submit
from tremplin.testing.builders import campaign_lead_make
from tremplin.testing.staff import staff_login

pytestmark = pytest.mark.django_db


def board_url(vacancy, language="en") -> str:
    with_language = f"/{language}/staff/{vacancy.organization.slug}/applications/"
    return f"{with_language}vacancy/{vacancy.slug}/"


def test_the_address_is_the_one_the_workspace_expects(vacancy):
    assert reverse(
        "staff_applications:board",
        kwargs={"org": vacancy.organization.slug, "vacancy": vacancy.slug},
    ) == board_url(vacancy)


@pytest.mark.parametrize("role", ["owner", "recruiter"])
def test_recruiters_and_owners_see_applications_grouped_by_stage(client, vacancy, team, role):
    ada = submit(vacancy, email="ada@example.org", name="Ada Lovelace")
    grace = submit(vacancy, email="grace@example.org", name="Grace Hopper")
    services.application_move(application=grace, to_stage="screening", by=team.recruiter)

    response = staff_login(client, team.member(role)).get(board_url(vacancy))

    assert response.status_code == 200
    html = response.content.decode()
    received = html.index('id="stage-received"')
    screening = html.index('id="stage-screening"')
    review = html.index('id="stage-review"')
    assert received < html.index("Ada Lovelace") < screening < html.index("Grace Hopper") < review
    assert f"#{ada.pk}" in html and "Web form" in html
    # Each card links to its move page (and back to its column), and can be ticked for a
    # bulk move.
    move = reverse(
        "staff_applications:move", kwargs={"org": vacancy.organization.slug, "application": ada.pk}
    )
    assert f'href="{move}?next=' in html
    assert f'name="applications" value="{ada.pk}" form="bulk-move"' in html
    assert "Select Ada Lovelace" in html


def test_the_funnel_counts_applications_now_and_those_that_went_through_each_stage(
    client, vacancy, team
):
    first = submit(vacancy, email="a@example.org")
    second = submit(vacancy, email="b@example.org")
    submit(vacancy, email="c@example.org")
    services.application_move(application=first, to_stage="screening", by=team.recruiter)
    services.application_move(application=first, to_stage="interview", by=team.recruiter)
    services.application_move(application=second, to_stage="screening", by=team.recruiter)

    response = staff_login(client, team.recruiter).get(board_url(vacancy))

    funnel = response.context["funnel"]
    rows = {row.stage.key: (row.now, row.reached) for row in funnel}
    assert rows["received"] == (1, 3)
    assert rows["screening"] == (1, 2)
    assert rows["interview"] == (1, 1)
    assert rows["hired"] == (0, 0)
    html = response.content.decode()
    assert "Funnel" in html and "Have been at this stage" in html


def test_cards_flag_a_letter_in_another_language_a_scan_notes_and_a_source(client, vacancy, team):
    vacancy.application_language = "en"
    vacancy.save()
    french = submit(
        vacancy, email="fr@example.org", name="Louise Michel", letter_text=samples.LETTER_FR
    )
    scanned = submit(
        vacancy, email="scan@example.org", name="Scan Ned", cv=samples.pdf_scanned_bytes()
    )
    for document in Document.objects.all():
        document_extract(document_id=document.pk)
    Application.objects.filter(pk=scanned.pk).update(
        notes=[{"at": "2026-01-01T00:00:00", "text": "winmail.dat could not be read"}],
        source=Application.Source.EMAIL,
    )

    response = staff_login(client, team.recruiter).get(board_url(vacancy))

    cards = {card.pk: card for column in response.context["columns"] for card in column.cards}
    assert cards[french.pk].letter_other_language and not cards[french.pk].without_text
    assert cards[scanned.pk].without_text and not cards[scanned.pk].letter_other_language
    html = response.content.decode()
    assert "Letter in another language" in html
    assert "No text: scanned?" in html
    assert "Notes on receipt" in html
    assert "E-mail" in html


def test_the_board_speaks_french(client, vacancy, team):
    submit(vacancy)
    response = staff_login(client, team.recruiter).get(board_url(vacancy, "fr"))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Entonnoir" in html and "Candidatures par étape" in html
    assert "Sélectionner Ada Lovelace" in html


def test_it_shows_only_the_vacancy_s_own_applications(client, organization, vacancy, team):
    other = campaign_lead_make(organization, slug="treasurer")
    submit(vacancy, email="ada@example.org", name="Ada Lovelace")
    submit(other, email="alan@example.org", name="Alan Turing")

    html = staff_login(client, team.recruiter).get(board_url(vacancy)).content.decode()

    assert "Ada Lovelace" in html and "Alan Turing" not in html


@pytest.mark.parametrize("role", ["reviewer", "outsider"])
def test_reviewers_and_outsiders_get_not_found(client, vacancy, team, role):
    submit(vacancy)
    response = staff_login(client, team.member(role)).get(board_url(vacancy))
    assert response.status_code == 404
    assert b"Ada" not in response.content


def test_an_anonymous_visitor_is_sent_to_log_in(client, vacancy):
    response = client.get(board_url(vacancy))
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


def test_the_applications_index_lists_vacancies_with_their_counts(client, vacancy, team):
    submit(vacancy, email="a@example.org")
    submit(vacancy, email="b@example.org")
    url = f"/en/staff/{vacancy.organization.slug}/applications/"

    response = staff_login(client, team.recruiter).get(url)

    assert response.status_code == 200
    assert response.context["rows"][0][1] == {"total": 2, "received": 2, "duplicates": 0}
    assert board_url(vacancy) in response.content.decode()
    assert staff_login(client, team.reviewer).get(url).status_code == 404
    assert staff_login(client, team.outsider).get(url).status_code == 404


def test_a_long_column_shows_its_first_cards_and_the_rest_page_by_page(client, vacancy, team):
    size = pipeline.BOARD_COLUMN_SIZE
    for n in range(2 * size + 3):
        submit(vacancy, email=f"c{n}@example.org", name=f"Cand {n:03d}")
    staff_login(client, team.recruiter)

    board = client.get(board_url(vacancy))
    html = board.content.decode()
    assert f'Received <span class="count">({2 * size + 3})</span>' in html
    assert f"Cand {size - 1:03d}" in html and f"Cand {size:03d}" not in html
    assert f"More at this stage ({2 * size + 3} in all)" in html
    more = board.context["columns"][0].more_after

    # The stage's next cards go on from the last one shown, and so on to its end.
    second = client.get(board_url(vacancy), {"stage": "received", "after": str(more)})
    html = second.content.decode()
    assert f"Cand {size:03d}" in html and f"Cand {2 * size - 1:03d}" in html
    assert f"Cand {size - 1:03d}" not in html and f"Cand {2 * size:03d}" not in html
    assert 'id="stage-screening"' not in html and "Back to every stage" in html
    last = client.get(
        board_url(vacancy),
        {"stage": "received", "after": str(second.context["columns"][0].more_after)},
    )
    html = last.content.decode()
    assert f"Cand {2 * size:03d}" in html and f"Cand {2 * size + 2:03d}" in html
    assert f"Cand {2 * size - 1:03d}" not in html and 'rel="next"' not in html
    assert "Back to the first at this stage" in html


def test_cards_created_at_the_same_moment_are_all_shown_once_across_pages(client, vacancy, team):
    size = pipeline.BOARD_COLUMN_SIZE
    made = [submit(vacancy, email=f"s{n}@example.org") for n in range(size + 2)]
    Application.objects.filter(vacancy=vacancy).update(created_at=timezone.now())
    staff_login(client, team.recruiter)
    first = client.get(board_url(vacancy)).context["columns"][0]
    rest = client.get(
        board_url(vacancy), {"stage": "received", "after": str(first.more_after)}
    ).context["columns"][0]
    shown = [card.pk for card in first.cards + rest.cards]
    assert shown == sorted(a.pk for a in made)


def test_the_board_reads_as_many_queries_for_ten_applications_as_for_one(client, vacancy, team):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert staff_login(client, team.recruiter).get(board_url(vacancy)).status_code == 200
        return len(captured)

    first = submit(vacancy, email="one@example.org")
    services.application_move(application=first, to_stage="screening", by=team.recruiter)
    queries()  # the first visit also loads the session's second factor
    with_one = queries()
    for n in range(10):
        moved = submit(vacancy, email=f"more{n}@example.org")
        services.application_move(application=moved, to_stage="screening", by=team.recruiter)
    assert queries() == with_one


@pytest.mark.parametrize("after", ["abc", "999999", "-1", ""])
def test_a_card_to_go_on_from_that_is_not_one_of_the_stage_shows_its_first_cards(
    client, vacancy, team, after
):
    submit(vacancy, email="ada@example.org", name="Ada Lovelace")
    response = staff_login(client, team.recruiter).get(
        board_url(vacancy), {"stage": "received", "after": after}
    )
    assert response.status_code == 200
    assert "Ada Lovelace" in response.content.decode()


def test_the_funnel_counts_once_an_application_that_went_to_a_stage_twice_and_left(
    client, vacancy, team
):
    ada = submit(vacancy, email="ada@example.org")
    for stage in ("screening", "review", "screening", "interview"):
        services.application_move(application=ada, to_stage=stage, by=team.recruiter)
    rows = {
        row.stage.key: (row.now, row.reached)
        for row in staff_login(client, team.recruiter).get(board_url(vacancy)).context["funnel"]
    }
    assert rows["received"] == (0, 1)
    assert rows["screening"] == (0, 1)
    assert rows["review"] == (0, 1)
    assert rows["interview"] == (1, 1)
    assert rows["offer"] == (0, 0)


def test_each_card_says_how_many_days_it_has_been_at_its_stage(client, vacancy, team) -> None:
    ada = submit(vacancy, email="ada@example.org", name="Ada Lovelace")
    grace = submit(vacancy, email="grace@example.org", name="Grace Hopper")
    Application.objects.filter(pk=ada.pk).update(created_at=timezone.now() - timedelta(days=9))
    services.application_move(application=grace, to_stage="screening", by=team.recruiter)
    StageChange.objects.filter(application=grace).update(at=timezone.now() - timedelta(days=1))
    html = (
        staff_login(client, team.recruiter)
        .get(f"/en/staff/{vacancy.organization.slug}/applications/vacancy/{vacancy.slug}/")
        .content.decode()
    )
    assert "9 days at this stage" in html
    assert "1 day at this stage" in html
    assert 'Screening <span class="count">(1)</span>' in html
