"""Rules learnt from the hundred-and-fourteenth round of tuning postings (held-out postings
drawn at random and moved to the tuning part), each on a fictional example."""

from tremplin.vacancies.tests.wild import kinds, parse


def test_an_experience_team_is_a_department_of_the_hirer() -> None:
    posting = parse(
        "# Content Designer\n\nYou will be part of the 29Q Experience team, writing plain "
        "language for the public.\n"
    )
    assert posting.organization == "29Q"


def test_an_offer_for_a_pair_of_articles_leaves_the_role() -> None:
    posting = parse(
        '---\ntitle: "Offre pour une ou un responsable de portefeuille de projets"\n---\n\n'
        "Bonjour.\n"
    )
    assert posting.title == "Responsable de portefeuille de projets"


def test_a_bonus_on_a_condition_in_brackets_leaves_the_requirement_asked() -> None:
    posting = parse(
        "# Développeur\n\n## Profil\n\n"
        "- Vous êtes passionné de logiciel libre (un plus si vous êtes linuxien), curieux\n"
        "- Vous connaissez Django\n"
    )
    assert kinds(posting) == {
        "Vous êtes passionné de logiciel libre (un plus si vous êtes linuxien), curieux": "must",
        "Vous connaissez Django": "must",
    }


def test_a_roles_second_language_profile_asks_both_languages() -> None:
    posting = parse(
        "# Design Researcher\n\n## Who you are\n\n"
        "- You can plan research in both English and French (in government terms, this role "
        "is CBC).\n"
    )
    assert sorted(posting.required_languages) == ["en", "fr"]
