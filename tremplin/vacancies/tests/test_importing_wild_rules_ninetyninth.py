"""Rules learnt from the ninety-ninth round of tuning postings (held-out postings drawn at
random and moved to the tuning part), each on a fictional example."""

from tremplin.vacancies.tests.wild import kinds, parse


def test_a_bare_gender_marker_inside_the_title_goes() -> None:
    posting = parse(
        '---\nroles: "Designer UX F/H senior "\n---\n\n# Tu es designer UX F/H ?\n\n'
        "Rejoins une start-up d'État.\n"
    )
    assert posting.title == "Designer UX senior"


def test_a_count_in_words_leads_no_title() -> None:
    posting = parse("---\nroles: deux développeu·r·se·s\n---\n\nLe pôle Cartes recrute.\n")
    assert posting.title == "Développeu·r·se·s"


def test_independents_sought_are_contractors() -> None:
    for sentence in (
        "Le pôle Cartes recherche deux développeu·r·se·s indépendant·e·s.",
        "Poste ouvert pour un(e) indépendant(e) pour un premier contrat de 6 mois.",
        "La mission peut prendre la forme de facturation pour un entrepreneur indépendant.",
    ):
        posting = parse(f"# Développeur\n\n{sentence}\n")
        assert posting.employment_type == "CONTRACTOR", sentence


def test_working_independently_is_no_contract() -> None:
    # The guard of the rule above: an adjective of the way one works.
    posting = parse(
        "# Développeur\n\nLe pôle recherche un développeur capable de travailler de "
        "façon indépendante.\n"
    )
    assert posting.employment_type != "CONTRACTOR"


def test_the_town_one_travels_to_from_remote_work_is_the_place_of_work() -> None:
    posting = parse(
        "# Développeur\n\n## Modalités\n\n- Télétravail OK (déplacement à Vierzon au moins "
        "une fois par mois)\n"
    )
    assert (posting.location, posting.remote) == ("Vierzon", True)


def test_profile_and_strengths_are_asked_and_so_are_expertises() -> None:
    posting = parse(
        "# Chargée de déploiement\n\n## Tes expertises\n\n- définition de parcours usagers\n\n"
        "## Profil et atouts pour la mission\n\n- Esprit d'écoute et aisance à l'oral\n"
    )
    assert kinds(posting) == {
        "définition de parcours usagers": "must",
        "Esprit d'écoute et aisance à l'oral": "must",
    }


def test_the_reader_s_own_wish_or_liking_is_no_plus() -> None:
    posting = parse(
        "# Développeur\n\n## Ton profil\n\n"
        "- Tu es motivé par le produit et souhaite t'impliquer dans l'équipe\n"
        "- Tu es pédagogue, apprécies de prendre le temps d'expliquer\n"
        "- Anglais technique souhaité\n"
    )
    assert kinds(posting) == {
        "Tu es motivé par le produit et souhaite t'impliquer dans l'équipe": "must",
        "Tu es pédagogue, apprécies de prendre le temps d'expliquer": "must",
        "Anglais technique souhaité": "nice",
    }


def test_the_site_a_role_works_on_names_who_hires() -> None:
    posting = parse(
        "---\nroles: Growth Hacker de MonQuartier.gouv.fr !\n---\n\n"
        "La start-up d'État Voisinage conçoit des services.\n"
    )
    assert (posting.organization, posting.title) == ("MonQuartier.gouv.fr", "Growth Hacker")
