"""Issue 10, item 12, thirty-ninth round: a general rule for what redaction still did wrong
on the tuning samples once five held-out samples joined them, on made-up examples: a
telephone glyph that a PDF's text layer kept is a phone label, as the word "Phone" is."""

from tremplin.review import redaction
from tremplin.review.redaction import Identity


def test_a_number_after_a_telephone_glyph_is_a_phone() -> None:
    text = "Ann Carver\nCONTACT\n✆ 00 00 00 00 00\n☎ 0101 010 101 Archivist, 2019 — 2024\n"
    redacted = redaction.redact(text, identity=Identity.of(name="Ann Carver"))
    assert "00 00 00 00 00" not in redacted
    assert "0101 010 101" not in redacted
    assert "Archivist, 2019 — 2024" in redacted
