"""Rules learnt from the fiftieth round of tuning postings (no posting moved: the held-out
part is a third already; the tuning part's older misses), each on a fictional example."""

from tremplin.vacancies.tests.wild import parse


def test_a_boards_page_title_names_no_role_where_its_role_key_does() -> None:
    posting = parse(
        "---\ntitle: Tidewater Projects\nrole: Front-end Designer\norganization: Tidewater\n"
        "---\n\nHelp us.\n"
    )
    assert posting.title == "Front-end Designer"
    posting = parse("---\ntitle: Open Positions\nrole: 10\n---\n\n## Archivist\n\nHelp us.\n")
    assert posting.title != "10"


def test_the_employer_named_with_its_acronym_as_an_equal_opportunity_employer() -> None:
    posting = parse(
        "# Designer\n\nMake forms clear.\n\nThe Office of Coastal Surveys (OCS) is an equal "
        "opportunity employer.\n"
    )
    assert posting.organization == "Office of Coastal Surveys"


def test_the_one_name_written_with_its_legal_form_is_the_organization() -> None:
    posting = parse("# Linguist\n\nDie Wortfabrik GmbH betreibt einen Korrekturdienst.\n")
    assert posting.organization == "Wortfabrik GmbH"
    posting = parse(
        "# Developer\n\nTidepool is a project of Harbour Works Inc., hosted by Commons Trust Ltd.\n"
    )
    assert posting.organization != "Harbour Works Inc."
