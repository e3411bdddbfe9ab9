"""Issue 10, item 12, fifty-fourth round: general rules for what redaction still did wrong on
the tuning samples, on made-up examples: a job title of the law or of medicine under the name
("Barrister, Family Law") is no part of the contact block, and "Objective" is a section
heading that ends the header."""

from tremplin.review import redaction
from tremplin.review.redaction import Identity


def test_a_legal_or_medical_title_under_the_name_stays() -> None:
    text = (
        "Morwenna Treloar\n"
        "Barrister, Family Law\n"
        "m.treloar@example.org | +44 20 7946 0311 | Truro, UK\n\n"
        "PROFILE\n\nFamily barrister of nine years' call.\n"
    )
    redacted = redaction.redact(text, identity=Identity.of(name="Morwenna Treloar"))
    assert "Barrister, Family Law" in redacted
    assert "Treloar" not in redacted
    assert "7946" not in redacted
    redacted = redaction.redact(
        text.replace("Barrister, Family Law", "Clinical Psychologist, Paediatrics"),
        identity=Identity.of(name="Morwenna Treloar"),
    )
    assert "Clinical Psychologist, Paediatrics" in redacted


def test_an_objective_heading_ends_the_header() -> None:
    text = (
        "Tamsin Yelland\tPhone number\n"
        "Address\tEmail address\n"
        "Objective\n\n"
        "\tTo run a small museum's learning programme.\n"
    )
    redacted = redaction.redact(text, identity=Identity.of(name="Tamsin Yelland"))
    assert "Objective" in redacted
    assert "Yelland" not in redacted
