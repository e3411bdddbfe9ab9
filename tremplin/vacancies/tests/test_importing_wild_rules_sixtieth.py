"""Rules learnt from the sixtieth round of tuning postings (the tuning part's own misses),
each on a fictional example."""

from tremplin.vacancies.tests.wild import parse


def test_a_title_opening_with_the_projects_short_or_spelled_out_name_loses_it() -> None:
    project = parse(
        "# Lumenfold Software Support Specialist\n\n"
        "Lumenfold Project is a community effort to build tools.\n"
    )
    acronym = parse(
        "---\ntitle: Quiet Harbour Services Product Manager\n---\n\n"
        "QHS is a platform for public services.\n"
    )
    assert project.organization == "Lumenfold Project"
    assert project.title == "Software Support Specialist"
    assert acronym.organization == "QHS"
    assert acronym.title == "Product Manager"


def test_a_jobs_pages_listing_heading_gives_way_to_the_role_it_lists() -> None:
    posting = parse(
        "---\ntitle: Opportunities\n---\n\n# Open positions\n\n"
        "## Offre de stage postdoctoral en écologie des sols\n\nUn stage de deux ans.\n"
    )
    listed = parse(
        "### Current openings\n\n* [Field Officer, Brightwater](#field-officer)\n\n"
        "## Field Officer, Brightwater\n\n**Summary**: Brightwater is seeking a field officer.\n"
    )
    assert posting.title == "Stage postdoctoral en écologie des sols"
    assert listed.title == "Field Officer"


def test_a_fundraisers_sums_are_no_pay_and_funded_years_no_contract() -> None:
    posting = parse(
        "# Major Gifts Officer\n\nWe focus on gifts from individuals giving $25,000+ annually.\n\n"
        "This job is full-time. The first two years of this position are funded by a grant "
        "from a foundation. **This position is budgeted for a salary of $80,000.**\n"
    )
    assert posting.salary is not None
    assert (posting.salary.min, posting.salary.currency) == (80000, "USD")
    assert posting.contract_duration_months is None
