"""Issue 10, item 12, seventh round: general rules for what redaction still did wrong on the
fifteen samples moved from the held-out part to tuning, each on a made-up example: a
one-line address that goes on after its town with a region, a country and a postcode
last, in the header or further down; a state's code after a postcode and town; an English
street word written as a German compound ("Examplestreet 103"); and template placeholders in
Polish, Dutch and Portuguese."""

from tremplin.review import redaction
from tremplin.review.redaction import Identity

ANN = Identity.of(name="Ann Carver")


def redact(text: str, identity: Identity = ANN) -> str:
    return redaction.redact(text, identity=identity)


def test_a_postcode_after_the_country_ends_a_header_address() -> None:
    text = (
        "Ann Carver\nData Analyst\n"
        "Lindenweg 14, Kassel, Hessen, Deutschland, 34117 • +49 561 7654321 • ann@example.de\n\n"
        "Erfahrung\nAnalystin, Nordwerk GmbH, 2020–heute\n"
    )
    redacted = redact(text)
    assert "Lindenweg" not in redacted and "Kassel" not in redacted
    assert "34117" not in redacted and "Hessen" not in redacted
    assert "Analystin, Nordwerk GmbH, 2020–heute" in redacted


def test_a_one_line_address_further_down_goes_whole_to_its_postcode() -> None:
    text = (
        "Ann Carver\nConsultante\n\nExpérience\nConsultante chez Orvane, 2019–2024\n\n"
        "Coordonnées\n\t8 Rue des Lilas, Nantes, Pays de la Loire, France, 44000\n"
    )
    redacted = redact(text)
    assert "Lilas" not in redacted and "Nantes" not in redacted
    assert "Loire" not in redacted and "44000" not in redacted
    assert "Consultante chez Orvane, 2019–2024" in redacted


def test_a_brazilian_postcode_with_its_dash_ends_the_address() -> None:
    text = (
        "Ann Carver\nAnalista\n"
        "Rua Augusta, 900, Consolação, São Paulo, São Paulo, Brasil, 01304-001\n"
        "ann@example.com.br\n"
    )
    redacted = redact(text)
    assert "01304" not in redacted and "001" not in redacted and "Augusta" not in redacted


def test_a_postcode_after_a_town_and_an_amount_after_a_country_stay_apart() -> None:
    text = (
        "Ann Carver\nAnalyst\nann@example.org\n\nExperience\n"
        "Grew sales in France, 2019, by 40 %.\nRaised 20,000 for the Lyon, France office.\n"
    )
    redacted = redact(text)
    assert "Grew sales in France, 2019, by 40 %." in redacted
    assert "Raised 20,000 for the Lyon, France office." in redacted


def test_placeholders_of_a_polish_template_are_the_address_they_stand_for() -> None:
    text = (
        "IMIĘ NAZWISKO\ntwoj.email@przyklad.pl | +48 123 456 789 | Miasto, Kraj | LinkedIn\n\n"
        "Doświadczenie\nAnalityk, Firma, 2020–2024\n"
    )
    redacted = redact(text, Identity.of(name="Imię Nazwisko"))
    assert "Miasto" not in redacted and "Kraj" not in redacted.split("\n", 2)[1]
    assert "Analityk, Firma, 2020–2024" in redacted


def test_placeholders_of_dutch_and_portuguese_templates_are_addresses_too() -> None:
    dutch = redact("Ann Carver\nann@example.nl | Straat, Woonplaats | +31 6 12345678\n\nTekst\n")
    assert "Straat" not in dutch and "Woonplaats" not in dutch
    portuguese = redact("Ann Carver\nann@example.pt | Rua, Cidade, País | +351 912 345 678\n")
    assert "Rua" not in portuguese and "Cidade" not in portuguese


def test_a_state_code_after_a_postcode_and_town_is_part_of_the_address() -> None:
    text = "Ann Carver\nann@example.mx\nAv. Reforma 10\n06600 Puebla, PUE\n\nCarta\nTexto.\n"
    redacted = redact(text)
    assert "06600" not in redacted and "Puebla" not in redacted and "PUE" not in redacted


def test_a_street_written_as_one_compound_word_with_its_number_is_an_address() -> None:
    text = "Ann Carver\nHarbour Ltd. · Quaystreet 12 · 10001 Testburg\n\nDear Sir,\nText.\n"
    redacted = redact(text)
    assert "Quaystreet" not in redacted and "Testburg" not in redacted
