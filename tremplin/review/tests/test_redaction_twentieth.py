"""Issue 10, item 12, twentieth round: general rules for what redaction still did wrong on
the tuning samples once four fresh ones joined them, each on a made-up example: a footer's
date, a number its icon left beside an e-mail address, a link typed with one slash, a
letter's footer of labelled columns, a return address set apart by dots, and a signature
below a letter's body."""

from tremplin.review import redaction
from tremplin.review.redaction import Identity

ADA = Identity.of(name="Ada Quill")


def test_a_footer_s_date_and_page_number_are_no_phone() -> None:
    text = "Ada Quill\nada@example.org\n\nExperience\nArchivist, City Archive\n2026-12-04 1 / 1\n"
    assert "2026-12-04 1 / 1" in redaction.redact(text, identity=ADA, header=False)


def test_a_number_beside_an_e_mail_address_on_a_joined_line_is_a_phone() -> None:
    text = "Ada Quill\n555-01234 ada@example.org https://ada.example\n\nEducation\nBA, 2020\n"
    redacted = redaction.redact(text, identity=ADA, header=False)
    assert "555-01234" not in redacted


def test_a_link_typed_with_one_slash_is_a_link() -> None:
    text = "Ada Quill\nhttp:/www.adaquill.example\n\nEducation\nBA, 2020\n"
    assert "http" not in redaction.redact(text, identity=ADA, header=False)


FOOTER = (
    "Ada Quill\n\nDear Ms Roe,\nI apply for the post.\nYours sincerely,\nAda Quill\n"
    "Ada Quill Adresse: Telefon: Internet: Bankverbindung:\n"
    "Mill Lane 3 Mobil: +49 171 2345678 ada@example.org Konto: 123.456.789\n"
)


def test_a_row_of_labels_is_no_value() -> None:
    redacted = redaction.redact(FOOTER, identity=ADA, header=False)
    assert "Telefon: Internet: Bankverbindung:" in redacted


def test_a_phone_s_value_ends_before_an_e_mail_address_and_another_field() -> None:
    redacted = redaction.redact(FOOTER, identity=ADA, header=False)
    assert "+49 171 2345678" not in redacted and "ada@example.org" not in redacted
    assert "Konto:" in redacted


def test_a_return_address_line_set_apart_by_dots_loses_its_town() -> None:
    text = (
        "Ada Quill\nAda Quill · Mill Lane 3 · Tiefenbach\nFrau\nElse Roe\nBergweg 12\n"
        "93456 Talort\n\nSehr geehrte Frau Roe,\nich schreibe Ihnen.\n"
    )
    redacted = redaction.redact(text, identity=ADA, header=False)
    assert "Tiefenbach" not in redacted
    assert "93456 Talort" in redacted


def test_a_letter_s_signature_below_its_body_is_redacted_word_by_word() -> None:
    text = (
        "Ada Quill\nada@example.org\n\nDear Ms Roe,\n"
        "thank you for sending me the details of the archivist's post last week.\n"
        "Yours sincerely,\nAda Quill\n"
    )
    redacted = redaction.redact(text, identity=ADA)
    assert redacted.count("[contact details withheld]") == 1
    assert redacted.endswith("Yours sincerely,\n[name]\n")
