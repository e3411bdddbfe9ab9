"""Issue 10, item 12, twenty-fifth round: a general rule for what redaction still did wrong
on the tuning samples once three of the twenty-fourth round's fresh samples joined them, on a
made-up example: titles in a row before the name, a doctorate's field among them."""

import pytest

from tremplin.review import redaction
from tremplin.review.redaction import Identity


@pytest.mark.parametrize(
    "written", ["Dr. med. Ann Carver", "Prof. Dr. Ann Carver", "Dr. rer. nat. Ann Carver"]
)
def test_titles_in_a_row_before_the_name_go_with_it(written: str) -> None:
    text = f"{written}\nann@example.org\n\nExperience\nPhysician at Acme Hospital, 2020 - 2024\n"
    redacted = redaction.redact(text, identity=Identity.of(name="Ann Carver"), header=False)
    first = redacted.splitlines()[0]
    assert not any(word in first for word in ("Dr", "Prof", "med", "rer", "nat")), first
    assert "Physician at Acme Hospital" in redacted
