"""Rules learnt from the seventy-seventh round of tuning postings (eight held-out postings
drawn at random and moved to the tuning part), each on a fictional example."""

from tremplin.vacancies.tests.wild import kinds, parse


def test_the_qualities_a_post_needs_are_its_requirements() -> None:
    posting = parse(
        "# Chargé·e de mission\n\n## Compétences\n\n"
        "Les qualités nécessaires pour le poste sont les suivantes :\n"
        "- Avoir le sens du contact ;\n- Aimer le travail de terrain.\n"
    )
    assert kinds(posting) == {
        "Avoir le sens du contact ;": "must",
        "Aimer le travail de terrain.": "must",
    }


def test_what_has_to_be_done_is_no_requirement() -> None:
    posting = parse(
        "# Chargé·e de mission\n\nÀ ce titre, il est nécessaire de :\n"
        "1. animer le réseau des bibliothèques\n2. rédiger le bilan annuel\n"
    )
    assert kinds(posting) == {}


def test_what_a_dutch_posting_asks_of_the_reader_are_its_requirements() -> None:
    posting = parse(
        "# Stagiair communicatie\n\nDaarbij vragen we van jou:\n"
        "* Je beheerst zowel de Nederlandse als Engelse taal op professioneel niveau\n"
        "* Je bent nieuwsgierig\n"
    )
    assert kinds(posting) == {
        "Je beheerst zowel de Nederlandse als Engelse taal op professioneel niveau": "must",
        "Je bent nieuwsgierig": "must",
    }
    assert posting.required_languages == ["nl", "en"]


def test_the_persons_own_wish_is_no_plus() -> None:
    posting = parse(
        "# Chargé·e de déploiement\n\n## Profil recherché\n\n"
        "* une personne motivée par le projet qui souhaite s’impliquer pleinement ;\n"
        "* une expérience du support serait un plus\n"
    )
    assert kinds(posting) == {
        "une personne motivée par le projet qui souhaite s’impliquer pleinement ;": "must",
        "une expérience du support serait un plus": "nice",
    }


def test_a_team_hiring_in_the_heading_after_a_question_is_the_organization() -> None:
    posting = parse(
        "### Tu veux être utile au service public ?\n\n"
        "### L’équipe Potager Public recherche un·e chargé·e de déploiement.\n\n"
        "# Contexte\n\nTexte.\n"
    )
    assert posting.organization == "Potager Public"


def test_a_french_period_a_developer_is_sought_for_is_the_contracts_length() -> None:
    posting = parse(
        "# Développeur·se\n\nL'équipe Jardin Numérique recherche un·e développeur·se "
        "pour une période de minimum 4 mois.\n"
    )
    assert posting.contract_duration_months == 4
