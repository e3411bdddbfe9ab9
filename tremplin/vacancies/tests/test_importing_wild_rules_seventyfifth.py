"""Rules learnt from the seventy-fifth round of tuning postings (eight held-out postings drawn
at random and moved to the tuning part), each on a fictional example."""

from tremplin.vacancies.tests.wild import kinds, parse


def test_bonus_points_head_pluses() -> None:
    posting = parse(
        "# Développeuse\n\n## Votre profil\n\n- Vous êtes à l'aise en Python\n\n"
        "### Vous marquerez des points supplémentaires si\n\n- Vous avez déjà utilisé Docker\n"
    )
    assert kinds(posting) == {
        "Vous êtes à l'aise en Python": "must",
        "Vous avez déjà utilisé Docker": "nice",
    }


def test_what_would_be_ideal_in_german_is_a_plus() -> None:
    posting = parse(
        "# Werkstudent*in\n\n## Was du mitbringst\n\n- Freude an Zahlen und Tabellen\n"
        "- erste Erfahrung in der Buchhaltung wäre ideal\n"
    )
    assert kinds(posting)["erste Erfahrung in der Buchhaltung wäre ideal"] == "nice"


def test_a_german_hourly_wage_is_paid_by_the_hour() -> None:
    posting = parse(
        "# Werkstudent*in\n\n## Was wir bieten\n\n"
        "- eine Vergütung nach Tarifvertrag (Stundenentgelt 14,10 Euro)\n"
    )
    assert posting.salary is not None
    assert posting.salary.period == "HOUR"


def test_a_german_closing_date_after_an_abbreviation_and_the_start_date_asked() -> None:
    posting = parse(
        "# Werkstudent*in\n\nBitte schicke uns deine Bewerbung inkl. möglichem Starttermin "
        "bis zum 12. März 2027 per E-Mail an jobs@example.org.\n"
    )
    assert str(posting.deadline) == "2027-03-12"


def test_the_second_article_of_a_pair_goes_with_the_first() -> None:
    posting = parse("---\nroles: une cheffe ou un chef de projet\n---\n\nTexte.\n")
    assert posting.title == "Cheffe ou chef de projet"
