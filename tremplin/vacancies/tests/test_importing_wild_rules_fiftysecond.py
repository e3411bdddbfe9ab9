"""Rules learnt from the fifty-second round of tuning postings (no posting moved: the
held-out part is a third already; the tuning part's older misses), each on a fictional
example."""

from tremplin.vacancies.tests.wild import parse


def test_the_rate_is_the_pay_not_the_sum_it_comes_to() -> None:
    posting = parse("# Technical Writer\n\n**Pay:** $600 total, $30 per hour, 20 hours total.\n")
    assert posting.as_json(file="x")["salary"] == {
        "min": 30,
        "max": 30,
        "currency": "USD",
        "period": "HOUR",
    }


def test_grades_named_with_the_pay_are_no_amounts() -> None:
    posting = parse(
        "# Analyst\n\n**Pay:** bands follow the national scale; look at Grades 07 and 11.\n"
    )
    assert posting.salary is None


def test_the_host_of_the_position_is_its_place() -> None:
    posting = parse(
        "# Post-doctoral position\n\nThe position will be hosted at the Université de Laval, "
        "with yearly travel money.\n"
    )
    assert posting.location == "Université de Laval"
