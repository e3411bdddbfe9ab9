"""Issue 10, item 12, twenty-ninth round: general rules for what redaction still did wrong on
the tuning samples once six held-out samples joined them, on made-up examples: an academic's
building and room, "Current Employment" ending the header, a French address with the town
in capitals and a street with no number where PDF text joined two columns, a letter's
return address set apart by full stops, a field's label beside its value, another column's
heading beside a label, and a nationality under the contacts."""

from tremplin.review import redaction
from tremplin.review.redaction import Identity


def test_an_academics_building_and_room_are_withheld_and_current_employment_ends_the_header() -> (
    None
):
    text = (
        "Nora Quill\nLecturer nora.quill@example.edu\n"
        "Building 42, Room 3.14\nGreenfield, MA\n"
        "Current Employment\nNorthfield College Greenfield, MA\n"
        "Taught statistics to first-year students.\n"
    )
    redacted = redaction.redact(text, identity=Identity.of(name="Nora Quill"))
    assert "Building 42" not in redacted
    assert "Room 3.14" not in redacted
    assert "Current Employment\nNorthfield College Greenfield, MA" in redacted


def test_a_building_word_in_a_sentence_is_no_address() -> None:
    text = "Nora Quill\nBuilding 3D printers for schools\nnora@example.org\n\nExperience\n"
    redacted = redaction.redact(text, identity=Identity.of(name="Nora Quill"), header=False)
    assert "Building 3D printers for schools" in redacted


def test_a_french_address_with_its_town_in_capitals_beside_another_column() -> None:
    text = (
        "Place du marché Célibataire\n"
        "12345 VILLENEUVE deux chats\n"
        "téléphone : 01 23 45 67 89\n"
        "Armand Tournesol\n"
        "Expérience professionnelle\n"
        "2010 – 2020 Chercheur, Laboratoire, Lyon\n"
    )
    identity = Identity.of(name="Armand Tournesol")
    redacted = redaction.redact(text, identity=identity, header=False)
    assert "marché" not in redacted
    assert "VILLENEUVE" not in redacted
    assert "deux chats" in redacted
    assert "Chercheur, Laboratoire, Lyon" in redacted


def test_a_return_address_set_apart_by_full_stops_and_the_addressee_below_it() -> None:
    text = (
        "Ida Sender. Lindenweg 7. 54321 Kleinstadt.\n"
        "Firma Beispiel GmbH\nHauptstraße 1\n11111 Großstadt\n"
        "4. Dezember 2026\nSehr geehrte Damen und Herren,\n"
        "hiermit bewerbe ich mich.\nMit freundlichen Grüßen\nIda Sender\n"
    )
    redacted = redaction.redact(text, identity=Identity.of(name="Ida Sender"))
    assert "Lindenweg" not in redacted
    assert "Kleinstadt" not in redacted
    assert "Hauptstraße 1\n11111 Großstadt" in redacted


def test_an_address_label_beside_its_value_is_not_taken_for_a_placeholder() -> None:
    text = (
        "FLORA FERN - CV\nGardener\nPERSONAL DATA\n"
        "Name            Flora Fern\nAddress         Elm Row 9, 12345 Town\n"
        "Phone           +12 34567 89000\n\nProfile\nKeeps gardens.\n"
    )
    found = redaction.find(text, identity=Identity.of(name="Flora Fern"), header=False)
    taken = [text[span.start : span.end] for span in found]
    assert not any("Address" in piece for piece in taken)
    assert any("12345 Town" in piece for piece in taken)


def test_another_columns_heading_beside_a_label_is_no_value() -> None:
    text = (
        "PERSONAL DETAILS\tWork experience\n"
        "Name\tSenior Gardener\t2020 - present\n"
        "Flora Fern\tGreen Ltd.\n"
    )
    redacted = redaction.redact(text, identity=Identity.of(name="Flora Fern"), header=False)
    assert "Work experience" in redacted


def test_a_nationality_under_the_contacts_stays() -> None:
    text = (
        "Mette Holm\n\n\tPERSONOPLYSNINGER\n"
        "Adresse\tEksempelvej 1, Aarhus\nTelefon\t+45 00 00 00 00\n"
        "E-mail\tmette@example.dk\nNationalitet\tDansk\n\n"
        "\tERHVERVSERFARING\n2021\tIngeniør\n"
    )
    redacted = redaction.redact(text, identity=Identity.of(name="Mette Holm"))
    assert "Nationalitet\tDansk" in redacted
    assert "Eksempelvej" not in redacted
    assert "ERHVERVSERFARING" in redacted
