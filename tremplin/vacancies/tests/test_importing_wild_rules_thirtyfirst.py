"""Rules learnt from the thirty-first round of tuning postings (three held-out postings drawn
at random and moved to the tuning part: a privacy project's call for contractors, a civic
non-profit's blog post and a civic-tech brigade's call for volunteers), each on a fictional
example."""

from tremplin.vacancies.importing import ParsedPosting, parse_posting


def parse(text: str) -> ParsedPosting:
    return parse_posting(text, source_name="example.md")


def test_a_title_seeking_a_role_without_article_gives_the_role_and_not_when_it_starts() -> None:
    posting = parse(
        "---\ntitle: Seeking Elixir/Phoenix contractors to start ASAP\n---\n\n"
        "**Harbour Collective is seeking Elixir/Phoenix contractors for its mapping work!**\n\n"
        "## About you\n\n* Fluent in Elixir.\n"
    )
    assert posting.title == "Elixir/Phoenix contractors"
    assert posting.employment_type == "CONTRACTOR"


def test_a_slogan_after_a_hiring_cry_yields_to_the_role_the_body_hires() -> None:
    posting = parse(
        "---\ntitle: 'We’re Hiring: Help Us Spread the Word'\n---\n"
        "You would be given a brand to market elsewhere. Here you shape a movement.\n\n"
        "**[Harbour Collective is seeking a full-time Outreach Coordinator]"
        "(https://harbour.example.org/apply/outreach).** The job asks for good writing.\n"
    )
    assert posting.title == "Outreach Coordinator"
    assert posting.employment_type == "FULL_TIME"


def test_a_call_for_volunteers_names_who_calls_and_loses_its_pictograms() -> None:
    posting = parse(
        '---\ntitle: "&#128227; Fix-a-Bench: Call for Volunteers &#128227;"\n---\n\n'
        "Since 2019 the Harbour brigade has run Fix-a-Bench with the city.\n\n"
        "**Needs:**\n\n* A project lead\n* Front-end developers\n"
    )
    assert posting.organization == "Fix-a-Bench"
    assert posting.title == "Volunteers"
    assert posting.employment_type == "VOLUNTEER"


def test_a_mail_links_address_the_only_one_given_is_the_way_in() -> None:
    posting = parse(
        "# Volunteers\n\nWe need a project lead.\n\n"
        "If this interests you, reach out on our chat or via\n"
        "[email](mailto:lead@fix-a-bench.example.org) to talk more.\n"
    )
    assert posting.apply_email == "lead@fix-a-bench.example.org"


def test_a_mail_link_for_questions_is_no_way_in() -> None:
    posting = parse(
        "# Editor\n\nWe need an editor.\n\n"
        "If you have questions, write to [Ana](mailto:ask@harbour.example.org).\n"
    )
    assert posting.apply_email is None
