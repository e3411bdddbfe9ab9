"""Rules learnt from the hundred-and-eighteenth round of tuning postings (held-out postings
drawn at random and moved to the tuning part), each on a fictional example."""

from tremplin.vacancies.tests.wild import kinds, parse


def test_bilingual_with_a_profile_in_brackets_requires_both_languages() -> None:
    posting = parse("# Agent administratif\n\n* Vous êtes bilingue (CBB)\n* Vous êtes organisé\n")
    assert sorted(posting.required_languages) == ["en", "fr"]


def test_priority_given_to_some_candidates_is_a_plus() -> None:
    posting = parse(
        "# Content Designer\n\nWhat you bring:\n\n"
        "- Experience writing plain language for the public\n"
        "- Priority will be given to candidates who write in both French and English.\n"
    )
    assert (
        kinds(posting)["Priority will be given to candidates who write in both French and English."]
        == "nice"
    )
