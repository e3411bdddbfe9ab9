"""Rules learnt from the eighty-eighth round of tuning postings (eight held-out postings drawn at
random and moved to the tuning part), each on a fictional example."""

from tremplin.vacancies.tests.wild import parse


def test_a_job_feeds_dublin_core_record_gives_employer_place_length_and_offer() -> None:
    posting = parse(
        '---\ntitle: "Chargé(e) de projet - Archives"\nauthor: "Direction des Archives"\n'
        'dc:publisher: "Service des archives - Site de Pierrefitte"\ndc:coverage: "PIERREFITTE"\n'
        'dc:format: "18 mois"\nlink: "https://emploi.example.gouv.fr/offre/charge-de-projet-12"\n'
        "---\n\n<p>Le service recrute pour son projet de numérisation.</p>\n"
    )
    assert (
        posting.organization,
        posting.location,
        posting.contract_duration_months,
        posting.apply_url,
    ) == (
        "Direction des Archives",
        "PIERREFITTE",
        18,
        "https://emploi.example.gouv.fr/offre/charge-de-projet-12",
    )


def test_an_author_and_a_link_outside_a_dublin_core_record_name_no_employer_nor_offer() -> None:
    # The guard of the rule above: a static site's author wrote the page.
    posting = parse(
        "---\ntitle: Projektkoordination\nauthor: Maxi Muster\nlink: https://blog.example.org/"
        "\n---\n\nText.\n"
    )
    assert (posting.organization, posting.apply_url) == (None, None)


def test_an_apprentices_title_is_a_work_study_post() -> None:
    posting = parse(
        '---\ntitle: "APPRENTI(E) - Gestionnaire de paie"\n---\n\nContrat de 12 mois.\n'
    )
    assert posting.employment_type == "INTERN"


def test_looking_for_work_study_students_is_a_work_study_post() -> None:
    posting = parse(
        "# Chargé(e) de projet\n\nNous recherchons deux alternants disponibles à partir de "
        "septembre pour un contrat de 24 mois.\n"
    )
    assert posting.employment_type == "INTERN"


def test_a_length_between_two_figures_is_the_shorter() -> None:
    posting = parse("---\ntitle: Chargé(e) de projet\nduree: Entre 24 et 36 mois\n---\n\nText.\n")
    assert posting.contract_duration_months == 24


def test_the_decimals_of_a_length_are_no_length() -> None:
    posting = parse(
        "# Développeur\n\n* Poste ouvert pour des indépendant·e·s sur une première période de "
        "1,5 mois\n"
    )
    assert posting.contract_duration_months is None


def test_an_application_named_in_a_stack_is_no_way_to_apply() -> None:
    posting = parse(
        "# Développeuse\n\n## Le produit\n\n* Front : Application [Sapper](https://sapper.example"
        ".dev/)\n* [Application client](https://github.com/example/app)\n\n## Nous contacter\n\n"
        "Pour échanger avec nous : contact@exemple.fr\n"
    )
    assert (posting.apply_url, posting.apply_email) == (None, "contact@exemple.fr")


def test_a_title_that_opens_with_a_search_for_someone_names_the_role() -> None:
    posting = parse(
        "---\ntitle: Recherche d'une personne développeuse pour Climat Local\n---\n\n"
        "L'équipe Climat Local cherche une personne développeuse.\n"
    )
    assert posting.title == "Personne développeuse"


def test_a_short_name_spelled_at_a_sentences_end_names_who_hires() -> None:
    posting = parse(
        "---\nroles: Développeuse\nstartup: data-semis\n---\n\nLe programme accompagne la "
        "Startup d'État Data Semis. Celle-ci vise à mieux piloter les semis.\n"
    )
    assert posting.organization == "Data Semis"
