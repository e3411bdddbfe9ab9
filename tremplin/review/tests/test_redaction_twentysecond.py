"""Issue 10, item 12, twenty-second round: general rules for what redaction still did wrong
on the tuning samples once four held-out ones joined them, each on a made-up example: a
sidebar's labels written over their values, beside the main column's text on the same rows
(as a Word table gives them), and a Spanish template's "Añade aquí …" instructions."""

from tremplin.review import redaction
from tremplin.review.redaction import Identity

ANN = Identity.of(name="Ann Carver")

SIDEBAR = (
    "ANN\tData engineer with eight years of experience.\n"
    "\n"
    "PERSONAL DETAILS\tWork experience\n"
    "Name\tSenior Data Engineer\t2020 - present\n"
    "Ann Carver\tAcme Analytics Ltd.\n"
    "Address\t• Led the migration of reporting pipelines used by\n"
    "Little Hadham, Hertfordshire\tregional councils.\n"
    "Email address\tWorked on:\n"
    "ann.carver@example.org\tHarbour Dashboard Suite\n"
    "LinkedIn\t• Built and maintained the ingestion service.\n"
    "https://www.linkedin.com/in/ann-carver-example\n"
)


def test_a_label_over_its_value_does_not_take_the_next_columns_text_as_its_value() -> None:
    redacted = redaction.redact(SIDEBAR, identity=ANN)
    assert "Senior Data Engineer" in redacted
    assert "Led the migration of reporting pipelines" in redacted
    assert "regional councils" in redacted
    assert "Built and maintained the ingestion service" in redacted


def test_the_values_under_a_sidebars_labels_go() -> None:
    redacted = redaction.redact(SIDEBAR, identity=ANN)
    for detail in ("Carver", "Hadham", "Hertfordshire", "ann.carver", "ann-carver-example"):
        assert detail not in redacted


def test_a_label_beside_its_value_on_the_same_row_still_gives_it() -> None:
    text = "Ann Carver\nAddress\t14 Queen's Road, Little Hadham\nPhone\t+44 7700 900123\n"
    redacted = redaction.redact(text, identity=ANN)
    assert "Queen" not in redacted and "7700" not in redacted


def test_a_spanish_templates_instructions_for_contact_details_go() -> None:
    text = (
        "Añade aquí Nombre y apellidos\nAñade aquí la dirección\nAñade aquí el email\n"
        "Añade aquí el número de telefono\n\nExperiencia profesional\n"
        "• Añade aquí tu experiencia profesional\n"
    )
    redacted = redaction.redact(text, identity=Identity.of(name="Nombre Apellidos"))
    assert "dirección" not in redacted and "email" not in redacted
    assert "telefono" not in redacted
    assert "Añade aquí tu experiencia profesional" in redacted
