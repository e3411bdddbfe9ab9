"""Rules learnt from the eighty-fourth round of tuning postings (eight held-out postings drawn
at random and moved to the tuning part), each on a fictional example."""

from tremplin.vacancies.tests.wild import kinds, parse


def test_a_qualities_heading_lists_qualities() -> None:
    posting = parse(
        "# Designer\n\n## Compétences\n\n- Connaissance du design d'interaction\n\n"
        "## Qualités\n\n- Avoir le sens de l'écoute et savoir travailler en équipe\n"
        "- Avoir le goût du travail pratique\n"
    )
    assert kinds(posting) == {
        "Connaissance du design d'interaction": "must",
        "Avoir le sens de l'écoute et savoir travailler en équipe": "quality",
        "Avoir le goût du travail pratique": "quality",
    }


def test_requirements_ended_by_semicolons_without_bullets_are_a_list() -> None:
    posting = parse(
        "# Chargé·e de déploiement\n\n## Profil recherché :\n\n"
        "Connaissance ou appétence pour le secteur associatif ;\n"
        "Appétence pour les outils numériques de travail en équipe (Mattermost, Trello, Miro, "
        "Notion, tableurs partagés…) ;\n"
        "Connaissance appréciée des stratégies de prospection, d'animation de réseau et de "
        "mesure de l'audience ;\nSensibilité au graphisme et à l'écriture appréciée.\n"
    )
    assert kinds(posting) == {
        "Connaissance ou appétence pour le secteur associatif ;": "must",
        "Appétence pour les outils numériques de travail en équipe (Mattermost, Trello, Miro, "
        "Notion, tableurs partagés…) ;": "must",
        "Connaissance appréciée des stratégies de prospection, d'animation de réseau et de "
        "mesure de l'audience ;": "nice",
        "Sensibilité au graphisme et à l'écriture appréciée.": "nice",
    }


def test_the_plus_sign_heads_a_plus() -> None:
    posting = parse(
        "# Ingénieur data\n\n## Profil\n\n- Vous maîtrisez Python\n"
        "- Les + : Scala, Elasticsearch, AWS\n"
    )
    assert kinds(posting)["Les + : Scala, Elasticsearch, AWS"] == "nice"


def test_working_in_a_functional_english_asks_for_english() -> None:
    posting = parse(
        "# Ingénieur data\n\n## Profil\n\n- Vous maîtrisez Python\n- Nous sommes 12 "
        "nationalités : vous devrez échanger avec toute l'équipe dans un anglais fonctionnel\n"
    )
    assert posting.required_languages == ["en"]


def test_the_years_colleagues_have_built_up_are_not_asked() -> None:
    posting = parse(
        "# Stage - Chargé·e de déploiement\n\nTu travailleras avec Léa et Inès (cumulant 5 ans "
        "d’expérience chacune dans l'entrepreneuriat).\n"
    )
    assert posting.min_years_experience is None


def test_a_wish_among_the_terms_is_a_criterion() -> None:
    posting = parse(
        "# Stage - Chargé·e de déploiement\n\n## Conditions\n\n- Contrat : stage de 6 mois\n"
        "- Souhaité: Master 1 ou 2, une première expérience professionnelle\n"
        "- Le poste est basé à Lille\n"
    )
    assert kinds(posting) == {
        "Souhaité: Master 1 ou 2, une première expérience professionnelle": "nice"
    }
