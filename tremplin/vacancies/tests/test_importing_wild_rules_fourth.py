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


# --- A second batch, from six more tuning postings -----------------------------------

BOARD = (
    '---\ntitle: "Civic Lab : Onsite (Leeds)"\n---\n'
    "Civic Lab - Onsite (Leeds) - Full Time - https://civic.example/\n\n"
    "Civic Lab is a non-profit. As a member of technical staff, you will build demos.\n"
)


def test_a_place_where_a_board_puts_the_role_is_the_place_and_the_text_gives_the_role() -> None:
    posting = parse(BOARD)
    assert posting.location == "Leeds"
    assert posting.title == "Member of technical staff"


def test_a_capitalised_role_after_we_are_looking_for_is_the_title() -> None:
    posting = parse(
        '---\ntitle: "REMOTE (US)"\n---\nReadables (nonprofit) - REMOTE (US) - Contract, '
        "part-time (~20 hrs/week) - $70–110/hr\n\nWe're looking for a Senior Data Engineer to "
        "help us.\n\nYou're a good fit if you have:\n\n- Experience with ETL\n"
        "- Nice to have: Ruby\n\nApply: email your CV to engineering at readables.example\n"
    )
    assert posting.title == "Senior Data Engineer"
    assert posting.employment_type == "CONTRACTOR"
    assert posting.salary is not None and posting.salary.period == "HOUR"
    assert [(c.text, c.kind) for c in posting.criteria] == [
        ("Experience with ETL", MUST),
        ("Nice to have: Ruby", NICE),
    ]
    assert posting.apply_email == "engineering@readables.example"


def test_apply_at_a_site_is_no_address() -> None:
    posting = parse("# Dev\n\nPlease apply at jobs.acme.example before May.\n")
    assert posting.apply_email is None


def test_offices_and_presence_in_a_town_give_the_place() -> None:
    assert parse("# Dev\n\nNos bureaux sont à Lyon, avenue Foch.\n").location == "Lyon"
    text = "# Dev\n\nUne présence régulière à Nantes est demandée. Le télétravail est possible.\n"
    assert parse(text).location == "Nantes"


def test_french_apps_are_not_applications() -> None:
    posting = parse(
        "# Déploiement\n\nLa liste des applications agréées est à : https://taxi.example/apps\n"
    )
    assert posting.apply_url is None


def test_lines_broken_by_hand_under_a_requirements_heading_are_each_a_criterion() -> None:
    posting = parse(
        "# Dev\n\n## Compétences\n\nBonne maîtrise de React.  \nAppétence pour le design.  \n"
        "Expérience du logiciel libre.\n"
    )
    assert [c.text for c in posting.criteria] == [
        "Bonne maîtrise de React.",
        "Appétence pour le design.",
        "Expérience du logiciel libre.",
    ]


def test_who_hires_through_an_aside_or_in_the_first_heading() -> None:
    posting = parse(
        "# Dev\n\nArchivio (https://archivio.example/), une des startups d'État du ministère, "
        "cherche un·e développeur·e.\n"
    )
    assert posting.organization == "Archivio"
    posting = parse("## taxi.example cherche une personne pour son déploiement\n\nUn texte.\n")
    assert posting.organization == "taxi.example"


# --- A third batch, from four more of the incubator's postings ---------------------------


def test_the_team_of_a_state_startup_names_it_past_an_aside_and_leaves_the_title() -> None:
    posting = parse(
        "---\nroles: Chargé.e de déploiement senior d'Accesvelo\n---\n"
        "L’équipe de la startup d'État Accesvelo (deux intrapreneurs et un développeur) "
        "recherche un·e chargé·e de déploiement.\n"
    )
    assert posting.organization == "Accesvelo"
    assert posting.title == "Chargé.e de déploiement senior"


def test_a_state_startup_named_at_the_opening_of_a_sentence_is_the_organization() -> None:
    posting = parse("# Dev\n\nLa Startup d’État MINERAI est hébergée à la Fabrique.\n")
    assert posting.organization == "MINERAI"


def test_a_name_in_lower_case_with_its_acronym_under_who_we_are() -> None:
    posting = parse(
        "# Dev\n\n# Contexte\n\nDes navires partent chaque jour.\n\n# Qui sommes-nous ?\n\n"
        "Le service national des données de voyage (SNDV), service interministériel, "
        "améliore la collecte.\n"
    )
    assert posting.organization == "Service national des données de voyage"


def test_a_hiring_heading_gives_the_role_without_its_purpose() -> None:
    posting = parse(
        "# [bus.example](https://bus.example) cherche une ou un responsable des données bus "
        "pour améliorer l'information des voyageurs.\n\nUn texte.\n"
    )
    assert posting.title == "Responsable des données bus"


def test_a_real_plus_is_nice_and_a_summary_is_no_resume() -> None:
    posting = parse(
        "# Dev\n\n## Profil recherché\n\n- Maîtrise des API REST\n"
        "- La culture produit est un vrai plus\n\nVous trouverez un résumé de l’état de l’art "
        "dans [le kit](https://kit.example/demarrage).\n"
    )
    assert [c.kind for c in posting.criteria] == [MUST, NICE]
    assert posting.apply_url is None


def test_mastering_two_languages_in_a_professional_setting_requires_both() -> None:
    text = "# Dev\n\n- Vous maitrisez le français et l’anglais dans un contexte professionnel ;\n"
    assert parse(text).required_languages == ["fr", "en"]
