"""Issue 10, item 12, fifty-fifth round: a general rule for what redaction still did wrong on
the tuning samples, on a made-up example: a town and country written in Arabic script, with
the Arabic comma ("شیراز، ایران"), in a line of contacts is the candidate's address."""

from tremplin.review import redaction
from tremplin.review.redaction import Identity


def test_a_town_and_country_in_arabic_script_in_the_contact_line_go() -> None:
    text = (
        "سارا کریمی\n\n"
        "شیراز، ایران    sara.karimi@example.com    sarakarimi\n\n"
        "سوابق کاری\n"
        "________________\n"
        "شرکت نمونه، طراح ارشد\n"
    )
    redacted = redaction.redact(text, identity=Identity.of(name="سارا کریمی"))
    assert "شیراز" not in redacted
    assert "ایران" not in redacted
    assert "sara.karimi@example.com" not in redacted
    assert "شرکت نمونه، طراح ارشد" in redacted
    redacted = redaction.redact(
        text.replace("شیراز، ایران", "الرباط، المغرب"), identity=Identity.of(name="سارا کریمی")
    )
    assert "الرباط" not in redacted
