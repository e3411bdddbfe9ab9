"""Issue 10, item 12, ninth round: general rules for what redaction still did wrong on the
tuning samples once five fresh ones joined them, each on a made-up example: a letter dated
with the year first, an addressee's block a template heads with a placeholder for the
recipient, and a template's credit line."""

from tremplin.review import redaction
from tremplin.review.redaction import Identity

ANN = Identity.of(name="Ann Carver", email="ann@example.org")

LETTER = """Ann Carver
12 Harbour Lane
Kingsport
ann@example.org

{addressee}

{date}

Dear Ms. Roe,

I am writing to apply for the role of archivist.
"""


def redact(text: str, identity: Identity = ANN) -> str:
    return redaction.redact(text, identity=identity)


def test_an_inside_address_above_a_date_written_year_first_stays() -> None:
    for date in ("2026. december 4.", "2026-12-04"):
        redacted = redact(
            LETTER.format(
                addressee="Ms. Jane Roe\nFenwick Archives\n3 Mill Road\nDunmore", date=date
            )
        )
        assert "3 Mill Road" in redacted and "Dunmore" in redacted
        assert "Harbour Lane" not in redacted


def test_a_recipient_placeholder_opens_the_addressee_s_block_right_under_the_sender_s() -> None:
    text = (
        "<Sender's name>\n<address street>\n<address postal code><address city>\n"
        "<Title><Recipient's name>\n<address street>\n<address postal code><address city>\n"
        "\n2026. december 4.\n\nDear <Title> <Recipient's name>,\n\nLorem ipsum.\n"
    )
    redacted = redact(text, Identity.of(name="Sender's name"))
    # The same placeholders twice: the sender's go, the addressee's stay.
    assert redacted.count("<address street>") == 1
    assert redacted.count("<address city>") == 1


def test_a_recipient_block_that_repeats_the_name_placeholder_is_still_the_addressee_s() -> None:
    text = (
        "Abs.-Vorname Abs.-Nachname\nAbs.-Straße xx\nxxxxx Abs.-Ort\n"
        "E-Mail: post@example.org\n"
        "Abs.-Vorname Abs.-Nachname, Abs.-Straße xx, xxxxx Abs.-Ort\n"
        "Empf.-Vorname Empf.-Nachname\nEmpf.-Straße xx\nxxxxx Empf.-Ort\n"
        "4. Dezember 2026\nEin Betreff\nSehr geehrte Frau Roe,\nText.\n"
    )
    redacted = redact(text, Identity.of(name="Vorname Nachname"))
    assert "Empf.-Straße xx" in redacted and "xxxxx Empf.-Ort" in redacted
    assert "Abs.-Straße" not in redacted


def test_a_link_in_a_template_s_credit_line_is_the_template_s() -> None:
    for credit in (
        "Created with the template by Dani Y.: github.com/dani-y/cv-template",
        "Erstellt mit der Vorlage von Dani Y.: github.com/dani-y/cv-template",
        "Réalisé avec le modèle de Dani Y. : github.com/dani-y/cv-template",
    ):
        footer = f"12.2026 Ann Carver | {credit}"
        redacted = redact(f"Ann Carver\nann@example.org\n\nExperience\nArchivist.\n\n{footer}\n")
        assert "github.com/dani-y/cv-template" in redacted
        assert "Ann Carver" not in redacted


def test_the_candidate_s_own_link_after_a_credit_word_still_goes() -> None:
    text = (
        "Ann Carver\nann@example.org\n\nProjects\n"
        "A site built with care: github.com/anncarver/site\n"
    )
    assert "anncarver" not in redact(text)
