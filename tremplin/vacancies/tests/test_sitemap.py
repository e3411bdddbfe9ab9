import xml.etree.ElementTree as ET

import pytest
from django.test import Client

from tremplin.testing.builders import organization_make, vacancy_make
from tremplin.vacancies.models import Vacancy

pytestmark = pytest.mark.django_db

SM = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML = "{http://www.w3.org/1999/xhtml}"


def sitemap(client: Client) -> dict[str, set[tuple[str | None, str | None]]]:
    """Each <loc> of sitemap.xml with its (hreflang, href) alternates."""
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    root = ET.fromstring(response.content)  # noqa: S314
    urls = {}
    for url in root.iter(f"{SM}url"):
        loc = url.findtext(f"{SM}loc")
        assert loc is not None
        urls[loc] = {(a.get("hreflang"), a.get("href")) for a in url.iter(f"{XHTML}link")}
    return urls


def test_it_lists_each_published_vacancy_in_each_of_its_languages(client: Client) -> None:
    organization = organization_make("maison-des-communs", "Maison des Communs")
    vacancy_make(
        organization, "analyst", texts={"en": ("Data analyst", ""), "fr": ("Analyste", "")}
    )
    vacancy_make(organization, "mecano", texts={"fr": ("Mécano", "")})

    urls = sitemap(client)

    base = "http://testserver"
    alternates = {
        ("en", f"{base}/en/maison-des-communs/analyst/"),
        ("fr", f"{base}/fr/maison-des-communs/analyst/"),
    }
    assert urls[f"{base}/en/maison-des-communs/analyst/"] == alternates
    assert urls[f"{base}/fr/maison-des-communs/analyst/"] == alternates
    assert f"{base}/fr/maison-des-communs/mecano/" in urls
    assert f"{base}/en/maison-des-communs/mecano/" not in urls
    assert f"{base}/en/" in urls and f"{base}/fr/" in urls
    assert f"{base}/fr/maison-des-communs/" in urls


def test_drafts_and_closed_vacancies_are_left_out(client: Client) -> None:
    organization = organization_make("maison-des-communs", "Maison des Communs")
    vacancy_make(organization, "draft", status=Vacancy.Status.DRAFT)
    closing = vacancy_make(organization, "closing")
    assert "http://testserver/en/maison-des-communs/closing/" in sitemap(client)

    closing.status = Vacancy.Status.CLOSED
    closing.save()

    locs = "\n".join(sitemap(client))
    assert "/draft/" not in locs
    assert "/closing/" not in locs


def test_robots_txt_points_to_the_sitemap(client: Client) -> None:
    response = client.get("/robots.txt")
    assert "Sitemap: http://testserver/sitemap.xml" in response.content.decode()
