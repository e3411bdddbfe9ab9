"""Rules learnt from the tenth round of tuning postings (twelve of the ninth round's sixteen
fresh postings, drawn at random and moved to the tuning part: a UK non-profit's blog, a
research project's generated job descriptions, a Lyon association's posts and a public
design team's job pages), each on a fictional example."""

from decimal import Decimal

from tremplin.vacancies.importing import MUST, NICE, ParsedPosting, parse_posting


def parse(text: str) -> ParsedPosting:
    return parse_posting(text, source_name="example.md")


def criteria(posting: ParsedPosting) -> list[tuple[str, str]]:
    return [(criterion.text, criterion.kind) for criterion in posting.criteria]


# --- Criteria -----------------------------------------------------------------------------

PROJECT_PAGE = """> **Note: generated file, edit the template instead.**

# Team lead for a river-data platform

The Lab of Hydrology at Riverside University invites applications for a position as a team
lead. The position is full-time.

## Your competencies

We expect, at a minimum, that all team members:

-   Have used Git on a fairly regular basis for
    projects
-   Are proficient in communicating in English

And we prefer, but don't require, that you:

-   Have knowledge of general software development practices

As the team lead, we expect you to:

-   Have experience in managing projects and people

## Contact information

-   If you have any specific questions about the position, **contact**
    Ann Carver (<ann.carver@riverside.example>).
"""


def test_a_preference_heading_and_an_expectation_leading_into_the_next_list() -> None:
    assert criteria(parse(PROJECT_PAGE)) == [
        ("Have used Git on a fairly regular basis for projects", MUST),
        ("Are proficient in communicating in English", MUST),
        ("Have knowledge of general software development practices", NICE),
        ("Have experience in managing projects and people", MUST),
    ]


def test_a_note_quoted_above_the_title_heading_leaves_it_the_title() -> None:
    assert parse(PROJECT_PAGE).title == "Team lead for a river-data platform"


def test_an_address_for_specific_questions_is_no_way_to_apply() -> None:
    posting = parse(PROJECT_PAGE)
    assert posting.apply_email is None
    assert posting.apply_url is None


def test_a_strongly_recommended_item_of_a_requirements_list_is_nice() -> None:
    posting = parse(
        "# Animateurs\n\n## Profil\n\n- Aimer transmettre aux enfants et aux ados\n"
        "- Le BAFA ou équivalent fortement recommandé\n"
    )
    assert criteria(posting) == [
        ("Aimer transmettre aux enfants et aux ados", MUST),
        ("Le BAFA ou équivalent fortement recommandé", NICE),
    ]


# --- Organization, type, length -----------------------------------------------------------


def test_x_comma_c_est_un_collectif_names_the_organization() -> None:
    posting = parse(
        "# Les Bidouilleurs\n\nLes Bidouilleurs, c’est un collectif de passionnés du "
        "numérique.\n\nNous cherchons des responsables de pôles.\n"
    )
    assert posting.organization == "Les Bidouilleurs"


def test_missions_that_are_benevoles_make_a_volunteer_call() -> None:
    posting = parse("# Responsables de pôles\n\nCes missions sont bénévoles.\n")
    assert posting.employment_type == "VOLUNTEER"


def test_full_or_part_time_for_six_months_is_a_fixed_term_of_six_months() -> None:
    posting = parse("# Responsable éducation\n\n- Temps plein ou temps partiel sur 6 mois\n")
    assert posting.employment_type == "TEMPORARY"
    assert posting.contract_duration_months == 6


def test_a_share_of_a_full_time_equivalent_is_part_time() -> None:
    posting = parse("# Fellow\n\n- Employment status calculated for 60% Full-Time Equivalent\n")
    assert posting.employment_type == "PART_TIME"


def test_a_job_page_s_length_field_is_the_contract_s_length() -> None:
    posting = parse("---\ntitle: Chargée de communication\nlength: 6 mois\n---\n\nMission.\n")
    assert posting.contract_duration_months == 6


def test_an_internship_named_as_past_experience_is_not_the_job() -> None:
    posting = parse(
        "# Coordinator\n\nThe position is a fixed-term contract of 18 months.\n\n"
        "## Requirements\n\n"
        "- Some experience in research required: a research group, a project / internship, "
        "or equivalent\n"
    )
    assert posting.employment_type == "TEMPORARY"
    assert posting.contract_duration_months == 18


# --- Title, pay, links --------------------------------------------------------------------


def test_job_vacancy_in_front_and_who_is_hiring_behind_are_cut_from_the_title() -> None:
    posting = parse(
        '---\ntitle: "Job vacancy: Community Coordinator - ORS is hiring!"\n---\n\nJoin us.\n'
    )
    assert posting.title == "Community Coordinator"


def test_the_period_named_nearest_before_the_pay_is_its_period() -> None:
    posting = parse(
        "# Coordinator\n\nYou will work 17.5 to 35 hours per week, and the annual salary "
        "range is £30,000 to £40,000 with benefits.\n"
    )
    assert posting.salary is not None
    assert (posting.salary.min, posting.salary.max) == (Decimal(30000), Decimal(40000))
    assert posting.salary.period == "YEAR"


def test_a_code_of_conduct_link_under_the_contact_heading_is_no_apply_url() -> None:
    posting = parse(
        "# Fellow\n\n## How to apply\n\nSend a CV to jobs@ors.example.\n\n## Contact\n\n"
        "Our Code of Conduct can be found here: [https://ors.example/coc]"
        "(https://ors.example/coc).\n"
    )
    assert posting.apply_email == "jobs@ors.example"
    assert posting.apply_url is None


def test_an_application_form_under_the_contact_heading_is_still_the_apply_url() -> None:
    posting = parse(
        "# Fellow\n\n## Contact\n\nApply with [our form](https://forms.example/apply-fellow).\n"
    )
    assert posting.apply_url == "https://forms.example/apply-fellow"
