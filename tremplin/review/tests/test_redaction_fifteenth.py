"""Issue 10, item 12, fifteenth round: general rules for what redaction still did wrong on the
tuning samples once three fresh ones joined them, on made-up examples: a letter's addressee
greeted by name ("Dear Susan," under "Susan Robinson" and her street) is someone else's, and a
site on the candidate's own e-mail domain ("notes.tidepool.pt" beside "ana@tidepool.pt") is
theirs."""

from tremplin.review import redaction
from tremplin.review.redaction import Identity

ANA = Identity.of(name="Ana Ferreira", email="ana@tidepool.pt")

LETTER = """December 4, 2026
Paul Okafor
12 Harbour Road
Leith
Application for the archivist post
Dear Paul,
I am writing to apply for the archivist post.
Best regards
Ana Ferreira
Rua das Flores 9
4050-262 Porto
"""


def test_the_addressee_greeted_by_name_keeps_his_address() -> None:
    redacted = redaction.redact(LETTER, identity=ANA)
    assert "12 Harbour Road" in redacted and "Leith" in redacted
    assert "Rua das Flores" not in redacted and "Porto" not in redacted


def test_an_addressee_not_greeted_by_name_is_not_told_apart_by_the_greeting() -> None:
    letter = LETTER.replace("Dear Paul,", "Dear Sir or Madam,")
    redacted = redaction.redact(letter, identity=ANA)
    assert "Rua das Flores" not in redacted


def test_a_site_on_the_candidate_s_own_e_mail_domain_goes() -> None:
    text = (
        "Ana Ferreira\nArchivist\n\nExperience\nArchivist, Municipal Archive, 2019 to 2024\n"
        "Catalogued the port's records; see museu.pt for the collection.\n"
        "Digitised 40,000 letters.\n\nSkills\nPalaeography, XML, EAD\n\n"
        "source in/anaf notes.tidepool.pt ana@tidepool.pt\n"
    )
    redacted = redaction.redact(text, identity=ANA)
    assert "notes.tidepool.pt" not in redacted
    assert "museu.pt" in redacted
