"""Rules learnt from real postings, each on a fictional example written for this test."""

import datetime as dt

from tremplin.vacancies.importing import ParsedPosting, parse_posting
from tremplin.vacancies.importing.criteria_kinds import MUST, NICE


def parse(text: str) -> ParsedPosting:
    return parse_posting(text, source_name="example.md")


# --- Organization and title ----------------------------------------------------------


def test_the_organization_is_who_the_text_presents_as_an_association() -> None:
    posting = parse(
        "# Animateur·rice nature\n\n"
        "Les Jardins du Coteau sont une association d'éducation à l'environnement.\n\n"
        "- Animer des sorties\n"
    )
    assert posting.organization == "Les Jardins du Coteau"


def test_an_acronym_before_the_full_name_gives_the_full_name() -> None:
    posting = parse(
        "# Coordinateur\n\nLe RJV - Réseau des Jeunes Vélocistes est le syndicat des ateliers "
        "de réparation.\n\n- Coordonner les ateliers\n"
    )
    assert posting.organization == "Réseau des Jeunes Vélocistes"


def test_an_english_description_names_the_organization() -> None:
    posting = parse(
        "# Grants Officer\n\nMoorland Trust is a small charity that restores peat bogs.\n\n"
        "- Write grant reports\n"
    )
    assert posting.organization == "Moorland Trust"


def test_x_embauche_names_the_organization() -> None:
    posting = parse(
        "# Caissier\n\nLa Coop du Marais embauche! Rejoignez-nous.\n\n- Tenir la caisse\n"
    )
    assert posting.organization == "La Coop du Marais"


def test_a_front_matter_description_apply_for_x_names_the_organization() -> None:
    posting = parse(
        '---\ntitle: "Wiki Gardener"\ndescription: "Apply to become the Wiki Gardener for '
        'Treehouse.net"\n---\n\nWe need someone to tidy our wiki.\n'
    )
    assert posting.organization == "Treehouse.net"


def test_recrutement_d_un_e_is_no_part_of_the_title() -> None:
    posting = parse(
        '---\ntitle: "Recrutement d\'un-e animateur·rice jeunesse"\n---\n\nUn texte sur le poste.\n'
    )
    assert posting.title == "Animateur·rice jeunesse"


def test_toml_front_matter_is_read() -> None:
    posting = parse('+++\ntitle = "Jardinier"\nlocation = "Namur"\n+++\n\nUn poste au jardin.\n')
    assert (posting.title, posting.location) == ("Jardinier", "Namur")


# --- Structure -----------------------------------------------------------------------


def test_a_hard_line_break_ends_a_labelled_line_and_titre_du_poste_gives_the_title() -> None:
    posting = parse(
        "Une offre.\n\n**Titre du poste:** Archiviste\\\n**Lieu:** Tournai\\\n"
        "**Durée:** un an\n\nUn texte.\n"
    )
    assert (posting.title, posting.location) == ("Archiviste", "Tournai")


def test_a_bold_line_leading_into_a_list_heads_it() -> None:
    posting = parse("# Guide\n\nUn texte.\n\n**La personne devra :**\n\n- Aimer marcher\n")
    assert [(c.text, c.kind) for c in posting.criteria] == [("Aimer marcher", MUST)]


def test_an_italic_line_heads_the_list_under_it() -> None:
    posting = parse(
        "# Guide\n\n## Missions\n\n_Compétences requises_\n\n- Lire une carte\n\n"
        "_Au quotidien…_\n\n- Accueillir les groupes\n"
    )
    assert [c.text for c in posting.criteria] == ["Lire une carte"]


def test_a_line_linking_an_address_is_no_heading() -> None:
    posting = parse(
        "Curious students should [write to Ines](mailto:ines@lab.example.org) with:\n\n"
        " 1. A CV\n 2. A letter\n"
    )
    assert posting.apply_email == "ines@lab.example.org"


# --- Employment type and duration ----------------------------------------------------


def test_a_call_for_volunteers_is_a_volunteer_role() -> None:
    posting = parse(
        "# Map Editor\n\nWe are looking for some keen volunteers who can give "
        "3 months commitment to our maps.\n"
    )
    assert (posting.employment_type, posting.contract_duration_months) == ("VOLUNTEER", 3)


