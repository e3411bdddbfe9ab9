"""Issue 10, item 12, twelfth round: a general rule for what redaction still did wrong on the
tuning samples once five fresh ones joined them, on a made-up example: a town and its country
after the word a contact column's icon stands for ("Home"), at the end of a line that PDF
text joined to the main column."""

from tremplin.review import redaction
from tremplin.review.redaction import Identity

ANN = Identity.of(name="Ann Carver")


def redact(text: str) -> str:
    return redaction.redact(text, identity=ANN)


def test_a_home_town_and_country_ending_a_joined_line_go() -> None:
    text = (
        "Ann Carver\nArchivist\nEXPERIENCE CONTACT\n"
        "2020 - now Senior Archivist -- Fenwick Library Home Kingsport, Canada\n"
        "Sorted the archive of the town. Phone +1 555 010 0000\n"
    )
    redacted = redact(text)
    assert "Kingsport" not in redacted and "Canada" not in redacted
    assert "Fenwick Library" in redacted


def test_home_in_a_sentence_is_left_alone() -> None:
    text = (
        "Ann Carver\nann@example.org\n\nExperience\nBuilt a home page for the Kingsport museum.\n"
    )
    assert "home page for the Kingsport museum" in redact(text)
