"""Rules learnt from the seventh round of tuning postings (fifteen held-out postings moved
to the tuning part: summer-camp jobs, a town's student job, a ministry's fixed term,
apprenticeships), each on a fictional example."""

from tremplin.vacancies.importing import MUST, NICE, ParsedPosting, parse_posting


def parse(text: str) -> ParsedPosting:
    return parse_posting(text, source_name="example.md")


# --- Contract ----------------------------------------------------------------------------


def test_a_duration_heading_gives_the_weeks_as_months_and_a_fixed_term() -> None:
    posting = parse(
        "# Moniteur de voile\n\n### Durée\n\n10 semaines, du 1er juillet au 6 septembre\n\n"
        "### Salaire\n\n17,25$/heure\n"
    )
    assert posting.contract_duration_months == 2
    assert posting.employment_type == "TEMPORARY"
    assert posting.salary is not None
    assert (posting.salary.currency, posting.salary.period) == ("CAD", "HOUR")


def test_a_fixed_term_stated_only_in_the_title_gives_its_duration() -> None:
    posting = parse(
        '---\ntitle: "Archiviste - CDD 2 ans renouvelable H/F"\n---\n\n'
        "Vous classerez les fonds de la bibliothèque.\n"
    )
    assert posting.title == "Archiviste"
    assert posting.contract_duration_months == 24
    assert posting.employment_type == "TEMPORARY"


def test_a_stay_until_a_month_of_the_next_year_counts_both_months() -> None:
    posting = parse(
        "# Animateur réseau\n\nNous cherchons une personne qui puisse porter l'animation du "
        "réseau dès novembre 2023 et au moins jusqu'à fin mai 2024, trois jours par semaine.\n"
    )
    assert posting.contract_duration_months == 7


def test_a_length_said_to_be_flexible_is_no_duration() -> None:
    posting = parse(
        "# Apprentice\n\nWe usually prefer a 4 month commitment but the schedule and length "
        "are flexible.\n"
    )
    assert posting.contract_duration_months is None


def test_temporary_posts_in_the_summary_make_a_temporary_job() -> None:
    posting = parse(
        "---\ntitle: Sauveteur\ndescription: La Ville de Port-Joli désire combler des postes "
        "temporaires de sauveteur.\n---\n\nPostulez en ligne.\n"
    )
    assert posting.employment_type == "TEMPORARY"
    assert posting.organization == "Ville de Port-Joli"


def test_freelance_offered_as_one_choice_does_not_make_a_contractor() -> None:
    posting = parse(
        "# Chargé·e de support\n\n- Contrat : CDD ou en freelance, temps partiel à 80 %\n"
    )
    assert posting.employment_type == "PART_TIME"


def test_a_stage_of_a_range_of_months_is_an_internship() -> None:
    posting = parse("# Chargé de veille\n\n- Stage de 3 à 5 mois, 35 heures par semaine\n")
    assert posting.employment_type == "INTERN"
    assert posting.contract_duration_months == 3


def test_a_front_matter_contract_stage_is_an_internship() -> None:
    posting = parse("---\ntitle: Assistant\ncontrat: stage\n---\n\nVous aiderez l'équipe.\n")
    assert posting.employment_type == "INTERN"


# --- Title -------------------------------------------------------------------------------


def test_poste_de_and_poste_a_combler_are_no_part_of_the_title() -> None:
    assert parse('---\ntitle: "Poste d’éducateur·trice"\n---\n\nTexte.\n').title == (
        "Éducateur·trice"
    )
    assert parse('---\ntitle: "Poste à combler : gardien(ne)"\n---\n\nTexte.\n').title == (
        "Gardien(ne)"
    )
    # "Poste à temps partiel en communications" says what the post is: kept.
    assert parse("# Poste à temps partiel en communications\n\nTexte.\n").title == (
        "Poste à temps partiel en communications"
    )