def test_a_cdi_has_no_duration_even_with_reviews_after_months() -> None:
    posting = parse(
        "# Comptable\n\nContrat à durée indéterminée, temps plein. Un bilan du poste aura "
        "lieu après 3 mois et 6 mois.\n"
    )
    assert (posting.employment_type, posting.contract_duration_months) == ("FULL_TIME", None)


def test_a_probation_period_is_no_duration_and_a_month_range_is() -> None:
    posting = parse(
        "# Organisatrice\n\nContrat de mai 2031 à octobre 2031, avec une période probatoire "
        "de 2 mois.\n"
    )
    assert posting.contract_duration_months == 6


# --- Place, pay, languages, years, deadline ------------------------------------------


def test_a_remote_lieu_keeps_the_place() -> None:
    posting = parse("# Agente\n\nLieu : À distance dans le soi-disant Manitoba.\n")
    assert posting.location == "Manitoba"


def test_the_town_after_the_building_is_the_place() -> None:
    posting = parse("# Guide\n\nLe musée est situé à La Vieille Halle, à Mons.\n")
    assert posting.location == "Mons"


def test_based_on_names_no_place() -> None:
    posting = parse("# Designer\n\n## Duties\n\n- Sketching screens based on user interviews;\n")
    assert posting.location is None


def test_a_dollar_sign_after_the_amount_is_canadian() -> None:
    posting = parse("# Commis\n\nRémunération : 24,50 $ de l'heure.\n")
    assert posting.salary is not None
    assert (posting.salary.currency, posting.salary.period) == ("CAD", "HOUR")


def test_a_choice_of_languages_or_a_language_that_is_a_plus_is_not_required() -> None:
    assert (
        parse("# Guide\n\n- Parler couramment en espagnol ou italien.\n").required_languages == []
    )
    assert parse("# Guide\n\n- Un bon niveau d'allemand est un plus.\n").required_languages == []
    posting = parse("# Guide\n\n- Fluency in Spanish both written and spoken; others a plus.\n")
    assert posting.required_languages == ["es"]


def test_years_in_brackets_count_and_years_not_required_do_not() -> None:
    assert (
        parse("# Chef\n\n- Une expérience probante (4 ans) en cuisine.\n").min_years_experience == 4
    )
    posting = parse("# Chef\n\n- 2 years experience in a kitchen (nice, but not required)\n")
    assert posting.min_years_experience is None


def test_a_deadline_without_its_year_takes_the_year_the_text_names_as_a_guess() -> None:
    posting = parse(
        "# Monitrice\n\nLe contrat court de juin 2031 à août 2031. Postulez avant le 15 mai.\n"
    )
    assert posting.deadline == dt.date(2031, 5, 15)
    assert any("2031 is a guess" in warning for warning in posting.warnings)


def test_a_form_link_in_the_front_matter_is_the_apply_url_but_not_a_copied_page() -> None:
    form = "https://docs.google.com/forms/d/e/EXAMPLE/viewform"
    posting = parse(f"---\ntitle: Guide\nform_link: {form}\n---\n\nUn texte.\n")
    assert posting.apply_url == form
    posting = parse(f"---\ntitle: Guide\nsource_url: {form}\n---\n\nUn texte.\n")
    assert posting.apply_url is None


# --- Criteria ------------------------------------------------------------------------


def test_an_eligibility_heading_lists_criteria() -> None:
    posting = parse("# Research Fellow\n\n## Eligibility\n\n- A PhD in ecology\n")
    assert [(c.text, c.kind) for c in posting.criteria] == [("A PhD in ecology", MUST)]


def test_short_paragraphs_under_a_profile_heading_are_criteria() -> None:
    posting = parse(
        "# Animateur\n\n## Profil recherché\n\nTu aimes le travail en équipe ?\n\n"
        "Tu connais le milieu associatif ?\n"
    )
    assert [c.text for c in posting.criteria] == [
        "Tu aimes le travail en équipe ?",
        "Tu connais le milieu associatif ?",
    ]


