"""Pairing translations: the French text of a stored English vacancy joins that vacancy."""

from collections.abc import Callable
from pathlib import Path

import pytest

from tremplin.accounts.models import Organization
from tremplin.vacancies.import_services import VacancyImport, vacancy_import
from tremplin.vacancies.importing import parse_posting, read_posting_file
from tremplin.vacancies.importing.pairing import pairing_decide
from tremplin.vacancies.models import CriterionText, Vacancy, VacancyText

pytestmark = pytest.mark.django_db

Seed = Callable[[str], Path]


def import_seed(seed: Seed, prefix: str, org: str = "pauseai") -> VacancyImport:
    path = seed(prefix)
    posting = parse_posting(read_posting_file(path), source_name=path.name)
    return vacancy_import(posting=posting, organization_slug=org)


def import_text(text: str, name: str, org: str = "velo") -> VacancyImport:
    return vacancy_import(posting=parse_posting(text, source_name=name), organization_slug=org)


def posting(
    *, title: str, language: str, bullets: int, email: str = "jobs@velo.example", extra: str = ""
) -> str:
    """A fictional posting in English or French with ``bullets`` requirement bullets."""
    if language == "en":
        head = f"---\ntitle: {title}\n{extra}---\nWe repair bicycles for the whole neighbourhood.\n"
        items = "".join(f"- Skill number {n} for this job\n" for n in range(bullets))
        tail = f"\nSalary: €30,000 to €34,000 per year.\n\nApply by sending a CV to {email}\n"
        return f"{head}\n## Requirements\n\n{items}{tail}"
    head = f"---\ntitle: {title}\n{extra}---\nNous réparons les vélos de tout le quartier.\n"
    items = "".join(f"- Compétence numéro {n} pour ce poste\n" for n in range(bullets))
    tail = f"\nSalaire : entre 30 000 € et 34 000 € par an.\n\nPostuler : envoyez un CV à {email}\n"
    return f"{head}\n## Profil recherché\n\n{items}{tail}"


def test_seed_001_becomes_the_french_text_of_seed_000(seed: Seed) -> None:
    first = import_seed(seed, "000")
    second = import_seed(seed, "001")
    assert Vacancy.objects.count() == 1
    vacancy = Vacancy.objects.get()
    assert second.vacancy == first.vacancy == vacancy
    assert sorted(vacancy.texts.values_list("language", flat=True)) == ["en", "fr"]
    reason = second.pairing.reason
    assert "same apply address vacancies@pauseai.info" in reason
    assert "same pay figures 45000–60000 EUR" in reason
    assert "same bullet counts" in reason
    assert vacancy.criteria.count() == 9
    assert CriterionText.objects.filter(criterion__vacancy=vacancy, language="fr").count() == 9
    assert vacancy.employment_type == "FULL_TIME"
    assert vacancy.application_language == "en"


def test_seed_000_joins_seed_001_when_imported_second(seed: Seed) -> None:
    import_seed(seed, "001")
    second = import_seed(seed, "000")
    assert Vacancy.objects.count() == 1
    assert second.pairing.paired
    assert VacancyText.objects.count() == 2
    assert second.vacancy.employment_type == "FULL_TIME"


def test_re_importing_both_seed_texts_changes_nothing_and_warns_of_nothing(seed: Seed) -> None:
    import_seed(seed, "000")
    import_seed(seed, "001")
    fields = [f.name for f in Vacancy._meta.concrete_fields if f.name != "updated_at"]
    before = list(Vacancy.objects.values(*fields))
    again = [import_seed(seed, "000"), import_seed(seed, "001")]
    assert list(Vacancy.objects.values(*fields)) == before
    assert [result.warnings for result in again] == [[], []]
    assert CriterionText.objects.count() == 18


