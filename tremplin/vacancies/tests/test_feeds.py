import xml.etree.ElementTree as ET

import pytest
from django.test import Client

from tremplin.testing.builders import organization_make, vacancy_make
from tremplin.vacancies.models import Vacancy

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture
def vacancies() -> None:
    communs = organization_make("maison-des-communs", "Maison des Communs")
    velo = organization_make("atelier-velo", "Atelier Vélo")
    vacancy_make(
        communs,
        "analyst",
        texts={"en": ("Data analyst", "Analyse **data**."), "fr": ("Analyste de données", "")},
    )
    vacancy_make(velo, "mechanic", texts={"fr": ("Mécanicien·ne", "<script>alert(1)</script>")})
    vacancy_make(velo, "draft", texts={"en": ("Draft role", "")}, status=Vacancy.Status.DRAFT)
    vacancy_make(velo, "closed", texts={"en": ("Closed role", "")}, status=Vacancy.Status.CLOSED)


def entries(client: Client, url: str) -> tuple[ET.Element, dict[str, ET.Element]]:
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = ET.fromstring(response.content)  # noqa: S314
    found = {}
    for entry in feed.iter(f"{ATOM}entry"):
        title = entry.findtext(f"{ATOM}title")
        assert title is not None
        found[title] = entry
    return feed, found


def test_the_feed_of_all_organizations_lists_published_vacancies_in_the_urls_language(
    client: Client, vacancies: None
) -> None:
    feed, found = entries(client, "/fr/vacancies.atom")
    assert feed.get("{http://www.w3.org/XML/1998/namespace}lang") == "fr"
    assert set(found) == {"Analyste de données", "Mécanicien·ne"}
    link = found["Analyste de données"].find(f"{ATOM}link")
    assert link is not None
    assert link.get("href") == "http://testserver/fr/maison-des-communs/analyst/"

    _feed, found = entries(client, "/en/vacancies.atom")
    assert set(found) == {"Data analyst", "Mécanicien·ne"}
    summary = found["Data analyst"].findtext(f"{ATOM}summary")
    assert summary is not None and "<strong>data</strong>" in summary


def test_a_feed_entry_never_carries_script(client: Client, vacancies: None) -> None:
    response = client.get("/en/vacancies.atom")
    assert b"alert(1)" not in response.content


def test_the_feed_of_one_organization_lists_only_its_vacancies(
    client: Client, vacancies: None
) -> None:
    feed, found = entries(client, "/en/atelier-velo/vacancies.atom")
    assert feed.findtext(f"{ATOM}title") == "Vacancies at Atelier Vélo"
    assert set(found) == {"Mécanicien·ne"}


def test_a_closed_vacancy_leaves_the_feeds(client: Client, vacancies: None) -> None:
    Vacancy.objects.filter(slug="mechanic").update(status=Vacancy.Status.CLOSED)
    _feed, found = entries(client, "/en/atelier-velo/vacancies.atom")
    assert found == {}
    _feed, found = entries(client, "/en/vacancies.atom")
    assert set(found) == {"Data analyst"}


def test_the_feed_of_an_unknown_organization_is_not_found(client: Client) -> None:
    assert client.get("/en/nobody/vacancies.atom").status_code == 404


def test_an_organization_slug_cannot_take_the_feeds_address(client: Client) -> None:
    # A slug never holds a dot, so "vacancies.atom" always means the feed.
    organization_make("vacancies", "Vacancies Inc")
    assert client.get("/en/vacancies.atom")["Content-Type"].startswith("application/atom+xml")
    assert client.get("/en/vacancies/").status_code == 200
