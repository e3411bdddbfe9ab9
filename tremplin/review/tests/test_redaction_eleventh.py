"""Issue 10, item 12, eleventh round: general rules for what redaction still did wrong on the
tuning samples once seven fresh ones joined them, each on a made-up example: a header's line
of contacts that wrapped, its bar opening the next line, and a French letter's addressee,
greeted "Mon très cher Monsieur", under a column that PDF text joined to the return address."""

from tremplin.review import redaction
from tremplin.review.redaction import Identity

ANN = Identity.of(name="Ann Carver")


def redact(text: str, identity: Identity = ANN) -> str:
    return redaction.redact(text, identity=identity)


def test_a_site_after_a_bar_opening_a_wrapped_header_line_goes() -> None:
    redacted = redact(
        "Ann Carver\n0612345678 | ann@example.org | https://github.com/anncarver\n"
        "| mon-portfolio.net\nPROFIL\nTexte.\n"
    )
    assert "portfolio" not in redacted


def test_a_bar_inside_a_line_of_the_body_is_left_alone() -> None:
    redacted = redact("Ann Carver\nann@example.org\n\nSkills\n| Python | SQL |\n")
    assert "| Python | SQL |" in redacted


def test_a_french_letter_s_addressee_greeted_mon_tres_cher_monsieur_stays() -> None:
    text = (
        "Madame Ann Carver\n12, rue des Fleurs\n1204 Genève\nSuisse\n\n"
        "Genève                                  Madame Ann Carver, 12, rue des Fleurs, 1204\n"
        "                                        Monsieur Jean Roe\n"
        "                                        45, avenue des Tilleuls\n"
        "                                        69003 Lyon\n"
        "                                        France\n\n"
        "                                                          3 décembre 2026\n\n"
        "Objet : Candidature\n\nMon très cher Monsieur Roe,\n\nTexte.\n"
    )
    redacted = redact(text)
    assert "45, avenue des Tilleuls" in redacted and "69003 Lyon" in redacted
    assert "rue des Fleurs" not in redacted