def test_the_season_a_title_is_for_is_no_part_of_it() -> None:
    assert parse("# Summer 2023 Data Apprentices\n\nText.\n").title == "Data Apprentices"


def test_a_name_in_apposition_to_the_role_s_object_stays_in_the_title() -> None:
    posting = parse(
        "---\ntitle: Responsable de l'application mobil.io\n---\n\n"
        "mobil.io cherche une personne pour son déploiement.\n"
    )
    assert posting.organization == "mobil.io"
    assert posting.title == "Responsable de l'application mobil.io"


# --- Who hires ---------------------------------------------------------------------------


def test_two_names_that_hire_together() -> None:
    posting = parse("# Ecotri et Solvera recrutent un.e data analyst\n\nTexte.\n")
    assert posting.organization == "Ecotri et Solvera"


def test_a_who_we_are_heading_names_who_hires() -> None:
    posting = parse(
        "# Développeur\n\n## Qui sommes nous : l'Atelier des Communes\n\n"
        "Nous construisons des services numériques.\n"
    )
    assert posting.organization == "Atelier des Communes"


# --- Structure ---------------------------------------------------------------------------


def test_a_bullet_one_space_off_stays_in_its_list() -> None:
    posting = parse(
        "# Chargé\n\n## Profil recherché\n\n  -  Vous êtes rigoureux ;\n"
        " -   Vous savez gérer vos projets ;\n  -  Vous aimez le terrain.\n"
    )
    assert [c.text for c in posting.criteria] == [
        "Vous êtes rigoureux ;",
        "Vous savez gérer vos projets ;",
        "Vous aimez le terrain.",
    ]
    assert {c.kind for c in posting.criteria} == {MUST}
    assert NICE not in {c.kind for c in posting.criteria}


# --- Place -------------------------------------------------------------------------------


def test_the_town_in_brackets_after_a_building_under_a_place_heading() -> None:
    posting = parse(
        "# Moniteur\n\n### Lieu de travail\n\nPiscine municipale Jean-Vallée (Rivière-Claire)\n"
    )
    assert posting.location == "Rivière-Claire"


def test_a_town_with_its_province_in_brackets_stays_whole() -> None:
    posting = parse("# Moniteur\n\n### Lieu de travail\n\nMontréal (Québec)\n")
    assert posting.location == "Montréal (Québec)"


def test_places_listed_under_a_located_near_heading() -> None:
    posting = parse(
        "# Developer\n\n## You should be located near:\n* Lisbon\n* Oslo\n* Tallinn\n\n"
        "## You'll help us:\n* Build things\n"
    )
    assert posting.location == "Lisbon, Oslo, Tallinn"


def test_the_town_before_its_district_and_no_remote_tail() -> None:
    posting = parse(
        "# Tech lead\n\n- Localisation : Rue des Vergers de Bourgogne Lyon 3e et en télétravail.\n"
    )
    assert posting.location == "Lyon"


def test_the_town_after_the_address_of_the_offices_of_a_team() -> None:
    posting = parse(
        "# Chargé\n\nNous travaillons depuis les bureaux de la direction, 4 rue Haute à Rennes, "
        "dans un espace partagé.\n"
    )
    assert posting.location == "Rennes"


def test_a_town_s_administration_works_in_that_town() -> None:
    posting = parse(
        "---\ntitle: Sauveteur\ndescription: La Ville de Port-Joli souhaite pourvoir des "
        "postes de sauveteur.\n---\n\nPostulez en ligne.\n"
    )
    assert posting.location == "Port-Joli"


def test_accents_written_as_combining_marks_read_as_letters() -> None:
    decomposed = "Rivie\u0300re-Claire"
    posting = parse(
        f"# Moniteur\n\n### Lieu de travail\n\nCentre aquatique Jean-Vallée ({decomposed})\n"
    )
    assert posting.location == "Rivière-Claire"


# --- Experience --------------------------------------------------------------------------


