"""Rules learnt from the hundred-and-twentieth round of tuning postings (held-out postings
drawn at random and moved to the tuning part), each on a fictional example."""

from tremplin.vacancies.tests.wild import parse


def test_the_days_on_site_in_brackets_are_no_place() -> None:
    posting = parse(
        '---\ntitle: "Backend Engineer : ONSITE (3d)"\n---\n'
        "Ledgerly - Backend Engineer - ONSITE (3d) - Leeds, UK\n\nWe reconcile ledgers.\n"
    )
    assert posting.location == "Leeds, UK"


def test_a_region_only_in_brackets_after_the_role_is_the_place() -> None:
    posting = parse(
        '---\ntitle: "Gridwise : Data engineer (EU only)"\n---\n'
        "Gridwise - https://gridwise.example - Data engineer (EU only)\n\n"
        "We are hiring a data engineer for our battery sites.\n"
    )
    assert posting.title == "Data engineer"
    assert posting.location == "EU only"


def test_a_town_or_remote_in_a_header_is_the_place_as_written() -> None:
    posting = parse(
        '---\ntitle: "Sleuthware : Founding Engineer"\n---\n'
        "Sleuthware - Founding Engineer - Boise, ID / Remote - $180k\n\nWe build forensic tools.\n"
    )
    assert posting.location == "Boise, ID / Remote"


def test_internship_opportunities_for_others_make_no_internship() -> None:
    posting = parse(
        "# Partnerships Coordinator\n\n## Your role\n\n"
        "- Look for internship and job opportunities for our graduates\n"
        "- Run our newsletter\n"
    )
    assert posting.employment_type != "INTERN"
