"""Rules learnt from the forty-fourth round of tuning postings (eight fresh held-out postings
drawn at random and moved to the tuning part: a state digital office's, a civic data
non-profit's, a research registry's, a genomics group's internship and others), each on a
fictional example."""

from tremplin.vacancies.tests.wild import kinds, parse


def test_what_you_may_also_have_are_pluses() -> None:
    posting = parse(
        "# Intern\n\n*You should have*\n\n* Some Python\n\n*You may also have*\n\n"
        "* Experience with Rust\n"
    )
    assert kinds(posting) == {"Some Python": "must", "Experience with Rust": "nice"}


def test_the_last_day_to_apply() -> None:
    posting = parse(
        "# Policy Analyst\n\nLast day to apply: Final filing date is March 3, 2026\n\n"
        "## What you'll do\n\n- Write briefs\n"
    )
    assert str(posting.deadline) == "2026-03-03"


def test_front_matter_pay_and_a_note_after_a_line_break() -> None:
    posting = parse(
        "---\ntitle: Research Associate\nsalary: £120 - £250/day depending on experience\n"
        "location: Fully remote<br>able to work UK hours\n---\n\nWe are recruiting.\n"
    )
    assert posting.salary is not None
    assert posting.salary.as_json() == {
        "min": 120,
        "max": 250,
        "currency": "GBP",
        "period": "DAY",
    }
    assert posting.location == "Fully remote"


def test_the_team_a_role_works_with_is_not_its_title() -> None:
    posting = parse("# Senior Data Scientist with the Evaluation and Insight team\n\nJoin us.\n")
    assert posting.title == "Senior Data Scientist"
