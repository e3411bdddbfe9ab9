"""The pipeline board of a vacancy: applications by stage with their flags, and the funnel."""

import pytest
from django.urls import reverse

from tremplin.applications import services
from tremplin.applications.documents import document_extract
from tremplin.applications.models import Application, Document
from tremplin.applications.tests import samples
from tremplin.applications.tests.conftest import make_vacancy, submit
from tremplin.applications.tests.staff_setup import as_member, team_make

pytestmark = pytest.mark.django_db


@pytest.fixture
def team(organization, vacancy):
    return team_make(organization, vacancy)


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

    response = as_member(client, team.member(role)).get(board_url(vacancy))

    assert response.status_code == 200
    html = response.content.decode()
    received = html.index('id="stage-received"')
    screening = html.index('id="stage-screening"')
    review = html.index('id="stage-review"')
    assert received < html.index("Ada Lovelace") < screening < html.index("Grace Hopper") < review
    assert f"#{ada.pk}" in html and "Web form" in html
    # Each card moves by a form (a select and a button), and can be ticked for a bulk move.
    assert f'id="move-{ada.pk}-stage"' in html
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

    response = as_member(client, team.recruiter).get(board_url(vacancy))

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

    response = as_member(client, team.recruiter).get(board_url(vacancy))

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
    response = as_member(client, team.recruiter).get(board_url(vacancy, "fr"))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Entonnoir" in html and "Candidatures par étape" in html
    assert "Sélectionner Ada Lovelace" in html


def test_it_shows_only_the_vacancy_s_own_applications(client, organization, vacancy, team):
    other = make_vacancy(organization, slug="treasurer")
    submit(vacancy, email="ada@example.org", name="Ada Lovelace")
    submit(other, email="alan@example.org", name="Alan Turing")

    html = as_member(client, team.recruiter).get(board_url(vacancy)).content.decode()

    assert "Ada Lovelace" in html and "Alan Turing" not in html


@pytest.mark.parametrize("role", ["reviewer", "outsider"])
def test_reviewers_and_outsiders_get_not_found(client, vacancy, team, role):
    submit(vacancy)
    response = as_member(client, team.member(role)).get(board_url(vacancy))
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

    response = as_member(client, team.recruiter).get(url)

    assert response.status_code == 200
    assert response.context["rows"][0][1] == {"total": 2, "received": 2, "duplicates": 0}
    assert board_url(vacancy) in response.content.decode()
    assert as_member(client, team.reviewer).get(url).status_code == 404
    assert as_member(client, team.outsider).get(url).status_code == 404
