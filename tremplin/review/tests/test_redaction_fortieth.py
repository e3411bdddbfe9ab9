"""Issue 10, item 12, fortieth round: a general rule for what redaction still did wrong on
the tuning samples once two held-out samples joined them, on made-up examples: in the
header, a profile's path whose site was an icon ("/in/quietfox", "/qfox-dev") is a link."""

from tremplin.review import redaction
from tremplin.review.redaction import Identity


def test_a_profiles_path_in_the_header_is_a_link() -> None:
    text = (
        "Ann Carver +44 20 7946 0000 | ann@example.org\n"
        "Leeds /in/quietfox | /qfox-dev\n"
        "Experience\n"
        "Archivist, Town Library, 2019 — 2024: moved the catalogue to /srv/archive.\n"
    )
    redacted = redaction.redact(text, identity=Identity.of(name="Ann Carver"))
    assert "quietfox" not in redacted
    assert "qfox-dev" not in redacted
    assert "Archivist, Town Library, 2019 — 2024" in redacted
