"""Rules learnt from the ninety-first round of tuning postings (eight held-out postings drawn at
random and moved to the tuning part), each on a fictional example."""

from tremplin.vacancies.tests.wild import kinds, parse


def test_a_start_up_named_with_what_it_is_hires_under_its_name() -> None:
    posting = parse(
        "# Chargé·e de déploiement\n\nLa Start Up RoulePermis cherche un·e chargé·e de "
        "déploiement pour aider l'équipe.\n"
    )
    assert posting.organization == "RoulePermis"


def test_a_start_up_that_is_not_named_keeps_its_words() -> None:
    # The guard of the rule above: "La Startup d'État" alone is not cut to "d'État".
    posting = parse(
        "# Chargé·e de communication\n\nLa Startup d’État recrute un·e chargé·e de communication.\n"
    )
    assert posting.organization == "La Startup d’État"


def test_an_experience_that_is_welcome_is_a_plus() -> None:
    posting = parse(
        "# Développeur·se\n\n## Profil\n\n- Maîtrise de TypeScript\n"
        "- Expérience des tests A/B bienvenue\n"
    )
    assert kinds(posting) == {
        "Maîtrise de TypeScript": "must",
        "Expérience des tests A/B bienvenue": "nice",
    }


def test_what_would_be_great_to_know_too_is_a_plus() -> None:
    posting = parse(
        "# Développeur·se\n\nTu maîtrises :\n\n- React\n- Node.js\n\n"
        "Et ce serait génial si tu connaissais aussi :\n\n- GraphQL\n- Docker\n"
    )
    assert kinds(posting) == {
        "React": "must",
        "Node.js": "must",
        "GraphQL": "nice",
        "Docker": "nice",
    }


def test_funding_until_a_date_is_no_deadline() -> None:
    posting = parse(
        "# Développeur·se\n\nPoste ouvert aux indépendants avec un financement assuré "
        "jusqu'au 31 décembre 2025 à hauteur de 4 jours par semaine.\n"
    )
    assert posting.deadline is None


def test_a_date_under_a_start_heading_is_no_deadline() -> None:
    posting = parse(
        "# Développeur·se\n\n## Date de début\n\nLe plus vite possible avant le 17 juin 2025, "
        "date de départ de notre développeur.\n"
    )
    assert posting.deadline is None


def test_a_titles_notice_that_the_post_is_filled_is_no_part_of_the_role() -> None:
    posting = parse('---\nroles: " Lead développeur/se. Recrutement terminé !"\n---\n\nTexte.\n')
    assert posting.title == "Lead développeur/se"


def test_a_call_for_a_role_names_the_role() -> None:
    posting = parse("# Call for Translation Editors\n\nWe are looking for new editors.\n")
    assert posting.title == "Translation Editors"
