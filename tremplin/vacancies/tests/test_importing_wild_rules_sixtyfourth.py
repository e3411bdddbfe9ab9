"""Rules learnt from the sixty-fourth round of tuning postings (two held-out postings drawn at
random and moved to the tuning part), each on a fictional example."""

from tremplin.vacancies.tests.wild import parse


def test_a_share_of_a_full_time_equivalent_is_part_time() -> None:
    posting = parse(
        "# Project Manager\n\nThe project manager is expected to commit 50% of a full-time "
        "equivalent to the project. The contract period runs through March 2031.\n"
    )
    assert posting.employment_type == "PART_TIME"


def test_a_job_templates_schedule_pay_range_and_slashed_closing_date() -> None:
    posting = parse(
        "---\ntitle: 'Brightwater: Data Engineer'\ncloses: 2031/11/18\n"
        "min_payrange: $143,736\nmax_payrange: $191,900\nwork_schedule: Full time.\n---\n\n"
        "## About the role\n\nYou will build data tooling.\n"
    )
    assert str(posting.deadline) == "2031-11-18"
    assert posting.employment_type == "FULL_TIME"
    assert posting.salary is not None
    assert (posting.salary.min, posting.salary.max) == (143736, 191900)


def test_a_careers_page_gives_the_role_under_its_current_open_positions() -> None:
    posting = parse(
        "---\ntitle: Careers\n---\n\n## Working for the Brightwater Foundation\n\n"
        "We are a remote team.\n\n## Current Open Positions\n\n"
        "### Director of Partnerships\n\n* Location: Remote\n"
    )
    assert posting.title == "Director of Partnerships"
