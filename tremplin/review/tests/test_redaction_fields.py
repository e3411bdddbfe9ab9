"""Redaction of labelled contact fields, initials and spelt-out e-mail addresses: general
rules written before the fresh held-out samples were drawn (cv_samples/README.md), tested
here with made-up people."""

import pytest

from tremplin.review import redaction
from tremplin.review.redaction import Identity


def redact(text: str, *, identity: Identity) -> str:
    """Redaction word by word, as in the body of a CV: the header's contact block, withheld
    whole, is tested in test_redaction_contact_block.py."""
    return redaction.redact(text, identity=identity, header=False)


ANN = Identity.of(name="Ann Carver", email="ann.carver@example.org")


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        # a colon, anywhere a field starts
        ("E-mail: Replace with your address", "E-mail: [e-mail]"),
        ("Courriel : voir lettre jointe", "Courriel : [e-mail]"),
        ("Anschrift: Hinterhof links, Haus B", "Anschrift: [address]"),
        ("Teléfono: 555 01 02 Móvil: 556 03 04", "Teléfono: [phone] Móvil: [phone]"),
        ("Skype: ann_at_home", "Skype: [link]"),
        # a wide gap or a tab, as two-column layouts give it
        ("Adresse\tchez Mme Martin, bâtiment C", "Adresse\t[address]"),
        ("Website(s)      my own site, see below", "Website(s)      [link], [link]"),
        # a single space where a header line starts, as PDF text joins the columns
        ("PERSONAL INFORMATION Imogen Bright", "PERSONAL INFORMATION [name]"),
        ("Telephone (0)171 22 33 44", "Telephone [phone]"),
    ],
)
def test_it_takes_the_whole_value_of_a_labelled_contact_field(written: str, expected: str) -> None:
    redacted = redact(f"Ann Carver\n{written}\nExperience\nTeacher", identity=ANN)
    assert redacted == f"[name]\n{expected}\nExperience\nTeacher"


@pytest.mark.parametrize(
    "written",
    [
        "Skills: Web: React, Vue",  # an ordinary word as a label needs a value of its kind
        "Mobile developer since 2019",
        "Email marketing and newsletters",
        "Tel: (on request)",  # a note in brackets is no value
        "Phone: on request",  # a phone without a digit is no phone
        "Address: the board's concerns about the budget, the audit, the hiring plan and "
        "the way the new premises were chosen",  # prose, not a field
    ],
)
def test_it_keeps_what_only_looks_like_a_field(written: str) -> None:
    text = f"Ann Carver\n{written}\nExperience\nTeacher"
    assert redact(text, identity=ANN) == f"[name]\n{written}\nExperience\nTeacher"


def test_a_field_label_in_the_body_after_a_single_space_stays() -> None:
    text = "Ann Carver\nExperience\nTelephone sales, 2019: 200 calls a day"
    assert (
        redact(text, identity=ANN) == "[name]\nExperience\nTelephone sales, 2019: 200 calls a day"
    )


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("Ann B. Carver", "[name]"),
        ("A. Carver", "[name]"),
        ("Ann Q Carver", "[name]"),
        ("with B. Carver", "with B. [name]"),  # another initial before the surname
    ],
)
def test_it_removes_initials_beside_the_name(written: str, expected: str) -> None:
    assert redact(written, identity=ANN) == expected


def test_it_removes_an_e_mail_address_spelt_out_in_words() -> None:
    assert redact("Write to jb at mailbox dot org.", identity=ANN) == "Write to [e-mail]."


@pytest.mark.parametrize(
    "place", ["00-950 Warszawa", "1100-053 Lisboa", "110 00 Praha", "114 55 Stockholm"]
)
def test_it_removes_polish_portuguese_czech_and_swedish_postcodes_with_their_town(
    place: str,
) -> None:
    text = f"Ann Carver\nul. Długa 5\n{place}\nExperience\nTeacher"
    assert redact(text, identity=ANN) == "[name]\n[address]\nExperience\nTeacher"
