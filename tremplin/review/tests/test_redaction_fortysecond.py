"""Issue 10, item 12, forty-second round: general rules for what redaction still did wrong
on the tuning samples once five held-out samples joined them, on made-up examples: a Chinese
or Japanese place name in the header's contact line is an address; a letter whose salutation
greets the addressee by name ("Hoi Peter,") keeps the addressee's block, even run on into
the sender's with no blank line between them."""

from tremplin.review import redaction
from tremplin.review.redaction import Identity


def test_a_chinese_city_in_the_contact_line_is_an_address() -> None:
    text = (
        "李小明\n\n"
        "139-1111-2222 · lixiaoming@example.com · 杭州市 · github.com/lixm\n\n"
        "工作经历\n"
        "2020 - 2024 软件工程师\n"
    )
    redacted = redaction.redact(text, identity=Identity.of(name="李小明"))
    assert "杭州市" not in redacted
    assert "软件工程师" in redacted


def test_the_addressee_greeted_by_name_keeps_their_block_under_the_senders() -> None:
    text = (
        "Anna Keller\n"
        "Seeweg 4\n"
        "8001 Zürich\n"
        "Martin Berger\n"
        "Lindenstrasse 9\n"
        "3011 Bern\n"
        "Zürich, 02.03.2024\n"
        "Bewerbig als Bibliothekarin\n"
        "Hoi Martin,\n"
        "Ich schribe dir wäg de Stell.\n"
        "Anna\n"
    )
    redacted = redaction.redact(text, identity=Identity.of(name="Anna Keller"))
    assert "Seeweg 4" not in redacted
    assert "8001 Zürich" not in redacted
    assert "Lindenstrasse 9" in redacted
    assert "3011 Bern" in redacted
