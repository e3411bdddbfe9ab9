"""Issue 10, item 12, thirty-second round: general rules for what redaction still did wrong on
the tuning samples once six held-out samples joined them, on made-up examples: placeholders in
a column of their own, a letter's salutation and closing under the addressee, and a
placeholder address with its number written "#123"."""

from tremplin.review import redaction
from tremplin.review.redaction import Identity


def test_placeholders_in_a_column_of_their_own_are_found() -> None:
    text = (
        "Votre adresse                                  Lyon, le 4 décembre 2026\n\n"
        "Votre numéro de téléphone                      Destinataire\n"
        "Votre adresse e-mail                           Son adresse\n\n"
        "Cher destinataire,\n\nCordialement,\n\nVotre nom\n"
    )
    found = redaction.find(text, identity=Identity.of(name="Votre nom"), header=False)
    taken = {text[span.start : span.end] for span in found}
    assert {"Votre adresse", "Votre numéro de téléphone", "Votre adresse e-mail"} <= taken
    assert not any("Destinataire" in piece for piece in taken)


def test_the_addressee_salutation_and_closing_of_a_letter_stay() -> None:
    text = (
        "Acme Recruitment team                                   Date\n"
        "Acme Ltd\nStreet address\nZip Code City\n\n\n"
        "Dear Sir or Madam,\n\nYours faithfully,\n\n\nAnn Carver\n"
    )
    redacted = redaction.redact(text, identity=Identity.of(name="Ann Carver"))
    assert "Dear Sir or Madam," in redacted
    assert "Yours faithfully," in redacted
    assert "Zip Code City" in redacted


def test_a_placeholder_address_with_a_hash_number_is_an_address() -> None:
    text = (
        "Ana Pérez\nana@example.org • +56 9 1234 5678\nCalle #123, Región, País\n"
        "Lorem ipsum dolor sit amet.\nExperiencia\n"
    )
    redacted = redaction.redact(text, identity=Identity.of(name="Ana Pérez"))
    assert "Calle #123" not in redacted
    assert "Lorem ipsum dolor sit amet." in redacted
