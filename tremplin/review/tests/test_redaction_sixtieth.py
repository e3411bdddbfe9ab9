"""Issue 10, item 12, sixtieth round: a general rule for what redaction still did wrong on the
tuning samples, on a made-up example: a template's address placeholders that open with the
reader's possessive ("Ihre Straße Nr.") are the address, as "Your Location" was."""

from tremplin.review import redaction
from tremplin.review.redaction import Identity


def test_an_address_placeholder_with_a_possessive_is_the_address() -> None:
    text = (
        "Ihr Name\nIhre Straße Nr.\nPLZ Ort\n\nFirma Beispiel\nPersonalabteilung\n\n"
        "Sehr geehrte Damen und Herren,\nich bewerbe mich als Bäckerin.\n"
    )
    redacted = redaction.redact(text, identity=Identity.of(name="Ihr Name"))
    assert "Ihre Straße" not in redacted
    assert "Firma Beispiel" in redacted
    assert "ich bewerbe mich als Bäckerin." in redacted
