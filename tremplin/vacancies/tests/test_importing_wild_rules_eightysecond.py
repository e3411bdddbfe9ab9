"""Rules learnt from the eighty-second round of tuning postings (eight held-out postings drawn
at random and moved to the tuning part), each on a fictional example."""

from tremplin.vacancies.tests.wild import parse


def test_freelance_offered_as_a_choice_is_no_contract_of_the_post() -> None:
    posting = parse(
        "---\ntitle: Research Associate\nterms: Employed/freelance contract until June\n---\n\n"
        "We are recruiting a part-time Research Associate. We may offer you an employed "
        "position, or an equivalent freelance consultancy contract.\n"
    )
    assert posting.employment_type == "PART_TIME"


def test_a_name_written_with_an_at_sign_hires() -> None:
    posting = parse(
        "---\ntitle: Archiv@ge recrute une personne chargée du déploiement\n---\n\nTexte.\n"
    )
    assert posting.organization == "Archiv@ge"


def test_a_languages_field_of_the_requirements_asks_them() -> None:
    posting = parse(
        "# Développeurs Python\n\n## Compétences\n\n- Capacité à travailler en équipe\n"
        "- Langues : Français, Anglais technique.\n"
    )
    assert posting.required_languages == ["fr", "en"]


def test_a_name_opening_with_a_lower_case_prefix_is_a_start_up() -> None:
    posting = parse(
        "# Un·e bizdev\n\n## Qui sommes-nous ?\n\ne-Tutelle est une Start-up d'État accélérée "
        "par l'incubateur des ministères sociaux.\n"
    )
    assert posting.organization == "e-Tutelle"


def test_asking_for_a_quote_hires_a_contractor() -> None:
    posting = parse(
        "# Appel à candidatures\n\nPour notre service, nous souhaitons demander un devis pour "
        "le développement de la première version.\n"
    )
    assert posting.employment_type == "CONTRACTOR"


def test_the_hours_of_a_freelances_mission_leave_it_a_contract() -> None:
    posting = parse(
        "# Dev fullstack\n\n## Modalités\n\n- Temps de travail : 5 jours / semaine ou temps "
        "partiel\n- Indépendant·e ou en portage salarial, mission de 3 mois renouvelables\n"
    )
    assert posting.employment_type == "CONTRACTOR"


def test_a_platform_named_by_its_address_is_the_organization() -> None:
    posting = parse(
        '---\ntitle: "La plateforme aides.example.fr recherche : un·e développeur·se"\n---\n\n'
        "Texte.\n"
    )
    assert posting.organization == "aides.example.fr"
