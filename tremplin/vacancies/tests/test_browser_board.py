"""A visitor finds seed 000's vacancy on the French board and reads it in English."""

import re
from collections.abc import Callable
from pathlib import Path

import pytest
from django.core.management import call_command
from playwright.sync_api import Page, expect

from tremplin.accounts.models import Organization
from tremplin.testing.builders import organization_make, vacancy_make
from tremplin.vacancies.models import Vacancy

FRENCH_TITLE = "Directeur·rice Exécutif·ve de Pause IA"
ENGLISH_TITLE = "PauseIA France Director"


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_a_visitor_filters_the_french_board_and_switches_the_vacancy_to_english(
    page: Page, live_server, seed: Callable[[str], Path]
) -> None:
    Organization.objects.get_or_create(slug="pauseai", defaults={"name": "PauseAI"})
    # Seeds 000 (English) and 001 (its French text) state no deadline, so they publish as is.
    call_command("import_vacancy", str(seed("000")), org="pauseai", publish=True)
    call_command("import_vacancy", str(seed("001")), org="pauseai", publish=True)
    imported = Vacancy.objects.get(organization__slug="pauseai")
    assert imported.status == Vacancy.Status.PUBLISHED
    other = organization_make("atelier-velo", "Atelier Vélo")
    vacancy_make(
        other,
        "mecanicien",
        texts={"fr": ("Mécanicien·ne vélo", "Réparer des vélos.")},
        employment_type=Vacancy.EmploymentType.PART_TIME,
        pay_period=Vacancy.PayPeriod.MONTH,
    )

    page.goto(f"{live_server.url}/fr/")
    expect(page.locator("html")).to_have_attribute("lang", "fr")
    cards = page.locator(".card-title")
    expect(cards).to_have_count(2)

    page.get_by_label("Organisation").select_option(label="PauseAI")
    page.get_by_role("button", name="Afficher les offres").click()

    expect(page).to_have_url(re.compile(r"/fr/\?.*organization=pauseai"))
    expect(cards).to_have_count(1)
    expect(cards).to_have_text(FRENCH_TITLE)

    cards.get_by_role("link").click()

    expect(page).to_have_url(f"{live_server.url}/fr/pauseai/{imported.slug}/")
    expect(page.get_by_role("heading", level=1)).to_have_text(FRENCH_TITLE)

    page.locator(".other-languages").get_by_role("link", name="English").click()

    expect(page).to_have_url(f"{live_server.url}/en/pauseai/{imported.slug}/")
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.get_by_role("heading", level=1)).to_have_text(ENGLISH_TITLE)
    expect(page.get_by_role("heading", name="How to apply")).to_be_visible()
