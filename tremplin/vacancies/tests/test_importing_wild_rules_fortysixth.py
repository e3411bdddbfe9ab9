"""Rules learnt from the forty-sixth round of tuning postings (eight fresh postings drawn at
random and moved to the tuning part: a city's data team, a ministry's architect, a research
network's mentors' call, a geological survey's laboratory and others), each on a fictional
example."""

from tremplin.vacancies.tests.wild import kinds, parse


def test_a_person_specification_and_who_have_ask() -> None:
    posting = parse(
        "# Architect\n\n# Person specification\n\n- Experience of cloud platforms\n\n"
        "## Role description\n\nWe are seeking mentors from the community who have:\n\n"
        "* The willingness to teach others\n"
    )
    assert kinds(posting) == {
        "Experience of cloud platforms": "must",
        "The willingness to teach others": "must",
    }


def test_what_we_would_love_are_pluses() -> None:
    posting = parse(
        "# Coordinator\n\n### At a minimum\n\n- A Master's degree\n- Three (3) years of "
        "recent experience in public policy\n\n### We would love\n\n- Project management "
        "experience\n"
    )
    assert kinds(posting) == {
        "A Master's degree": "must",
        "Three (3) years of recent experience in public policy": "must",
        "Project management experience": "nice",
    }
    assert posting.min_years_experience == 3


def test_a_nice_headings_own_lead_in_keeps_its_bullets_pluses() -> None:
    posting = parse(
        "# Web developer\n\n### Minimum Qualifications\n\n* HTML and CSS\n\n"
        "### Nice to haves\n\nLet us know if you enjoy any of the following skills or "
        "experience\n* Graphic design\n"
    )
    assert kinds(posting) == {"HTML and CSS": "must", "Graphic design": "nice"}


def test_a_federal_range_with_its_steps_and_the_place_of_the_position() -> None:
    posting = parse(
        "# Supervisory Chemist\n\nThe position will be in Lakewood, Colorado, with an annual "
        "salary of $122,941 (Step 01) to $159,823 (Step 10).\n\nBenefits include a pension "
        "of 1% of your highest 3 years of salary for each year of service.\n"
    )
    assert posting.location == "Lakewood, Colorado"
    assert posting.salary is not None
    assert (posting.salary.min, posting.salary.max) == (122941, 159823)
    assert posting.contract_duration_months is None
