"""Issue 10, item 12, nineteenth round: general rules for what redaction still did wrong on
the tuning samples once four fresh ones joined them, each on a made-up example: a template's
contact column of fields' names left blank, a letterhead printed again over the cover letter,
the masculine German salutation, and a British house name."""

from tremplin.review import redaction
from tremplin.review.redaction import Identity

CARVER = Identity.of(name="Ann Carver")


def test_fields_names_left_where_the_contacts_go_are_placeholders() -> None:
    text = (
        "                         Mobile phone\nAnn Carver               Email address\n"
        "Archivist                Web address\n\nProfile\nArchivist of maps and letters.\n"
    )
    redacted = redaction.redact(text, identity=CARVER, header=False)
    for field in ("Mobile phone", "Email address", "Web address"):
        assert field not in redacted
    assert "Archivist of maps and letters." in redacted


def test_a_field_s_label_with_its_value_is_not_taken_for_a_blank_one() -> None:
    text = "Ann Carver\nMobile phone: +44 7700 900123\n\nProfile\nYour phone number is kept.\n"
    redacted = redaction.redact(text, identity=CARVER, header=False)
    assert "+44 7700 900123" not in redacted
    assert "Your phone number is kept." in redacted


LETTERHEAD = "Ann Carver\n[Street and number]\n[Postcode] [City]\nann@example.org\n"


def test_a_letterhead_printed_again_over_the_cover_letter_goes_again() -> None:
    text = (
        f"{LETTERHEAD}\nExperience\n2019 – now Archivist, City Archive\n\n"
        f"{LETTERHEAD}\n3 March 2026\nDear Ms Roe,\nI apply for the archivist's post.\n"
    )
    redacted = redaction.redact(text, identity=CARVER, header=False)
    assert "[Street and number]" not in redacted and "[City]" not in redacted
    assert "City Archive" in redacted


def test_a_line_below_that_only_looks_like_one_of_the_header_stays() -> None:
    text = (
        "Ann Carver\nArchivist of maps and letters\nann@example.org\n\nExperience\n"
        "Archivist of maps and letters\nCity Archive\n"
    )
    redacted = redaction.redact(text, identity=CARVER, header=False)
    assert redacted.count("Archivist of maps and letters") == 2


def test_the_addressee_of_sehr_geehrter_herr_keeps_the_address() -> None:
    text = (
        "Anna Kärcher\nBergweg 3\n80331 München\nanna@example.org\n\n"
        "Packwerk GmbH\nHerr Nubil\nTalstraße 4\n59888 Talort\n\n17. Januar 2026\n"
        "Bewerbung als Archivarin\nSehr geehrter Herr Nubil,\nhiermit bewerbe ich mich.\n"
    )
    redacted = redaction.redact(text, identity=Identity.of(name="Anna Kärcher"), header=False)
    assert "Bergweg 3" not in redacted
    assert "Talstraße 4" in redacted and "59888 Talort" in redacted


def test_a_house_name_and_the_place_under_it_are_an_address() -> None:
    text = (
        "Rosemoor Cottage\nLittle Hadham\n+44 7700 900123\nann@example.org\nAnn Carver\n\n"
        "Experience\n2019 – now Archivist, City Archive\n"
    )
    redacted = redaction.redact(text, identity=CARVER, header=False)
    assert "Rosemoor" not in redacted and "Hadham" not in redacted
    assert "City Archive" in redacted
