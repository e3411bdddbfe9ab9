"""Issue 10, item 12, twenty-eighth round: general rules for what redaction still did wrong on
the tuning samples once three held-out samples joined them, on made-up examples: spans of
months in a Word table's column, and an e-mail address whose local part is a phrase."""

from tremplin.review import redaction
from tremplin.review.redaction import Identity


def test_spans_of_months_beside_skills_are_no_phones() -> None:
    text = (
        "Jan Nowak\tDoświadczenie\njan@example.org\tNexLab\n"
        "- Testowanie\t2022.06 - 2022.12\t• Programista\nSQL\t03/2019 - 05/2022\t• Stażysta\n"
    )
    redacted = redaction.redact(text, identity=Identity.of(name="Jan Nowak"), header=False)
    assert "2022.06 - 2022.12" in redacted
    assert "03/2019 - 05/2022" in redacted


def test_the_words_of_a_long_local_part_are_no_handles_of_their_own() -> None:
    text = (
        "Ann Carver\nann.carver.with.a.long.address@example.org\n\n"
        "Experience\nLed a team with care, 2020 - 2024\n"
    )
    identity = Identity.of(name="Ann Carver", email="ann.carver.with.a.long.address@example.org")
    redacted = redaction.redact(text, identity=identity, header=False)
    assert "Led a team with care" in redacted
    assert "ann.carver" not in redacted
