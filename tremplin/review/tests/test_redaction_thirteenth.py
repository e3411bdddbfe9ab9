"""Issue 10, item 12, thirteenth round: a general rule for what redaction still did wrong on
the tuning samples once four fresh ones joined them, on a made-up example: a template's contact
footer, a line of nothing but the candidate's fields' names ("Numéro et rue – Code postal et
ville – Pays"), after a "References" heading that would otherwise make them a referee's."""

from tremplin.review import redaction
from tremplin.review.redaction import Identity

ANN = Identity.of(name="Prénom Nom")

FOOTER = """Prénom Nom
Titre du CV

Expérience
Année–Année Emploi, Employeur, Ville.

References
Catégorie 1 Catégorie 2
Commentaire Commentaire
Numéro et rue – Code postal et ville – Pays
Numéro de portable • Numéro de téléphone • Courriel
"""


def test_a_template_s_contact_footer_of_fields_names_goes() -> None:
    redacted = redaction.redact(FOOTER, identity=ANN)
    for words in ("Numéro et rue", "Code postal et ville", "Numéro de portable", "Courriel"):
        assert words not in redacted, words
    assert "Employeur, Ville." in redacted


def test_a_line_of_fields_named_with_other_words_is_left_alone() -> None:
    text = "Prénom Nom\n\nCompétences\nAdresse – rédaction de courriers – gestion de projets\n"
    redacted = redaction.redact(text, identity=ANN)
    assert "rédaction de courriers" in redacted
