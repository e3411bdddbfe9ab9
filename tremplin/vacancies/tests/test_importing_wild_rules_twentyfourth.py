"""Rules learnt from the twenty-fourth round of tuning postings (two of the twenty-third
round's three fresh postings, drawn at random and moved to the tuning part: a teaching
company's Hugo calls for freelancers), each on a fictional example."""

from tremplin.vacancies.importing import ParsedPosting, parse_posting


def parse(text: str) -> ParsedPosting:
    return parse_posting(text, source_name="example.md")


TUTOR = """ +++
title = "We are hiring a part-time Python tutor"
date = 2021-04-15
+++

## How to apply

To apply, please send me an email at `ada [at] harbour-school [dot] org` with your portfolio.
"""


def test_a_toml_opening_indented_by_a_slip_still_opens_the_front_matter() -> None:
    assert parse(TUTOR).title == "Part-time Python tutor"


def test_an_address_spelt_out_with_at_and_dot_is_the_apply_address() -> None:
    assert parse(TUTOR).apply_email == "ada@harbour-school.org"


def test_a_dot_spelt_in_brackets_after_a_real_address_changes_nothing() -> None:
    posting = parse("# Tutor\n\n## How to apply\n\nWrite to jobs@harbour.example.org.\n")
    assert posting.apply_email == "jobs@harbour.example.org"
