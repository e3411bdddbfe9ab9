"""Rules learnt from the ninetieth round of tuning postings (eight held-out postings drawn at
random and moved to the tuning part), each on a fictional example."""

from tremplin.vacancies.tests.wild import parse


def test_a_link_to_the_teams_own_page_names_it() -> None:
    posting = parse(
        "---\nroles: un·e dev web backend\nstartup: droitdulogement\n---\n\nOn recherche un·e "
        "développeur·e pour contribuer au [droit du logement simplifié]"
        "(https://incubateur.example.fr/startup/droitdulogement.html).\n"
    )
    assert posting.organization == "Droit du logement simplifié"


def test_a_link_to_the_teams_page_whose_words_are_no_name_names_no_one() -> None:
    # The guard of the rule above: "en savoir plus" is what the link is for.
    posting = parse(
        "---\nroles: un·e dev web backend\nstartup: droitdulogement\n---\n\nPour [en savoir "
        "plus](https://incubateur.example.fr/startups/droitdulogement.html), lisez la fiche.\n"
    )
    assert posting.organization is None


def test_a_template_line_naming_the_project_names_the_organization() -> None:
    posting = parse(
        "---\nroles: un·e chargé·e de déploiement\n---\n\n## Le contexte\n\nL'incubateur aide "
        "les ministères à construire des services numériques.\nLe projet : mon potager\n\n"
        "## Mission\n\nAider les cantines à s'approvisionner.\n"
    )
    assert posting.organization == "Mon potager"


def test_a_project_line_that_says_what_it_does_names_no_organization() -> None:
    posting = parse(
        "---\nroles: un·e chargé·e de déploiement\n---\n\n## Le projet : Simplifier l'accès "
        "à un document administratif\n\nUn service pour les usagers.\n"
    )
    assert posting.organization is None


def test_a_technical_writer_on_a_documentation_projects_budget_is_a_contractor() -> None:
    posting = parse(
        "# Technical writer: a user guide for Acme\n\nWe are looking for a technical writer "
        "to write our user guide.\n\n### Budget\n\nTotal budget: $12,000 USD\n"
    )
    assert posting.employment_type == "CONTRACTOR"


def test_a_level_asked_in_both_languages_named_before_requires_them() -> None:
    posting = parse(
        "# Chargé·e de partenariats\n\n## Votre profil\n\n- Les langues de travail sont "
        "l'allemand et le français. Un niveau professionnel est demandé dans ces deux langues.\n"
    )
    assert posting.required_languages == ["de", "fr"]


def test_applications_open_from_one_day_to_another_close_on_the_second() -> None:
    posting = parse(
        "# Digital Cadet\n\nApplications for the 2026 program are open from 4 May to 29 June "
        "2025.\n"
    )
    assert posting.deadline is not None and posting.deadline.isoformat() == "2025-06-29"


def test_who_the_program_is_for_states_its_requirements() -> None:
    posting = parse(
        "# Digital Cadet\n\n## Who is it for?\n\nThe program is for students of a digital "
        "degree who have completed its first year.\n\nDouble degrees are also accepted.\n\n"
        "## Benefits\n\nA salary while you study.\n"
    )
    assert [criterion.text for criterion in posting.criteria] == [
        "The program is for students of a digital degree who have completed its first year.",
        "Double degrees are also accepted.",
    ]


def test_a_readmes_badge_is_no_title() -> None:
    posting = parse(
        "![GitHub stars](https://img.shields.io/github/stars/acme/laptops)\n\n"
        "## Help mee\n\nWe zoeken iemand die contact legt met bedrijven.\n"
    )
    assert posting.title is None


def test_a_roles_aside_saying_it_is_unpaid_makes_it_a_volunteers() -> None:
    posting = parse(
        "## Help mee\n\n- **Gezocht: Coördinator (vrijwillig, 4 uur per week)**  \n"
        "  We zoeken iemand die het leuk vindt om te organiseren.\n"
    )
    assert posting.employment_type == "VOLUNTEER"
