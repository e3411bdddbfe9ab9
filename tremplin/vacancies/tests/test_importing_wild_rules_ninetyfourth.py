"""Rules learnt from the ninety-fourth round of tuning postings (eight held-out postings drawn at
random and moved to the tuning part), each on a fictional example."""

from tremplin.vacancies.tests.wild import kinds, parse


def test_a_list_flattened_onto_one_bullet_is_split_into_its_items() -> None:
    posting = parse(
        "# Data Scientist\n\nexperienceRequirements:\n\n* Vous êtes Bac+5 en statistiques * "
        "Vous avez déjà 3 ans d’expérience en Data Science * Vous maîtrisez R * Une "
        "connaissance du SIG est un plus\n"
    )
    assert kinds(posting) == {
        "Vous êtes Bac+5 en statistiques": "must",
        "Vous avez déjà 3 ans d’expérience en Data Science": "must",
        "Vous maîtrisez R": "must",
        "Une connaissance du SIG est un plus": "nice",
    }
    assert posting.min_years_experience == 3


def test_a_bullet_with_one_star_inside_stays_one_item() -> None:
    # The guard of the rule above: two parts are no flattened list.
    posting = parse("# Analyste\n\n## Profil\n\n* Vous notez la qualité * Excellente\n")
    assert kinds(posting) == {"Vous notez la qualité * Excellente": "must"}


def test_the_candidate_s_strengths_are_asked() -> None:
    posting = parse(
        "# Développeur\n\n## Les atouts du candidat\n\n- Vous êtes autonome\n"
        "- Vous aimez le travail en équipe\n"
    )
    assert kinds(posting) == {
        "Vous êtes autonome": "must",
        "Vous aimez le travail en équipe": "must",
    }


def test_an_inclusive_article_written_with_a_dot_operator_leaves_the_title() -> None:
    posting = parse("# Acme recrute un⋅e Service Delivery Manager\n\nUne équipe de six.\n")
    assert posting.title == "Service Delivery Manager"