def test_years_in_brackets_after_the_experience_asked() -> None:
    posting = parse(
        "# Developer\n\n## We're looking for someone with:\n"
        "* Experience building data pipelines (4+ years), preferably in Rust\n"
    )
    assert posting.min_years_experience == 4


# --- Apply URL ---------------------------------------------------------------------------


def test_a_link_of_an_html_page_is_kept_even_inside_noscript() -> None:
    posting = parse(
        "<div><p><b>Job Title:</b> Greeter</p>\n<p><b>Location:</b> Springfield</p>\n"
        "<p>Apply with the form below.</p>\n"
        '<script src="https://forms.example/js.php?42"></script><noscript>'
        '<a href="https://www.formstack.com/forms/?42-abc">Online Form - Volunteer '
        "Application Form</a></noscript></div>"
    )
    assert posting.apply_url == "https://www.formstack.com/forms/?42-abc"


def test_a_job_board_page_given_as_the_address_to_apply_at() -> None:
    posting = parse(
        "# Sauveteur\n\nSi cette offre vous intéresse, veuillez soumissionner directement à "
        "l'adresse suivante :\n\nhttps://emplois.ca.indeed.com/emplois?q=Sauveteur&vjk=12ab\n"
    )
    assert posting.apply_url == "https://emplois.ca.indeed.com/emplois?q=Sauveteur&vjk=12ab"


def test_the_link_to_the_site_an_apply_sentence_names() -> None:
    posting = parse(
        "# Volontaire\n\nLa fiche mission : [la mission](https://www.jeunes-solidaires.example/"
        "missions/atelier-velo)\n\nPlus d'informations : https://www.jeunes-solidaires.example\n\n"
        "Vous pouvez envoyer votre candidature directement sur le site des Jeunes Solidaires.\n"
    )
    assert posting.apply_url == "https://www.jeunes-solidaires.example/missions/atelier-velo"


def test_a_french_plural_role_after_the_hiring_verb_is_made_singular() -> None:
    posting = parse("# L'Atelier Vélo recrute des animateurs en service civique !\n\nTexte.\n")
    assert posting.title == "Animateur en service civique"


# --- Contract, again ---------------------------------------------------------------------


def test_the_funding_of_a_job_is_not_the_length_of_its_contract() -> None:
    posting = parse(
        "# Editor\n\nThis is a remote position and is initially funded for 2 years, with the "
        "possibility of extension.\n"
    )
    assert posting.contract_duration_months is None
    fellowship = parse("# Fellow\n\nWe have a funded three-year fellowship position.\n")
    assert fellowship.contract_duration_months == 36


# --- Criteria ----------------------------------------------------------------------------


def test_a_list_led_in_by_additionally_is_nice() -> None:
    posting = parse(
        "# Apprentice\n\nHere are some skills that would be helpful to have:\n\n"
        "- Some experience with Git and code review\n\n"
        "Additionally, for the design position, it would be helpful to have:\n\n"
        "- Experience drawing with vectors and SVG files\n"
    )
    assert [(c.kind, c.text) for c in posting.criteria] == [
        (MUST, "Some experience with Git and code review"),
        (NICE, "Experience drawing with vectors and SVG files"),
    ]


def test_a_paragraph_asking_for_years_or_studies_under_a_profile_heading() -> None:
    posting = parse(
        "# Chargé\n\n## Profil recherché\n\n2 à 4 ans d'expérience en animation de réseau. "
        "Nous restons ouverts.\n\nCompétences :\n\n- Sens de l'écoute et du dialogue\n"
    )
    assert [(c.kind, c.text) for c in posting.criteria] == [
        (MUST, "2 à 4 ans d'expérience en animation de réseau."),
        (MUST, "Sens de l'écoute et du dialogue"),
    ]


def test_a_preference_stated_in_a_sentence_apart_is_nice() -> None:
    posting = parse(
        "# Research Assistant\n\nThis is a full-time position.\n\n"
        "Candidates with an interest in genomics are highly preferred.\n"
    )
    assert [(c.kind, c.text) for c in posting.criteria] == [
        (NICE, "Candidates with an interest in genomics are highly preferred.")
    ]


