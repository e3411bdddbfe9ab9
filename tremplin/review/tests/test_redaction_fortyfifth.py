"""Issue 10, item 12, forty-fifth round: a general rule for what redaction still did wrong on
the tuning samples once eight fresh samples came in and six held-out ones joined the tuning
part, on made-up examples: a template's bracketed field numbered as one of several lines
("<address 1>", "[Address line 2]") stands for the candidate's own address."""

from tremplin.review import redaction
from tremplin.review.redaction import Identity


def test_numbered_bracketed_address_fields_are_the_candidates_address() -> None:
    text = (
        "<address 1>\n"
        "\t[Address line 2]\n"
        "\t<phone>\n\n"
        "\tMira the Moth\n"
        "Objective\tTo light up a volunteer library\n"
        "Experience\t2020: night shift at a lamp shop\n"
    )
    redacted = redaction.redact(text, identity=Identity.of(name="Mira the Moth"))
    assert "address 1" not in redacted.lower()
    assert "address line 2" not in redacted.lower()
    assert "night shift at a lamp shop" in redacted
