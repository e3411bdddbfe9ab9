"""Issue 10, item 12, seventeenth round: a general rule for what redaction still did wrong on
the tuning samples once three fresh ones joined them, on a made-up example: a template's
stand-in for the candidate's own site ("https://your-domain.com/cv/", a printed page's footer)
is theirs, below the header too."""

from tremplin.review import redaction
from tremplin.review.redaction import Identity

NELL = Identity.of(name="Nell Varga")

TEXT = """Nell Varga
Archivarin
+49 30 1234567 nell@example.org Hauptstraße 5, Berlin

Berufserfahrung
Archivarin, Stadtarchiv, 2019 bis heute
Digitalisierung von 40.000 Briefen; siehe https://www.stadtarchiv.example/projekte.

Dieser Lebenslauf wurde zuletzt generiert am 2026-12-04.
https://your-domain.com/de/cv/
"""


def test_a_template_s_stand_in_for_the_candidate_s_site_goes() -> None:
    redacted = redaction.redact(TEXT, identity=NELL)
    assert "your-domain.com" not in redacted
    assert "https://www.stadtarchiv.example/projekte" in redacted  # the employer's
