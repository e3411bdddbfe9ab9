"""Issue 10, item 12, thirty-third round: general rules for what redaction still did wrong on
the tuning samples once six held-out samples joined them, on made-up examples: a referee named
beside a label column's "References", and a link below the header that a label says is the
candidate's own."""

from tremplin.review import redaction
from tremplin.review.redaction import Identity


def test_a_referee_beside_the_references_label_keeps_their_contacts() -> None:
    text = (
        "PERSONAL INFORMATION\nName Ann Carver\nE-mail ann@example.org\n\nWORK EXPERIENCE\n"
        "2020 Engineer\nReferences Jo Referee\nEngineering Director Acme Ltd.\n"
        "jo.referee@example.com\nADDITIONAL INFORMATION\nInterests • Running\n"
    )
    redacted = redaction.redact(text, identity=Identity.of(name="Ann Carver"))
    assert "jo.referee@example.com" in redacted
    assert "ann@example.org" not in redacted


def test_a_link_labelled_as_the_candidates_portfolio_is_theirs() -> None:
    text = (
        "Ann Carver\nann@example.org\n\nExperience\n2020 Engineer at Acme\n"
        "Projects • Release toolkit\nPortfolio links • https://example.com/portfolio\n"
        "Employer site • https://acme.example/careers\n"
    )
    redacted = redaction.redact(text, identity=Identity.of(name="Ann Carver"), header=False)
    assert "https://example.com/portfolio" not in redacted
    assert "https://acme.example/careers" in redacted
