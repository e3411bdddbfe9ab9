"""Rules learnt from the fourth round of tuning postings (twenty held-out postings moved to
tuning after their only scoring), each on a fictional example."""

import datetime as dt

from tremplin.vacancies.importing import MUST, NICE, ParsedPosting, parse_posting


def parse(text: str) -> ParsedPosting:
    return parse_posting(text, source_name="example.md")


# --- Titles and who hires ----------------------------------------------------------------


def test_a_hiring_sentence_as_heading_gives_the_role_without_its_exclamation() -> None:
    posting = parse("# Vélocité recrute un(e) chargé(e) de médiation !\n\nUn texte.\n")
    assert posting.title == "Chargé(e) de médiation"
    assert posting.organization == "Vélocité"


def test_a_job_posting_prefix_and_the_terms_in_brackets_leave_the_title() -> None:
    posting = parse(
        '---\ntitle: "JOB POSTING: Director, Programs (Full-Time, Telecommute)"\n---\n\n'
        "We build civic tools.\n"
    )
    assert posting.title == "Director, Programs"
    assert posting.employment_type == "FULL_TIME"


def test_what_an_organization_is_does_not_stay_in_front_of_its_name() -> None:
    posting = parse("# Stage\n\nLa Startup d’Etat Vélocité recherche un.e stagiaire.\n")
    assert posting.organization == "Vélocité"
    posting = parse("# Stage\n\nL'association Vélo Cité recherche un·e stagiaire.\n")
    assert posting.organization == "Vélo Cité"


def test_a_capitalised_foundation_is_part_of_the_name() -> None:
    posting = parse("# Stage\n\nLa Fondation Rivière Claire recrute un·e stagiaire.\n")
    assert posting.organization == "La Fondation Rivière Claire"


def test_a_job_title_line_in_bold_gives_the_title() -> None:
    posting = parse(
        '<div class="text">\n<b>Job Title:</b> Recruiter\n<br/><br/>\n'
        "<b>Purpose:</b> Recruit teams.\n<br/><br/>\n<b>Location:</b> Leeds\n</div>\n"
    )
    assert posting.title == "Recruiter"


# --- Employment terms ----------------------------------------------------------------


def test_a_volunteer_call_by_its_title_or_its_banner() -> None:
    assert parse("# Bénévole pour traduction\n\nUn texte.\n").employment_type == "VOLUNTEER"
    posting = parse("# Volunteers Needed, Sign Up Today!\n\nHelp us for 3 months.\n")
    assert posting.employment_type == "VOLUNTEER"


def test_a_permanent_contract_the_job_may_lead_to_is_not_the_contract() -> None:
    posting = parse(
        "# Animateur\n\nUn contrat de remplacement de 2 mois pouvant déboucher sur un "
        "engagement en CDI.\n"
    )
    assert posting.contract_duration_months == 2
    assert parse("# Animateur\n\nUn CDI, après 6 mois d'essai.\n").contract_duration_months is None


def test_a_number_spelled_out_again_in_brackets_is_one_duration() -> None:
    text = "# Communication\n\nUn poste à temps partiel sur 15 (quinze) mois.\n"
    assert parse(text).contract_duration_months == 15


def test_how_long_a_volunteer_plans_to_stay_is_the_duration() -> None:
    text = "# Frontend\n\n## Commitment\n\n- Plan to stay around at least 6 months\n"
    assert parse(text).contract_duration_months == 6


def test_how_long_a_position_lasts_is_no_experience_asked() -> None:
    posting = parse("# Assistant\n\nThis is a full-time position for at least one year.\n")
    assert posting.min_years_experience is None
    assert parse("# Dev\n\n- At least 3 years in Python\n").min_years_experience == 3


# --- Place, deadline, link -------------------------------------------------------------


def test_a_place_of_internship_line_gives_the_place() -> None:
    assert parse("# Stage\n\nLieu de stage : Région lyonnaise\n").location == "Région lyonnaise"


def test_the_deadline_of_a_sentence_about_applying_comes_before_the_contracts_end() -> None:
    posting = parse(
        "# Animateur\n\n- Un contrat de 2 mois jusqu’au 30/06/2031 en 38h/semaine.\n\n"
        "Envoie ton CV jusqu’au 20/04/2031 à job@exemple.org.\n"
    )
    assert posting.deadline == dt.date(2031, 4, 20)


def test_a_page_to_read_the_full_description_is_no_apply_link() -> None:
    posting = parse(
        "# Director\n\nTo apply: read the full job description on "
        "[a board](https://board.example/job/1), then send your resume to jobs@acme.example.\n"
    )
    assert posting.apply_url is None
    assert posting.apply_email == "jobs@acme.example"


# --- Languages and criteria --------------------------------------------------------------


def test_knowing_or_speaking_a_language_fluently_is_a_requirement() -> None:
    posting = parse("# Communication\n\nLe candidat idéal :\n\n- Connaît l'anglais\n")
    assert posting.required_languages == ["en"]
    text = "# Traduction\n\nUne personne qui s'exprime couramment en français et en anglais.\n"
    assert parse(text).required_languages == ["fr", "en"]


def test_a_language_among_others_that_is_a_plus_is_not_required() -> None:
    posting = parse(
        "# Animateur\n\n- La connaissance de l’anglais, du néerlandais ou d’une autre langue.\n"
    )
    assert posting.required_languages == []


def test_preferred_at_the_end_or_an_aside_saying_bonus_makes_a_bullet_nice() -> None:
    posting = parse(
        "# Writer\n\n## Requirements\n\n- Good writing skills\n"
        "- Previous blog-writing experience preferred.\n"
        "- Interest in travel. (Not required, but definitely a bonus!)\n"
    )
    assert [c.kind for c in posting.criteria] == [MUST, NICE, NICE]
