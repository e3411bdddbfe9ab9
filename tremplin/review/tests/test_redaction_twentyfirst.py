"""Issue 10, item 12, twenty-first round: a general rule for what redaction still did wrong
on the tuning samples once a fresh one joined them, on a made-up example: the town and region
that PDF text joined to the name on the header's first line."""

from tremplin.review import redaction
from tremplin.review.redaction import Identity

ANN = Identity.of(name="Ann Carver")


def test_a_town_and_its_region_after_the_name_on_the_first_line_go() -> None:
    text = "Ann Carver Little Hadham, Hertfordshire\n+44 7700 900123\n\nEducation\nBA, 2020\n"
    redacted = redaction.redact(text, identity=ANN, header=False)
    assert "Hadham" not in redacted and "Hertfordshire" not in redacted


def test_a_job_title_after_the_name_on_the_first_line_stays() -> None:
    text = "Ann Carver Data Engineer, Acme\n+44 7700 900123\n\nEducation\nBA, 2020\n"
    assert "Data Engineer, Acme" in redaction.redact(text, identity=ANN, header=False)
