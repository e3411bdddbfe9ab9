"""Rules learnt from the hundred-and-seventh round of tuning postings (the tuning part's misses,
no posting moved), each on a fictional example."""

from tremplin.vacancies.tests.wild import parse


def test_a_title_ending_on_sur_a_town_names_the_place() -> None:
    posting = parse(
        '---\ntitle: "Développeuses et développeurs Java sur Nantes"\n---\n\nBonjour.\n'
    )
    assert posting.title == "Développeuses et développeurs Java"
    assert posting.location == "Nantes"


def test_a_town_the_text_states_comes_before_the_title_s() -> None:
    posting = parse('---\ntitle: "Développeurs Java sur Nantes"\n---\n\nLieu : Rezé\n\nBonjour.\n')
    assert posting.location == "Rezé"


def test_a_dutch_monthly_salary_is_a_month_s_pay() -> None:
    posting = parse(
        "# Medewerker\n\n## Wat bieden wij\n\n"
        "* Schaal 8, afhankelijk van ervaring – bruto maandsalaris €3.100-€4.200\n"
    )
    assert posting.salary is not None
    assert (posting.salary.min, posting.salary.max) == (3100, 4200)
    assert posting.salary.period == "MONTH"


def test_a_german_monthly_salary_is_a_month_s_pay() -> None:
    posting = parse("# Referent*in\n\n## Wir bieten\n\n* ein Monatsgehalt von 3.400 € brutto\n")
    assert posting.salary is not None
    assert posting.salary.period == "MONTH"


def test_a_level_of_the_european_scale_makes_a_language_required() -> None:
    posting = parse(
        "# Referent*in\n\n## Dein Profil\n\n"
        "* du kannst Pressetexte auf Deutsch (Niveau C1) und Englisch (Niveau B2) schreiben\n"
    )
    assert posting.required_languages == ["de", "en"]


def test_a_language_in_brackets_after_communication_skills_is_required() -> None:
    posting = parse(
        "# Training Officer\n\n## Requirements\n\n"
        "- Proficient oral and written communication skills (English)\n"
    )
    assert posting.required_languages == ["en"]
