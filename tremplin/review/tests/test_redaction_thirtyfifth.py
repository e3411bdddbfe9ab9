"""Issue 10, item 12, thirty-fifth round: general rules for what redaction still did wrong on
the tuning samples once five held-out samples joined them, on made-up examples: referees
listed with a mark beside the "References" label, and user names alone on their lines
around a line of pronouns."""

from tremplin.review import redaction
from tremplin.review.redaction import Identity


def test_marked_referees_beside_the_label_keep_their_contacts() -> None:
    text = (
        "Ann Carver\nann@example.org\n\nEXPERIENCE\n2020 Engineer at Acme\n"
        "REFERENCES ■ Professor Jo Referee\nProfessor of Geology\nFirst University\n"
        "1 First Avenue, Springfield 22222, USA\njo.referee@example.com ● +1 (555) 222-2222\n"
        "■ Dr Max Other\nDirector, Research\nAlpha Firm\n20 North Street, Oakland 33333, USA\n"
        "max.other@example.com ● +1 (555) 333-3333\n"
    )
    redacted = redaction.redact(text, identity=Identity.of(name="Ann Carver"))
    assert "jo.referee@example.com" in redacted
    assert "max.other@example.com" in redacted
    assert "+1 (555) 333-3333" in redacted
    assert "ann@example.org" not in redacted


def test_user_names_alone_on_their_lines_around_pronouns_go() -> None:
    text = (
        "Ann Carver\nData engineer\nann@example.org\n+44 20 7946 0000\nexample.org\n"
        "they/them\nrivers1984\nk8s_fan_Zq77\n\nEXPERIENCE\n2020 Engineer at Acme\n"
    )
    redacted = redaction.redact(text, identity=Identity.of(name="Ann Carver"), header=False)
    assert "rivers1984" not in redacted
    assert "k8s_fan_Zq77" not in redacted
    assert "they/them" in redacted
