"""Issue 10, item 12, fourteenth round: a general rule for what redaction still did wrong on
the tuning samples once three fresh ones joined them, on a made-up example: the initials
after the surname in a citation's form of the name ("COSTA, R. J.; COSTA, BIA"), as a Lattes
CV's "Nome em citações" field and lists of publications write it, even when they are not
those of the name the candidate gave the form (Bia for Beatriz Rita)."""

from tremplin.review import redaction
from tremplin.review.redaction import Identity

BIA = Identity.of(name="Bia Costa")


def test_the_initials_of_a_citation_s_form_of_the_name_go() -> None:
    text = (
        "Bia Costa\nCurriculum Vitae\n\nIdentificação\n"
        "Nome em citações COSTA, R.;COSTA, BIA\n"
        "Publicações\nCosta, B. R. (2024). Redes de cooperação. Revista, 12.\n"
    )
    redacted = redaction.redact(text, identity=BIA)
    assert "COSTA" not in redacted and "Costa" not in redacted
    assert "R.;" not in redacted and "B. R." not in redacted
    assert "Redes de cooperação" in redacted


def test_the_next_author_s_initial_stays() -> None:
    text = "Bia Costa\n\nPublications\nB. Costa, M. Silva, J. Sousa: Open atlases, 2023.\n"
    redacted = redaction.redact(text, identity=BIA)
    assert "M. Silva, J. Sousa" in redacted
