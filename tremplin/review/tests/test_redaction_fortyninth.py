"""Issue 10, item 12, forty-ninth round: general rules for what redaction still did wrong on
the tuning samples, on made-up examples: a postal label that ends a line of fields joined by
separators gives the address that starts the next line; a placeholder for a link with a
possessive ("Your GitHub Page") may be one of such fields too."""

from tremplin.review import redaction
from tremplin.review.redaction import Identity


def test_an_address_label_among_joined_fields_gives_the_next_lines_address() -> None:
    text = (
        "Nora Quill\n"
        "Nationality: Irish | Phone: (+353) 555 100 200 | Address:\n"
        "7 Larkspur Hill, Galway Éire/Ireland (Home)\n"
        "Work experience\n"
        "Archivist | County Library | 2019 – Present | Galway, Ireland\n"
    )
    redacted = redaction.redact(text, identity=Identity.of(name="Nora Quill"))
    assert "Larkspur" not in redacted
    assert "(Home)" in redacted
    assert "Archivist | County Library" in redacted


def test_possessive_link_placeholders_joined_by_separators_are_the_candidates() -> None:
    text = (
        "Nora Quill\n"
        "Archivist\n"
        "Your ORCID Number | Your GitHub Page | Your Website\n"
        "Dear Ms Reed,\n"
        "I apply for the archivist post at your library.\n"
    )
    redacted = redaction.redact(text, identity=Identity.of(name="Nora Quill"))
    assert "Your ORCID Number" not in redacted
    assert "Your GitHub Page" not in redacted
    assert "the archivist post at your library" in redacted