def test_seed_002_pairs_with_neither(seed: Seed) -> None:
    import_seed(seed, "000")
    result = import_seed(seed, "002")
    import_seed(seed, "001")
    assert not result.pairing.paired
    assert result.pairing.reason.startswith("new vacancy")
    assert "different bullet counts" in result.pairing.reason
    assert Vacancy.objects.count() == 2
    assert (
        VacancyText.objects.filter(source_name__startswith="002_").get().vacancy.texts.count() == 1
    )


def test_a_translation_is_found_by_evidence() -> None:
    import_text(posting(title="Bike Mechanic", language="en", bullets=4), "mechanic.en.md")
    result = import_text(posting(title="Mécanicien vélo", language="fr", bullets=4), "m.fr.md")
    assert result.pairing.paired
    assert Vacancy.objects.count() == 1


def test_the_same_address_and_pay_with_other_bullets_is_another_vacancy() -> None:
    import_text(posting(title="Bike Mechanic", language="en", bullets=4), "mechanic.en.md")
    result = import_text(posting(title="Comptable", language="fr", bullets=6), "comptable.md")
    assert not result.pairing.paired
    assert "different bullet counts (6 against 4)" in result.pairing.reason
    assert Vacancy.objects.count() == 2


def test_a_different_apply_address_rules_pairing_out() -> None:
    import_text(posting(title="Bike Mechanic", language="en", bullets=4), "mechanic.en.md")
    result = import_text(
        posting(title="Mécanicien", language="fr", bullets=4, email="autre@velo.example"), "f.md"
    )
    assert not result.pairing.paired
    assert "different apply addresses" in result.pairing.reason


def test_an_explicit_key_pairs_whatever_the_evidence() -> None:
    import_text(
        posting(title="Bike Mechanic", language="en", bullets=4, extra="slug: bike-mechanic\n"),
        "mechanic.en.md",
    )
    result = import_text(
        posting(
            title="Mécanicien vélo",
            language="fr",
            bullets=2,
            email="autre@velo.example",
            extra="translation_of: bike-mechanic\n",
        ),
        "mecanicien.fr.md",
    )
    assert result.pairing.paired
    assert "“bike-mechanic”" in result.pairing.reason
    assert Vacancy.objects.count() == 1
    # The criteria counts differ (4 and 2): the English criteria stay, with a warning.
    assert result.vacancy.criteria.count() == 4
    assert any("lists 2 criteria where the vacancy has 4" in w for w in result.warnings)


def test_a_shared_translation_key_pairs_in_either_order() -> None:
    key = "translation_key: mechanic-2031\n"
    first = import_text(posting(title="Mécanicien", language="fr", bullets=3, extra=key), "f.md")
    second = import_text(posting(title="Mechanic", language="en", bullets=1, extra=key), "e.md")
    assert first.vacancy == second.vacancy
    assert first.vacancy.translation_key == "mechanic-2031"


def test_equal_evidence_for_two_vacancies_pairs_with_neither() -> None:
    import_text(posting(title="Bike Mechanic", language="en", bullets=4), "a.md")
    import_text(posting(title="Cargo Bike Mechanic", language="en", bullets=4), "b.md")
    result = import_text(posting(title="Mécanicien", language="fr", bullets=4), "c.md")
    assert not result.pairing.paired
    assert "equally" in result.pairing.reason
    assert Vacancy.objects.count() == 3


def test_a_new_organization_has_nothing_to_pair_with() -> None:
    parsed = parse_posting(posting(title="Mechanic", language="en", bullets=1), source_name="m")
    decision = pairing_decide(posting=parsed, organization=None)
    assert not decision.paired
    assert decision.reason == "new vacancy: the organization is new."


def test_only_vacancies_of_the_same_organization_are_considered() -> None:
    import_text(posting(title="Bike Mechanic", language="en", bullets=4), "a.md", org="velo")
    result = import_text(
        posting(title="Mécanicien", language="fr", bullets=4), "b.md", org="autre-asso"
    )
    assert not result.pairing.paired
    assert Organization.objects.count() == 2
