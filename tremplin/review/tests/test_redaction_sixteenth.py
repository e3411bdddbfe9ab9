"""Issue 10, item 12, sixteenth round: general rules for what redaction still did wrong on the
tuning samples once three fresh ones joined them, on made-up examples: the United States as
Spanish CVs write it ("Valencia, EE.UU." is no street, but a town and its country), and a
Portuguese letter template's placeholders ("Seu número de telefone")."""

from tremplin.review import redaction
from tremplin.review.redaction import Identity

LUCIA = Identity.of(name="Lucía Ferrer")


def test_a_town_and_the_united_states_as_spanish_writes_it_go() -> None:
    text = (
        "Lucía Ferrer\nIngeniera de datos\nAustin, EE.UU. lucia@example.com +1 555-010-2030\n"
        "EXPERIENCIA\nIngeniera de datos, DataCorp\n"
    )
    redacted = redaction.redact(text, identity=LUCIA)
    assert "Austin" not in redacted and "EE.UU." not in redacted
    assert "DataCorp" in redacted


def test_a_portuguese_template_s_placeholders_go() -> None:
    text = (
        "Seu nome\n\tSeu endereço\n\tSeu número de telefone\n\n\t4 de dezembro de 2026\n\n"
        "Destinatário\nEndereço de destinatário\nNúmero de telefone de destinatário\n\n"
        "Caro Sr.,\n\n\tAtenciosamente,\n\n\tSeu nome\n"
    )
    redacted = redaction.redact(text, identity=Identity.of(name="Seu nome"))
    sender = redacted.split("4 de dezembro")[0]  # the sender's block, over the date
    assert "telefone" not in sender and "endereço" not in sender
    assert "Caro Sr.," in redacted
    assert "Número de telefone de destinatário" in redacted  # the addressee's
