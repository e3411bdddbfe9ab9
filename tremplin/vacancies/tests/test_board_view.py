import re
from decimal import Decimal
from typing import Any

import pytest
from django.test import Client

from tremplin.testing.builders import organization_make, vacancy_make
from tremplin.vacancies.models import Vacancy

pytestmark = pytest.mark.django_db


@pytest.fixture
def board() -> None:
    """Two organizations: a paid remote job, an on-site French-only volunteer role, others."""
    communs = organization_make("maison-des-communs", "Maison des Communs")
    velo = organization_make("atelier-velo", "Atelier Vélo")
    vacancy_make(
        communs,
        "data-analyst",
        texts={"en": ("Data analyst", ""), "fr": ("Analyste de données", "")},
        location="Lyon",
        remote=True,
        pay_min=Decimal("38000"),
        pay_max=Decimal("44000"),
    )
    vacancy_make(
        velo,
        "benevole-atelier",
        texts={"fr": ("Bénévole d’atelier", "")},
        kind=Vacancy.Kind.VOLUNTEER,
        employment_type=Vacancy.EmploymentType.VOLUNTEER,
        location="Nantes",
        remote=False,
        pay_min=None,
        pay_max=None,
        pay_currency="",
        pay_period="",
        deadline=None,
    )
    vacancy_make(
        velo,
        "coordinator",
        texts={"en": ("Workshop coordinator", "")},
        employment_type=Vacancy.EmploymentType.PART_TIME,
        location="Nantes",
        pay_min=Decimal("1700"),
        pay_max=Decimal("1900"),
        pay_period=Vacancy.PayPeriod.MONTH,
    )
    vacancy_make(
        communs, "draft-role", texts={"en": ("Draft role", "")}, status=Vacancy.Status.DRAFT
    )
    vacancy_make(
        communs, "old-role", texts={"en": ("Closed role", "")}, status=Vacancy.Status.CLOSED
    )


def titles(client: Client, url: str) -> set[str]:
    html = client.get(url).content.decode()
    return set(re.findall(r'<h3 class="card-title">\s*<a href="[^"]+"[^>]*>([^<]+)</a>', html))


def test_it_lists_the_published_vacancies_of_every_organization(
    client: Client, board: None
) -> None:
    assert titles(client, "/en/") == {"Data analyst", "Bénévole d’atelier", "Workshop coordinator"}


def test_it_shows_titles_in_the_visitors_language_when_there_is_one(
    client: Client, board: None
) -> None:
    assert "Analyste de données" in titles(client, "/fr/")
    assert "Data analyst" in titles(client, "/en/")


def test_it_shows_pay_and_deadline(client: Client, board: None) -> None:
    html = client.get("/en/").content.decode()
    assert "38,000–44,000 EUR per year" in html
    assert "1,700–1,900 EUR per month" in html
    assert "Open until filled" in html
    assert "<dt>Deadline</dt>" in html


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("organization=atelier-velo", {"Bénévole d’atelier", "Workshop coordinator"}),
        ("kind=volunteer", {"Bénévole d’atelier"}),
        ("employment_type=PART_TIME", {"Workshop coordinator"}),
        ("location=nant", {"Bénévole d’atelier", "Workshop coordinator"}),
        ("remote=yes", {"Data analyst"}),
        ("remote=no", {"Bénévole d’atelier", "Workshop coordinator"}),
        ("language=en", {"Data analyst", "Workshop coordinator"}),
        ("language=fr&organization=atelier-velo", {"Bénévole d’atelier"}),
    ],
)
def test_each_filter_narrows_the_board(
    client: Client, board: None, query: str, expected: set[str]
) -> None:
    assert titles(client, f"/en/?{query}") == expected


def test_the_form_keeps_the_chosen_filters(client: Client, board: None) -> None:
    html = client.get("/en/?organization=atelier-velo&location=Nantes").content.decode()
    assert '<option value="atelier-velo" selected>Atelier Vélo</option>' in html
    assert 'value="Nantes"' in html
    assert 'href="/en/">Clear filters</a>' in html


def test_it_says_when_no_vacancy_matches(client: Client, board: None) -> None:
    html = client.get("/en/?location=Marseille").content.decode()
    assert "No vacancy matches these filters." in html
    assert "0 vacancies" in html


def test_an_empty_board_says_there_is_nothing_open(client: Client) -> None:
    html = client.get("/fr/").content.decode()
    assert "Il n’y a aucune offre ouverte pour le moment." in html


def test_an_unknown_organization_gets_a_clear_message(client: Client, board: None) -> None:
    response = client.get("/en/?organization=no-such-org&kind=volunteer")
    html = response.content.decode()
    assert response.status_code == 400
    assert "Some filters could not be applied" in html
    assert "No organization “no-such-org” has vacancies on this board." in html
    # The valid filter still applies.
    assert titles(client, "/en/?organization=no-such-org&kind=volunteer") == {"Bénévole d’atelier"}


@pytest.mark.parametrize(
    "query", ["kind=boss", "employment_type=BOGUS", "remote=maybe", "language=de"]
)
def test_a_bogus_choice_gets_a_clear_message_in_the_visitors_language(
    client: Client, board: None, query: str
) -> None:
    value = query.split("=")[1]
    en = client.get(f"/en/?{query}")
    fr = client.get(f"/fr/?{query}")
    assert en.status_code == fr.status_code == 400
    assert f"“{value}” is not one of the choices for this filter." in en.content.decode()
    assert (
        f"«\u00a0{value}\u00a0» ne fait pas partie des choix de ce filtre." in fr.content.decode()
    )


def test_every_filter_field_has_a_label(client: Client, board: None) -> None:
    html = client.get("/en/").content.decode()
    form = html[html.index("<form") : html.index("</form>")]
    ids = re.findall(r'<(?:select|input)[^>]* id="([^"]+)"', form)
    assert len(ids) == 6
    for field_id in ids:
        assert f'<label for="{field_id}">' in form


def test_the_board_is_translated(client: Client, board: None) -> None:
    html = client.get("/fr/").content.decode()
    assert '<html lang="fr">' in html
    assert "Filtrer les offres" in html
    assert "Type de contrat" in html
    assert "Bénévolat" in html
    assert "1\xa0700–1\xa0900 EUR par mois" in html


def test_the_board_costs_the_same_few_queries_however_many_vacancies(
    client: Client, board: None, django_assert_max_num_queries: Any
) -> None:
    organization = organization_make("many", "Many")
    for number in range(20):
        vacancy_make(organization, f"role-{number}", texts={"en": ("R", ""), "fr": ("R", "")})
    with django_assert_max_num_queries(5):
        client.get("/en/?organization=many")


def test_the_board_advertises_its_atom_feed(client: Client, board: None) -> None:
    html = client.get("/fr/").content.decode()
    assert '<link rel="alternate" type="application/atom+xml"' in html
    assert 'href="/fr/vacancies.atom"' in html


def test_the_public_site_links_to_the_staff_login(client) -> None:
    from django.urls import reverse

    html = client.get("/en/").content.decode()
    assert f'href="{reverse("accounts:login")}">Staff login</a>' in html
