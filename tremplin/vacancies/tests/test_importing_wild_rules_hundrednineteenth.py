"""Rules learnt from the hundred-and-nineteenth round of tuning postings (held-out postings
drawn at random and moved to the tuning part), each on a fictional example."""

from tremplin.vacancies.tests.wild import kinds, parse


def test_a_preference_followed_by_an_alternative_is_a_plus() -> None:
    posting = parse(
        "# Policy Lead\n\nRequirements:\n\n"
        "- Five years of policy work\n"
        "- Experience in a ministry preferred, or alternatively in a trade union.\n"
    )
    assert kinds(posting) == {
        "Five years of policy work": "must",
        "Experience in a ministry preferred, or alternatively in a trade union.": "nice",
    }


def test_what_is_an_advantage_is_a_plus() -> None:
    posting = parse(
        "# Agent administratif\n\n## Qualifications\n\n"
        "- Un diplôme d'études secondaires\n"
        "- La connaissance de SAP est un avantage certain\n"
    )
    assert kinds(posting)["La connaissance de SAP est un avantage certain"] == "nice"


def test_a_post_made_for_you_if_you_lists_the_requirements() -> None:
    posting = parse(
        "# Conseillère en achats\n\n## Ce poste est fait pour vous, si vous :\n\n"
        "- connaissez les règles des marchés publics;\n"
        "- aimez simplifier les processus;\n"
    )
    assert list(kinds(posting)) == [
        "connaissez les règles des marchés publics;",
        "aimez simplifier les processus;",
    ]


def test_a_line_leading_into_a_heading_per_role_makes_their_lists_requirements() -> None:
    posting = parse(
        "# Congé civique\n\n## Avec nous, vous pourrez :\n\n"
        "- Bâtir des services publics\n- Partager votre code\n\n"
        "Voici les compétences que nous recherchons :\n\n"
        "## Développeurs\n\n- Vous écrivez du code testé.\n\n"
        "## Designers\n\n- Vous pensez d'abord à l'accessibilité.\n"
    )
    assert list(kinds(posting)) == [
        "Vous écrivez du code testé.",
        "Vous pensez d'abord à l'accessibilité.",
    ]


def test_the_towns_applications_are_accepted_in_are_the_location() -> None:
    posting = parse(
        "# Designers\n\nNous acceptons maintenant les candidatures de designers et de "
        "chercheurs à Halifax, Moncton et Québec.\n"
    )
    assert posting.location == "Halifax, Moncton et Québec"


def test_a_start_up_short_name_that_is_its_address_names_it() -> None:
    posting = parse(
        "---\nroles: une développeuse\nstartup: api.exemple.fr\n---\n\n"
        "## Qui sommes-nous ?\n\nNous faisons circuler les données entre administrations.\n"
    )
    assert posting.organization == "api.exemple.fr"


def test_a_contract_of_a_self_employed_person_is_a_contractors() -> None:
    posting = parse("# Lead dev\n\n## Contrat\n\nPoste ouvert pour un contrat d'indépendant.\n")
    assert posting.employment_type == "CONTRACTOR"


def test_a_post_for_a_fixed_period_is_temporary() -> None:
    posting = parse(
        "# Agent administratif\n\nIl s'agit d'un poste à période déterminée, classé AS-02.\n"
    )
    assert posting.employment_type == "TEMPORARY"


def test_a_talent_pools_terms_are_other_posts() -> None:
    posting = parse(
        "# Conseiller\n\nUn bassin de personnes qualifiées pourrait être utilisé pour combler "
        "des postes similaires pour une période déterminée ou indéterminée.\n"
    )
    assert posting.employment_type is None
