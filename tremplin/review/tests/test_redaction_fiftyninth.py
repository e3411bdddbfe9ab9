"""Issue 10, item 12, fifty-ninth round: a general rule for what redaction still did wrong on
the tuning samples, on a made-up example: a German template's words where the address goes
("Straße Nr.", "Postleitzahl Ort", "Wohnort") are the address, as "Street name 123" was."""

from tremplin.review import redaction
from tremplin.review.redaction import Identity


def test_a_german_template_s_address_placeholders_are_the_address() -> None:
    text = (
        "Lebenslauf\nPersönliches\nVorname Nachname\nStraße Nr.\nPostleitzahl Wohnort\n"
        "Tel.: (030) 98 76 54\n\nAusbildung\n\n2001–2004 Lehre in der Nr. 1 der Bäckereien\n"
    )
    redacted = redaction.redact(text, identity=Identity.of(name="Vorname Nachname"))
    assert "Straße" not in redacted
    assert "Postleitzahl" not in redacted
    assert "Wohnort" not in redacted
    assert "2001–2004 Lehre in der Nr. 1 der Bäckereien" in redacted
