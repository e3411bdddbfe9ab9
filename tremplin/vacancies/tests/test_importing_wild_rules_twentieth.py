"""Rules learnt from the twentieth round of tuning postings (one of the nineteenth round's two
fresh postings, drawn at random and moved to the tuning part: an association's internship),
each on a fictional example."""

from tremplin.vacancies.importing import ParsedPosting, parse_posting


def parse(text: str) -> ParsedPosting:
    return parse_posting(text, source_name="example.md")


INTERNSHIP = """---
title: Stage - Migration de la plateforme de consultation
---

**Durée :** de 3 à 6 mois

## Profil recherché

* Au minimum 2 ans d’étude en programmation
* Bonne maîtrise de l’anglais technique à l’écrit (l’espagnol est un atout)
"""


def test_an_internship_the_title_names_outweighs_a_length_the_body_states() -> None:
    assert parse(INTERNSHIP).employment_type == "INTERN"


def test_years_of_study_are_no_years_of_experience() -> None:
    assert parse(INTERNSHIP).min_years_experience is None


def test_a_language_asked_with_a_plus_in_brackets_is_still_asked() -> None:
    assert parse(INTERNSHIP).required_languages == ["en"]


def test_a_language_that_is_a_plus_alone_is_not_required() -> None:
    posting = parse("# Stage\n\n## Profil\n\n* La maîtrise de l'espagnol est un atout.\n")
    assert posting.required_languages == []
