"""Issue 10, item 12, thirty-sixth round: general rules for what redaction still did wrong on
the tuning samples once eight held-out samples joined them, on made-up examples: a Word
table's cells end a labelled address and a network's handle."""

from tremplin.review import redaction
from tremplin.review.redaction import Identity


def test_a_labelled_address_ends_at_its_table_cell() -> None:
    text = (
        "ANN CARVER\tWork experience\nContact\tMonth 20xx – Present\n"
        "Address: 12 Example Street\tBrief description of the duties held\n"
        "E-Mail: ann@example.org\tand the skills they needed.\n"
    )
    redacted = redaction.redact(text, identity=Identity.of(name="Ann Carver"), header=False)
    assert "12 Example Street" not in redacted
    assert "Brief description of the duties held" in redacted


def test_a_networks_cell_holds_its_handle_alone() -> None:
    text = (
        "Ann Carver\tExperience\n: Facebook\tMonth 20xx – Month 20xx\n"
        ": LinkedIn\tBrief description of the skills learnt\nGitHub\tannc-dev\n"
    )
    redacted = redaction.redact(text, identity=Identity.of(name="Ann Carver"), header=False)
    assert "Month 20xx – Month 20xx" in redacted
    assert "Brief description" in redacted
    assert "annc-dev" not in redacted
