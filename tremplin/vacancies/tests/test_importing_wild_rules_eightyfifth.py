"""Rules learnt from the eighty-fifth round of tuning postings (eight held-out postings drawn at
random and moved to the tuning part), each on a fictional example."""

import datetime as dt
from decimal import Decimal

from tremplin.vacancies.tests.wild import kinds, parse


def test_a_teams_make_up_says_nothing_of_the_posts_contract() -> None:
    posting = parse(
        "# Lead développeur\n\nNous recherchons un lead pour structurer une équipe en formation "
        "(2 CDI + 1 stagiaire + 1 prestataire externe).\n"
    )
    assert posting.employment_type is None


def test_a_colleagues_work_study_contract_is_not_the_posts() -> None:
    posting = parse(
        "# Chargé·e de déploiement\n\nL'équipe : Léa comme intrapreneuse et Hugo comme chargé "
        "de déploiement en alternance.\n\n## Modalités\n\n- **Freelance**, en portage\n"
    )
    assert posting.employment_type == "CONTRACTOR"


def test_a_day_rate_written_taux_jour_is_paid_by_the_day() -> None:
    posting = parse(
        "# Chargé·e de déploiement\n\n- **Taux jour envisagé 420€**, selon expérience\n"
    )
    assert posting.salary is not None
    assert (posting.salary.min, posting.salary.period) == (Decimal(420), "DAY")


def test_items_marked_with_two_hyphens_under_a_bullet_are_its_list() -> None:
    posting = parse(
        "# Chargé·e de déploiement\n\n## Profil\n\n* Vous aimez le terrain\n* En bonus :\n"
        "  -- une connaissance du monde de l'urbanisme\n"
        "  -- une expérience dans l'animation de réseaux\n"
    )
    assert kinds(posting) == {
        "Vous aimez le terrain": "must",
        "une connaissance du monde de l'urbanisme": "nice",
        "une expérience dans l'animation de réseaux": "nice",
    }


def test_a_question_in_an_about_heading_names_no_one() -> None:
    posting = parse(
        "# Responsable de déploiement\n\n## Qui sommes-nous : Gamma ?\n\nUne communauté de "
        "professionnels de l'insertion.\n"
    )
    assert posting.organization != "Gamma ?"


def test_an_article_cut_short_still_leads_the_role_and_the_terms() -> None:
    posting = parse(
        "---\ntitle: MonOutil recrute un· business developer\n---\n\n## Modalités\n\n"
        "* Poste ouvert pour un· indépendant·e pour un premier contrat de 6 mois\n"
    )
    assert (posting.title, posting.employment_type) == ("Business developer", "CONTRACTOR")


def test_an_application_close_date_key_is_the_deadline() -> None:
    posting = parse("---\ntitle: Design intern\napp_close_date: 2027-07-26\n---\n\nText.\n")
    assert posting.deadline == dt.date(2027, 7, 26)


def test_a_term_that_starts_and_runs_through_months_lasts_them() -> None:
    posting = parse(
        "# Design intern\n\nInternships will start in September 2027 and run through May 2028.\n"
    )
    assert posting.contract_duration_months == 9
