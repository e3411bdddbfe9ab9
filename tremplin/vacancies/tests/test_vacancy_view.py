import itertools
import re
from datetime import date
from decimal import Decimal
from html.parser import HTMLParser

import pytest
from django.test import Client

from tremplin.testing.builders import organization_make, vacancy_make
from tremplin.vacancies.models import Vacancy

pytestmark = pytest.mark.django_db

EN_BODY = """## About the role

You will run our **citizen panels** on public algorithms.

## What we ask

- Three years of facilitation experience
- Fluent French
"""
FR_BODY = """## Le poste

Vous animerez nos **panels citoyens** sur les algorithmes publics.

## Ce que nous demandons

- Trois ans d’expérience en animation
- Français courant
"""


@pytest.fixture
def bilingual() -> Vacancy:
    # No recruitment address of its own: the vacancy's apply_email is the one shown.
    organization = organization_make("maison-des-communs", "Maison des Communs", email="")
    return vacancy_make(
        organization,
        "panel-facilitator",
        texts={
            "en": ("Citizen panel facilitator", EN_BODY),
            "fr": ("Animateur·rice de panels citoyens", FR_BODY),
        },
        employment_type=Vacancy.EmploymentType.TEMPORARY,
        contract_duration_months=12,
        location="Lyon",
        remote=True,
        pay_min=Decimal("45000"),
        pay_max=Decimal("60000"),
        required_languages=["fr", "en"],
        application_language="en",
        apply_email="jobs@communs.example",
    )


