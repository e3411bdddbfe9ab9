"""Issue 10, item 12, eighteenth round: a general rule for what redaction still did wrong on
the tuning samples once four fresh ones joined them, on a made-up example: a postcode with its
country's letter, the dash typeset as an en dash ("A–1010 WIEN"), after the column PDF text ran
into it."""

from tremplin.review import redaction
from tremplin.review.redaction import Identity

FRANZ = Identity.of(name="Franz Huber")


def test_a_postcode_with_its_country_s_letter_and_an_en_dash_goes_mid_line() -> None:
    text = (
        "FRANZ Hauptplatz 7\nHUBER A–1010 WIEN\n0043 / 1 / 234 56 78\n\n"
        "Berufserfahrung\n2019 – heute Archivar, Stadtarchiv\n"
    )
    redacted = redaction.redact(text, identity=FRANZ, header=False)
    assert "1010" not in redacted and "WIEN" not in redacted
    assert "Stadtarchiv" in redacted


def test_a_product_code_before_a_lower_case_word_stays() -> None:
    text = "Franz Huber\n\nKenntnisse\nWartung der Anlage A–1234 nach Plan.\n"
    assert "A–1234" in redaction.redact(text, identity=FRANZ, header=False)


EMPLOYERS = """Franz Huber
Hauptplatz 7
1010 Wien
franz@example.org | +43 1 234 56 78
Working Experience
Archivist
City Archive 2019 - current
Address X, 0001 Linz, Upper Austria
Field of the archive
◇ Cataloguing letters
◇ Digitising maps
"""


def test_working_experience_ends_the_header_and_an_employer_s_lines_stay() -> None:
    redacted = redaction.redact(EMPLOYERS, identity=FRANZ)
    for kept in ("Field of the archive", "Cataloguing letters", "Digitising maps"):
        assert kept in redacted, kept
    assert "Hauptplatz" not in redacted and "franz@example.org" not in redacted
