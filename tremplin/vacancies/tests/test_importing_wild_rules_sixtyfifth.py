"""Rules learnt from the sixty-fifth round of tuning postings, each on a fictional example."""

import pytest

from tremplin.vacancies.tests.wild import parse


@pytest.mark.parametrize(
    ("heading", "name"),
    [
        ("Over stichting Open Fiets", "Open Fiets"),
        ("Over de vereniging Fietsherstel Noord", "Fietsherstel Noord"),
        ("Über den Verein Offene Karten", "Offene Karten"),
        ("Sobre la asociación Bicis Libres", "Bicis Libres"),
    ],
)
def test_a_heading_about_the_foundation_names_it_in_dutch_german_and_spanish(
    heading: str, name: str
) -> None:
    posting = parse(
        f"# Data-analist\n\n## {heading}\n\n{name} maakt fietsdata open.\n\n"
        "## Wat zoeken wij?\n\n- Ervaring met Python\n"
    )
    assert posting.organization == name


def test_a_german_headline_with_a_gendered_article_and_a_share_of_full_time() -> None:
    posting = parse(
        "---\ntitle: 'Radwerk sucht ein*e Fundraiser*in (80%, Bewerbungsschluss 15.08.2031)'\n"
        "---\n\n**Fundraiser*in (80%) ab November 2031**\n\n## Deine Aufgaben\n\n"
        "* Fördermittel einwerben\n"
    )
    assert posting.title == "Fundraiser*in"
    assert posting.employment_type == "PART_TIME"


def test_a_duty_with_its_share_of_the_time_is_no_part_time() -> None:
    posting = parse(
        "# Bioinformatician\n\n## Duties\n\nCoding and code review (30%): write and review "
        "code.\n\nAnalysis (70%): analyse sequencing data.\n"
    )
    assert posting.employment_type is None


def test_the_role_one_joins_as_and_the_project_the_association_carries() -> None:
    posting = parse(
        "---\ntitle: Verstärke Radwerk als Projektmanager*in (50%)\n---\n\n"
        "Trägerverein von Radwerk ist der gemeinnützige Offene Räder e.V. mit Sitz in Kassel.\n\n"
        "## Das bringst du mit\n\n* Erfahrung im Projektmanagement\n"
        "* idealerweise Erfahrung mit Jugendlichen\n"
    )
    assert posting.title == "Projektmanager*in"
    assert posting.organization == "Radwerk"
    assert posting.employment_type == "PART_TIME"
    assert {c.text: c.kind for c in posting.criteria} == {
        "Erfahrung im Projektmanagement": "must",
        "idealerweise Erfahrung mit Jugendlichen": "nice",
    }


def test_a_role_for_the_organization_that_hires_loses_its_name() -> None:
    posting = parse(
        "---\ntitle: Wir suchen eine*n Entwickler*in für Radwerk!\n---\n\n"
        "Radwerk ist ein gemeinnütziger Verein mit Sitz in Kassel.\n"
    )
    assert posting.organization == "Radwerk"
    assert posting.title == "Entwickler*in"


def test_an_application_sent_with_its_possible_start_by_a_date() -> None:
    late = parse(
        "# Entwickler*in\n\nSchick uns deine Bewerbungsunterlagen bis spätestens "
        "**Sonntag, 28. August 2031** an jobs@radwerk.example.\n"
    )
    asked = parse(
        "# Entwickler*in\n\nBitte schicke uns Deine Bewerbung mit Lebenslauf und möglichem "
        "Beginn **bis zum 27. Juni 2031** an jobs@radwerk.example.\n"
    )
    assert str(late.deadline) == "2031-08-28"
    assert str(asked.deadline) == "2031-06-27"


def test_full_or_part_time_on_a_fixed_term_is_temporary() -> None:
    posting = parse(
        "# Referent*in\n\nWir suchen eine:n Referent*in (in Voll- oder Teilzeit), befristet "
        "für 2 Jahre.\n"
    )
    assert posting.employment_type == "TEMPORARY"
    assert posting.contract_duration_months == 24


def test_the_acronym_of_the_hirer_spelled_out_with_its_country() -> None:
    posting = parse(
        "---\ntitle: Die ORV sucht eine:n Referent:in für Verkehrspolitik\n---\n\n"
        "Die Offene Radverkehr Vereinigung Deutschland (ORV) ist ein gemeinnütziger Verein.\n"
    )
    assert posting.organization == "Offene Radverkehr Vereinigung Deutschland"


def test_writing_in_german_and_english_is_asked() -> None:
    posting = parse(
        "# Referent*in\n\n## Dein Profil\n\n* kannst Texte auf Deutsch (und Englisch) "
        "verfassen und bearbeiten.\n"
    )
    assert posting.required_languages == ["de", "en"]


def test_german_requirements_written_as_sentences() -> None:
    posting = parse(
        "# Fundraiser*in\n\n## Über Radwerk\n\nRadwerk repariert Fahrräder.\n\n"
        "Wir wünschen uns eine Person, die Erfahrung mit Fundraising mitbringt. Du solltest "
        "Spaß am Austausch mit Spender*innen haben. Toll wäre, wenn du schon eine "
        "Kontaktdatenbank aufgebaut hast. Wichtig ist nur, dass du offen für Technik bist.\n"
    )
    assert {c.text: c.kind for c in posting.criteria} == {
        "Wir wünschen uns eine Person, die Erfahrung mit Fundraising mitbringt.": "must",
        "Du solltest Spaß am Austausch mit Spender*innen haben.": "must",
        "Toll wäre, wenn du schon eine Kontaktdatenbank aufgebaut hast.": "nice",
        "Wichtig ist nur, dass du offen für Technik bist.": "must",
    }


def test_a_careers_page_working_for_its_foundation_and_its_current_searches() -> None:
    posting = parse(
        "---\ntitle: Careers\n---\n\n## Working for the Brightwater Foundation\n\n"
        "We are a small team.\n\n## Current Searches\n\n### Data Steward\n\n"
        "You will curate our open datasets.\n"
    )
    assert posting.organization == "Brightwater Foundation"
    assert posting.title == "Data Steward"


def test_a_jobs_page_title_gives_way_to_the_role_its_hiring_sentence_names() -> None:
    posting = parse(
        "---\ntitle: Offres d'emploi\n---\n\nLes Amis du Fleuve recrutent un coordinateur "
        "régional pour son bureau de Lyon. Poste à temps plein.\n"
    )
    assert posting.title == "Coordinateur régional"


def test_a_hugo_shortcodes_title_is_the_roles_heading() -> None:
    posting = parse(
        "---\ntitle: Vacatures\n---\n\n"
        '{{< accordion_item_open title="Data Validator" tag1="part-time" >}}\n'
        "#### Summary\n\nJoin our validation cohort.\n\n"
        "* Apply before Wednesday June 11th 23h59 CET.\n"
        "* Dedicate 2-4 hours per week from 01-07-2031 up to 31-01-2032.\n"
    )
    assert posting.title == "Data Validator"
    assert str(posting.deadline) == "2031-06-11"


def test_a_hiring_cry_over_the_role_heading_and_when_it_was_posted() -> None:
    posting = parse(
        "---\ntitle: Hiring\n---\n\n# We are hiring!\n\nOpen positions:\n\n"
        "## Software Engineer (Posted January 7, 2031)\n\n"
        "The team builds tools for data wrangling.\n"
    )
    assert posting.title == "Software Engineer"
