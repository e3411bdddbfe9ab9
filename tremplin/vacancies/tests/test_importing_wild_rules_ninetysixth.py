"""Rules learnt from the ninety-sixth round of tuning postings (held-out postings drawn at random
and moved to the tuning part, and the tuning part's older misses), each on a fictional
example."""

from tremplin.vacancies.tests.wild import kinds, parse


def test_a_role_at_an_acronym_names_the_hirer() -> None:
    posting = parse(
        "---\ntitle: chef de projet à l'ANSN\n---\n\nL'agence lance un projet numérique.\n"
    )
    assert (posting.organization, posting.title) == ("ANSN", "Chef de projet")


def test_a_role_at_a_town_names_no_hirer() -> None:
    # The guard of the rule above: "à Lyon" is a place, not who hires.
    posting = parse("---\ntitle: chef de projet à Lyon\n---\n\nUn projet numérique.\n")
    assert posting.organization is None


def test_a_renewable_term_is_the_contract_s_length() -> None:
    posting = parse(
        "# Développeuse\n\n## Conditions\n\n4 jours par semaine en télétravail sur 9 mois "
        "(renouvelable selon les financements).\n"
    )
    assert posting.contract_duration_months == 9


def test_a_trial_period_renewable_is_no_length() -> None:
    # The guard of the rule above: a trial that can be renewed is still a trial.
    posting = parse("# Développeuse\n\nCDI, avec une période d'essai de 3 mois renouvelable.\n")
    assert posting.contract_duration_months is None


def test_a_length_heading_that_also_covers_pay_gives_the_length() -> None:
    posting = parse(
        "# Stage développeur\n\n## Durée du stage, rémunération\n\n5 mois à partir de mars\n\n"
        "900 € brut / mois\n"
    )
    assert posting.contract_duration_months == 5


def test_an_internship_title_outweighs_part_time_hours() -> None:
    posting = parse(
        "---\ntitle: Stagiaire (Communication)\n---\n\nIl s'agit d'un poste à temps partiel, "
        "de 10 à 20 heures par semaine.\n"
    )
    assert posting.employment_type == "INTERN"


def test_a_student_title_keeps_part_time_hours() -> None:
    # The guard of the rule above: a student may hold a part-time post.
    posting = parse(
        "---\ntitle: Social Media Coordinator (Student)\n---\n\nThis is a part-time role with "
        "flexible hours.\n"
    )
    assert posting.employment_type == "PART_TIME"


def test_a_remote_location_line_keeps_the_place_beside_it() -> None:
    posting = parse(
        "# Chargée de déploiement\n\n**Localisation** : En télétravail et à La Rochelle (1 à 2 "
        "fois par semaine)\n"
    )
    assert (posting.location, posting.remote) == ("La Rochelle", True)


def test_the_organization_s_own_offices_in_towns_are_the_place() -> None:
    posting = parse(
        "# Développeur\n\n- Télétravail 2 jours par semaine et 3 jours dans nos bureaux de "
        "Nantes, Lille ou Tours.\n"
    )
    assert posting.location == "Nantes, Lille ou Tours"


def test_the_offices_of_a_body_are_no_place() -> None:
    # The guard of the rule above: whose offices, not which town.
    posting = parse("# Développeur\n\nVous travaillerez dans les bureaux de la DINUM.\n")
    assert posting.location is None


def test_where_the_team_is_is_the_place() -> None:
    posting = parse(
        "# Développeuse\n\nLes membres de l'équipe sont à Nantes mais il est possible de "
        "télétravailler.\n"
    )
    assert (posting.location, posting.remote) == ("Nantes", True)


def test_offices_named_by_their_town_s_adjective_are_in_the_town() -> None:
    posting = parse(
        "# DBA\n\nLe poste pourra être exercé dans nos locaux lyonnais, et/ou en télétravail.\n"
    )
    assert posting.location == "Lyon"


def test_a_paragraph_of_short_requirements_may_open_by_addressing_the_reader() -> None:
    posting = parse(
        "# Développeuse\n\n## Compétences\n\nVous avez l'habitude des contributions au logiciel "
        "libre (issues, PR, etc.). Développeuse web qui connaît un framework "
        "moderne (Django, Rails, etc.). Bonne maîtrise du front-end (HTML, CSS, React). "
        "Expérience en conception orientée utilisateur. Expérience des tests AB et des mesures.\n"
    )
    assert kinds(posting) == {
        "Vous avez l'habitude des contributions au logiciel libre (issues, PR, etc.).": "must",
        "Développeuse web qui connaît un framework moderne (Django, Rails, etc.).": "must",
        "Bonne maîtrise du front-end (HTML, CSS, React).": "must",
        "Expérience en conception orientée utilisateur.": "must",
        "Expérience des tests AB et des mesures.": "must",
    }


def test_a_paragraph_that_speaks_to_the_reader_further_on_stays_prose() -> None:
    # The guard of the rule above: past its opening, prose addressing someone is no list.
    posting = parse(
        "# Entwickler\n\n## Profil\n\nBei uns gibt es viel Raum. Das Projekt lebt vom Einsatz "
        "aller. Dementsprechend wünschen wir uns Eigenständigkeit. Es gibt viel Raum.\n"
    )
    assert kinds(posting) == {}


def test_an_incubator_recruiting_for_a_start_up_names_the_start_up() -> None:
    posting = parse(
        '---\ntitle: "beta.gouv recrute : une ou un designer pour e.dossier"\n---\n\n'
        "e.dossier simplifie les échanges de documents.\n"
    )
    assert (posting.organization, posting.title) == ("e.dossier", "Designer")


def test_an_incubator_recruiting_for_a_thing_hires_itself() -> None:
    # The guard of the rule above: "pour une plateforme" names no start-up.
    posting = parse(
        '---\ntitle: "Acme recrute : un designer pour une plateforme citoyenne"\n---\n\n'
        "Une plateforme.\n"
    )
    assert posting.organization == "Acme"


def test_a_count_in_words_leaves_a_hiring_title() -> None:
    posting = parse(
        '---\ntitle: "beta.gouv recrute : deux chargé(e)s de déploiement pour Aidez Vite"\n'
        "---\n\nAidez Vite recrute.\n"
    )
    assert posting.title == "Chargé(e)s de déploiement"


def test_a_sought_profile_label_leaves_the_title() -> None:
    posting = parse(
        '---\nroles: "Profil recherché : Chargé(e) d’assistance aux utilisateurs"\n---\n\n'
        "Une équipe.\n"
    )
    assert posting.title == "Chargé(e) d’assistance aux utilisateurs"
