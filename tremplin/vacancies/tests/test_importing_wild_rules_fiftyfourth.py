"""Rules learnt from the fifty-fourth round of tuning postings (six held-out postings drawn
at random and moved to the tuning part), each on a fictional example."""

from tremplin.vacancies.tests.wild import parse


def test_a_boards_lowest_and_highest_pay_are_one_range() -> None:
    posting = parse(
        '---\ntitle: Analyst\nsalary_min: "$98,500"\nsalary_max: "$131,200"\n---\n\nJoin us.\n'
    )
    assert posting.as_json(file="x")["salary"] == {
        "min": 98500,
        "max": 131200,
        "currency": "USD",
        "period": "YEAR",
    }


def test_a_swedish_vacancy_names_its_role_and_not_we_as_the_hirer() -> None:
    posting = parse(
        "# Ledig tjänst: Projektledare\n\nVi söker dig som vill leda projekt.\n\n"
        "Demokrativerkstan arbetar med städer i Sverige.\n"
    )
    assert posting.title == "Projektledare"
    assert posting.organization != "Vi"
