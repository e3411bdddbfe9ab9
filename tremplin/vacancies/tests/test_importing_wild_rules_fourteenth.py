"""Rules learnt from the fourteenth round of tuning postings (eight of the thirteenth round's
fifteen fresh postings, drawn at random and moved to the tuning part: a conference's calls
for volunteers and its sponsors' job board, a taskforce's call to join, a Pride
association's volunteer pages and a community's call for proposals), each on a fictional
example."""

import datetime as dt

from tremplin.vacancies.importing import NICE, ParsedPosting, parse_posting
from tremplin.vacancies.importing.structure import strip_inline_markup


def parse(text: str) -> ParsedPosting:
    return parse_posting(text, source_name="example.md")


def test_a_job_board_link_whose_words_say_apply_is_the_apply_url() -> None:
    posting = parse(
        "---\nlayout: job-detail\nwebsite: https://riverdata.example/jobs/dev\n"
        "website_text: Apply here\n---\n\n**Python Developer**\n\nWe are looking for you.\n"
    )
    assert posting.apply_url == "https://riverdata.example/jobs/dev"


def test_a_site_link_that_says_nothing_of_applying_is_no_apply_url() -> None:
    posting = parse(
        "---\nwebsite: https://riverdata.example/\nwebsite_text: Our site\n---\n\n# Dev\n\nHi.\n"
    )
    assert posting.apply_url is None


def test_the_event_and_its_year_after_the_role_are_cut() -> None:
    posting = parse("---\ntitle: 'Call for Volunteers: RiverConf EU 2031'\n---\n\nJoin us.\n")
    assert posting.title == "Volunteers"


def test_a_call_to_join_the_organization_keeps_its_name() -> None:
    posting = parse(
        "---\ntitle: Call to Join Riverwards\n---\n\nRiverwards, the river taskforce, is "
        "seeking to widen its membership. To express your interest, contact us at "
        "<join@riverwards.example> by 31 January 2031.\n"
    )
    assert posting.title == "Call to Join Riverwards"
    assert posting.deadline == dt.date(2031, 1, 31)


def test_a_call_to_become_names_the_role() -> None:
    assert parse("---\ntitle: Être bénévole\n---\n\nRejoignez-nous.\n").title == "Bénévole"
    assert parse("---\ntitle: Become a volunteer\n---\n\nJoin us.\n").title == "Volunteer"


def test_a_call_for_proposals_to_prospective_contractors_is_a_contract() -> None:
    posting = parse(
        "# Rebranding call for proposals\n\nWe ask prospective contractors to provide a "
        "preliminary budget for their proposal.\n"
    )
    assert posting.employment_type == "CONTRACTOR"


def test_what_counts_positively_is_nice_to_have() -> None:
    posting = parse(
        "# Designer\n\n## Evaluation criteria\n\nThe following will also count positively to "
        "any application\n\n- History of working with minority communities\n"
        "- Member of the R community\n"
    )
    assert [(strip_inline_markup(c.text), c.kind) for c in posting.criteria] == [
        ("History of working with minority communities", NICE),
        ("Member of the R community", NICE),
    ]
