"""Rules learnt from the thirty-third round of tuning postings (five held-out postings drawn at
random and moved to the tuning part: a research project's posts for positions at a
university, a civic-tech not-for-profit's jobs page kept as a web template), each on a
fictional example."""

import pytest

from tremplin.vacancies.importing import ParsedPosting, parse_posting


def parse(text: str) -> ParsedPosting:
    return parse_posting(text, source_name="example.md")


@pytest.mark.parametrize(
    ("stated", "title"),
    [
        ("Open position for a data steward - TIDES, EPFZ, Switzerland", "Data steward"),
        ("Job opening: Tides Data Steward (EPFZ)", "Tides Data Steward"),
        ("Postdoc opening - integration of Tides with the harbour library", "Postdoc"),
    ],
)
def test_a_position_available_at_a_university_names_it_and_where(stated: str, title: str) -> None:
    posting = parse(
        f'---\ntitle: "{stated}"\n---\n\n'
        "An open position is available at EPFZ (Sion and Zurich, Switzerland) in the TIDES "
        "centre.\n\nCandidates should send a CV to jobs@epfz.example.org.\n"
    )
    assert posting.title == title
    assert posting.organization == "EPFZ"
    assert posting.location == "Sion and Zurich, Switzerland"


def test_a_script_in_a_web_template_is_no_text_of_the_posting() -> None:
    posting = parse(
        "{% block main %}\n<script type='application/ld+json'>\n"
        '{"@type": "JobPosting", "title": "Old role", "validThrough": "2021-01-10"}\n'
        "</script>\n\n## Ward Data Assistant\n\nHarbour Votes is a non-partisan community "
        "interest company.\n\n### Location\n\nBased anywhere in the UK with a good internet "
        "connection.\n\n### Closing date\nmidnight 22nd November 2020\n"
    )
    assert posting.title == "Ward Data Assistant"
    assert posting.location == "Anywhere in the UK"
    assert posting.deadline is not None and posting.deadline.isoformat() == "2020-11-22"


def test_working_from_anywhere_in_a_country_names_no_place() -> None:
    posting = parse(
        "# Programmer\n\nThis employee will be able to work from anywhere in the United States.\n"
    )
    assert posting.location is None


def test_a_budget_for_the_role_is_its_pay() -> None:
    posting = parse(
        "# Director\n\n### Time and Money\n\nWe have a budget of £40,000 for this role.\n"
    )
    assert posting.salary is not None
    assert (posting.salary.min, posting.salary.currency) == (40000, "GBP")


def test_an_address_for_questions_about_the_application_process_is_no_way_in() -> None:
    posting = parse(
        "# Director\n\n### Application Process\n\nSend a covering letter through the form.\n\n"
        "If you have any questions about the role or application process please get in "
        "touch with [ana@harbour.example.org](mailto:ana@harbour.example.org) who will be "
        "happy to answer questions before your application.\n"
    )
    assert posting.apply_email is None


def test_what_the_ideal_candidate_will_have_and_what_is_useful_are_hoped_for() -> None:
    posting = parse(
        "# Director\n\n### Responsibilities\n\n* Managing finances\n\n"
        "The ideal candidates will have experience in leading small organisations. "
        "Understanding of local elections is useful but not required.\n"
    )
    kinds = {criterion.text: criterion.kind for criterion in posting.criteria}
    assert kinds == {
        "The ideal candidates will have experience in leading small organisations.": "nice",
        "Understanding of local elections is useful but not required.": "nice",
    }