def test_sub_bullets_detailing_a_criterion_are_no_part_of_it() -> None:
    posting = parse(
        "# Developer\n\n## Must Haves\n\n* Has worked with a public cloud\n"
        "  * Especially: queues, alarms, logs\n* Languages\n  * English\n  * French\n"
    )
    assert [c.text for c in posting.criteria] == [
        "Has worked with a public cloud",
        "Languages: English; French",
    ]


# --- Who hires, introduced in passing ----------------------------------------------------


def test_a_title_role_at_a_name_gives_both() -> None:
    posting = parse("# Program Officer at Fondation Rivière\n\nVous suivrez les projets.\n")
    assert (posting.title, posting.organization) == ("Program Officer", "Fondation Rivière")


def test_at_a_name_we_names_who_hires() -> None:
    posting = parse("# Data Analyst\n\nAt Brightwater Trust, we believe rivers matter.\n")
    assert posting.organization == "Brightwater Trust"


def test_we_are_a_name_and_what_it_is_names_who_hires() -> None:
    posting = parse(
        "# Chargé de mission\n\nNous sommes Les Amis du Fleuve, une association qui protège "
        "les rivières.\n"
    )
    assert posting.organization == "Les Amis du Fleuve"


def test_join_a_name_names_who_hires_but_join_us_or_a_tool_does_not() -> None:
    assert parse("# Manager\n\nJoin The Carpentries as our manager.\n").organization == (
        "The Carpentries"
    )
    assert parse("# Manager\n\nJoin the Brightwater Trust team today.\n").organization == (
        "Brightwater Trust"
    )
    assert parse("# Manager\n\nJoin our team. You will grow it.\n").organization is None
    assert parse("# Manager\n\nJoin Slack to ask us questions.\n").organization is None


def test_about_the_association_named_in_a_heading() -> None:
    posting = parse(
        "# Chargé de mission\n\n## À propos de l'association Les Amis du Fleuve\n\nTexte.\n"
    )
    assert posting.organization == "Les Amis du Fleuve"


def test_the_first_line_of_a_plain_text_posting_is_its_title() -> None:
    posting = parse("Data Analyst\nBrightwater Trust\n\nWe protect rivers. You will analyse.\n")
    assert posting.title == "Data Analyst"
    sentence = parse("We protect rivers. You will analyse data for us.\n\nApply by mail.\n")
    assert sentence.title is None


# --- Contract and place, more cues -------------------------------------------------------


def test_a_trial_period_in_the_sentence_leaves_the_contract_s_length() -> None:
    posting = parse("# Analyst\n\n12-month fixed-term contract with a 3-month probation period.\n")
    assert posting.contract_duration_months == 12
    permanent = parse("# Chargé\n\nContrat : CDI. Période d'essai de 3 mois renouvelable.\n")
    assert permanent.contract_duration_months is None


def test_a_mission_de_benevolat_is_volunteering() -> None:
    assert parse("# Mission de bénévolat\n\nVous aiderez l'équipe.\n").employment_type == (
        "VOLUNTEER"
    )


def test_a_job_type_contract_is_a_contractor() -> None:
    assert parse("# Analyst\n\nJob type: Contract\n").employment_type == "CONTRACTOR"


def test_more_labels_of_the_place_of_work() -> None:
    for line, place in (
        ("Duty station: Nairobi, Kenya", "Nairobi, Kenya"),
        ("Work location: Lyon (hybrid)", "Lyon"),
        ("Localisation du poste : Nantes", "Nantes"),
        ("**Where:** Montréal, QC", "Montréal, QC"),
    ):
        assert parse(f"# Analyst\n\n{line}\n").location == place


