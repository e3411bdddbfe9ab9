"""Rules learnt from the forty-seventh round of tuning postings (five fresh postings drawn at
random and moved to the tuning part: a Berlin software firm's German posting, a research data
non-profit's, a city's, a survey's and a conference's volunteer call), each on a fictional
example."""

from tremplin.vacancies.tests.wild import kinds, parse


def test_a_german_page_of_qualities_hours_and_who_we_are() -> None:
    posting = parse(
        "---\ntitle: Kundenbetreuung\n---\n\n**Deine Eigenschaften**\n\n- kommunikativ\n"
        "- integer und authentisch\n\n**Was Du davon hast**\n\n- Arbeitszeit: 40 Stunden / "
        "Woche\n\n**Nordlicht Software: Über Uns**\n\nWir bauen freie Software.\n"
    )
    assert kinds(posting) == {"kommunikativ": "quality", "integer und authentisch": "quality"}
    assert posting.employment_type == "FULL_TIME"
    assert posting.organization == "Nordlicht Software"


def test_hiring_another_of_a_role() -> None:
    posting = parse("# Acme Data is Hiring another Application Developer\n\nJoin us.\n")
    assert posting.title == "Application Developer"
