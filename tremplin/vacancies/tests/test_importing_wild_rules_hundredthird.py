"""Rules learnt from the hundred-and-third round of tuning postings (held-out postings drawn
at random and moved to the tuning part), each on a fictional example."""

from tremplin.vacancies.tests.wild import parse


def test_a_static_site_s_partner_is_who_hires_when_the_text_names_no_one() -> None:
    posting = parse(
        "---\nfriend: 'Atelier Graines'\nroles: une développeuse\n---\n\n"
        "Nous voulons rendre les semences accessibles à tous.\n\n## Postuler\n\n"
        "Écrivez à `recrutement@incubateur.example`.\n"
    )
    assert posting.organization == "Atelier Graines"


def test_part_time_accepted_is_an_option_not_the_hours() -> None:
    posting = parse(
        "# CTO\n\n## Modalités\n\n- Poste ouvert pour un CDD long.\n"
        "- Temps partiel accepté (80 % minimum).\n"
    )
    assert posting.employment_type == "TEMPORARY"


def test_telework_written_with_a_hyphen_is_remote_work() -> None:
    posting = parse(
        "# Stagiaire\n\n## Modalités\n\nTravail basé à Nanterre, avec possibilité de "
        "télé-travail jusqu'à 2 jours par semaine.\n"
    )
    assert (posting.location, posting.remote) == ("Nanterre", True)


def test_presence_in_someone_s_premises_names_their_town() -> None:
    posting = parse(
        "# Chargée de déploiement\n\n## Conditions\n\n"
        "- Télétravail partiel possible, avec une présence ponctuelle dans les locaux de la "
        "préfecture à Rouen\n"
    )
    assert posting.location == "Rouen"


def test_a_link_to_the_team_s_board_on_a_shared_host_names_no_team() -> None:
    posting = parse(
        "---\nroles: Développeur\nstartup: carnet.vert\n---\n\n"
        "Jetez un œil à notre [Kanboard](https://trello.com/b/abc/carnet-vert).\n"
    )
    assert posting.organization is None


def test_a_contract_that_may_become_permanent_keeps_its_length() -> None:
    posting = parse(
        "# Chargé de déploiement\n\n## Modalités\n\n"
        "- En portage salarial, la mission est proposée pour 5 mois renouvelables et "
        "transformable en CDI\n"
    )
    assert posting.contract_duration_months == 5


def test_a_heading_naming_the_profile_and_its_strengths_asks_for_them() -> None:
    posting = parse(
        "# Chargé de déploiement\n\n## Ton profil, tes atouts :\n\n"
        "- Tu as une expérience de la vente d'au moins 3 ans\n"
        "- Tu aimes le travail en équipe\n"
    )
    assert [c.kind for c in posting.criteria] == ["must", "must"]
    assert posting.min_years_experience == 3


def test_until_when_the_terms_hold_is_no_deadline() -> None:
    posting = parse(
        "---\ndate: 2023-01-10\n---\n# Chargée de projet\n\n"
        "## Modalités jusqu'au 31 juillet 23 :\n\n"
        "- Mission de 6 mois\n\n## Candidater\n\nÉcris à `equipe@projet.example`.\n"
    )
    assert posting.deadline is None
