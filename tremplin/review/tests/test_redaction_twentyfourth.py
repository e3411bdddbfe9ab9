"""Issue 10, item 12, twenty-fourth round: a general rule for what redaction still did wrong
on the tuning samples once three of the twenty-third round's fresh samples joined them, on a
made-up example: a town, a US state spelt out and the country, on the header's contact line."""

from tremplin.review import redaction
from tremplin.review.redaction import Identity

ANN = Identity.of(name="Ann Carver")


def test_a_town_with_its_state_spelt_out_and_the_country_goes() -> None:
    text = (
        "Ann Carver\nann@example.org   +1 (555) 123-4567   Springfield, Illinois, US\n\n"
        "Experience\nEngineer at Acme, 2020 - 2024\n"
    )
    redacted = redaction.redact(text, identity=ANN)
    assert "Springfield" not in redacted and "Illinois" not in redacted


def test_a_state_spelt_out_without_the_country_is_no_place() -> None:
    text = "Carver, Virginia\nann@example.org\n\nExperience\nEngineer at Acme, 2020 - 2024\n"
    redacted = redaction.redact(text, identity=Identity.of(name="Ann Carver"))
    assert "Virginia" in redacted
