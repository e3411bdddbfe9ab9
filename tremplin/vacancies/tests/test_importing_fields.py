"""Field extraction on fictional postings written for these tests."""

import datetime as dt

import pytest

from tremplin.vacancies.importing import ParsedPosting, parse_posting

MARKDOWN_WITHOUT_FRONT_MATTER = """\
# Community Organiser (Lyon)

## About Fictive Trust

Fictive Trust is a small charity that helps neighbourhoods run repair cafés.

## What you will do

- Run monthly repair events with local volunteers
- Keep our tool library in order

## Requirements

- Two years of experience organising community events
- Fluent French and good written English

## Nice to have

- A driving licence

## Terms

- Part-time (3 days a week), permanent contract
- Based in Lyon, with some remote work
- Salary: €28,000 to €32,000 per year, pro rata
- Apply with a CV at https://jobs.example.org/organiser before 15 March 2031.
"""


def one_line(line: str, *, language: str = "fr") -> ParsedPosting:
    """A short posting whose conditions hold ``line``."""
    intro = {
        "fr": "Quelques mots sur le poste, assez pour en faire un texte.",
        "en": "A few words about the job, enough to make it a text.",
    }[language]
    return parse_posting(f"# Un titre\n\n{intro}\n\n- {line}\n", source_name="line.md")


def test_a_markdown_posting_without_front_matter() -> None:
    posting = parse_posting(MARKDOWN_WITHOUT_FRONT_MATTER, source_name="organiser.md")
    assert posting.as_json(file="organiser.md") == {
        "file": "organiser.md",
        "language": "en",
        "title": "Community Organiser",  # the town of work, Lyon, is no part of the role
        "organization": "Fictive Trust",
        "employment_type": "PART_TIME",
        "contract_duration_months": None,
        "salary": {"min": 28000, "max": 32000, "currency": "EUR", "period": "YEAR"},
        "location": "Lyon",
        "remote": True,
        "apply_email": None,
        "apply_url": "https://jobs.example.org/organiser",
        "deadline": "2031-03-15",
        "required_languages": ["fr", "en"],
        "application_language": None,
        "min_years_experience": 2,
        "sections": [
            {"heading": "About Fictive Trust", "level": 2},
            {"heading": "What you will do", "level": 2},
            {"heading": "Requirements", "level": 2},
            {"heading": "Nice to have", "level": 2},
            {"heading": "Terms", "level": 2},
        ],
        "criteria": [
            {"text": "Two years of experience organising community events", "kind": "must"},
            {"text": "Fluent French and good written English", "kind": "must"},
            {"text": "A driving licence", "kind": "nice"},
        ],
        "warnings": [],
    }


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Salary: £30k–£35k per annum", (30000, 35000, "GBP", "YEAR")),
        ("Rémunération : 2 500 € bruts mensuels", (2500, 2500, "EUR", "MONTH")),
        ("Pay: up to $40 per hour", (None, 40, "USD", "HOUR")),
        ("Gratification de stage : 4,35 € de l'heure", (4.35, 4.35, "EUR", "HOUR")),
        ("Salaire : 38 000 € brut annuel", (38000, 38000, "EUR", "YEAR")),
        ("Salary from €40,000, depending on experience", (40000, None, "EUR", "YEAR")),
        ("Rémunération : 45-50 k€ selon profil", (45000, 50000, "EUR", "YEAR")),
        ("Salary: 1,800 to 2,100 EUR gross per month", (1800, 2100, "EUR", "MONTH")),
    ],
)
def test_pay_is_kept_in_the_period_stated(line: str, expected: tuple) -> None:
    salary = one_line(line).as_json(file="x")["salary"]
    assert (salary["min"], salary["max"], salary["currency"], salary["period"]) == expected


def test_a_pay_range_without_its_period_is_flagged_as_incomplete() -> None:
    posting = one_line("Salary: €1,800 to €2,100, depending on experience")
    assert posting.salary is not None
    assert posting.salary.period is None
    assert any("incomplete (missing: period)" in warning for warning in posting.warnings)


@pytest.mark.parametrize(
    ("line", "employment_type", "months"),
    [
        ("Stage de 6 mois à partir de septembre", "INTERN", 6),
        ("Mission bénévole, 4 heures par semaine", "VOLUNTEER", None),
        ("CDI à temps partiel (80 %)", "PART_TIME", None),
        ("Freelance contract for 3 months", "CONTRACTOR", 3),
        ("Temporary contract of eighteen months", "TEMPORARY", 18),
        ("CDD de deux ans", "TEMPORARY", 24),
        ("Full-time, permanent contract", "FULL_TIME", None),
        # A permanent contract says full time unless it says part time.
        ("Permanent contract", "FULL_TIME", None),
        ("Contrat : CDI", "FULL_TIME", None),
        ("Un CDD de 6 mois pouvant déboucher sur un CDI", "TEMPORARY", 6),
    ],
)
def test_employment_type_and_contract_duration(
    line: str, employment_type: str | None, months: int | None
) -> None:
    posting = one_line(line)
    assert (posting.employment_type, posting.contract_duration_months) == (employment_type, months)


def test_a_volunteer_role_is_not_asked_for_a_pay_range() -> None:
    posting = one_line("Mission bénévole, 4 heures par semaine")
    assert not any("pay range" in warning for warning in posting.warnings)


