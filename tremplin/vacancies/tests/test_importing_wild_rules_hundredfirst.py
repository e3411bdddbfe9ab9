"""Rules learnt from the hundred-and-first round of tuning postings (held-out postings drawn
at random and moved to the tuning part), and after it from older tuning misses, each on a
fictional example."""

from tremplin.vacancies.tests.wild import kinds, parse


def test_a_price_of_nothing_is_no_pay() -> None:
    posting = parse(
        "# Scripts de politiques\n\nLa politique bloque toute offre dont le prix commence à "
        "> 0,00 $/h.\n"
    )
    assert posting.salary is None


def test_the_town_after_the_host_one_is_based_at_is_the_place_of_work() -> None:
    posting = parse(
        "# Chargé de déploiement\n\n## Conditions\n\n- Poste basé chez exemple.gouv.fr, à "
        "Lille, avec déplacements fréquents\n"
    )
    assert posting.location == "Lille"


def test_a_young_graduate_asked_alone_under_the_profile_is_a_criterion() -> None:
    posting = parse(
        "# Chargé de déploiement\n\n## Profil recherché\n\n"
        "Jeune diplômé(e) d'école de commerce ou équivalent.\n"
    )
    assert kinds(posting) == {"Jeune diplômé(e) d'école de commerce ou équivalent.": "must"}


def test_a_plain_text_s_first_line_loses_its_hiring_cry_whoever_hires() -> None:
    posting = parse(
        "Hiring a junior engineer on the toolkit\n\nThe toolkit is a library for science. "
        "We have funding for two years.\n"
    )
    assert posting.title == "Junior engineer on the toolkit"


def test_who_will_employ_the_reader_hires() -> None:
    posting = parse(
        "# Junior engineer\n\nYou will work on the toolkit. You will be employed by EXEMPLAR, "
        "the national institute for computing. The team is small.\n"
    )
    assert posting.organization == "EXEMPLAR"


def test_where_the_people_a_service_helps_live_is_no_place_of_work() -> None:
    posting = parse(
        "# Designer\n\nLes bénéficiaires du RSA, résidant en France entière, sont deux "
        "millions.\n\n## Profil\n\n- Expérience en design de services\n"
    )
    assert posting.location is None


def test_a_day_rate_written_euros_jour_is_a_range_a_day() -> None:
    posting = parse(
        "# Chargé de déploiement\n\n## Conditions\n\n* Rémunération suivant profil : entre 300 "
        "et 450 euros jour (selon grille)\n"
    )
    salary = posting.salary
    assert salary is not None
    assert (salary.min, salary.max, salary.period) == (300, 450, "DAY")


def test_two_to_three_days_a_week_are_no_pay() -> None:
    # The guard of the rule above: days after a bare number count days.
    posting = parse("# Chargé de déploiement\n\nLe poste demande 2 à 3 jours par semaine.\n")
    assert posting.salary is None


def test_a_postdoctoral_stage_is_no_internship() -> None:
    posting = parse(
        "# Offre de stage postdoctoral en écologie\n\nLe laboratoire accueille un stage "
        "postdoctoral de deux ans. Pour consulter l'offre de stage détaillée, voir le PDF.\n"
    )
    assert posting.employment_type != "INTERN"
