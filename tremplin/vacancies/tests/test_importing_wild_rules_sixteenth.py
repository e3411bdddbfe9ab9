"""Rules learnt from the sixteenth round of tuning postings (four of the fifteenth round's
eight fresh postings, drawn at random and moved to the tuning part: a research lab's job
pages and a refugee charity's volunteer calls), each on a fictional example."""

from tremplin.vacancies.importing import ParsedPosting, parse_posting


def parse(text: str) -> ParsedPosting:
    return parse_posting(text, source_name="example.md")


LAB_COORDINATOR = """---
title: Lab Coordinator
---

The Tidepool Lab directed by Ana Ferreira is seeking a Lab Coordinator to join our team.

As Lab Coordinator, you will:
- Book travel and prepare student intern visa documents for the lab's visitors.
- Keep the lab's calendar.

#### Additional Qualifications and Skills
- Bachelor's degree preferred.
- Strong written communication skills.
- Discretion with confidential information.
- Experience with the university's finance system is a plus.

#### Terms
This is a 12-month term appointment with the possibility of renewal.
"""


def test_who_directs_a_lab_is_no_part_of_its_name() -> None:
    assert parse(LAB_COORDINATOR).organization == "Tidepool Lab"


def test_an_intern_s_paperwork_among_the_duties_is_no_internship() -> None:
    posting = parse(LAB_COORDINATOR)
    assert posting.employment_type == "TEMPORARY"
    assert posting.contract_duration_months == 12


def test_additions_that_mark_their_preferences_one_by_one_ask_for_the_rest() -> None:
    kinds = {criterion.text: criterion.kind for criterion in parse(LAB_COORDINATOR).criteria}
    assert kinds == {
        "Bachelor's degree preferred.": "nice",
        "Strong written communication skills.": "must",
        "Discretion with confidential information.": "must",
        "Experience with the university's finance system is a plus.": "nice",
    }


def test_additional_qualifications_with_no_mark_stay_nice() -> None:
    posting = parse(
        "# Data Steward\n\n#### Requirements\n- A degree in biology.\n\n"
        "#### Additional Qualifications\n- Experience with R.\n- Knowledge of SQL.\n"
    )
    assert {criterion.text: criterion.kind for criterion in posting.criteria} == {
        "A degree in biology.": "must",
        "Experience with R.": "nice",
        "Knowledge of SQL.": "nice",
    }


BIOINFORMATICIAN = """---
title: Senior Bioinformatician
---

We are looking for a Senior Bioinformatician to join the Ferreira Lab in the Department of
Marine Sciences at Coastal University, to curate the atlas's data.

#### Terms
This is a one-year position. The lab works remotely for now; the successful applicant will
be expected to take up residence in Rhode Island to comply with the university's rules.
"""


def test_the_lab_one_joins_is_named_with_what_it_is() -> None:
    assert parse(BIOINFORMATICIAN).organization == "Ferreira Lab"


def test_the_team_one_joins_is_still_named_without_the_word_team() -> None:
    posting = parse("# Developer\n\nYou will join the Brightwater team to build our site.\n")
    assert posting.organization == "Brightwater"


def test_where_the_person_must_take_up_residence_is_the_place_of_work() -> None:
    assert parse(BIOINFORMATICIAN).location == "Rhode Island"
    relocate = parse("# Chargée de mission\n\nVous devrez résider à Besançon.\n")
    assert relocate.location == "Besançon"


# The rules below were written from two held-out pages of the same lab, moved to the tuning
# part after their reading was printed by mistake (see tests/postings/README.md).

STUDENT_ASSISTANT = """---
title: Student Research Assistant - Atlas Viewer
---

The [Ferreira Lab](https://example.org/) in the Department of Marine Sciences at Coastal
University invites applications for paid student research assistants.

#### Qualifications
- Undergraduate or Masters student in computer science or a related field.
- You are expected to contribute between 10 and 14 hours a week.
- Experience in data visualization is a big plus.

#### How to Apply
Please follow the instructions on the [Careers](https://jobs.example.edu/1234) website.
"""


def test_a_lab_in_a_department_that_invites_applications_hires() -> None:
    assert parse(STUDENT_ASSISTANT).organization == "Ferreira Lab"


def test_fewer_than_thirty_hours_a_week_is_part_time() -> None:
    assert parse(STUDENT_ASSISTANT).employment_type == "PART_TIME"
    assert parse("# Chargé de mission\n\nLe poste est de 20h/semaine.\n").employment_type == (
        "PART_TIME"
    )
    # Thirty-five hours are a full week (France's legal one; twenty-second round).
    full = parse("# Developer\n\nThe position is 35 hours per week.\n")
    assert full.employment_type == "FULL_TIME"


def test_a_big_plus_is_nice_to_have() -> None:
    kinds = {criterion.text: criterion.kind for criterion in parse(STUDENT_ASSISTANT).criteria}
    assert kinds["Experience in data visualization is a big plus."] == "nice"


def test_the_instructions_to_follow_on_a_site_lead_to_the_apply_url() -> None:
    assert parse(STUDENT_ASSISTANT).apply_url == "https://jobs.example.edu/1234"


def test_two_or_more_years_of_experience_is_two() -> None:
    posting = parse(
        "# Engineer\n\n#### Basic Requirements\n"
        "A degree and 2 or more years related experience.\n\n"
        "#### Additional Requirements\nA master's degree and 5 years of work experience.\n"
    )
    assert posting.min_years_experience == 2


def test_a_method_based_on_research_is_no_place_and_a_meeting_time_no_address() -> None:
    posting = parse(
        "# Coordinator\n\n- Research-based study of our programme's impact.\n"
        "- Meetings usually take place at 1400 or 1500 UTC once per week.\n"
    )
    assert posting.location is None
    assert parse("# Developer\n\nLondon-based role, hybrid.\n").location == "London"


def test_the_offices_one_works_out_of_and_where_classes_are_held_are_places() -> None:
    offices = parse(
        "# Educator\n\nThe educator will work out of Acme HQ offices in Boulder, Colorado.\n"
    )
    assert offices.location == "Boulder, Colorado"
    classes = parse(
        "# Childcare volunteers\n\nThe classes are held on Monday mornings at 10am in Ely, so "
        "that parents can learn.\n"
    )
    assert classes.location == "Ely"
