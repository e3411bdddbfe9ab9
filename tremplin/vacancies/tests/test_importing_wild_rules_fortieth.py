"""Rules learnt from the fortieth round of tuning postings (eight fresh held-out postings drawn
at random and moved to the tuning part: a South African non-profit's jobs page, a student
society's job board in schema.org's words, a Dutch foundation's internship, two national
laboratories' posts on a community job board, and others), each on a fictional example."""

from decimal import Decimal

from tremplin.vacancies.tests.wild import kinds, parse


def test_a_jobs_page_with_one_opening_in_its_front_matter_is_that_opening() -> None:
    posting = parse(
        "---\ntitle: Open Positions\npositions:\n- title: Archive Manager\n"
        "  description: 'River Records is hiring an Archive Manager to run our scanning.'\n"
        "  requirements: '* Experience running a scanning team.\n\n"
        "    * Clear written communication.\n\n"
        "    * Experience with OCR is a strong advantage.\n\n    '\n"
        "  location: Nairobi (remote)\n  type: Full-time\n---\n"
    )
    assert posting.title == "Archive Manager"
    assert posting.location == "Nairobi (remote)"
    assert posting.employment_type == "FULL_TIME"
    assert kinds(posting) == {
        "Experience running a scanning team.": "must",
        "Clear written communication.": "must",
        "Experience with OCR is a strong advantage.": "nice",
    }


def test_a_job_boards_schema_org_fields_are_read() -> None:
    posting = parse(
        "---\ndatePosted: 2026-11-02 10:00:00 +0000\nhiringOrganization:\n  name: Harbour Lab\n"
        "title: Research Software Engineer (Harbour Lab)\njobLocation: Leeds, or Remote\n"
        "employmentType: Part Time\nvalidThrough: 2026-12-01 00:00:00 +0000\nbaseSalary: 21\n"
        "salaryCurrency: GBP\nsalaryPeriod: Hour\napply:\n  email:\n"
        "    address: jobs@harbour.example\n---\n\n"
        "Harbour Lab maintains open tools. Experience of research software is an essential "
        "requirement for this role.\n"
    )
    assert posting.organization == "Harbour Lab"
    assert posting.title == "Research Software Engineer"
    assert posting.location == "Leeds, or Remote"
    assert posting.employment_type == "PART_TIME"
    assert str(posting.deadline) == "2026-12-01"
    assert posting.salary is not None
    assert (posting.salary.min, posting.salary.currency, posting.salary.period) == (
        Decimal(21),
        "GBP",
        "HOUR",
    )
    assert posting.apply_email == "jobs@harbour.example"
    assert kinds(posting) == {
        "Experience of research software is an essential requirement for this role.": "must"
    }


def test_an_apply_link_and_an_application_deadline_key_and_a_list_that_lost_its_bullets() -> None:
    posting = parse(
        "---\ntitle: Researcher\napplication_deadline: 2026-05-31\n"
        "apply_link: https://jobs.example.org/researcher\n---\n\n### Basic Qualifications\n\n"
        "Relevant PhD . Or, relevant Master's Degree and 3 or more years of experience . "
        "General knowledge of related disciplines. Very good technical writing skills. "
        "Demonstrated experience in management of projects, budgets and reports in a "
        "research laboratory of some size.\n\n### Eligibility\n\n"
        "We invite students to apply. Our rounds are open twice a year. You must be free for "
        "six weeks. Students in their last year are welcome. Everyone gets a mentor.\n"
    )
    assert posting.apply_url == "https://jobs.example.org/researcher"
    assert str(posting.deadline) == "2026-05-31"
    assert list(kinds(posting))[:3] == [
        "Relevant PhD .",
        "Or, relevant Master's Degree and 3 or more years of experience .",
        "General knowledge of related disciplines.",
    ]
    assert not any(text.startswith("We invite") for text in kinds(posting))


def test_a_dutch_internship_reads_its_title_pay_skills_and_languages() -> None:
    posting = parse(
        "---\ntitle: Vacatures\n---\n\n#### Functietitel: Stagiair (0.8-1.0 fte)\n\n"
        "Wil jij bijdragen aan open data?\n\n#### Vaardigheden\n\n"
        "* Je bent bezig met een relevante masteropleiding;\n"
        "* Volledige werkvaardigheid in Nederlands en Engels.\n\n#### Wat bieden wij?\n\n"
        "* Een vergoeding:\n  * €600,- per maand voor een fulltime stage;\n"
    )
    assert posting.title == "Stagiair"
    assert posting.employment_type == "INTERN"
    assert posting.salary is not None
    assert (posting.salary.min, posting.salary.period) == (Decimal(600), "MONTH")
    assert sorted(posting.required_languages) == ["en", "nl"]
    assert kinds(posting) == {
        "Je bent bezig met een relevante masteropleiding;": "must",
        "Volledige werkvaardigheid in Nederlands en Engels.": "must",
    }


def test_the_ideal_candidate_is_asked_and_will_have_is_hoped_for() -> None:
    posting = parse(
        "# Workshop Developer\n\nWe run open days.\n\n"
        "The ideal candidate is comfortable talking to a variety of people.\n"
    )
    assert kinds(posting) == {
        "The ideal candidate is comfortable talking to a variety of people.": "must"
    }
