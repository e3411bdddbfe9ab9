"""Issue 10, item 12, forty-first round: a general rule for what redaction still did wrong on
the tuning samples once one held-out sample joined them, on made-up examples: German phone
labels written as one word ("Mobiltelefon", "Handynummer") label a phone."""

from tremplin.review import redaction
from tremplin.review.redaction import Identity


def test_a_german_compound_phone_label_labels_a_short_number() -> None:
    text = (
        "Bewerbung als Archivarin\n\n"
        "Sehr geehrte Damen und Herren,\n"
        "Sie erreichen mich unter Mobiltelefon: 0151 2345 oder Handynummer 0170 9876.\n"
        "Seit 2019 arbeite ich im Stadtarchiv.\n"
    )
    redacted = redaction.redact(text, identity=Identity.of(name="Ann Carver"))
    assert "0151 2345" not in redacted
    assert "0170 9876" not in redacted
    assert "Seit 2019 arbeite ich im Stadtarchiv." in redacted