class Headings(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.levels: list[int] = []

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if re.fullmatch(r"h[1-6]", tag):
            self.levels.append(int(tag[1]))


def heading_levels(html: str) -> list[int]:
    parser = Headings()
    parser.feed(html)
    return parser.levels


def test_it_shows_the_french_text_to_a_french_visitor(client: Client, bilingual: Vacancy) -> None:
    response = client.get("/fr/maison-des-communs/panel-facilitator/")
    html = response.content.decode()
    assert response.status_code == 200
    assert '<html lang="fr">' in html
    assert "Animateur·rice de panels citoyens" in html
    assert "<strong>panels citoyens</strong>" in html
    assert "Citizen panel facilitator" not in html


def test_it_shows_the_english_text_to_an_english_visitor(
    client: Client, bilingual: Vacancy
) -> None:
    html = client.get("/en/maison-des-communs/panel-facilitator/").content.decode()
    assert '<html lang="en">' in html
    assert "Citizen panel facilitator" in html
    assert "<li>Three years of facilitation experience</li>" in html
    assert "only available in" not in html


def test_it_links_to_the_other_language_and_declares_hreflang_alternates(
    client: Client, bilingual: Vacancy
) -> None:
    html = client.get("/en/maison-des-communs/panel-facilitator/").content.decode()
    assert (
        '<a href="/fr/maison-des-communs/panel-facilitator/" hreflang="fr" lang="fr">Français</a>'
        in html
    )
    assert (
        '<link rel="alternate" hreflang="en" '
        'href="http://testserver/en/maison-des-communs/panel-facilitator/">' in html
    )
    assert (
        '<link rel="alternate" hreflang="fr" '
        'href="http://testserver/fr/maison-des-communs/panel-facilitator/">' in html
    )


def test_a_vacancy_in_one_language_says_so_to_visitors_of_the_other(client: Client) -> None:
    organization = organization_make("atelier-velo", "Atelier Vélo")
    vacancy_make(organization, "mecanicien", texts={"fr": ("Mécanicien·ne vélo", "")})

    html = client.get("/en/atelier-velo/mecanicien/").content.decode()

    assert "Mécanicien·ne vélo" in html
    assert "This vacancy is only available in French." in html
    assert '<link rel="alternate" hreflang="en"' not in html
    assert '<link rel="alternate" hreflang="fr"' in html


def test_the_key_facts_are_shown_in_the_visitors_language(
    client: Client, bilingual: Vacancy
) -> None:
    en = client.get("/en/maison-des-communs/panel-facilitator/").content.decode()
    fr = client.get("/fr/maison-des-communs/panel-facilitator/").content.decode()

    for fact in [
        "Maison des Communs",
        "Temporary",
        "12 months",
        "Lyon, remote possible",
        "45,000–60,000 EUR per year",
        "French, English",
        "<dd>English</dd>",
    ]:
        assert fact in en
    for fact in [
        "Temporaire",
        "12 mois",
        "Lyon, télétravail possible",
        "45\xa0000–60\xa0000 EUR par an",
        "français, anglais",
        "<dd>Anglais</dd>",
    ]:
        assert fact in fr
    deadline = bilingual.deadline
    assert deadline is not None
    assert f'<time datetime="{deadline.isoformat()}">' in en


def test_it_holds_the_application_form_the_e_mail_way_and_the_language_to_apply_in(
    client: Client, bilingual: Vacancy
) -> None:
    html = client.get("/en/maison-des-communs/panel-facilitator/").content.decode()
    assert '<h2 id="apply-heading">How to apply</h2>' in html
    assert 'action="/en/maison-des-communs/panel-facilitator/apply/"' in html
    assert 'href="mailto:jobs@communs.example?subject=Citizen%20panel%20facilitator"' in html
    assert "The organization asks for applications written in English" in html


def test_with_a_recruitment_address_it_shows_the_vacancy_s_own_tagged_address(
    client: Client, bilingual: Vacancy
) -> None:
    bilingual.organization.email = "recrutement@communs.example"
    bilingual.organization.save()
    html = client.get("/en/maison-des-communs/panel-facilitator/").content.decode()
    assert 'href="mailto:recrutement+panel-facilitator@communs.example?' in html


def test_a_vacancy_past_its_deadline_shows_no_form(client: Client, bilingual: Vacancy) -> None:
    Vacancy.objects.filter(pk=bilingual.pk).update(deadline=date(2020, 1, 1))
    html = client.get("/en/maison-des-communs/panel-facilitator/").content.decode()
    assert "/apply/" not in html
    assert "This vacancy no longer takes applications." in html


def test_it_says_that_people_not_software_take_the_decisions(
    client: Client, bilingual: Vacancy
) -> None:
    en = client.get("/en/maison-des-communs/panel-facilitator/").content.decode()
    fr = client.get("/fr/maison-des-communs/panel-facilitator/").content.decode()
    assert "How decisions are made" in en
    assert "No decision" in en and "GDPR, Art. 22" in en
    assert "RGPD, art. 22" in fr


def test_a_script_or_an_event_handler_in_the_body_never_reaches_the_page(client: Client) -> None:
    organization = organization_make("hostile", "Hostile")
    body = (
        "Hello\n\n<script>alert(1)</script>\n\n<img src=x onerror=alert(2)>\n\n"
        '<a href="javascript:alert(3)" onclick="alert(4)">click</a> [me](javascript:alert(5))'
    )
    vacancy_make(
        organization, "trap", texts={"en": ("Trap</title><script>alert(6)</script>", body)}
    )

    html = client.get("/en/hostile/trap/").content.decode()

    assert "Hello" in html
    for bad in ["alert(1)", "alert(2)", "onerror", "onclick", 'href="javascript:', "<img"]:
        assert bad not in html
    assert "<script>alert(6)" not in html
    assert "Trap&lt;/title&gt;&lt;script&gt;alert(6)&lt;/script&gt;" in html


def test_links_in_the_body_get_nofollow_noopener(client: Client) -> None:
    organization = organization_make("linky", "Linky")
    vacancy_make(
        organization, "role", texts={"en": ("Role", "See [our site](https://linky.example).")}
    )
    html = client.get("/en/linky/role/").content.decode()
    assert '<a href="https://linky.example" rel="nofollow noopener">our site</a>' in html


def test_headings_follow_each_other_in_order(client: Client) -> None:
    organization = organization_make("deep", "Deep")
    vacancy_make(organization, "role", texts={"en": ("Role", "#### Deep start\n\n##### Deeper\n")})
    levels = heading_levels(client.get("/en/deep/role/").content.decode())
    assert levels[0] == 1
    assert all(b <= a + 1 for a, b in itertools.pairwise(levels))


def test_a_draft_vacancy_is_not_found(client: Client) -> None:
    organization = organization_make("quiet", "Quiet")
    vacancy_make(organization, "secret", status=Vacancy.Status.DRAFT)
    assert client.get("/en/quiet/secret/").status_code == 404
    assert client.get("/en/quiet/nothing-here/").status_code == 404
    assert client.get("/en/nobody/secret/").status_code == 404


def test_the_not_found_page_speaks_the_visitors_language(client: Client) -> None:
    en = client.get("/en/nobody/nothing/")
    fr = client.get("/fr/nobody/nothing/")
    assert en.status_code == fr.status_code == 404
    assert "<h1>Page not found</h1>" in en.content.decode()
    assert '<html lang="fr">' in fr.content.decode()
    assert "<h1>Page introuvable</h1>" in fr.content.decode()


def test_a_closed_vacancy_answers_gone_and_points_to_the_other_vacancies(client: Client) -> None:
    organization = organization_make("closing", "Closing Org")
    vacancy_make(
        organization,
        "filled",
        status=Vacancy.Status.CLOSED,
        texts={"en": ("Filled role", "secret body")},
    )

    response = client.get("/en/closing/filled/")
    html = response.content.decode()

    assert response.status_code == 410
    assert "This vacancy is closed" in html
    assert "Filled role" in html
    assert "secret body" not in html
    assert 'href="/en/closing/"' in html
    assert "application/ld+json" not in html


def test_the_closed_page_is_translated(client: Client) -> None:
    organization = organization_make("closing", "Closing Org")
    vacancy_make(organization, "filled", status=Vacancy.Status.CLOSED)
    response = client.get("/fr/closing/filled/")
    assert response.status_code == 410
    assert "Cette offre est close" in response.content.decode()


def test_the_root_address_sends_visitors_to_their_language(client: Client) -> None:
    response = client.get("/", headers={"accept-language": "fr-FR,fr;q=0.9"})
    assert response.status_code == 302
    assert response["Location"] == "/fr/"
    response = client.get("/", headers={"accept-language": "en-GB"})
    assert response["Location"] == "/en/"


def test_dates_spell_the_month_and_the_deadline_says_its_time_zone(
    client: Client, bilingual: Vacancy
) -> None:
    """ "01/12/2027" reads as January in English and December in French: the month in words."""
    Vacancy.objects.filter(pk=bilingual.pk).update(deadline=date(2027, 12, 1))
    en = client.get("/en/maison-des-communs/panel-facilitator/").content.decode()
    fr = client.get("/fr/maison-des-communs/panel-facilitator/").content.decode()
    assert "1 December 2027, 23:59 (Paris time)" in en
    assert "Applications close on 1 December 2027, 23:59 (Paris time)." in en
    assert "1 décembre 2027 à 23:59 (heure de Paris)" in fr
    for page in (en, fr):
        assert "01/12/2027" not in page and "12/01/2027" not in page
        assert "Dec." not in page and "a.m." not in page and "p.m." not in page
    board = client.get("/fr/").content.decode()
    assert "1 décembre 2027 à 23:59 (heure de Paris)" in board


def test_apply_button_at_the_top_leads_to_the_form(client: Client, bilingual: Vacancy) -> None:
    html = client.get("/en/maison-des-communs/panel-facilitator/").content.decode()
    header = html.split('class="vacancy-header"')[1].split("</header>")[0]
    assert '<a class="button" href="#apply-heading">Apply for this vacancy</a>' in header
    assert html.index('href="#apply-heading"') < html.index('<h2 id="apply-heading">')


def test_a_vacancy_past_its_deadline_has_no_apply_button(
    client: Client, bilingual: Vacancy
) -> None:
    Vacancy.objects.filter(pk=bilingual.pk).update(deadline=date(2020, 1, 1))
    closed = client.get("/en/maison-des-communs/panel-facilitator/").content.decode()
    assert 'href="#apply-heading"' not in closed
