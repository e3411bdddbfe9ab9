"""Rules learnt from the eighty-third round of tuning postings (eight held-out postings drawn at
random and moved to the tuning part), each on a fictional example."""

from tremplin.vacancies.tests.wild import kinds, parse


def test_what_is_desirable_or_counted_as_an_asset_is_a_plus() -> None:
    posting = parse(
        "# Postdoc\n\n## Profile\n\n- A PhD in ecology\n"
        "- Bayesian methods are particularly desirable.\n\n## Profil\n\n"
        "- Des expériences en animation scientifique seront considérées comme des atouts.\n"
        "- Dans l'idéal, maîtrise de Julia et de R.\n"
    )
    assert kinds(posting) == {
        "A PhD in ecology": "must",
        "Bayesian methods are particularly desirable.": "nice",
        "Des expériences en animation scientifique seront considérées comme des atouts.": "nice",
        "Dans l'idéal, maîtrise de Julia et de R.": "nice",
    }


def test_several_people_sought_name_the_role() -> None:
    posting = parse(
        '---\ntitle: "incubateur.example recherche : plusieurs intrapreneur·e·s dans le '
        'domaine de la santé"\n---\n\nTexte.\n'
    )
    assert posting.title == "Intrapreneur·e·s dans le domaine de la santé"


def test_a_team_named_with_what_it_is_hires() -> None:
    posting = parse(
        "# Bizdev\n\nAu sein de la direction, l'incubateur mène un programme.\n\n"
        "En parallèle, la direction lance la Cellule d'Appui Numérique, une équipe de 12 "
        "personnes dont la mission est d'accompagner les ministères.\n"
    )
    assert posting.organization == "Cellule d'Appui Numérique"


def test_a_team_at_an_institute_is_no_team_named_by_the_institute() -> None:
    # Guard: "à l'Institut X, une équipe jeune" says where a team is, not who hires.
    posting = parse(
        "# Ingénieur·e\n\nVous travaillerez sur le projet à l'Institut Exemple Rennes, une "
        "équipe jeune et dynamique.\n"
    )
    assert posting.organization is None


def test_the_team_after_the_role_and_its_article_is_cut_from_the_title() -> None:
    posting = parse(
        "---\nroles: Un(e) bizdev pour La Cellule d'Appui Numérique\n---\n\n"
        "En parallèle, la direction lance la Cellule d’Appui Numérique, une équipe de 12 "
        "personnes.\n"
    )
    assert posting.title == "Bizdev"


def test_a_first_successful_experience_after_the_list_is_a_criterion() -> None:
    posting = parse(
        "# Chargé·e de déploiement\n\n## Profil recherché\n\n- Vous aimez le terrain\n"
        "- Vous êtes à l'aise au téléphone\n\n"
        "Première expérience réussie en prospection, communication, growth hacking …\n"
    )
    assert (
        kinds(posting)[
            "Première expérience réussie en prospection, communication, growth hacking …"
        ]
        == "must"
    )


def test_an_experience_said_to_be_a_plus_after_the_list_is_a_plus() -> None:
    posting = parse(
        "# Bizdev\n\n## Votre profil\n\n- Vous êtes polyvalent·e\n- Vous êtes curieux·se\n\n"
        "Avoir une expérience en communication et/ou dans l’administration est un plus.\n"
    )
    assert (
        kinds(posting)[
            "Avoir une expérience en communication et/ou dans l’administration est un plus."
        ]
        == "nice"
    )
