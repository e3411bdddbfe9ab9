"""Rules learnt from the forty-third round of tuning postings (eight fresh held-out postings
drawn at random and moved to the tuning part: a fellowship's federal announcement, a Nordic
project's call, German, British, Canadian and South African posts, a lab's and a non-profit's),
each on a fictional example."""

from tremplin.vacancies.tests.wild import kinds, parse


def test_a_requirements_heading_over_nothing_leads_the_headings_after_it() -> None:
    posting = parse(
        "# Civic Fellow\n\n### Characteristics that we look for in Fellows include:\n\n"
        "### Delivery:\n- Experience shipping public services\n\n### Leadership:\n"
        "- Tenacity in the face of obstacles\n\n## Benefits\n\n- A laptop\n"
    )
    assert kinds(posting) == {
        "Experience shipping public services": "must",
        "Tenacity in the face of obstacles": "must",
    }


def test_a_paragraph_leading_in_ends_its_section_and_leads_the_next() -> None:
    posting = parse(
        "# Archivist\n\n## The role\n\nYou will sort the archive. We look for:\n\n"
        "## Skills\n\n- Knowledge of cataloguing\n\n## Character\n\n- Patience with old paper\n"
    )
    assert kinds(posting) == {
        "Knowledge of cataloguing": "must",
        "Patience with old paper": "must",
    }


def test_the_sentence_that_asks_before_a_list_that_only_explains_it() -> None:
    posting = parse(
        "# Product Lead\n\n## Qualifications\n\nTo qualify for this role, you must have one "
        "year of specialized experience. Specialized experience is:\n\n"
        "- Leading a product team\n- Running user research\n"
    )
    assert (
        kinds(posting)[
            "To qualify for this role, you must have one year of specialized experience."
        ]
        == "must"
    )


def test_what_the_role_should_have_in_prose_and_what_it_ideally_should() -> None:
    posting = parse(
        "# Project Manager\n\nWe are looking for a project manager for the Harbour project. "
        "The project manager should demonstrate insight into research funding. In addition "
        "to project management, the manager should have experience with grant reports. "
        "Ideally, the project manager should be well connected to Nordic programmes.\n"
    )
    assert kinds(posting) == {
        "The project manager should demonstrate insight into research funding.": "must",
        "In addition to project management, the manager should have experience with grant "
        "reports.": "must",
        "Ideally, the project manager should be well connected to Nordic programmes.": "nice",
    }


def test_who_are_you_and_what_you_will_be_good_at() -> None:
    posting = parse(
        "# Operations Lead\n\n## Who are you?\n\nAs our Operations Lead, you'll be good at:\n\n"
        "* Clear and efficient communication\n* Asking for help when you need it\n"
    )
    assert kinds(posting) == {
        "Clear and efficient communication": "must",
        "Asking for help when you need it": "must",
    }


def test_a_misspelt_german_requirements_lead_in_and_an_aside_that_wishes() -> None:
    posting = parse(
        "---\ntitle: Institut für Optik sucht studentische Hilfskraft für die Werkstatt\n---\n\n"
        "Aufgaben:\n\n* Pflege der Geräte\n\nVorraussetzungen:\n\n"
        "* Sehr gute Linux-Kenntnisse (Windows-Kenntnisse wünschenswert)\n"
        "* Erfahrung mit Lötarbeiten\n\nWir bieten:\n\n* Flexible Zeiten\n"
    )
    assert kinds(posting) == {
        "Sehr gute Linux-Kenntnisse (Windows-Kenntnisse wünschenswert)": "must",
        "Erfahrung mit Lötarbeiten": "must",
    }
    assert posting.title == "Studentische Hilfskraft für die Werkstatt"
    assert posting.organization == "Institut für Optik"


def test_a_job_announcement_is_the_page_not_the_role_and_nothing_asked_is_no_criterion() -> None:
    posting = parse(
        "# Data Steward Job Announcement\n\n## Skills\n\nPython, SQL and git.\n\n"
        "Aucune compétence en hydrologie. Elle s'acquiert pendant le stage.\n"
    )
    assert posting.title == "Data Steward"
    assert kinds(posting) == {"Python, SQL and git.": "must"}
