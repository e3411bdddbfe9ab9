"""Issue 10, item 12, fifty-sixth round: general rules for what redaction still did wrong on
the tuning samples, on made-up examples: a US state spelt out before its code or its ZIP
code ("Portland, Oregon OR 97205 US") is part of the address, and a project's years after
the site it lives on ("GitHub 2019-Present") are no handle."""

from tremplin.review import redaction
from tremplin.review.redaction import Identity


def test_a_us_state_spelt_out_before_its_code_and_zip_is_part_of_the_address() -> None:
    text = (
        "Wren Halloway\n\nContact\nEmail wren@example.com\nLocation\n42 Alder Lane\n"
        "Portland, Oregon OR 97205 US\n\nExperience\n\nBarista at Bean There, Salem.\n"
    )
    redacted = redaction.redact(text, identity=Identity.of(name="Wren Halloway"))
    assert "Portland" not in redacted
    assert "Oregon" not in redacted
    assert "97205" not in redacted
    assert "Barista at Bean There, Salem." in redacted
    redacted = redaction.redact(
        "Wren Halloway\n\nExperience\n\nWe moved to 42 Alder Lane,\nPortland, Oregon 97205\n"
        "in 2015.\n",
        identity=Identity.of(name="Wren Halloway"),
    )
    assert "Portland" not in redacted
    assert "97205" not in redacted


def test_a_projects_years_after_its_site_are_no_handle() -> None:
    text = (
        "Wren Halloway\nwren@example.com\n\nPROJECTS\n\nSeed Library, Maintainer\n"
        "GitHub 2019-Present\nA catalogue of local seeds.\n"
    )
    redacted = redaction.redact(text, identity=Identity.of(name="Wren Halloway"))
    assert "GitHub 2019-Present" in redacted
    assert "Halloway" not in redacted
