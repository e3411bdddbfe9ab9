"""Rules learnt from the thirty-eighth round of tuning postings (three held-out postings drawn at
random and moved to the tuning part: an activists' handbook's volunteer call, a Swedish
cooperative's developer post, a company's data-science post), each on a fictional example."""

from tremplin.vacancies.importing import ParsedPosting, parse_posting


def parse(text: str) -> ParsedPosting:
    return parse_posting(text, source_name="example.md")


def test_a_team_expanding_names_the_hirer_and_a_team_of_volunteers_the_role() -> None:
    posting = parse(
        "<p><strong>River Guide is expanding the coordination team! We are looking for a "
        "Finance Coordinator (8 hours per week).</strong></p>\n"
        "<h2>What you get</h2>\n<p>You will work together with a close team of enthusiastic and "
        "motivated volunteers.</p>\n<p>Apply by mail.</p>\n"
    )
    assert posting.organization == "River Guide"
    assert posting.employment_type == "VOLUNTEER"


def test_a_swedish_office_names_the_place() -> None:
    posting = parse(
        "# Utvecklare\n\nVårt kontor finns i Malmö och du bör kunna vara på plats ibland.\n"
    )
    assert posting.location == "Malmö"


def test_all_the_praise_before_a_role_goes() -> None:
    posting = parse(
        "---\ntitle: 'We are hiring!'\n---\n\nWe are seeking a highly motivated and innovative "
        "Data Engineer to join Harbour.\n"
    )
    assert posting.title == "Data Engineer"
