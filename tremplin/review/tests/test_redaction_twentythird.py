"""Issue 10, item 12, twenty-third round: general rules for what redaction still did wrong
on the tuning samples once four of the twenty-second round's fresh letters joined them, each
on a made-up example: a letterhead's column of labels over their values, as a Word table
gives it, its return line, and a phone number with its area code in square brackets."""

from tremplin.review import redaction
from tremplin.review.redaction import Identity

ANN = Identity.of(name="Ann Carver")

LETTERHEAD = (
    "Harbour Institute | Ann Carver | Quay Street 4 | 12345 Porthaven\tDepartment of Tides\n"
    "\n"
    "Erika Example\tAnn Carver\n"
    "Other Road 9\tResearch Fellow\n"
    "99999 Elsewhere\n"
    "\tPostal address:\n"
    "\tHarbour Institute\n"
    "Dear Ms Example,\n"
    "We write to you about the tides of the harbour.\tQuay Street 4\n"
    "\t12345 Porthaven\n"
    "\tTelefon +49 [30] 2093–1234\n"
    "\tOffice address:\n"
    "\tDock Lane 12\n"
    "\tRoom 7\n"
    "\tann.carver@example.org\n"
    "\n"
    "The tides are high this year, and the harbour's records say why.\n"
)


def test_the_lines_under_an_address_label_in_its_column_go() -> None:
    redacted = redaction.redact(LETTERHEAD, identity=ANN)
    for detail in ("Quay Street", "Porthaven", "Dock Lane", "Room 7"):
        assert detail not in redacted, detail


def test_the_other_columns_text_beside_those_lines_stays() -> None:
    redacted = redaction.redact(LETTERHEAD, identity=ANN)
    assert "We write to you about the tides of the harbour." in redacted


def test_a_phone_with_its_area_code_in_square_brackets_goes() -> None:
    assert "2093" not in redaction.redact(LETTERHEAD, identity=ANN)


def test_a_return_line_with_the_senders_organization_before_the_name_goes() -> None:
    text = "Harbour Institute | Ann Carver | Mill Yard | Porthaven\n\nDear Sir,\n"
    redacted = redaction.redact(text, identity=ANN)
    assert "Mill Yard" not in redacted and "Porthaven" not in redacted
    assert redacted.startswith("Harbour Institute | ")
