"""Issue 10, item 12, forty-sixth round: general rules for what redaction still did wrong on
the tuning samples, on made-up examples: a line of fields' names that ends with "home page"
is a template's contact line; a placeholder with a possessive after a label and its colon
("Fax : Votre numéro de fax") stands for the candidate's own detail."""

from tremplin.review import redaction
from tremplin.review.redaction import Identity


def test_a_line_of_field_names_ending_with_home_page_is_a_contact_line() -> None:
    text = (
        "Ada Quill\n"
        "Letter of application\n"
        "Dear Sir or Madam,\n"
        "I apply for the post of archivist at your library.\n"
        "mobile number • phone number • fax number • email • home page\n"
    )
    redacted = redaction.redact(text, identity=Identity.of(name="Ada Quill"))
    assert "mobile number" not in redacted
    assert "home page" not in redacted
    assert "the post of archivist" in redacted


def test_a_possessive_placeholder_after_a_label_and_colon_is_the_candidates() -> None:
    text = (
        "Votre nom\n"
        "Votre numéro de téléphone                      Destinataire\n"
        "Fax : Votre numéro de fax                      Son adresse\n"
        "Objet : candidature au poste de bibliothécaire\n"
    )
    redacted = redaction.redact(text, identity=Identity.of(name="Votre nom"))
    assert "Votre numéro de fax" not in redacted
    assert "candidature au poste de bibliothécaire" in redacted
