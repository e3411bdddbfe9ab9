"""Rules learnt from the twenty-third round of tuning postings (five of the twenty-second
round's fresh postings, drawn at random and moved to the tuning part: an advocacy
non-profit's vacancies, a foundation's contractor posting written for Pelican), each on a
fictional example."""

from tremplin.vacancies.importing import ParsedPosting, parse_posting


def parse(text: str) -> ParsedPosting:
    return parse_posting(text, source_name="example.md")


CONTRACTOR = """Title: Senior Software Engineer, Archives
license: https://www.example.org/licenses/LICENSE-2.0

$90,000 to $110,000 - Contract

You will be paid to contribute to the HTF, a foundation dedicated to open archives.

## Is this you?

You must have documented experience with Python and SQL. You must have your own open
source track record, and fluent written and spoken English.
"""


def test_pelican_metadata_is_front_matter() -> None:
    assert parse(CONTRACTOR).title == "Senior Software Engineer, Archives"


def test_a_line_of_a_pay_range_and_its_terms_is_the_salary() -> None:
    salary = parse(CONTRACTOR).salary
    assert salary is not None
    assert (salary.min, salary.max, salary.currency) == (90000, 110000, "USD")


def test_a_lone_amount_with_no_cue_is_no_salary() -> None:
    assert parse("# Archivist\n\n$500 - Contract\n\nWe keep archives.\n").salary is None


def test_a_name_in_apposition_with_what_it_is_names_the_hirer() -> None:
    assert parse(CONTRACTOR).organization == "HTF"


def test_each_sentence_saying_you_must_have_is_a_requirement() -> None:
    kinds = {c.text: c.kind for c in parse(CONTRACTOR).criteria}
    assert kinds == {
        "You must have documented experience with Python and SQL.": "must",
        "You must have your own open source track record, and fluent written and spoken "
        "English.": "must",
    }


DIRECTOR = """---
title: Communications Director Vacancy
---

## Role description

As Harbour Trust's Communications Director, you will lead our communications.

## Skills

- Five years of press work
- Preferably based in the Netherlands, but remote work is also possible.
- Proven experience with volunteers, preferably in a campaign.

## What we offer

- Remote work or in-person in Ghent.
"""


def test_a_vacancy_notice_is_no_part_of_the_title() -> None:
    assert parse(DIRECTOR).title == "Communications Director"


def test_a_bullet_opening_with_preferably_is_nice_and_one_qualified_so_is_not() -> None:
    kinds = {c.text: c.kind for c in parse(DIRECTOR).criteria}
    assert kinds["Preferably based in the Netherlands, but remote work is also possible."] == "nice"
    assert kinds["Proven experience with volunteers, preferably in a campaign."] == "must"


def test_where_the_work_is_done_in_person_is_the_location() -> None:
    assert parse(DIRECTOR).location == "Ghent"


def test_a_vacancy_notice_and_who_posts_it_are_no_part_of_the_title() -> None:
    posting = parse("---\ntitle: Organizing Director Vacancy at Harbour Trust\n---\n\nText.\n")
    assert posting.title == "Organizing Director"