def test_the_town_of_our_office_and_of_the_seat_the_job_is_at() -> None:
    assert parse("# Analyst\n\nYou will work from our Leeds office.\n").location == "Leeds"
    assert parse("# Analyst\n\nYou will work from our Head office.\n").location is None
    posting = parse("# Analyste\n\nLe poste est situé au siège de l'association à Grenoble.\n")
    assert posting.location == "Grenoble"


# --- Title, what it carries besides the role ---------------------------------------------


def test_a_hiring_cry_and_bracketed_terms_are_no_part_of_the_title() -> None:
    for heading, title in (
        ("Nous recrutons : Chargé·e de communication (H/F)", "Chargé·e de communication"),
        ("We're hiring! Program Manager", "Program Manager"),
        ("[CDI] Chargé de mission plaidoyer", "Chargé de mission plaidoyer"),
        ("Program Manager (Remote, Full-time)", "Program Manager"),
        ("Program Manager - Remote", "Program Manager"),
    ):
        assert parse(f"# {heading}\n\nText.\n").title == title


def test_a_job_board_title_s_trailing_parts_give_the_terms_and_the_place() -> None:
    posting = parse("# Offre d'emploi – Chargé·e de projet – CDD 12 mois – Lyon\n\nTexte.\n")
    assert (posting.title, posting.location) == ("Chargé·e de projet", "Lyon")
    pay = parse("# Program Manager – Leeds – £40,000\n\nText.\n")
    assert (pay.title, pay.location) == ("Program Manager", "Leeds")
    # With no terms beside it, a part may be the role's own.
    assert parse("# Program Manager - Climate\n\nText.\n").title == "Program Manager - Climate"


def test_a_first_heading_calling_to_join_gives_way_to_the_role_heading() -> None:
    posting = parse("# Join the Operations Team\n\n## Operations Associate\n\nText.\n")
    assert posting.title == "Operations Associate"
    about = parse("# Join the Operations Team\n\n## About us\n\nText.\n")
    assert about.title == "Join the Operations Team"


def test_candidater_says_where_to_apply() -> None:
    posting = parse("# Analyste\n\nPour candidater, rendez-vous sur https://www.example.fr/o/42\n")
    assert posting.apply_url == "https://www.example.fr/o/42"


def test_a_summer_job_is_temporary() -> None:
    assert parse("# Animateur\n\nUn emploi d’été au bord du lac.\n").employment_type == (
        "TEMPORARY"
    )
    assert parse("# Lifeguard\n\nA seasonal position at the lake.\n").employment_type == (
        "TEMPORARY"
    )


def test_a_name_that_invites_applications_seeks_or_opens_a_post_hires() -> None:
    for sentence, name in (
        ("The Riverside Ecology Lab invites applications for a postdoc.", "Riverside Ecology Lab"),
        ("Brightwater Trust seeks an experienced analyst.", "Brightwater Trust"),
        ("Les Amis du Fleuve ouvrent un poste de chargé·e de mission.", "Les Amis du Fleuve"),
        ("Poste proposé par la Fondation Rivière.", "Fondation Rivière"),
    ):
        assert parse(f"# Analyst\n\n{sentence}\n").organization == name


def test_a_call_for_volunteers_and_a_role_needed() -> None:
    call = parse("# Appel à bénévoles : coordinateur·rice\n\nTexte.\n")
    assert (call.title, call.employment_type) == ("Coordinateur·rice", "VOLUNTEER")
    assert parse("# Wanted: Volunteer Coordinator\n\nText.\n").title == "Volunteer Coordinator"
    assert parse("# Volunteer Coordinator Needed\n\nText.\n").title == "Volunteer Coordinator"


def test_front_matter_keys_written_with_spaces_hyphens_or_capitals() -> None:
    posting = parse(
        "---\nJob Title: Data Analyst\ncompany-name: Brightwater Trust\nWork Location: Leeds\n"
        "---\n\nYou will analyse data.\n"
    )
    assert (posting.title, posting.organization, posting.location) == (
        "Data Analyst",
        "Brightwater Trust",
        "Leeds",
    )
