"""Rules learnt from the seventeenth round of tuning postings (two of the sixteenth round's
fresh job-board entries, drawn at random and moved to the tuning part, and a research
group's four job pages written wholly in front matter, added to it), each on a fictional
example."""

import pytest

from tremplin.vacancies.importing import ParsedPosting, PostingError, parse_posting


def parse(text: str) -> ParsedPosting:
    return parse_posting(text, source_name="example.md")


FIELDS_ONLY = """---
layout: jobs
title: PhD position&#58; Modelling Estuaries
location: Institute of Coastal Science, Brightwater University
duration: 3 years
pi:
- <a href="mailto:doe@brightwater.example">Jane Doe</a>
requirements:
- Master’s degree in oceanography, hydrology or a related field.
description:
- I invite applications for a doctoral position in my research group at the Institute of
  Coastal Science. The position is 75% and research only, and should start on 1 October 2026
  or as soon as possible thereafter, for three years.
- Applicants should have good communication skills (oral and written English). No knowledge
  of German is required but some basic knowledge will be helpful outside of work.
  Applications should be sent to Jane Doe before the deadline of 31 August 2026.
---
"""


def test_a_page_written_wholly_in_front_matter_is_read_from_its_fields() -> None:
    posting = parse(FIELDS_ONLY)
    assert posting.title == "PhD position: Modelling Estuaries"
    assert [criterion.text for criterion in posting.criteria] == [
        "Master’s degree in oceanography, hydrology or a related field."
    ]
    assert posting.deadline is not None and posting.deadline.isoformat() == "2026-08-31"


def test_a_share_of_full_time_is_part_time() -> None:
    assert parse(FIELDS_ONLY).employment_type == "PART_TIME"
    assert parse("# Chargée de mission\n\nLe poste est à 80 % à Lyon.\n").employment_type == (
        "PART_TIME"
    )


def test_a_language_said_not_to_be_required_is_not() -> None:
    assert parse(FIELDS_ONLY).required_languages == ["en"]


def test_front_matter_with_no_prose_is_still_refused() -> None:
    with pytest.raises(PostingError, match="no text besides its title and front matter"):
        parse("---\ntitle: Archivist\nlocation: Lyon\n---\n")


JOB_BOARD_ENTRY = """entity: Tidepool Radio
title: Technical writer
url: https://tidepool.example/news/2026-11-30-writer/
deadline: 2027-01-15  # Application deadline
location: Remote
description: |
  Tidepool Radio has won a small grant to improve its tutorials, which help new users
  through a steep learning curve. We are looking to hire a part-time contractor to rewrite
  the beginner tutorials during the first quarter of 2027.

  ## Requirements
  - Experience writing technical documentation.
  - Familiarity with signal processing.
"""


def test_a_file_of_bare_fields_is_read_as_front_matter() -> None:
    posting = parse(JOB_BOARD_ENTRY)
    assert posting.organization == "Tidepool Radio"
    assert posting.title == "Technical writer"
    assert posting.location == "Remote"
    assert posting.deadline is not None and posting.deadline.isoformat() == "2027-01-15"
    assert len(posting.criteria) == 2


def test_a_part_time_contractor_to_hire_is_a_contractor() -> None:
    assert parse(JOB_BOARD_ENTRY).employment_type == "CONTRACTOR"


def test_pay_set_by_a_condition_sentence_by_sentence_is_a_range() -> None:
    posting = parse(
        "# Chargé·e de déploiement\n\n- Rémunération : jusqu'à 5 ans d'expérience, 2.500€ net "
        "/mois. Au delà de 5 ans d'expérience : 3.000€ net /mois.\n"
    )
    assert posting.salary is not None
    assert (posting.salary.min, posting.salary.max) == (2500, 3000)


def test_who_hires_before_a_role_in_lower_case_is_cut_from_the_title() -> None:
    posting = parse(
        "---\ntitle: Brightwater community manager\ncompany: Brightwater\n---\n\nWe "
        "are hiring a community manager to run our forum and events.\n"
    )
    assert posting.title == "Community manager"


def test_a_contact_address_beside_a_link_to_apply_at_is_for_questions() -> None:
    posting = parse(
        "---\ntitle: Data Analyst\ncontact_email: jobs@brightwater.example\n---\n\n"
        "Apply on [our careers site](https://careers.brightwater.example/analyst).\n"
    )
    assert posting.apply_url == "https://careers.brightwater.example/analyst"
    assert posting.apply_email is None
    alone = parse(
        "---\ntitle: Data Analyst\ncontact_email: jobs@brightwater.example\n---\n\n"
        "We are hiring a data analyst for our field studies.\n"
    )
    assert alone.apply_email == "jobs@brightwater.example"
