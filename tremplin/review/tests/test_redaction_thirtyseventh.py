"""Issue 10, item 12, thirty-seventh round: a general rule for what redaction still did wrong
on the tuning samples once six held-out samples joined them, on made-up examples: a place
alone over the candidate's own contact lines, below a summary."""

from tremplin.review import redaction
from tremplin.review.redaction import Identity

SUMMARY = (
    "Ann Carver\nData steward\n"
    "Careful with records, patient with people, and always writing things down twice\n"
    "so that the next person can find what they are looking for without asking anyone.\n"
)


def test_a_place_over_the_candidates_own_email_is_theirs() -> None:
    text = SUMMARY + "Upper Valley NH\nann@example.org\n+1 603 555 0142\n\nExperience\n"
    identity = Identity.of(name="Ann Carver", email="ann@example.org")
    redacted = redaction.redact(text, identity=identity, header=False)
    assert "Upper Valley" not in redacted
    assert "Experience" in redacted


def test_a_heading_a_title_or_someone_elses_contact_keeps_the_line_above() -> None:
    text = SUMMARY + (
        "Contact Details\nann@example.org\n\nSenior Archivist\nann@example.org\n\n"
        "Referees\nUpper Valley NH\nreferee@example.com\n"
    )
    identity = Identity.of(name="Ann Carver", email="ann@example.org")
    redacted = redaction.redact(text, identity=identity, header=False)
    assert "Contact Details" in redacted
    assert "Senior Archivist" in redacted
    assert "Upper Valley NH" in redacted
