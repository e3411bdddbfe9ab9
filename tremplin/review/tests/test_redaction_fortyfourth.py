"""Issue 10, item 12, forty-fourth round: a general rule for what redaction still did wrong on
the tuning samples once fifteen fresh samples came in and eleven held-out ones joined the
tuning part, on made-up examples: a word that holds two parts of the name run together is
a user name, whatever is glued to it."""

from tremplin.review import redaction
from tremplin.review.redaction import Identity


def test_two_parts_of_the_name_run_together_inside_a_word_are_a_handle() -> None:
    text = (
        "Mara Quillon Python Developer\n"
        "mara@quillon.example 555 123 4567 maraquillonDEV\n"
        "Experience\n"
        "2020 Maintainer of a parser library\n"
    )
    redacted = redaction.redact(text, identity=Identity.of(name="Mara Quillon"))
    assert "maraquillon" not in redacted.lower()
    assert "Maintainer of a parser library" in redacted


def test_one_part_of_the_name_inside_a_longer_word_stays() -> None:
    text = "Rose Marin\nExperience\n2020 Curator of the primrose garden and its roseraie\n"
    redacted = redaction.redact(text, identity=Identity.of(name="Rose Marin"))
    assert "primrose garden and its roseraie" in redacted
