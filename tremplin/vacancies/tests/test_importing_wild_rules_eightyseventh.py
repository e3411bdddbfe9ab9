"""Rules learnt from the eighty-seventh round of tuning postings (eight held-out postings drawn
at random and moved to the tuning part), each on a fictional example."""

from tremplin.vacancies.tests.wild import kinds, parse


def test_an_interest_asked_in_a_paragraph_after_the_lists_is_a_criterion() -> None:
    posting = parse(
        "# Développeur\n\n## Profil recherché\n\n- Maîtrise de Git ;\n- Sens de l'écoute.\n\n"
        "Intérêt pour les services publics numériques (API, formulaires, etc.).\n"
    )
    assert "Intérêt pour les services publics numériques (API, formulaires, etc.)." in kinds(
        posting
    )


def test_a_post_open_to_independents_is_a_contractors() -> None:
    posting = parse(
        "# Product manager\n\n## Modalités\n\n* Poste ouvert aux indépendant(e)s pour une durée "
        "de 3 mois (reconductible)\n"
    )
    assert posting.employment_type == "CONTRACTOR"


def test_the_ideal_named_at_a_bullets_start_is_a_plus() -> None:
    posting = parse(
        "# Chargé·e de déploiement\n\n## Le profil qu'on recherche\n\n- Quelqu'un d'autonome.\n"
        "- L'idéal : quelqu'un qui connaît les friches. Sinon, une formation en urbanisme.\n"
    )
    assert kinds(posting) == {
        "Quelqu'un d'autonome.": "must",
        "L'idéal : quelqu'un qui connaît les friches. Sinon, une formation en urbanisme.": "nice",
    }


def test_what_one_has_ideally_done_beside_a_requirement_leaves_it_required() -> None:
    posting = parse(
        "# Développeur\n\n## Profil\n\n- Vous avez une bonne expérience en Django, et avez "
        "idéalement déjà travaillé sur des API ;\n- Vous aimez le travail en équipe.\n"
    )
    assert set(kinds(posting).values()) == {"must"}


def test_front_matter_whose_opening_line_was_lost_is_still_read() -> None:
    posting = parse(
        "roles: Développeur.se full stack\ntitle: DocFinder recrute une personne chargée du "
        "développement\nstartup: DocFinder\n\n---\n\n## Le projet\n\nUn outil pour trouver un "
        "document.\n"
    )
    assert (posting.organization, posting.title) == (
        "DocFinder",
        "Personne chargée du développement",
    )


def test_lines_closed_by_a_rule_that_are_no_yaml_stay_the_body() -> None:
    # The limit of the rule above: "Poste: Dev: Python" is no YAML, so nothing is refused and
    # the lines are read as the body's, as they were before it.
    text = "Poste: Dev: Python\nLieu: Paris\n---\n\nTexte du poste.\n"
    assert parse(text).body == text
