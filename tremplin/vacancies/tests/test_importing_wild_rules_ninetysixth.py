"""Rules learnt from the ninety-sixth round of tuning postings (held-out postings drawn at random
and moved to the tuning part, and the tuning part's older misses), each on a fictional
example."""

from tremplin.vacancies.tests.wild import parse


def test_a_role_at_an_acronym_names_the_hirer() -> None:
    posting = parse(
        "---\ntitle: chef de projet à l'ANSN\n---\n\nL'agence lance un projet numérique.\n"
    )
    assert (posting.organization, posting.title) == ("ANSN", "Chef de projet")


def test_a_role_at_a_town_names_no_hirer() -> None:
    # The guard of the rule above: "à Lyon" is a place, not who hires.
    posting = parse("---\ntitle: chef de projet à Lyon\n---\n\nUn projet numérique.\n")
    assert posting.organization is None


def test_a_renewable_term_is_the_contract_s_length() -> None:
    posting = parse(
        "# Développeuse\n\n## Conditions\n\n4 jours par semaine en télétravail sur 9 mois "
        "(renouvelable selon les financements).\n"
    )
    assert posting.contract_duration_months == 9


def test_a_trial_period_renewable_is_no_length() -> None:
    # The guard of the rule above: a trial that can be renewed is still a trial.
    posting = parse("# Développeuse\n\nCDI, avec une période d'essai de 3 mois renouvelable.\n")
    assert posting.contract_duration_months is None


def test_a_length_heading_that_also_covers_pay_gives_the_length() -> None:
    posting = parse(
        "# Stage développeur\n\n## Durée du stage, rémunération\n\n5 mois à partir de mars\n\n"
        "900 € brut / mois\n"
    )
    assert posting.contract_duration_months == 5


def test_an_internship_title_outweighs_part_time_hours() -> None:
    posting = parse(
        "---\ntitle: Stagiaire (Communication)\n---\n\nIl s'agit d'un poste à temps partiel, "
        "de 10 à 20 heures par semaine.\n"
    )
    assert posting.employment_type == "INTERN"


def test_a_student_title_keeps_part_time_hours() -> None:
    # The guard of the rule above: a student may hold a part-time post.
    posting = parse(
        "---\ntitle: Social Media Coordinator (Student)\n---\n\nThis is a part-time role with "
        "flexible hours.\n"
    )
    assert posting.employment_type == "PART_TIME"
