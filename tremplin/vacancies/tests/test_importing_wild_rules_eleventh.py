"""Rules learnt from the eleventh round of tuning postings (eight of the tenth round's
eighteen fresh postings, drawn at random and moved to the tuning part: an open-source
project's old PHP job pages, posts of a training network's blog that relay other employers'
jobs, and a scientific software project's job file), each on a fictional example."""

import pytest

from tremplin.vacancies.importing import ParsedPosting, parse_posting


def parse(text: str) -> ParsedPosting:
    return parse_posting(text, source_name="example.md")


# --- A whole HTML page --------------------------------------------------------------------

PAGE = """<!doctype html>
<html lang=en>
<head>
    <?php $title = "Job: Riverbank Translator"; ?>
    <?php include("header.php"); ?>
</head>
<body>
<div id="content">

    <h2>{heading}</h2>

    <p>The Riverbank project is looking for a volunteer who translates the manual.
    One or two hours a week are enough.</p>

    <p>Would you like to take this job? Then please contact
    <a href="mailto:maintainer@riverbank-removeme-.example">the maintainer</a>
    with a short introduction of yourself.</p>
</div>
</body>
</html>
"""


def test_a_whole_html_page_is_read_as_html_and_its_lone_top_heading_is_the_title() -> None:
    posting = parse(PAGE.format(heading="Job: Translator"))
    assert posting.title == "Translator"
    assert posting.organization == "Riverbank"
    assert posting.employment_type == "VOLUNTEER"


def test_an_address_with_a_word_against_robots_is_the_address_the_script_gives() -> None:
    posting = parse(PAGE.format(heading="Job: Translator"))
    assert posting.apply_email == "maintainer@riverbank.example"


def test_a_heading_below_another_of_higher_rank_is_no_title() -> None:
    text = PAGE.format(heading="Job: Translator").replace(
        '<div id="content">', '<div id="content">\n<p>Intro.</p>\n<h1>Riverbank</h1>'
    )
    assert parse(text).title != "Translator"


def test_a_volunteer_wanted_cry_and_the_organizations_name_leave_the_role() -> None:
    posting = parse(PAGE.format(heading="Volunteer Wanted: Riverbank Growth Hacker"))
    assert posting.title == "Growth Hacker"
    assert posting.employment_type == "VOLUNTEER"


@pytest.mark.parametrize(
    "sentence",
    ["We are looking for a volunteer coordinator.", "We are looking for a volunteer manager."],
)
def test_a_paid_role_that_coordinates_volunteers_is_no_volunteer_call(sentence: str) -> None:
    assert parse(f"# Coordinator\n\n{sentence}\n").employment_type != "VOLUNTEER"


# --- Relayed posts ------------------------------------------------------------------------


def test_a_position_at_or_with_an_organization_leaves_the_role_in_the_title() -> None:
    for stated, role in [
        ("Research Scientist Position at The Fenwick Institute", "Research Scientist"),
        ("Post-doc Position with riverData", "Post-doc"),
        (
            "Postdoctoral Position in Coastal Engineering",
            "Postdoctoral Position in Coastal Engineering",
        ),
    ]:
        posting = parse(f'---\ntitle: "{stated}"\n---\n\nA text.\n')
        assert posting.title == role


def test_a_lab_at_an_institute_names_the_institute() -> None:
    posting = parse(
        "# Research Scientist\n\nThe Marsh Lab at The Fenwick Institute is seeking an "
        "Associate Research Scientist in coastal genetics.\n"
    )
    assert posting.organization == "Fenwick Institute"


def test_an_acronym_found_in_the_title_is_spelled_out_as_the_text_spells_it() -> None:
    posting = parse(
        '---\ntitle: "Science Educator Position at FEON"\n---\n\n'
        "The Fenland Ecological Observatory Network ([FEON](https://feon.example/)) is "
        "looking for a Science Educator.\n"
    )
    assert posting.organization == "Fenland Ecological Observatory Network"
    assert posting.title == "Science Educator"


def test_looking_to_hire_names_who_hires() -> None:
    posting = parse(
        "Support Specialist\n==================\n\nThe Stellarpy Project is looking to hire "
        "a support specialist.\n"
    )
    assert posting.organization == "Stellarpy Project"


def test_a_stated_title_that_names_no_role_stays_when_the_text_names_none() -> None:
    posting = parse(
        '---\ntitle: "Fenwick Research Software Group is Hiring"\n---\n\n'
        "The [Fenwick Research Software Group is hiring](https://example.org/jobs).\n"
    )
    assert posting.title == "Fenwick Research Software Group is Hiring"


# --- Addresses spelt out ------------------------------------------------------------------


def test_an_address_spelt_with_at_in_brackets_after_directly_at_is_read_whole() -> None:
    posting = parse(
        "# Research Scientist\n\nPlease contact Dr. Marsh directly at j.marsh (at) fenwick.example "
        'using the subject line "research scientist ad".\n'
    )
    assert posting.apply_email == "j.marsh@fenwick.example"


def test_a_riddle_spelling_an_address_is_no_address() -> None:
    posting = parse(
        "# Engineer\n\nPlease reach out to me by email at my first name at fenwick.example\n"
    )
    assert posting.apply_email is None
