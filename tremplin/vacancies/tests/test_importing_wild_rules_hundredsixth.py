"""Rules learnt from the hundred-and-sixth round of tuning postings (held-out postings drawn
at random and moved to the tuning part), each on a fictional example."""

from tremplin.vacancies.tests.wild import parse


def test_an_acronym_whose_first_letter_is_the_article_is_spelled_out() -> None:
    posting = parse(
        "---\ntitle: Training Officer position at TSRC\n---\n\n"
        "The Soil Research Centre (TSRC) based at Exeter, UK is hiring.\n\n"
        "TSRC is looking to recruit a Training Officer.\n"
    )
    assert posting.organization == "Soil Research Centre"


def test_based_at_a_town_and_its_country_is_the_place() -> None:
    posting = parse(
        "# Training Officer\n\nThe Soil Research Centre (TSRC) based at Exeter, UK is hiring.\n"
    )
    assert posting.location == "Exeter, UK"


def test_a_technical_writer_budget_before_the_writer_is_a_contract() -> None:
    posting = parse(
        "# Season of Docs\n\n## Project budget\n\n| Budget Item | Amount |\n| --- | --- |\n"
        "| Technical Writers | $8,000 |\n"
    )
    assert posting.employment_type == "CONTRACTOR"


def test_software_applications_are_no_way_to_apply() -> None:
    posting = parse(
        "# Technical writer\n\nWe want polyglot applications to be written in "
        "[many languages](https://code.example.org/docs#languages).\n"
    )
    assert posting.apply_url is None
