"""Rules learnt from the eighty-sixth round of tuning postings (eight held-out postings drawn at
random and moved to the tuning part), each on a fictional example."""

import datetime as dt
from decimal import Decimal

from tremplin.vacancies.tests.wild import parse


def test_an_abbreviation_in_brackets_does_not_end_the_sentence_before_the_deadline() -> None:
    posting = parse(
        "---\ntitle: Projektkoordination\ndate: 2031-02-01\n---\n\nBitte schicke uns deine "
        "Bewerbung inkl. bevorzugtem Stundenumfang (min. 25 Wochenstunden) bis zum 14. März "
        "per E-Mail an jobs@verein.example.\n"
    )
    assert posting.deadline == dt.date(2031, 3, 14)


def test_a_title_states_the_hours_of_a_fixed_term_the_body_leaves_open() -> None:
    posting = parse(
        "---\ntitle: Projektkoordination (Teilzeit, ab sofort, 1 Jahr befristet)\n---\n\n"
        "Die Stelle ist auf ein Jahr befristet.\n"
    )
    assert (posting.employment_type, posting.contract_duration_months) == ("PART_TIME", 12)


def test_a_range_of_weekly_hours_up_to_full_time_states_no_hours() -> None:
    # The guard of the rule above: "28-40h/Woche" offers part or full time.
    posting = parse(
        "---\ntitle: Buchhaltung (TVL E10 mit 28-40h/Woche, 2 Jahre befristet)\n---\n\n"
        "Die Stelle ist auf 2 Jahre befristet.\n"
    )
    assert posting.employment_type == "TEMPORARY"


def test_a_fixed_term_with_a_full_weeks_hours_in_brackets_is_full_time() -> None:
    posting = parse(
        "# Développeur Django\n\n## Contrat\n\n- Le contrat serait un CDD (39H) de 6 mois.\n"
    )
    assert posting.employment_type == "FULL_TIME"


def test_the_name_a_static_sites_short_name_for_the_team_spells_is_who_hires() -> None:
    posting = parse(
        "---\nroles: un·e développeur·se\nstartup: ecoplastiques\n---\n\n## Qui sommes-nous ?"
        "\n\n**ÉcoPlastiques** vise à suivre les déchets plastiques.\n"
    )
    assert posting.organization == "ÉcoPlastiques"


def test_a_short_name_spelling_the_start_of_a_longer_name_names_no_one() -> None:
    # The guard of the rule above: "Code du travail" opens "Code du travail numérique".
    posting = parse(
        "---\nroles: un·e juriste\nstartup: codedutravail\n---\n\nLe site facilite l'accès au "
        "Code du travail numérique pour tous.\n"
    )
    assert posting.organization is None


def test_a_post_open_for_an_independent_contract_is_a_contractors() -> None:
    posting = parse(
        "# Développeur web\n\n## Modalités\n\n- Poste ouvert pour un contrat indépendant.\n"
        "- Temps partiel (4/5e).\n"
    )
    assert posting.employment_type == "CONTRACTOR"


def test_future_missions_as_a_freelance_are_not_the_posts_terms() -> None:
    posting = parse(
        "# Développeur web\n\nPoste ouvert pour un CDD à temps plein de 6 mois. Nous pourrons "
        "te renseigner sur des missions futures en tant que freelance.\n"
    )
    assert posting.employment_type == "FULL_TIME"


def test_mastering_french_and_a_little_english_asks_for_both() -> None:
    posting = parse(
        "# Développeur web\n\n## Ton profil\n\n- Tu maîtrises le français et un peu l'anglais "
        "dans un contexte professionnel ;\n- Tu es fiable.\n"
    )
    assert posting.required_languages == ["fr", "en"]


def test_a_link_to_learn_more_about_the_call_is_no_way_in() -> None:
    posting = parse(
        "# Développeur web\n\n[Clique sur cet article pour en savoir plus sur nous et notre appel "
        "à candidatures.](https://blog.example.org/appel)\n\n## Candidater\n\nClique ici pour "
        "candidater -> [le formulaire](https://forms.example.org/rejoindre)\n"
    )
    assert posting.apply_url == "https://forms.example.org/rejoindre"


def test_an_address_for_questions_before_applying_is_no_apply_address() -> None:
    posting = parse(
        "# Développeur web\n\nPostule sur https://forms.example.org/rejoindre avant le 3 mai.\n\n"
        "Si tu as des questions avant de postuler, pose-les à equipe@exemple.fr !\n"
    )
    assert posting.apply_email is None


def test_a_net_or_gross_amount_in_euros_under_ten_thousand_is_a_months_pay() -> None:
    posting = parse("# Développeur web\n\n## Rémunération\n\nLe salaire est de 3200 euros nets.\n")
    assert posting.salary is not None
    assert (posting.salary.min, posting.salary.period) == (Decimal(3200), "MONTH")


def test_an_elided_article_before_a_name_in_lower_case_is_the_sentences() -> None:
    posting = parse("L’e-bibliothèque recherche un.e UX Designer senior !\n\nTexte.\n")
    assert posting.organization == "e-bibliothèque"


def test_a_question_heading_names_no_role() -> None:
    posting = parse(
        "---\nroles: un·e chef·fe de produit\n---\n\n# Et si on rendait le droit plus lisible ?!"
        "\n\nLe service facilite l'accès au droit.\n"
    )
    assert posting.title == "Chef·fe de produit"


def test_a_jobs_page_lists_its_role_after_a_question_and_another_listing() -> None:
    posting = parse(
        "---\ntitle: Careers\n---\n\n# Careers\n\n## Interested in working at Sunlit?\n\nWe invest."
        "\n\n### Backend Developer\n\nWe're looking for a backend developer.\n"
    )
    assert (posting.title, posting.organization) == ("Backend Developer", "Sunlit")
