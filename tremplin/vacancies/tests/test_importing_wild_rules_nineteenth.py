"""Rules learnt from the nineteenth round of tuning postings (six of the eighteenth round's
twelve fresh postings, drawn at random and moved to the tuning part: a university lab's
post-doc pages, a French research group's posts and a volunteer call), each on a fictional
example."""

from tremplin.vacancies.importing import ParsedPosting, parse_posting


def parse(text: str) -> ParsedPosting:
    return parse_posting(text, source_name="example.md")


POSTDOC = """---
title: Join us!
---

## Post-doctoral position in ecological forecasting

The position is open for an initial duration of a year, and will start as soon as possible.

### Required qualifications

Ph.D. in ecology or a related field (ideally completed at the time of application).

Demonstrated record of peer-reviewed publications in ecology.

### Desired qualifications

- experience with version control
- knowledge of the Julia programming language
"""


def test_desired_qualifications_set_against_required_ones_are_nice_to_have() -> None:
    kinds = {criterion.text: criterion.kind for criterion in parse(POSTDOC).criteria}
    assert kinds["experience with version control"] == "nice"
    assert kinds["knowledge of the Julia programming language"] == "nice"
    led_in = parse(
        "# Editors\n\nEssential:\n\n- Editorial experience\n\nDesired:\n\n"
        "- Spanish or French-language skills\n"
    )
    assert [criterion.kind for criterion in led_in.criteria] == ["must", "nice"]


def test_desired_skills_alone_are_what_the_posting_asks() -> None:
    posting = parse("# Director\n\nDesired Skills and Attributes:\n\n- Proven leadership.\n")
    assert [criterion.kind for criterion in posting.criteria] == ["must"]


def test_an_aside_saying_when_a_requirement_is_met_does_not_make_it_optional() -> None:
    kinds = {criterion.text: criterion.kind for criterion in parse(POSTDOC).criteria}
    assert kinds == {
        "Ph.D. in ecology or a related field (ideally completed at the time of application).": (
            "must"
        ),
        "Demonstrated record of peer-reviewed publications in ecology.": "must",
        "experience with version control": "nice",
        "knowledge of the Julia programming language": "nice",
    }
    alone = parse("# Agent\n\n## Profil\n\n- Vous maîtrisez (idéalement) le breton.\n")
    assert [criterion.kind for criterion in alone.criteria] == ["nice"]


def test_a_duration_of_a_year_is_twelve_months() -> None:
    posting = parse(POSTDOC)
    assert posting.contract_duration_months == 12
    assert posting.employment_type == "TEMPORARY"
    opening = parse(
        "# Post-doc\n\nWe have one opening at the post-doctoral level (one year, with a "
        "possible extension).\n"
    )
    assert opening.contract_duration_months == 12


def test_a_unit_one_is_based_in_is_no_town() -> None:
    posting = parse(
        "# Stage M2\n\nLe ou la stagiaire sera basé au Département d'Automatique et Systèmes "
        "Micro-Mécatroniques de l'Institut Brightwater à Besançon.\n"
    )
    assert posting.location == "Besançon"


def test_euros_written_with_a_capital_are_pay() -> None:
    posting = parse(
        "# Professor\n\nThe initial monthly gross salary will be around 3500 Euros, and include "
        "a generous 320k€ research startup package.\n"
    )
    assert posting.salary is not None
    assert (posting.salary.min, posting.salary.currency, posting.salary.period) == (
        3500,
        "EUR",
        "MONTH",
    )
