"""The three real postings in ../shared/seeds read as the issue expects (nothing stored)."""

from collections import Counter
from collections.abc import Callable
from pathlib import Path

import pytest

from tremplin.vacancies.importing import ParsedPosting, parse_posting, read_posting_file

Seed = Callable[[str], Path]


def parsed(seed: Seed, prefix: str) -> ParsedPosting:
    path = seed(prefix)
    return parse_posting(read_posting_file(path), source_name=path.name)


def kinds(posting: ParsedPosting) -> Counter[str]:
    return Counter(criterion.kind for criterion in posting.criteria)


def test_seed_000_the_english_director_vacancy(seed: Seed) -> None:
    posting = parsed(seed, "000")
    assert posting.title == "PauseIA France Director"
    assert posting.language == "en"
    assert posting.employment_type == "TEMPORARY"
    assert posting.contract_duration_months == 12
    salary = posting.as_json(file="000")["salary"]
    assert salary == {"min": 45000, "max": 60000, "currency": "EUR", "period": "YEAR"}
    assert posting.location == "Paris"
    assert posting.apply_email == "vacancies@pauseai.info"
    assert posting.required_languages == ["en"]
    assert [s.heading for s in posting.sections] == [
        "Role description",
        "Key Responsibilities:",
        "Desired Skills and Attributes:",
        "Conditions:",
    ]
    assert len(posting.criteria) == 9
    assert kinds(posting) == {"must": 9}
    assert posting.slug == "pauseia-france-director"


def test_seed_000_states_no_organization_deadline_or_remote_so_they_are_null(seed: Seed) -> None:
    posting = parsed(seed, "000")
    assert posting.organization is None
    assert posting.deadline is None
    assert posting.remote is None
    assert posting.application_language is None
    assert posting.min_years_experience is None
    assert posting.warnings == []


def test_seed_001_the_french_text_of_the_same_vacancy(seed: Seed) -> None:
    posting = parsed(seed, "001")
    assert posting.title == "Directeur·rice Exécutif·ve de Pause IA"
    assert posting.language == "fr"
    assert posting.employment_type == "FULL_TIME"
    assert posting.contract_duration_months == 12
    salary = posting.as_json(file="001")["salary"]
    assert salary == {"min": 45000, "max": 60000, "currency": "EUR", "period": "YEAR"}
    assert posting.location == "Paris"
    assert posting.application_language == "en"
    assert posting.apply_email == "vacancies@pauseai.info"
    assert kinds(posting) == {"must": 9}
    assert posting.summary.startswith("Pause IA France recrute")


def test_seed_001_has_as_many_bullets_per_section_as_seed_000(seed: Seed) -> None:
    assert parsed(seed, "001").bullet_counts == parsed(seed, "000").bullet_counts


def test_seed_002_the_plain_text_vacancy(seed: Seed) -> None:
    posting = parsed(seed, "002")
    assert posting.organization == "Current AI"
    assert posting.title == "Responsable des partenariats gouvernementaux"
    assert posting.language == "fr"
    assert posting.min_years_experience == 8
    assert sorted(posting.required_languages) == ["en", "fr"]
    assert kinds(posting) == {"must": 8, "nice": 3, "quality": 7}
    assert posting.salary is None
    assert posting.apply_email is None
    assert posting.apply_url is None


def test_seed_002_warns_of_no_pay_range_and_no_way_to_apply(seed: Seed) -> None:
    warnings = " ".join(parsed(seed, "002").warnings)
    assert "No pay range" in warnings
    assert "Pay Transparency Directive" in warnings
    assert "No way to apply" in warnings


def test_seed_002_sections_come_back_from_bare_lines(seed: Seed) -> None:
    posting = parsed(seed, "002")
    headings = {section.heading: section.level for section in posting.sections}
    assert headings["Profil recherché"] == 2
    assert headings["Compétences et expériences indispensables :"] == 3
    assert headings["Atouts appréciés :"] == 3
    assert headings["Qualités personnelles :"] == 3
    assert "Nous recherchons une personne qui :" not in headings
    assert "## Profil recherché\n" in posting.body


@pytest.mark.parametrize("prefix", ["000", "001", "002"])
def test_responsibility_bullets_are_never_criteria(seed: Seed, prefix: str) -> None:
    posting = parsed(seed, prefix)
    total_bullets = sum(posting.bullet_counts)
    assert len(posting.criteria) < total_bullets
