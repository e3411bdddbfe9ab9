"""Rules learnt from the twenty-first round of tuning postings (four of the twentieth round's
seven fresh postings, drawn at random and moved to the tuning part: a foundation's job-board
posts and a research group's vacancy pages), each on a fictional example."""

from tremplin.vacancies.importing import ParsedPosting, parse_posting


def parse(text: str) -> ParsedPosting:
    return parse_posting(text, source_name="example.md")


PRODUCT_LEAD = (
    """---
title: Technical Product Lead
---

The Harbour Software Foundation hires a Technical Product Lead, fully remote.

Required qualifications:

* A degree in computer science or a related field.

Preferred qualifications:

* 5+ years of experience with scientific software.
* Teaching experience would be advantageous.

The base annual salary range is $120,000 \\- $140,000.

## How to apply

"""
    "Apply by filling out [**this form**](https://forms.example.org/lead). For any additional "
    "queries about the role, please contact jobs@harbour.example.org.\n"
)


def test_markdown_escapes_are_read_as_the_characters_they_escape() -> None:
    salary = parse(PRODUCT_LEAD).salary
    assert salary is not None
    assert (salary.min, salary.max) == (120000, 140000)


def test_years_a_posting_prefers_are_no_minimum() -> None:
    assert parse(PRODUCT_LEAD).min_years_experience is None


def test_years_a_posting_requires_are_still_its_minimum() -> None:
    posting = parse("# Engineer\n\nRequired qualifications:\n\n* 3+ years of experience.\n")
    assert posting.min_years_experience == 3


def test_an_address_for_queries_beside_a_form_is_no_apply_address() -> None:
    posting = parse(PRODUCT_LEAD)
    assert posting.apply_url == "https://forms.example.org/lead"
    assert posting.apply_email is None


REQUIREMENTS = """# Research engineer

## Requirements

* A master's degree in computer science.
* Strong Python skills, ideally demonstrated through contributions to open-source libraries.
* Programming knowledge of a systems language (Rust preferred).
* Python (preferred).
"""


def test_how_a_requirement_is_shown_ideally_does_not_make_it_optional() -> None:
    kinds = {c.text: c.kind for c in parse(REQUIREMENTS).criteria}
    shown = "Strong Python skills, ideally demonstrated through contributions to open-source"
    assert kinds[f"{shown} libraries."] == "must"


def test_which_kind_is_preferred_in_brackets_leaves_the_requirement_asked() -> None:
    kinds = {c.text: c.kind for c in parse(REQUIREMENTS).criteria}
    assert kinds["Programming knowledge of a systems language (Rust preferred)."] == "must"
    assert kinds["Python (preferred)."] == "nice"


def test_what_would_be_advantageous_is_nice() -> None:
    posting = parse("# Mentor\n\n## Requirements\n\n* Python\n* advantageous: teaching\n")
    assert {c.text: c.kind for c in posting.criteria}["advantageous: teaching"] == "nice"


UX_CONTRACT = """---
title: UX Engineer
---

We offer a 6-8 month contract, its rate based on the contractor's experience.
We expect about 15-20 h per week. The contractor will need to be based in Canada.
"""


def test_the_contractor_the_posting_speaks_of_is_the_hire() -> None:
    assert parse(UX_CONTRACT).employment_type == "CONTRACTOR"


def test_experience_far_from_a_length_does_not_hide_it() -> None:
    assert parse(UX_CONTRACT).contract_duration_months == 6


def test_years_of_experience_are_still_no_length() -> None:
    posting = parse(
        "# Engineer\n\nThis position requires a contract holder with 5 years of "
        "experience in the field.\n"
    )
    assert posting.contract_duration_months is None


GROUP_PAGE = """---
title: Lighthouse
contacts:
- a.b@university.example.edu
---

The Data Systems Group (DSG) and the Visual Computing Group (VCG) of the faculty have the
following joint vacancy:

Research engineer in streaming data systems
-------------------------------------------

The position is part of the Lighthouse project on streaming data.
"""


def test_a_one_word_project_name_gives_way_to_the_role_heading() -> None:
    assert parse(GROUP_PAGE).title == "Research engineer in streaming data systems"


def test_a_one_word_role_stays_the_title() -> None:
    posting = parse("---\ntitle: Translator\n---\n\n## What you will do\n\nTranslate.\n")
    assert posting.title == "Translator"
