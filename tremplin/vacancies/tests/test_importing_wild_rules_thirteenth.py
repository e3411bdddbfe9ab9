"""Rules learnt from the thirteenth round of tuning postings (eight of the twelfth round's
fifteen fresh postings, drawn at random and moved to the tuning part: a public body's
internship topics, a research platform's job pages, a researcher's reStructuredText blog and
a conference's calls for volunteers), each on a fictional example."""

import datetime as dt

from tremplin.vacancies.importing import MUST, NICE, ParsedPosting, parse_posting
from tremplin.vacancies.importing.structure import strip_inline_markup


def parse(text: str) -> ParsedPosting:
    return parse_posting(text, source_name="example.rst")


def criteria(posting: ParsedPosting) -> list[tuple[str, str]]:
    return [(strip_inline_markup(c.text), c.kind) for c in posting.criteria]


# --- reStructuredText and underlined headings ---------------------------------------------

RST_POST = """==========================================================
Hiring a programmer for a river-modelling library
==========================================================

:date: 2014-02-12
:tags: jobs, python

Riverlab is a research team that models floods. More details are on the `job offer
<https://riverlab.example/jobs>`_.

What we need
============

* Good Python experience
* A passion for code quality
"""


def test_a_restructuredtext_post_gives_its_title_sections_and_links() -> None:
    posting = parse(RST_POST)
    assert posting.title == "Programmer for a river-modelling library"
    assert posting.organization == "Riverlab"
    assert criteria(posting) == [
        ("Good Python experience", MUST),
        ("A passion for code quality", MUST),
    ]
    assert "[job offer](https://riverlab.example/jobs)" in posting.body
    assert ":date:" not in posting.body


CONFERENCE_NEWS = """:template: {year}/generic.html

.. post:: July 30, 2018
   :tags: volunteers, tickets

Announcing Call for Volunteers
==============================

Each year we are lucky to have amazing volunteers. To register as a volunteer, fill out
the `Call for Volunteers form <https://goo.gl/forms/AbCdEf123>`_.

Sponsors
--------

If your company is hiring, read our prospectus.
"""


def test_a_conference_s_call_for_volunteers_reads_as_one() -> None:
    posting = parse(CONFERENCE_NEWS)
    assert posting.title == "Volunteers"
    assert posting.apply_url == "https://goo.gl/forms/AbCdEf123"
    assert posting.organization is None  # "If your company is hiring" names no one
    assert "post::" not in posting.body


def test_a_markdown_setext_heading_heads_its_section() -> None:
    text = (
        "Mentor\n======\n\nWe need a mentor.\n\nThe role requires the following:\n"
        "--------------------------------\n\n* experience using LibreOffice\n"
        "* a track record in design\n"
    )
    posting = parse(text)
    assert posting.title == "Mentor"
    assert criteria(posting) == [
        ("experience using LibreOffice", MUST),
        ("a track record in design", MUST),
    ]


def test_a_line_of_dashes_after_a_blank_line_is_still_a_break() -> None:
    text = "# Mentor\n\nWe need a mentor.\n\n---\n\nThe end.\n"
    posting = parse(text)
    assert [section.heading for section in posting.sections if section.heading] == []


# --- Lists and dates ----------------------------------------------------------------------


def test_you_have_heads_requirements() -> None:
    text = (
        "# Administrator\n\n## You have\n\nYou should have a degree.\n\n"
        "- Shell scripting\n- Willingness to learn\n"
    )
    assert criteria(parse(text)) == [("Shell scripting", MUST), ("Willingness to learn", MUST)]


def test_a_skill_category_with_more_words_or_one_item_gives_its_items() -> None:
    text = (
        "# Stage\n\n## Compétences exigées\n\n- Compétences bonus :\n  - Connaissance de Django\n"
        "- Savoir-être professionnels :\n  - Fortes compétences relationnelles\n"
        "  - Goût du travail en équipe\n"
    )
    assert criteria(parse(text)) == [
        ("Connaissance de Django", NICE),
        ("Fortes compétences relationnelles", MUST),
        ("Goût du travail en équipe", MUST),
    ]


def test_a_long_sentence_about_submitting_gives_its_deadline() -> None:
    text = (
        "# Engineer\n\n**Ready to join our team?**\nPlease submit your complete application "
        "documents including a 1-page motivation summary, CV and contact details of referees "
        "by 22th August 2030 to jobs@riverlab.example\n"
    )
    assert parse(text).deadline == dt.date(2030, 8, 22)


# --- Who hires ----------------------------------------------------------------------------


def test_the_unit_one_joins_names_the_organization() -> None:
    for text, unit in (
        (
            "Vous rejoignez le pôle Cartographie des rivières pour animer nos réseaux.",
            "pôle Cartographie des rivières",
        ),
        ("Le stage se déroulera dans l’équipe RiverSE d’Inria Rennes.", "RiverSE"),
        ("Le sujet porte sur les crues. L'équipe RiverSE est située à Rennes.", "RiverSE"),
    ):
        assert parse(f"# Stage\n\n{text}\n").organization == unit, text


def test_a_team_heading_over_its_members_names_no_one() -> None:
    text = "# Développeur\n\n## L’équipe\n\nCaroline, intrapreneure ;\nMorgan, coach ;\n"
    assert parse(text).organization is None


def test_a_sentence_far_down_a_long_posting_is_read() -> None:
    filler = "Le projet étudie les crues des rivières bretonnes. " * 120
    text = f"# Thèse\n\n{filler}\n\nL'équipe RiverSE est située à Rennes.\n"
    assert parse(text).organization == "RiverSE"
