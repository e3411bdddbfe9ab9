"""Rules learnt from the thirtieth round of tuning postings (three of the seven fresh postings
added after the twenty-ninth round, drawn at random and moved to the tuning part: a
non-profit's Django jobs page and a free-software project's old website), each on a
fictional example."""

from tremplin.vacancies.importing import ParsedPosting, parse_posting


def parse(text: str) -> ParsedPosting:
    return parse_posting(text, source_name="example.md")


def test_a_headline_that_seeks_a_role_gives_the_role() -> None:
    posting = parse(
        "# Harbour Observatory Seeks Backend Engineer for Tides!\n\n"
        "Harbour Observatory is looking for a backend engineer.\n"
    )
    assert posting.title == "Backend Engineer for Tides"


def test_an_address_spelt_with_plain_at_and_dot_is_the_apply_address() -> None:
    posting = parse(
        "# Backend Engineer\n\n## How to apply\n\n"
        "Please send your CV and a cover letter to jobs at harbour-observatory dot org.\n"
    )
    assert posting.apply_email == "jobs@harbour-observatory.org"


def test_proficiency_in_a_language_for_reading_and_writing_asks_it() -> None:
    posting = parse(
        "# Writer\n\n## Requirements\n\n* Working proficiency in Hebrew reading and writing\n"
    )
    assert posting.required_languages == ["he"]


def test_a_careers_page_roles_terms_are_not_part_of_its_title() -> None:
    posting = parse(
        "<html><body><h1>Jobs at Harbour</h1>\n"
        "<h2>General Editor (Textual Director) - Full-Time</h2>\n"
        "<h3>Summary:</h3><ul><li>Edits the texts.</li></ul></body></html>\n"
    )
    assert posting.title == "General Editor (Textual Director)"
    assert posting.employment_type == "FULL_TIME"
