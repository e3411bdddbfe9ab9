"""Rules learnt from the twenty-seventh round of tuning postings (no posting moved: the
tuning part's misses after the twenty-sixth round), each on a fictional example."""

from tremplin.vacancies.importing import parse_posting


def test_what_would_excite_the_hirer_in_a_resume_is_nice_to_have() -> None:
    posting = parse_posting(
        "# Programmer\n\nWhat you need\n=============\n\n* Python\n\n"
        "What would make me excited in a resume?\n"
        "========================================\n\n"
        "* Open source contributions\n\n* Experience in agile-like situations\n",
        source_name="example.md",
    )
    assert [(c.text, c.kind) for c in posting.criteria] == [
        ("Python", "must"),
        ("Open source contributions", "nice"),
        ("Experience in agile-like situations", "nice"),
    ]
