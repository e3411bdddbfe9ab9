"""Rules learnt from the sixty-second round of tuning postings (the tuning part's own misses),
each on a fictional example."""

from tremplin.vacancies.tests.wild import parse


def test_german_and_dutch_languages_named_before_their_level() -> None:
    german = parse(
        "# Kundenbetreuung\n\n## Dein Profil\n\n- Erfahrung im Vertrieb\n"
        "- Sprachen: Englisch und Deutsch verhandlungssicher\n"
    )
    dutch = parse(
        "# Adviseur\n\n## Wat wij vragen\n\n* Ervaring met audits;\n"
        "* Uitstekende schrijfvaardigheid in het Engels en Nederlands;\n"
    )
    assert german.required_languages == ["en", "de"]
    assert dutch.required_languages == ["en", "nl"]


def test_a_location_left_as_a_templates_bracketed_choice_is_none() -> None:
    posting = parse(
        "# Lead Architect\n**Location:** [National/London/Both]\n**Grade:** G7\n\n"
        "## The role\n\nYou will lead the architecture of a service.\n"
    )
    assert posting.location is None


def test_bewerbungen_bis_zum_gives_the_deadline() -> None:
    posting = parse(
        "# Studentische Hilfskraft\n\nWir bitten um Bewerbungen mit Lebenslauf in einem "
        "PDF-Dokument bis zum 15.11.2031 per E-Mail.\n"
    )
    assert str(posting.deadline) == "2031-11-15"


def test_one_year_in_german_and_dutch_is_a_twelve_month_contract() -> None:
    german = parse("# Projektassistenz\n\nDie Position ist vorerst auf ein Jahr befristet.\n")
    dutch = parse("# Adviseur\n\n## Wat wij bieden\n\n* Arbeidsovereenkomst voor één jaar.\n")
    assert german.contract_duration_months == 12
    assert dutch.contract_duration_months == 12
