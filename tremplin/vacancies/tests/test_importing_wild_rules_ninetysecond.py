"""Rules learnt from the ninety-second round of tuning postings (eight held-out postings drawn at
random and moved to the tuning part, and the tuning part's places missed beside remote work),
each on a fictional example."""

from tremplin.vacancies.tests.wild import parse


def test_the_days_on_site_of_partial_remote_work_name_the_place() -> None:
    posting = parse(
        "# Développeur·se\n\n## Conditions\n\n- Télétravail partiel possible, avec 2 jours par "
        "semaine à Rennes pour les rituels d'équipe.\n"
    )
    assert (posting.location, posting.remote) == ("Rennes", True)


def test_a_place_line_that_starts_with_remote_work_keeps_the_days_on_site() -> None:
    posting = parse(
        "# Chargée de mission\n\nLieu : télétravail bienvenu, avec deux journées par mois à "
        "Tours pour voir l'équipe.\n"
    )
    assert (posting.location, posting.remote) == ("Tours", True)


def test_remote_work_with_no_days_on_site_names_no_place() -> None:
    # The guard of the rule above: a town named for something else is no place of work.
    posting = parse(
        "# Chargée de mission\n\nLieu : télétravail, l'association est née à Tours en 2015.\n"
    )
    assert (posting.location, posting.remote) == (None, True)


def test_the_right_to_work_from_home_offers_remote_work() -> None:
    posting = parse(
        "# Chargé·e de déploiement\n\n## Conditions\n\n- Le droit de télétravailler à raison de "
        "2 jours par semaine.\n"
    )
    assert posting.remote is True


def test_an_experience_field_with_a_range_of_years_asks_its_floor() -> None:
    posting = parse(
        "# Chef de projet\n\nFORMATION - Ingénieur en mécanique.\n\nEXPERIENCE - 2 à 4 ans dans "
        "l'industrie.\n"
    )
    assert posting.min_years_experience == 2


def test_a_conjunction_before_a_name_is_no_part_of_it() -> None:
    posting = parse(
        "# Season of Docs\n\n## About us\n\nSince Quillchat is a team chat product, your work "
        "with us will be interactive.\n"
    )
    assert posting.organization == "Quillchat"


def test_the_last_of_two_towns_keeps_its_state() -> None:
    posting = parse(
        "# Engineer\n\nLocation: The workstation is located in Fresno, CA or Modesto, CA.\n"
    )
    assert posting.location == "Fresno, CA or Modesto, CA"


def test_a_day_rate_before_vat_is_a_freelance_s() -> None:
    posting = parse(
        "# Dev JavaScript\n\n## Conditions\n\nNous sommes rémunérés au même tarif : 550€ HT/jour, "
        "au 3/5e sur l'année.\n"
    )
    assert posting.employment_type == "CONTRACTOR"
