"""Rules learnt from the hundred-and-eighth round of tuning postings (held-out postings drawn
at random and moved to the tuning part), each on a fictional example."""

from tremplin.vacancies.tests.wild import parse


def test_a_static_site_s_team_named_before_a_verb_is_the_organization() -> None:
    posting = parse(
        "---\nroles: Développeur fullstack pour Le Bon Stage\nstartup: le-bon-stage\n---\n\n"
        "## Contexte\n\nLe bon stage a été lancé en 2021 pour aider les lycéens.\n"
    )
    assert posting.organization == "Le bon stage"
    assert posting.title == "Développeur fullstack"


def test_a_title_s_team_after_pour_le_service_is_who_hires() -> None:
    posting = parse(
        "---\nroles: Développeuse principale pour le service Relais\nstartup: relais\n---\n\n"
        "## Qui sommes-nous ?\n\nLe service **Relais** envoie des courriels aux usagers.\n"
    )
    assert posting.title == "Développeuse principale"


def test_a_count_in_front_of_the_role_is_no_part_of_it() -> None:
    posting = parse("---\nroles: 4 chargé·e·s de médiation\n---\n\nBonjour.\n")
    assert posting.title == "Chargé·e·s de médiation"


def test_an_unpaid_period_a_service_arranges_makes_no_volunteer() -> None:
    posting = parse(
        "# Développeur\n\nLe stage d'observation est une période courte et non rémunérée "
        "en entreprise. Notre service aide les collèges à en trouver.\n\n"
        "Freelance et entièrement en télétravail.\n"
    )
    assert posting.employment_type == "CONTRACTOR"


def test_unpaid_work_is_still_volunteering() -> None:
    posting = parse(
        "# Rédacteurs\n\nMerci de noter qu'il s'agit d'un travail volontaire non rémunéré.\n"
    )
    assert posting.employment_type == "VOLUNTEER"


def test_a_post_open_to_freelancers_is_a_contract() -> None:
    posting = parse(
        "# Designer\n\nNous faisons un outil pour les apprentis en contrat d'apprentissage.\n\n"
        "## Modalités\n\n- Poste ouvert pour les indépendant·e·s ;\n- Télétravail possible\n"
    )
    assert posting.employment_type == "CONTRACTOR"


def test_what_the_candidates_are_evaluated_on_is_what_is_asked() -> None:
    posting = parse(
        "# Développeur\n\nNous vous évaluerons en fonction de :\n\n"
        "* Conception de services numériques\n* Travail en équipe pluridisciplinaire\n"
    )
    assert [(c.text, c.kind) for c in posting.criteria] == [
        ("Conception de services numériques", "must"),
        ("Travail en équipe pluridisciplinaire", "must"),
    ]
