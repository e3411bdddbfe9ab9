"""Issue 10, item 12, thirtieth round: general rules for what redaction still did wrong on the
tuning samples once six held-out samples joined them, on made-up examples: a grade before a
span of years, a German street named by a preposition and a post-office box abbreviated, the
addressee's lines under a letter's return address, a headline placeholder between the name
and the contacts, and a Greek heading in capitals."""

from tremplin.review import redaction
from tremplin.review.redaction import Identity


def test_a_grade_before_a_span_of_years_is_no_phone() -> None:
    text = "Ann Carver\nann@example.org\n\nEducation\nBSc in Physics | GPA: 3.7/4.0 2018 - 2022\n"
    redacted = redaction.redact(text, identity=Identity.of(name="Ann Carver"), header=False)
    assert "3.7/4.0 2018 - 2022" in redacted


def test_a_street_named_by_a_preposition_and_an_abbreviated_box_are_addresses() -> None:
    text = (
        "Hochschule Nordstadt\tAn der Aue 7 · Postfach 1234\n"
        "Dr. Ida Keller\tD–12345 Nordstadt\n\n"
        "Dr. I. Keller, Hochschule Nordstadt, Postf. 1234, 12345 Nordstadt\n"
    )
    redacted = redaction.redact(text, identity=Identity.of(name="Ida Keller"), header=False)
    assert "An der Aue" not in redacted
    assert "Postf. 1234" not in redacted


def test_the_addressee_under_a_return_address_stays() -> None:
    text = (
        "Max Sender\nLindenweg 7\n12345 Kleinstadt\n\n"
        "Max Sender, Lindenweg 7, 12345 Kleinstadt\n"
        "Erika Empfang\nBirkenallee 13\n54321 Großstadt\n"
        "1. Januar 2027\n\nLorem ipsum dolor sit amet.\n"
    )
    redacted = redaction.redact(text, identity=Identity.of(name="Max Sender"))
    assert "Erika Empfang\nBirkenallee 13\n54321 Großstadt" in redacted
    assert "Lindenweg" not in redacted


def test_a_headline_placeholder_between_the_name_and_the_contacts_stays() -> None:
    text = (
        "Your Name\nYour Title / Role\n"
        "+1 555 123 4567 | your.email@example.com\n\nSummary\nA short summary.\n"
    )
    redacted = redaction.redact(text, identity=Identity.of(name="Your Name"))
    assert "Your Title / Role" in redacted


def test_a_greek_personal_details_heading_in_capitals_is_a_label() -> None:
    text = (
        "ΠΡΟΣΩΠΙΚΕΣ ΠΛΗΡΟΦΟΡΙΕΣ Νικολάου, Ελένη\n"
        "Οδός Ερμού 10, Αθήνα, Ελλάδα - GR-10563\n"
        "eleni@example.gr\n\nΕΡΓΑΣΙΑΚΗ ΕΜΠΕΙΡΙΑ\n2020 Σκηνοθέτις\n"  # noqa: RUF001
    )
    redacted = redaction.redact(text, identity=Identity.of(name="Ελένη Νικολάου"))
    assert "Ερμού" not in redacted
    assert "Αθήνα" not in redacted
    assert "2020 Σκηνοθέτις" in redacted
