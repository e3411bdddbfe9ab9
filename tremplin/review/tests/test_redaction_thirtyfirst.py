"""Issue 10, item 12, thirty-first round: general rules for what redaction still did wrong on
the tuning samples once six held-out samples joined them, on made-up examples: a row of labels
over a row of values, and an Italian placeholder for the phone number."""

from tremplin.review import redaction
from tremplin.review.redaction import Identity


def test_a_row_of_labels_over_its_values_gives_the_address_first() -> None:
    text = (
        "Nora Quill.\nProduct Designer\nCompetencies: Figma, research\n"
        "Address: Email: Phone:\nGreen Hill nora@example.org 0777 123 4567\n"
        "Experiences\nHarbour Ltd\n"
    )
    redacted = redaction.redact(text, identity=Identity.of(name="Nora Quill"), header=False)
    assert "Green Hill" not in redacted
    assert "Email: Phone:" in redacted


def test_an_italian_phone_placeholder_is_a_phone() -> None:
    text = "Il tuo nome\nIl tuo indirizzo\nIl tuo numero di telefono\n4 dicembre 2026\n"
    found = redaction.find(text, identity=Identity.of(name="Il tuo nome"), header=False)
    assert any(text[span.start : span.end] == "Il tuo numero di telefono" for span in found)
