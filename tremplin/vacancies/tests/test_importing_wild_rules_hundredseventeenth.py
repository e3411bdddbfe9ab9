"""Rules learnt from the hundred-and-seventeenth round of tuning postings (held-out postings
drawn at random and moved to the tuning part), each on a fictional example."""

from tremplin.vacancies.tests.wild import kinds, parse


def test_a_list_of_who_the_role_suits_is_of_requirements() -> None:
    posting = parse(
        "# Conseiller\n\nNous aidons les ministères.\n\n**Ce rôle vous convient parfaitement si :**"
        "\n\n* Vous écoutez pour apprendre et vous communiquez clairement\n"
        "* Vous restez calme sous pression et travaillez en équipe\n"
    )
    assert kinds(posting) == {
        "Vous écoutez pour apprendre et vous communiquez clairement": "must",
        "Vous restez calme sous pression et travaillez en équipe": "must",
    }


def test_the_ideal_recruit_heads_requirements() -> None:
    posting = parse(
        "# Chargé de déploiement\n\n**La nouvelle recrue idéale**\n\n"
        "* Tu as une première expérience en gestion de la relation client\n"
        "* Tu apprécies le contact avec les utilisateurs\n"
    )
    assert set(kinds(posting).values()) == {"must"}
    assert len(posting.criteria) == 2


def test_people_at_the_centre_of_what_one_does_are_no_organization() -> None:
    posting = parse(
        "# Coordinator\n\nThe Harbour Service (HS) works with ports.\n\n## The role\n\n"
        "We are hiring a coordinator. People are at the centre of what we do.\n"
    )
    assert posting.organization == "Harbour Service"


def test_a_team_described_before_its_search_is_no_organization() -> None:
    posting = parse(
        "---\nstartup: marelle\n---\n## Marelle\n\n"
        "Jeune équipe de trois recherche sa quatrième collaboratrice pour grandir.\n\n"
        "Marelle aide les familles à trouver une crèche.\n"
    )
    assert posting.organization == "Marelle"


def test_an_apprenticeship_offer_notice_goes_and_says_the_type() -> None:
    posting = parse(
        "---\ntitle: 'Offre apprentissage : chargé·e de communication'\n---\n\nBonjour.\n"
    )
    assert posting.title == "Chargé·e de communication"
    assert posting.employment_type == "INTERN"


def test_freelance_after_a_title_is_its_terms() -> None:
    posting = parse("---\ntitle: Développeur Python freelance\n---\n\nMission de 3 mois.\n")
    assert posting.title == "Développeur Python"


def test_a_job_feeds_bare_length_experience_and_offer_page() -> None:
    posting = parse(
        '---\nIntitule: "Comptable F/H"\nNom_entreprise: "CABINET ALBA"\nDuree_contrat: "18"\n'
        'Niveau_experience: "Minimum 3 ans"\n'
        'URL: "https://www.apec.fr/candidat/recherche-emploi.html/emploi/detail-offre/1W"\n---\n'
        "<p>Tenue de la comptabilité.</p>\n"
    )
    assert posting.contract_duration_months == 18
    assert posting.min_years_experience == 3
    assert posting.apply_url == (
        "https://www.apec.fr/candidat/recherche-emploi.html/emploi/detail-offre/1W"
    )