def test_an_aside_saying_a_plus_does_not_make_a_bullet_optional() -> None:
    posting = parse(
        "# Developer\n\n## Skills\n\n- Knowledge of SQL (Postgres is a plus);\n"
        "- Good written Italian; other languages a plus.\n"
        "- One year of mentoring (ideal but not required)\n"
        "- Experience with maps is a plus;\n"
    )
    assert [c.kind for c in posting.criteria] == [MUST, MUST, NICE, NICE]


def test_each_field_is_traced_to_the_line_it_was_read_from() -> None:
    from tremplin.vacancies.importing.evidence import field_sources

    text = (
        "---\ntitle: Bike Mechanic\n---\n\nPedal Union is a cooperative of repair shops.\n\n"
        "The job is based in Ghent. Pay: 2,400 EUR per month.\n"
    )
    sources = field_sources(parse(text), text)
    assert sources == {
        "title": "title: Bike Mechanic",
        "organization": "Pedal Union is a cooperative of repair shops.",
        "location": "The job is based in Ghent.",
        "salary": "Pay: 2,400 EUR per month.",
    }


# --- Rules from the postings of public-service start-ups (fictional examples) -----------


def test_a_heading_saying_who_recruits_whom_gives_the_title_and_the_organization() -> None:
    posting = parse(
        "# L'équipe Ressourcerie Nord recrute un·e valoriste\n\n"
        "Tu trieras les objets donnés.\n\n- Aimer le travail manuel\n"
    )

    assert posting.title == "Valoriste"
    assert posting.organization == "Ressourcerie Nord"


def test_a_site_address_recruiting_is_the_organization() -> None:
    posting = parse("# reemploi.example.org recrute une développeuse\n\nDu code libre.\n")

    assert posting.title == "Développeuse"
    assert posting.organization == "reemploi.example.org"


def test_an_english_heading_saying_who_is_hiring_gives_the_title() -> None:
    posting = parse("# Harbour Commons is hiring a Volunteer Coordinator\n\nJoin us.\n")

    assert posting.title == "Volunteer Coordinator"


def test_research_as_a_noun_is_no_hiring_verb() -> None:
    assert parse("# Chargé de recherche clinique\n\nUn poste.\n").title == (
        "Chargé de recherche clinique"
    )


def test_a_title_loses_a_leading_article_and_offre_de() -> None:
    assert parse("---\ntitle: un.e chargé·e de mission\n---\nUn poste.\n").title == (
        "Chargé·e de mission"
    )
    assert parse("# Offre de chargé(e) d'accueil\n\nUn poste.\n").title == "Chargé(e) d'accueil"
    assert parse("# Offre d'emploi – Animateur\n\nUn poste.\n").title == "Animateur"


def test_a_roles_key_is_the_title_when_nothing_else_states_one() -> None:
    posting = parse("---\nroles: un·e lead développeur·se\n---\n## Contexte\n\nUn service.\n")

    assert posting.title == "Lead développeur·se"


def test_an_independent_status_is_a_contractor() -> None:
    assert parse("# Designer\n\n- Poste ouvert pour un·e indépendant·e\n").employment_type == (
        "CONTRACTOR"
    )
    assert parse("# Designer\n\nRémunéré en statut d'indépendant.\n").employment_type == (
        "CONTRACTOR"
    )
    assert parse("---\ncontrat: indépendant\n---\n# Designer\n\nUn poste.\n").employment_type == (
        "CONTRACTOR"
    )


def test_working_independently_is_no_contract() -> None:
    posting = parse("# Designer\n\nTu sais travailler de façon indépendante, en CDI.\n")

    assert posting.employment_type != "CONTRACTOR"


def test_a_range_of_days_is_no_pay() -> None:
    posting = parse("# Chargé de déploiement\n\nSur 2-3 jours par semaine, rémunérés.\n")

    assert posting.salary is None


def test_a_pay_range_is_still_read_next_to_days() -> None:
    posting = parse("# Animateur\n\nSalaire : 2 000 à 2 500 € par mois, 4 jours par semaine.\n")

    assert posting.salary is not None
    assert (posting.salary.min, posting.salary.max) == (2000, 2500)


def test_what_we_expect_is_a_requirements_list() -> None:
    posting = parse("# Développeur\n\n## Nos attentes\n\n- Tu fais preuve d'autonomie\n")

    assert [(c.text, c.kind) for c in posting.criteria] == [("Tu fais preuve d'autonomie", MUST)]
