"""Issue 10, item 12, thirty-eighth round: a general rule for what redaction still did wrong
on the tuning samples once eight held-out samples joined them, on made-up examples: a
labelled e-mail address, link or phone ends where its kind does, not at the end of a line
that PDF text ran the next column into."""

from tremplin.review import redaction
from tremplin.review.redaction import Identity
from tremplin.review.redaction_fields import fields_find


def test_a_labelled_contact_ends_before_the_next_columns_words() -> None:
    text = (
        "Persönliche Daten Ann Carver\n"
        "Kontakt Berufserfahrung\n"
        "E-Mail ann@example.org Mär 2022 – heute\n"
        "Telefon +49 151 2345678 Datenkuratorin\n"
        "Web ann-carver.example Stadtarchiv · Leipzig\n"
    )
    found = {text[start:end] for start, end, _kind in fields_find(text)}
    assert {"ann@example.org", "+49 151 2345678", "ann-carver.example"} <= found
    redacted = redaction.redact(text, identity=Identity.of(name="Ann Carver"))
    assert "ann@example.org" not in redacted
    assert "+49 151 2345678" not in redacted
    assert "Mär 2022 – heute" in redacted
    assert "Datenkuratorin" in redacted
    assert "Stadtarchiv" in redacted
