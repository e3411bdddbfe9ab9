"""Issue 10, item 12, twenty-sixth round: general rules for what redaction still did wrong on
the tuning samples once four held-out samples joined them, on made-up examples: the town a
candidate says they are based in or live in, and a trade's business named after the
candidate."""

import pytest

from tremplin.review import redaction
from tremplin.review.redaction import Identity


@pytest.mark.parametrize(
    ("sentence", "town"),
    [
        ("I'm a Porto based illustrator and web designer.", "Porto"),
        ("I am a Glasgow-based data analyst who loves maps.", "Glasgow"),
        ("I'm currently based in Bristol and open to remote work.", "Bristol"),
        ("Je vis à Besançon depuis dix ans.", "Besançon"),
        ("Ich wohne in Regensburg und arbeite gern im Team.", "Regensburg"),
    ],
)
def test_the_town_a_candidate_says_they_live_in_is_hidden(sentence: str, town: str) -> None:
    text = f"Ann Carver\nann@example.org\n\nAbout me\n{sentence}\n\nExperience\nDesigner, 2020\n"
    redacted = redaction.redact(text, identity=Identity.of(name="Ann Carver"), header=False)
    assert town not in redacted
    assert "Experience" in redacted


def test_a_town_an_employer_is_based_in_stays() -> None:
    text = (
        "Ann Carver\nann@example.org\n\nExperience\n"
        "Designer at Acme, a Leeds-based studio, 2020 - 2024\n"
    )
    redacted = redaction.redact(text, identity=Identity.of(name="Ann Carver"), header=False)
    assert "Leeds-based studio" in redacted


def test_a_trades_business_named_after_the_candidate_is_hidden_whole() -> None:
    text = (
        "Jonas Keller\nBetrieb: Tischlerei Keller\n\nProjekte\n"
        "Tischlerei Keller – Referenzen\nKüche in Eiche, 2023\n"
    )
    redacted = redaction.redact(text, identity=Identity.of(name="Jonas Keller"), header=False)
    assert "Tischlerei" not in redacted
    assert "Küche in Eiche" in redacted
