"""Rules learnt from the thirty-seventh round of tuning postings (six held-out postings drawn at
random and moved to the tuning part: a German public body's posts, a conference's and a
festival's volunteer calls, a civic-tech lab's post, a company's open-source post), each on a
fictional example."""

from tremplin.vacancies.importing import ParsedPosting, parse_posting


def parse(text: str) -> ParsedPosting:
    return parse_posting(text, source_name="example.md")


def test_a_german_post_its_term_in_words_place_deadline_and_reference_links() -> None:
    posting = parse(
        "# Softwareentwickler*in\n\n### (zunächst auf zwei Jahre befristet)\n\n"
        "Eine Tätigkeit im Herzen von Bremen. Eine familienfreundliche Arbeitsumgebung "
        "(beispielsweise Teilzeit, Gleitzeit, Telearbeit).\n\n"
        "Ihre Bewerbung richten Sie bitte bis zum **14.06.2020** an bewerbung@amt.example.org. "
        "Bitte beachten Sie unsere Datenschutzerklärung unter "
        "[amt.example.org/datenschutz](https://amt.example.org/datenschutz-bewerbung). "
        "Vor Übersendung Ihrer Bewerbung gleichen Sie Ihre Gehaltsvorstellung ab (siehe hierzu "
        "[www.tarif.example.org](https://www.tarif.example.org)).\n"
    )
    assert posting.contract_duration_months == 24
    assert posting.employment_type == "TEMPORARY"
    assert posting.location == "Bremen"
    assert posting.deadline is not None and posting.deadline.isoformat() == "2020-06-14"
    assert posting.apply_email == "bewerbung@amt.example.org"
    assert posting.apply_url is None


def test_a_conference_volunteer_page_its_role_language_and_what_is_even_better() -> None:
    posting = parse(
        "---\ntitle: Information for Volunteers\n---\n\n## Requirements\n\n"
        "  - You should be able to speak some English.\n"
        "  - If you speak additional languages, even better.\n"
    )
    assert posting.title == "Volunteers"
    assert posting.required_languages == ["en"]
    kinds = {c.text: c.kind for c in posting.criteria}
    assert kinds["If you speak additional languages, even better."] == "nice"


def test_a_dutch_festival_call_its_role_and_languages() -> None:
    posting = parse(
        "# So you want to be a steward?\n\nStewards zijn de gastheren van het festival.\n\n"
        "## Wat verwachten we van je?\n\n  * Je bent minstens 18 jaar oud en kunt duidelijk "
        "communiceren in zowel het Nederlands als in het Engels.\n"
    )
    assert posting.title == "Steward"
    assert posting.required_languages == ["nl", "en"]


def test_an_angellist_link_in_front_matter_is_the_way_in() -> None:
    posting = parse(
        "---\ntitle: Backend Engineer\nangel: https://angel.co/l/2xYz\n---\n\nWe build tools.\n"
    )
    assert posting.apply_url == "https://angel.co/l/2xYz"
