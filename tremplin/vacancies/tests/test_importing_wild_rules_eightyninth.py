"""Rules learnt from the eighty-ninth round of tuning postings (eight held-out postings drawn at
random and moved to the tuning part), each on a fictional example."""

from tremplin.vacancies.tests.wild import parse


def test_a_job_board_copys_redirection_is_the_offers_page() -> None:
    posting = parse(
        '---\ntitre: "Vendeur F/H"\nentreprise: "Épicerie Martin"\n'
        'redirection: "https://annonces.example.fr/offres/1234.htm"\n---\n\nRésumé\n'
        "Vendeur F/H, 44000 Nantes, CDI.\n"
    )
    assert posting.apply_url == "https://annonces.example.fr/offres/1234.htm"


def test_a_name_that_grows_and_seeks_someone_hires() -> None:
    posting = parse(
        "# Développeur·se\n\n[Cartes.example.fr](https://cartes.example.fr) grandit et "
        "recherche un·e développeur·se en CDD.\n"
    )
    assert posting.organization == "Cartes.example.fr"


def test_a_static_sites_roles_naming_who_recruits_names_the_organization() -> None:
    posting = parse(
        "---\nroles: Boussole Publique recrute  Une ou un chargé de déploiement !\n"
        "open: false\n---\n\n**Lieu : Lyon**\n\nL'ambition du projet est d'orienter les "
        "usagers vers le bon service.\n"
    )
    assert posting.organization == "Boussole Publique"


def test_the_text_names_who_hires_before_a_static_sites_roles_do() -> None:
    # The guard of the rule above: the text's own name for the team comes first.
    posting = parse(
        "---\nroles: boussole.example.gouv.fr recrute un·e développeur·se\n---\n\n"
        "## Contexte\n\nBOUSSOLE est une start-up d'État qui oriente les usagers.\n"
    )
    assert posting.organization == "BOUSSOLE"


def test_a_span_from_mid_month_to_mid_month_counts_the_months_between() -> None:
    posting = parse(
        "# Opérateur·ice saisonnier\n\n**Durée et date de début** : de mi-juin à "
        "mi-septembre 2025\n\nContrat de mission.\n"
    )
    assert posting.contract_duration_months == 3


def test_an_experience_that_would_be_ideal_is_a_plus() -> None:
    posting = parse(
        "# Gestionnaire\n\n## Profil recherché\n\n- rigueur et sens du service\n"
        "- une expérience dans une agence immobilière serait idéale\n"
        "- experience with a ticketing tool would be ideal\n"
    )
    assert [(c.text[:12], c.kind) for c in posting.criteria] == [
        ("rigueur et s", "must"),
        ("une expérien", "nice"),
        ("experience w", "nice"),
    ]
