"""Redaction of the contact block of a CV as templates lay it out and text extraction gives
it back: what goes, and what stays (tuned on the samples of cv_samples/, written here with
made-up people)."""

import pytest

from tremplin.review import redaction
from tremplin.review.redaction import Identity


def redact(text: str, *, identity: Identity) -> str:
    """Redaction word by word, as in the body of a CV: the header's contact block, withheld
    whole, is tested in test_redaction_contact_block.py."""
    return redaction.redact(text, identity=identity, header=False)


ANN = Identity.of(name="Ann Carver")


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("TEL: 555-TAXI", "TEL: [phone]"),
        ("Tél. : 01.23.45.AB.CD", "Tél. : [phone]"),
        ("Phone: 1-800-FLOWERS, any time", "Phone: [phone], any time"),
    ],
)
def test_it_removes_a_number_spelt_with_letters_after_a_phone_label(
    written: str, expected: str
) -> None:
    assert redact(f"Ann Carver\n{written}\n", identity=ANN) == f"[name]\n{expected}\n"


def test_it_keeps_capitals_after_a_phone_label_that_hold_no_number() -> None:
    assert redact("Phone: SEE BELOW\nTel: 2 LINES", identity=ANN) == (
        "Phone: SEE BELOW\nTel: 2 LINES"
    )


def test_a_street_stops_before_the_phone_label_that_pdf_text_joined_to_it() -> None:
    text = "7, rue Molière Tél. : 01 23 45 67 89\nAnn Carver"
    assert redact(text, identity=ANN) == "[address] Tél. : [phone]\n[name]"


@pytest.mark.parametrize(
    "beside", ["        ann@example.org", " ann@example.org", "    +44 20 7946 0000"]
)
def test_it_removes_the_town_under_a_street_in_the_header_with_contacts_beside_it(
    beside: str,
) -> None:
    text = f"12 Orchard Lane\nBury-upon-Severn{beside}\n\nExperience\nBaker"
    redacted = redact(text, identity=ANN)
    assert "Bury" not in redacted and "Severn" not in redacted
    assert redacted.endswith("\n\nExperience\nBaker")


def test_it_keeps_a_word_alone_under_a_street() -> None:
    text = "12 Orchard Lane\nAvailable\n\nExperience"
    assert redact(text, identity=ANN) == "[address]\nAvailable\n\nExperience"


def test_it_removes_a_street_without_a_number_before_a_postcode() -> None:
    text = "Ann Carver\navenue des Arts, B-1000 Bruxelles\n"
    assert redact(text, identity=ANN) == "[name]\n[address]\n"


def test_it_keeps_the_address_label_before_a_street_and_its_postcode() -> None:
    text = "Anschrift Lindenweg 3, 10115 Berlin\nTelefon 030 1234567"
    assert redact(text, identity=ANN) == "Anschrift [address]\nTelefon [phone]"


def test_it_removes_a_templates_country_at_the_end_of_the_line_under_the_postcode() -> None:
    text = "Ann C/ Mayor, 5\nCarver 28001 Ciudad\nCurriculum Vitae Country\n"
    assert (
        redact(text, identity=ANN)
        == "[name] [address]\n[name] [address]\nCurriculum Vitae [address]\n"
    )


@pytest.mark.parametrize(
    "heading",
    ["ESPERIENZA PROFESSIONALE", "Arbeitserfahrungen", "OCCUPAZIONE DESIDERATA", "Job applied for"],
)
def test_an_employers_address_after_a_section_heading_stays(heading: str) -> None:
    text = (
        "Ann Carver\nVia Ariosto 8, 40126 Bologna\n"
        f"{heading}\n2005 - 2010 Clerk\nUfficio Rossi, Via Zamboni 37, 40126 Bologna\n"
    )
    redacted = redact(text, identity=ANN)
    assert redacted.startswith("[name]\n[address]\n")
    assert redacted.endswith("Ufficio Rossi, Via Zamboni 37, 40126 Bologna\n")


def test_spans_of_years_and_dates_in_the_header_are_not_contacts() -> None:
    text = "Manual\nclassname.cls\nVersion 2, 2021-05-04\n1820-1845    Wrote plays\nitem\nitem\n"
    assert redact(text, identity=ANN) == text


def test_a_generic_mailbox_name_does_not_take_the_word_away() -> None:
    own = Identity.of(name="Ann Carver", email="correo@example.es")
    text = "Correo electrónico correo@example.es\nCorreo postal"
    assert redact(text, identity=own) == "Correo electrónico [e-mail]\nCorreo postal"
