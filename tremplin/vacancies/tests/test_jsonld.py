import json
import re
from decimal import Decimal

import pytest
from django.test import Client

from tremplin.testing.builders import organization_make, vacancy_make
from tremplin.vacancies.models import Vacancy

pytestmark = pytest.mark.django_db


def jobposting(html: str) -> dict:
    scripts = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    assert len(scripts) == 1
    return json.loads(scripts[0])


def test_a_published_vacancy_page_carries_a_complete_jobposting(client: Client) -> None:
    organization = organization_make(
        "maison-des-communs", "Maison des Communs", website="https://communs.example"
    )
    vacancy = vacancy_make(
        organization,
        "analyst",
        texts={"en": ("Data analyst", "Analyse **public data**."), "fr": ("Analyste", "")},
        employment_type=Vacancy.EmploymentType.FULL_TIME,
        location="Lyon",
        pay_min=Decimal("38000"),
        pay_max=Decimal("44000.50"),
        pay_period=Vacancy.PayPeriod.YEAR,
    )
    assert vacancy.date_posted is not None and vacancy.deadline is not None

    data = jobposting(client.get("/en/maison-des-communs/analyst/").content.decode())

    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "JobPosting"
    assert data["title"] == "Data analyst"
    assert "<strong>public data</strong>" in data["description"]
    assert data["datePosted"] == vacancy.date_posted.isoformat()
    assert data["validThrough"].startswith(f"{vacancy.deadline.isoformat()}T23:59:59")
    assert data["hiringOrganization"] == {
        "@type": "Organization",
        "name": "Maison des Communs",
        "sameAs": "https://communs.example",
    }
    assert data["jobLocation"]["address"]["addressLocality"] == "Lyon"
    assert "jobLocationType" not in data
    assert data["employmentType"] == "FULL_TIME"
    assert data["baseSalary"] == {
        "@type": "MonetaryAmount",
        "currency": "EUR",
        "value": {
            "@type": "QuantitativeValue",
            "minValue": 38000,
            "maxValue": 44000.5,
            "unitText": "YEAR",
        },
    }
    assert data["url"] == "http://testserver/en/maison-des-communs/analyst/"


def test_a_remote_vacancy_is_marked_telecommute(client: Client) -> None:
    organization = organization_make("remote-org", "Remote Org")
    vacancy_make(organization, "dev", location="", remote=True)
    data = jobposting(client.get("/en/remote-org/dev/").content.decode())
    assert data["jobLocationType"] == "TELECOMMUTE"
    assert "jobLocation" not in data


def test_the_jobposting_follows_the_text_shown(client: Client) -> None:
    organization = organization_make("maison-des-communs", "Maison des Communs")
    vacancy_make(
        organization, "analyst", texts={"en": ("Data analyst", ""), "fr": ("Analyste", "")}
    )
    data = jobposting(client.get("/fr/maison-des-communs/analyst/").content.decode())
    assert data["title"] == "Analyste"
    assert data["inLanguage"] == "fr"


def test_a_title_cannot_break_out_of_the_script_tag(client: Client) -> None:
    organization = organization_make("hostile", "Hostile </script><script>alert(1)</script>")
    title = "Role</script><script>alert(2)</script><!--"
    vacancy_make(organization, "trap", texts={"en": (title, "")})

    html = client.get("/en/hostile/trap/").content.decode()

    assert "<script>alert" not in html
    data = jobposting(html)
    assert data["title"] == title
    assert data["hiringOrganization"]["name"] == "Hostile </script><script>alert(1)</script>"
