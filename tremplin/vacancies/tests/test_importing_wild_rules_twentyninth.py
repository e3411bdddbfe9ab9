"""Rules learnt from the twenty-ninth round of tuning postings (four of the nine held-out
postings of the twenty-seventh round and after, drawn at random and moved to the tuning part:
a civic-tech brigade's volunteer call, a co-operative's internship and two of its contracts),
each on a fictional example."""

from tremplin.vacancies.importing import ParsedPosting, parse_posting


def parse(text: str) -> ParsedPosting:
    return parse_posting(text, source_name="example.md")


CALL = """# Communications Lead

Harbour Civic Tech is looking for a volunteer communications lead to tell the stories of our
projects. As with all leadership positions, we expect that you'll be able to dedicate about
3-5 hours each week over the course of a year.
"""


def test_a_volunteer_role_named_so_is_a_volunteers() -> None:
    assert parse(CALL).employment_type == "VOLUNTEER"


def test_a_commitment_over_the_course_of_a_year_is_twelve_months() -> None:
    assert parse(CALL).contract_duration_months == 12


def test_a_volunteer_coordinator_is_no_volunteer_for_that() -> None:
    posting = parse("# Coordinator\n\nWe are looking for a volunteer coordinator to join us.\n")
    assert posting.employment_type != "VOLUNTEER"


def test_what_would_be_great_or_would_help_is_nice_to_have() -> None:
    posting = parse(
        "# Operations intern\n\n## Requirements\n\n"
        "* You'll need to be comfortable managing your tasks in an online tool.\n"
        "* It would help for you to have some experience with wikis or forums.\n"
        "* Knowledge of Quickbooks would be great.\n"
    )
    assert [c.kind for c in posting.criteria] == ["must", "nice", "nice"]
