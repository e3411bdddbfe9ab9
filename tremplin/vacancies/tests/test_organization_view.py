import pytest
from django.test import Client

from tremplin.testing.builders import organization_make, vacancy_make
from tremplin.vacancies.models import Vacancy

pytestmark = pytest.mark.django_db


def test_it_lists_only_this_organizations_published_vacancies(client: Client) -> None:
    communs = organization_make(
        "maison-des-communs", "Maison des Communs", about="We run **citizen panels**."
    )
    other = organization_make("atelier-velo", "Atelier Vélo")
    vacancy_make(communs, "analyst", texts={"en": ("Data analyst", "")})
    vacancy_make(communs, "hidden", texts={"en": ("Hidden draft", "")}, status=Vacancy.Status.DRAFT)
    vacancy_make(communs, "gone", texts={"en": ("Gone role", "")}, status=Vacancy.Status.CLOSED)
    vacancy_make(other, "mechanic", texts={"en": ("Bike mechanic", "")})

    response = client.get("/en/maison-des-communs/")
    html = response.content.decode()

    assert response.status_code == 200
    assert "<h1>Careers at Maison des Communs</h1>" in html
    assert "<strong>citizen panels</strong>" in html
    assert 'href="/en/maison-des-communs/analyst/"' in html
    for absent in ["Hidden draft", "Gone role", "Bike mechanic"]:
        assert absent not in html


def test_it_links_to_its_own_atom_feed(client: Client) -> None:
    organization_make("maison-des-communs", "Maison des Communs")
    html = client.get("/fr/maison-des-communs/").content.decode()
    assert 'type="application/atom+xml"' in html
    assert 'href="/fr/maison-des-communs/vacancies.atom"' in html


def test_an_organization_with_nothing_open_says_so(client: Client) -> None:
    organization_make("maison-des-communs", "Maison des Communs")
    en = client.get("/en/maison-des-communs/").content.decode()
    fr = client.get("/fr/maison-des-communs/").content.decode()
    assert "Maison des Communs has no open vacancy at the moment." in en
    assert "L’organisation Maison des Communs n’a aucune offre ouverte pour le moment." in fr


def test_an_unknown_organization_is_not_found(client: Client) -> None:
    assert client.get("/en/nobody-here/").status_code == 404


def test_its_about_text_is_sanitised(client: Client) -> None:
    organization_make("hostile", "Hostile", about="Hi <script>alert(1)</script>")
    html = client.get("/en/hostile/").content.decode()
    assert "alert(1)" not in html


def test_a_name_starting_with_a_vowel_reads_as_correct_french(client: Client) -> None:
    """Not « de Observatoire » nor « que Observatoire »: the name follows « l’organisation »
    or « chez », which need neither its elision nor its gender."""
    organization_make("observatoire", "Observatoire des libertés")
    fr = client.get("/fr/observatoire/").content.decode()
    assert "L’organisation Observatoire des libertés n’a aucune offre" in fr
    for wrong in ("de Observatoire", "que Observatoire", "à Observatoire"):
        assert wrong not in fr
    privacy = client.get("/fr/privacy/observatoire/").content.decode()
    assert "Observatoire des libertés" in privacy
    assert "que Observatoire" not in privacy and "de Observatoire" not in privacy
