"""``vacancy_import``: storing a parsed posting, updating it on re-import, all or nothing."""

from collections.abc import Callable
from pathlib import Path

import pytest

from tremplin.accounts.models import Organization
from tremplin.vacancies.import_services import VacancyImport, vacancy_import
from tremplin.vacancies.importing import PostingError, parse_posting, read_posting_file
from tremplin.vacancies.importing.storing import unique_slug
from tremplin.vacancies.models import Criterion, CriterionText, Vacancy, VacancyText

pytestmark = pytest.mark.django_db

Seed = Callable[[str], Path]

MECHANIC = """\
---
title: Bike Mechanic
slug: bike-mechanic
---
Velo Commun repairs bicycles for the whole neighbourhood.

## Requirements

- Two years of experience repairing bicycles
- Patience with beginners

## Conditions

- Full-time, 6-month fixed-term contract
- Based in Nantes
- Salary: €2,000 to €2,300 gross per month

Apply by sending a CV to jobs@velo.example
"""


def store(text: str, name: str = "mechanic.md", *, org: str = "velo", **kw: bool) -> VacancyImport:
    return vacancy_import(
        posting=parse_posting(text, source_name=name), organization_slug=org, **kw
    )


def everything() -> dict[str, list]:
    """Every row the importer writes, to compare before and after."""
    return {
        model.__name__: list(model.objects.order_by("pk").values())
        for model in (Organization, Vacancy, VacancyText, Criterion, CriterionText)
    }


def test_a_posting_becomes_a_draft_vacancy_with_its_fields_text_and_criteria() -> None:
    result = store(MECHANIC)
    vacancy = Vacancy.objects.get()
    assert result.vacancy_created and result.text_created and result.organization_created
    assert vacancy.status == Vacancy.Status.DRAFT
    assert vacancy.slug == "bike-mechanic"
    assert vacancy.kind == Vacancy.Kind.JOB
    assert (vacancy.employment_type, vacancy.contract_duration_months) == ("FULL_TIME", 6)
    assert (vacancy.pay_min, vacancy.pay_max) == (2000, 2300)
    assert (vacancy.pay_currency, vacancy.pay_period) == ("EUR", "MONTH")
    assert vacancy.location == "Nantes"
    assert vacancy.apply_email == "jobs@velo.example"
    text = vacancy.texts.get()
    assert (text.language, text.title, text.source_name) == ("en", "Bike Mechanic", "mechanic.md")
    assert text.body.startswith("Velo Commun repairs bicycles")
    criteria = [(c.kind, c.texts.get(language="en").text) for c in vacancy.criteria.all()]
    assert criteria == [
        ("must", "Two years of experience repairing bicycles"),
        ("must", "Patience with beginners"),
    ]


def test_the_organization_is_created_with_the_name_the_posting_gives(seed: Seed) -> None:
    path = seed("002")
    posting = parse_posting(read_posting_file(path), source_name=path.name)
    result = vacancy_import(posting=posting, organization_slug="current-ai")
    assert result.organization_created
    assert Organization.objects.get(slug="current-ai").name == "Current AI"


def test_a_posting_naming_another_organization_is_flagged(seed: Seed) -> None:
    Organization.objects.create(slug="pauseai", name="PauseAI")
    path = seed("002")
    posting = parse_posting(read_posting_file(path), source_name=path.name)
    result = vacancy_import(posting=posting, organization_slug="pauseai")
    assert any("names the organization “Current AI”" in w for w in result.warnings)


def test_importing_the_same_file_twice_changes_nothing() -> None:
    store(MECHANIC)
    before = everything()
    again = store(MECHANIC)
    assert not again.vacancy_created and not again.text_created
    after = everything()
    for rows in (*before.values(), *after.values()):
        for row in rows:
            row.pop("updated_at", None)
    assert after == before


def test_a_re_import_updates_the_text_fields_and_criteria_wording() -> None:
    first = store(MECHANIC)
    changed = (
        MECHANIC.replace("Patience with beginners", "Patience with beginners and children")
        .replace("€2,000 to €2,300", "€2,100 to €2,400")
        .replace("Based in Nantes", "Based in Rennes")
        + "\n- Extra bullet that is not a criterion\n"
    )
    second = store(changed)
    assert second.vacancy == first.vacancy
    vacancy = Vacancy.objects.get()
    assert (vacancy.pay_min, vacancy.pay_max, vacancy.location) == (2100, 2400, "Rennes")
    assert CriterionText.objects.filter(text="Patience with beginners and children").exists()
    assert Criterion.objects.count() == 2
    assert VacancyText.objects.count() == 1