@pytest.mark.parametrize(
    ("line", "deadline"),
    [
        ("Apply with a CV at https://jobs.example.org/a before 15 March 2031.", "2031-03-15"),
        ("Date limite de candidature : 1er avril 2031", "2031-04-01"),
        ("Applications close on April 5, 2031.", "2031-04-05"),
        ("Candidatures jusqu'au 15/06/2031.", "2031-06-15"),
        ("Deadline: 2031-02-01", "2031-02-01"),
        ("Date de prise de poste : 1er septembre 2031", None),
    ],
)
def test_deadline_in_english_and_french(line: str, deadline: str | None) -> None:
    found = one_line(line).deadline
    assert (found.isoformat() if found else None) == deadline


def test_a_deadline_without_a_year_is_not_guessed_but_flagged() -> None:
    posting = one_line("Please apply before 3 March.", language="en")
    assert posting.deadline is None
    assert any("“3 March”" in warning for warning in posting.warnings)


def test_a_past_deadline_is_flagged() -> None:
    posting = one_line("Deadline: 2001-02-01")
    assert posting.deadline == dt.date(2001, 2, 1)
    assert any("already past" in warning for warning in posting.warnings)


@pytest.mark.parametrize(
    ("line", "languages"),
    [
        ("Fluent in English and French", ["en", "fr"]),
        ("Maîtrise de l'allemand exigée", ["de"]),
        ("Bilingual English/French", ["en", "fr"]),
        ("Anglais courant indispensable", ["en"]),
        ("Strong knowledge of French politics", []),
        ("Serve as French spokesperson", []),
    ],
)
def test_required_languages(line: str, languages: list[str]) -> None:
    assert one_line(line).required_languages == languages


@pytest.mark.parametrize(
    ("line", "language"),
    [
        ("Please send your CV in French", "fr"),
        ("Lettre de motivation en anglais", "en"),
        ("Applications in English or French are welcome", None),
    ],
)
def test_application_language(line: str, language: str | None) -> None:
    assert one_line(line).application_language == language


@pytest.mark.parametrize(
    ("line", "years"),
    [
        ("At least 5 years of experience in policy work", 5),
        ("3 à 5 ans d'expérience en plaidoyer", 3),
        ("5+ years of relevant professional experience", 5),
        ("Expérience de 4 ans minimum dans une ONG", 4),
        ("Experience in policy work", None),
    ],
)
def test_minimum_years_of_experience(line: str, years: int | None) -> None:
    assert one_line(line).min_years_experience == years


@pytest.mark.parametrize(
    ("line", "remote"),
    [("Full remote possible", True), ("Pas de télétravail : poste sur site", False)],
)
def test_remote(line: str, remote: bool) -> None:
    assert one_line(line).remote is remote


@pytest.mark.parametrize(
    ("line", "location"),
    [
        ("Poste basé à Marseille avec déplacements", "Marseille"),
        ("Location: Brussels, Belgium", "Brussels, Belgium"),
        ("Based in Lyon, with some travel", "Lyon"),
    ],
)
def test_location(line: str, location: str) -> None:
    assert one_line(line).location == location


@pytest.mark.parametrize(
    ("title", "clean"),
    [
        ("Bike Mechanic (Vacancy)", "Bike Mechanic"),
        ("Offre d'emploi - Mécanicien·ne vélo", "Mécanicien·ne vélo"),
        ("Chargé·e de mission (H/F)", "Chargé·e de mission"),
        ("Job: Bike Mechanic", "Bike Mechanic"),
    ],
)
def test_front_matter_titles_lose_their_labels(title: str, clean: str) -> None:
    text = f'---\ntitle: "{title}"\n---\nWe repair bikes for the neighbourhood.\n'
    assert parse_posting(text, source_name="t.md").title == clean


def test_a_title_is_taken_from_an_as_the_role_sentence() -> None:
    text = "Le poste\nEn tant que Mécanicien vélo, vous réparerez des vélos.\n"
    assert parse_posting(text, source_name="t.txt").title == "Mécanicien vélo"


def test_with_no_title_anywhere_the_title_is_null_and_flagged() -> None:
    posting = parse_posting("We repair bikes.\n\nCome and see us.\n", source_name="t.md")
    assert posting.title is None
    assert any("No title found" in warning for warning in posting.warnings)


def test_front_matter_values_win_and_bad_ones_are_reported() -> None:
    text = (
        "---\ntitle: Bike Mechanic\nlocation: Nantes\nremote: false\n"
        "employment_type: part-time\napply_email: not-an-address\ndeadline: 2031-05-01\n"
        "language: en\n---\nWe repair bikes. Based in Paris.\n"
    )
    posting = parse_posting(text, source_name="t.md")
    assert posting.location == "Nantes"
    assert posting.remote is False
    assert posting.employment_type == "PART_TIME"
    assert posting.deadline == dt.date(2031, 5, 1)
    assert posting.apply_email is None
    assert any("apply_email: not-an-address" in warning for warning in posting.warnings)


def test_raw_html_is_kept_as_text_and_flagged() -> None:
    text = "# Bike Mechanic\n\nWe repair bikes.<script>alert(1)</script>\n\n- <b>Patience</b>\n"
    posting = parse_posting(text, source_name="t.md")
    assert "<script>alert(1)</script>" in posting.body
    assert any("<script>, <b>" in warning for warning in posting.warnings)


def test_comparisons_and_autolinks_are_not_taken_for_html() -> None:
    text = "# Bike Mechanic\n\nWe fix bikes, if a < b and c > d. See <https://velo.example>.\n"
    posting = parse_posting(text, source_name="t.md")
    assert not any("raw HTML" in warning for warning in posting.warnings)


def test_the_parser_reads_pasted_text_that_is_no_file() -> None:
    posting = parse_posting(MARKDOWN_WITHOUT_FRONT_MATTER, source_name="pasted text")
    assert posting.source_name == "pasted text"
    assert posting.title == "Community Organiser"
