"""Issue 10, item 12, eighth round: general rules for what redaction still did wrong on the six
samples moved from the held-out part to tuning, each on a made-up example: a street named
with hyphens ("Max-Planck-Straße 3"), a template's "xx" standing for digits, an English
street word before the number, a postcode with its country's letter opening a line that PDF
text ran into the next column, a town with an abbreviation, placeholders "Street name 123",
and a return-address line whose parts are set apart by middle dots."""

from tremplin.review import redaction
from tremplin.review.redaction import Identity

ANN = Identity.of(name="Ann Carver")


def redact(text: str, identity: Identity = ANN, *, header: bool = True) -> str:
    """``header=False`` leaves the header's contact lines to the finders alone, as the rules
    below are about what the finders see (with it, the whole contact block goes anyway)."""
    return redaction.redact(text, identity=identity, header=header)


def test_a_street_named_with_hyphens_before_straße_is_an_address() -> None:
    redacted = redact("Ann Carver\nMax-Planck-Straße 3, Berlin\n\nErfahrung\nText.\n", header=False)
    assert "Planck" not in redacted and "Berlin" not in redacted


def test_a_template_s_xx_and_xxxxx_stand_for_a_number_and_a_postcode() -> None:
    redacted = redact(
        "Ann Carver\nAbs.-Straße xx\nxxxxx Abs.-Ort\nTelefon: +49 (0) 111 12345\n\nText.\n",
        header=False,
    )
    assert "Abs.-Straße" not in redacted and "Abs.-Ort" not in redacted
    assert "xxxxx" not in redacted


def test_a_template_s_x_digits_in_a_phone_number_are_digits_too() -> None:
    redacted = redact("Ann Carver\nPhone: 999 xxxx xxx\nann@example.org\n\nProfile\nText.\n")
    assert "999" not in redacted


def test_an_english_street_word_before_its_number_is_an_address() -> None:
    redacted = redact(
        "Ann Carver\nHarbour Street 78 Company X, 2010\nann@example.org\n\nText.\n", header=False
    )
    assert "Harbour" not in redacted


def test_a_street_word_before_a_year_is_no_address() -> None:
    redacted = redact(
        "Ann Carver\nann@example.org\n\nExperience\nShop assistant, Oxford Street 2019\n"
    )
    assert "Oxford Street 2019" in redacted


def test_a_postcode_with_its_country_letter_opening_a_joined_line_goes() -> None:
    text = (
        "Ann Carver Experience\nHarbour Street 78 COMPANY X, Location X. Summer 2010\n"
        "B-9000 Ghent Integer tincidunt dapibus consectetur.\nann@example.be Internship\n"
    )
    redacted = redact(text)
    assert "9000" not in redacted and "Ghent" not in redacted
    assert "COMPANY X, Location X. Summer 2010" in redacted
    assert "Integer tincidunt dapibus consectetur." in redacted


def test_a_town_with_an_abbreviation_goes_whole() -> None:
    redacted = redact("Ann Carver\nRosenweg 4\n9000 St. Gallen\nann@example.ch\n\nText.\n")
    assert "Gallen" not in redacted and "Rosenweg" not in redacted


def test_placeholders_street_name_and_city_name_with_their_numbers_are_an_address() -> None:
    redacted = redact(
        "Your company name or logo\n\nYour name\t·\tStreet name 123\t·\t12345 City name\n"
        "Recipient name\nHarbour Road 9\n54321 Portwick\n\nDear Recipient,\nText.\n",
        Identity.of(name="Your name"),
    )
    assert "Street name 123" not in redacted and "12345 City name" not in redacted


def test_a_return_line_of_parts_set_apart_by_middle_dots_keeps_the_addressee() -> None:
    redacted = redact(
        "Ann Carver\t·\tHarbour Road 12\t·\t54321 Portwick\n"
        "Recipient name\nQuay Street 5\n12345 Riverton\n\nDear Recipient,\nText.\n"
    )
    assert "Quay Street 5\n12345 Riverton" in redacted
    assert "Harbour Road 12" not in redacted