def test_a_re_import_under_another_file_name_is_found_by_slug() -> None:
    store(MECHANIC, "mechanic.md")
    result = store(MECHANIC, "mechanic-v2.md")
    assert Vacancy.objects.count() == 1
    assert "slug" in result.pairing.reason
    assert VacancyText.objects.get().source_name == "mechanic-v2.md"


def test_a_re_import_without_slug_is_found_by_its_title() -> None:
    text = MECHANIC.replace("slug: bike-mechanic\n", "")
    store(text, "a.md")
    result = store(text, "b.md")
    assert Vacancy.objects.count() == 1
    assert "same title" in result.pairing.reason


def test_removing_a_criterion_from_the_only_text_removes_it_from_the_vacancy() -> None:
    store(MECHANIC)
    store(MECHANIC.replace("- Patience with beginners\n", ""))
    assert Criterion.objects.count() == 1


def test_seed_000_imported_twice_stays_one_vacancy(seed: Seed) -> None:
    path = seed("000")
    for _round in range(2):
        posting = parse_posting(read_posting_file(path), source_name=path.name)
        vacancy_import(posting=posting, organization_slug="pauseai")
    assert Vacancy.objects.count() == 1
    assert VacancyText.objects.count() == 1
    assert Criterion.objects.count() == 9
    assert CriterionText.objects.count() == 9


def test_a_translation_that_disagrees_keeps_the_vacancy_value_and_says_so() -> None:
    store(MECHANIC)
    french = (
        "---\ntitle: Mécanicien vélo\ntranslation_of: bike-mechanic\n---\n"
        "Velo Commun répare les vélos de tout le quartier.\n\n## Profil\n\n"
        "- Deux ans d'expérience en réparation de vélos\n- Patience avec les débutants\n\n"
        "## Conditions\n\n- Poste basé à Angers\n"
    )
    result = store(french, "mecanicien.md")
    vacancy = Vacancy.objects.get()
    assert vacancy.location == "Nantes"
    assert any("Angers" in w and "Nantes was kept" in w for w in result.warnings)
    assert CriterionText.objects.filter(language="fr").count() == 2


def test_a_posting_without_title_is_refused_and_nothing_is_stored() -> None:
    with pytest.raises(PostingError, match="no title was found"):
        store("We repair bikes.\n\nCome and see us.\n", "untitled.md")
    assert everything() == {name: [] for name in everything()}


def test_a_posting_whose_language_cannot_be_told_is_refused_and_nothing_is_stored() -> None:
    with pytest.raises(PostingError, match="its language could not be told"):
        store("---\ntitle: Bike Mechanic\n---\nVelo.\n", "short.md")
    assert everything() == {name: [] for name in everything()}


def test_a_posting_that_fails_validation_stores_nothing_not_even_its_organization() -> None:
    too_long = MECHANIC.replace("slug: bike-mechanic\n", f"location: {'x' * 250}\n")
    with pytest.raises(PostingError, match="location"):
        store(too_long, org="brand-new")
    assert not Organization.objects.filter(slug="brand-new").exists()
    assert Vacancy.objects.count() == 0


def test_publishing_a_complete_posting() -> None:
    result = store(MECHANIC, publish=True)
    assert result.publish_refusals == []
    assert Vacancy.objects.get().status == Vacancy.Status.PUBLISHED


def test_a_refused_publication_keeps_the_draft_and_says_why(seed: Seed) -> None:
    path = seed("002")
    posting = parse_posting(read_posting_file(path), source_name=path.name)
    result = vacancy_import(posting=posting, organization_slug="current-ai", publish=True)
    assert any("pay range" in reason for reason in result.publish_refusals)
    assert Vacancy.objects.get().status == Vacancy.Status.DRAFT


def test_slugs_are_unique_within_an_organization() -> None:
    organization = Organization.objects.create(slug="velo", name="Velo")
    Vacancy.objects.create(organization=organization, slug="bike-mechanic")
    Vacancy.objects.create(organization=organization, slug="bike-mechanic-2")
    assert unique_slug(organization=organization, wanted="Bike Mechanic") == "bike-mechanic-3"
    assert unique_slug(organization=organization, wanted="Comptable") == "comptable"
