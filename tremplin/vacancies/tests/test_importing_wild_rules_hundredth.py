"""Rules learnt from the hundredth round of tuning postings (held-out postings drawn at random
and moved to the tuning part), each on a fictional example."""

from tremplin.vacancies.tests.wild import kinds, parse


def test_a_clause_with_its_own_subject_keeps_its_plus_to_itself() -> None:
    posting = parse(
        "# Analyste\n\nCe poste est désigné anglais essentiel et le bilinguisme est un atout.\n"
    )
    assert posting.required_languages == ["en"]


def test_a_preference_given_to_some_is_a_plus() -> None:
    posting = parse(
        "# Analyste\n\n## Exigences\n\n- Expérience en gestion de projets\n"
        "- La préférence sera accordée aux citoyens canadiens.\n"
    )
    assert kinds(posting) == {
        "Expérience en gestion de projets": "must",
        "La préférence sera accordée aux citoyens canadiens.": "nice",
    }


def test_what_the_person_will_be_is_asked() -> None:
    posting = parse(
        "# Product Manager\n\nNous recherchons une personne capable de :\n\n"
        "* Travailler en équipe ;\n\nCette personne sera également :\n\n* Organisée ;\n"
        "* Autonome.\n"
    )
    assert kinds(posting) == {
        "Travailler en équipe ;": "must",
        "Organisée ;": "must",
        "Autonome.": "must",
    }


def test_what_the_person_will_be_in_charge_of_is_no_criterion() -> None:
    # The guard of the rule above: "sera chargée de" leads into duties.
    posting = parse(
        "# Product Manager\n\nLa personne sera chargée de :\n\n* Rédiger les user stories ;\n"
        "* Animer les ateliers.\n"
    )
    assert kinds(posting) == {}


def test_years_or_more_of_experience_are_a_floor() -> None:
    posting = parse(
        "# Développeur\n\n## Profil\n\n* 5 ans ou plus d'expérience professionnelle "
        "significative en tant que développeur ;\n"
    )
    assert posting.min_years_experience == 5
