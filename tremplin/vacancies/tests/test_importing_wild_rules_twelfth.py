"""Rules learnt from the twelfth round of tuning postings (twelve of the eleventh round's
twenty-four fresh postings, drawn at random and moved to the tuning part: a research team's
internship pages, a privacy project's translated job pages, a foundation's careers page, an
open-source design job board, a programme's Django templates and a university team's blog),
each on a fictional example."""

from tremplin.vacancies.importing import MUST, NICE, ParsedPosting, parse_posting
from tremplin.vacancies.importing.structure import strip_inline_markup


def parse(text: str) -> ParsedPosting:
    return parse_posting(text, source_name="example.md")


def criteria(posting: ParsedPosting) -> list[tuple[str, str]]:
    return [(strip_inline_markup(c.text), c.kind) for c in posting.criteria]


# --- Front matter -------------------------------------------------------------------------


def test_a_position_key_beside_the_title_gives_the_terms() -> None:
    posting = parse(
        "---\ntitle: Détection d'anomalies dans des traces\nposition: internship (possible PhD)\n"
        "---\n\nCe stage est l'occasion d'initier un travail de recherche.\n"
    )
    assert posting.title == "Détection d'anomalies dans des traces"
    assert posting.employment_type == "INTERN"


def test_an_address_spelt_against_robots_in_the_front_matter_is_read() -> None:
    posting = parse(
        "---\ntitle: Stage\nemail: Jeanne.Martin _at_ univ-exemple.fr , paul dot roy _at_ "
        "exemple.fr\n---\n\nUn stage.\n"
    )
    assert posting.apply_email == "jeanne.martin@univ-exemple.fr"


def test_a_job_board_s_compensation_field_gives_the_terms() -> None:
    board = "---\ntitle: {title}\nrole: Designer\ncompensation: {pay}\n---\n\nHelp us.\n"
    posting = parse(board.format(title="Riverdata Projects", pay="gratis"))
    assert posting.employment_type == "VOLUNTEER"
    posting = parse(board.format(title="Designer for the app", pay="5k - 10k fixed bid"))
    assert posting.employment_type == "CONTRACTOR"


# --- Terms and title ----------------------------------------------------------------------


def test_hiring_a_contractor_for_this_position_beats_an_internship_programme() -> None:
    posting = parse(
        "# Community manager\n\nYou will answer our interns and mentors in our internship "
        "cohorts. We are hiring a contractor for this position.\n"
    )
    assert posting.employment_type == "CONTRACTOR"


def test_vacancy_for_and_hiring_for_leave_the_role() -> None:
    assert parse("# Vacancy for HPC/cloud specialist\n\nJoin us.\n").title == (
        "HPC/cloud specialist"
    )
    assert parse("# Hiring for an archivist\n\nJoin us.\n").title == "Archivist"


def test_a_location_field_ends_where_the_next_field_of_its_paragraph_starts() -> None:
    posting = parse(
        "# Stage\n\n## Conditions\n\n**Localisation**: Laboratoire Marée (Brest)\n"
        "**Rémunération**: 600 €/mois\n"
    )
    assert posting.location == "Laboratoire Marée (Brest)"


# --- Criteria -----------------------------------------------------------------------------

ABOUT_YOU = """# Community manager

## About You

Riverdata needs you to:

- Be familiar with open data
- Show empathy and kindness

Riverdata would love it if you had the following qualities, but they're completely optional.
Even if you don't have them, please apply!

- Fluency in a language other than English
- Familiarity with the Riverdata programme
"""


def test_about_you_heads_requirements_and_a_completely_optional_list_is_nice() -> None:
    assert criteria(parse(ABOUT_YOU)) == [
        ("Be familiar with open data", MUST),
        ("Show empathy and kindness", MUST),
        ("Fluency in a language other than English", NICE),
        ("Familiarity with the Riverdata programme", NICE),
    ]


QUESTIONS = """# HPC specialist

We are looking for another teammate!

* **Do you have experience of developing software in C++
and a sound understanding of parallelisation?**
* **Would you be keen to teach others?**

If so, this vacancy may be of interest.

For example, you might have:

* developed one or more libraries during your PhD
* managed those projects using version control
"""


def test_a_list_of_questions_to_the_reader_asks_what_the_job_needs() -> None:
    found = criteria(parse(QUESTIONS))
    assert found[:2] == [
        (
            "Do you have experience of developing software in C++ and a sound understanding of "
            "parallelisation?",
            MUST,
        ),
        ("Would you be keen to teach others?", MUST),
    ]
    assert found[2:] == [
        ("developed one or more libraries during your PhD", NICE),
        ("managed those projects using version control", NICE),
    ]


def test_a_list_of_statements_is_not_read_as_questions() -> None:
    text = "# Engineer\n\nOur week:\n\n- Do the standup at ten\n- Review code\n"
    assert criteria(parse(text)) == []


# --- Links --------------------------------------------------------------------------------

REFERENCE_LINKS = """# Research Software Engineer

We use [OpenMP][openmp] to apply transformations to the data.

**[More information / apply][job-ad]**

Please do get in touch via rse@uni.example if you want to discuss the role before applying!

[openmp]: https://www.openmp.org/
[job-ad]: https://jobs.example.org/job/123
"""


def test_a_reference_style_link_that_says_apply_is_the_apply_url() -> None:
    posting = parse(REFERENCE_LINKS)
    assert posting.apply_url == "https://jobs.example.org/job/123"
    # The link reads as it renders; its definition line renders as nothing.
    assert "[OpenMP](https://www.openmp.org/)" in posting.body
    assert "[openmp]:" not in posting.body
    # An address offered to discuss the role is no way in.
    assert posting.apply_email is None


def test_a_member_of_the_named_team_names_the_organization() -> None:
    posting = parse(
        "---\ntitle: 'Wanted: a new member of our team'\n---\n\n"
        "We are recruiting a new member of the RSE Fenwick team to work on projects.\n"
    )
    assert posting.organization == "RSE Fenwick"
