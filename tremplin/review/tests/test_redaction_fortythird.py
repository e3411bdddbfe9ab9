"""Issue 10, item 12, forty-third round: general rules for what redaction still did wrong on
the tuning samples once three held-out samples joined them, on made-up examples: a bare
domain that is the domain of the e-mail address the header gives is the candidate's site
(not a mailbox provider's); "address" before capitalised names with a comma between them is
an address."""

from tremplin.review import redaction
from tremplin.review.redaction import Identity


def test_the_domain_of_the_headers_e_mail_address_written_bare_is_a_link() -> None:
    text = (
        "Mei Lin\n"
        "email mei@willowtea.co\n"
        "web willowtea.co\n"
        "Experience\n"
        "2020 Tea shop owner; my notes are on willowtea.co\n"
    )
    redacted = redaction.redact(text, identity=Identity.of(name="Mei Lin"))
    assert "willowtea" not in redacted
    assert "Tea shop owner" in redacted


def test_a_mailbox_providers_domain_written_bare_stays() -> None:
    text = "Mei Lin\nmei.lin@gmail.com\nExperience\nI wrote the gmail.com migration guide.\n"
    redacted = redaction.redact(text, identity=Identity.of(name="Mei Lin"))
    assert "gmail.com migration guide" in redacted


def test_a_label_before_names_with_a_comma_between_them_is_an_address() -> None:
    text = (
        "address Willow Pavilion, Suzhou\n"
        "Mei Lin mobile +1 (555) 222-1234\n"
        "A dedicated practitioner of tea ceremonies for ten years.\n"
        "Work experience\n"
        "2020 Tea shop\n"
    )
    redacted = redaction.redact(text, identity=Identity.of(name="Mei Lin"))
    assert "Willow Pavilion" not in redacted
    assert "Suzhou" not in redacted
    assert "A dedicated practitioner of tea ceremonies for ten years." in redacted
