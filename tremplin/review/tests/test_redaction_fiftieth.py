"""Issue 10, item 12, fiftieth round: a general rule for what redaction still did wrong on the
tuning samples, on a made-up example: a sidebar's link text ("LinkedIn") beside the main
column's words in a Word table's row is no label over a value: a site's name across a gap
labels one word (a handle) or a value shaped as a link."""

from tremplin.review import redaction
from tremplin.review.redaction import Identity


def test_a_sidebars_link_text_beside_the_main_columns_heading_is_no_field() -> None:
    text = (
        "Nora\tArchivist with ten years in county libraries.\n"
        "Quill\t\n"
        "Links\t\n"
        "LinkedIn\tWork / Volunteering History\n"
        "GitHub\tSenior Archivist — County Library\n"
        "Portfolio\tnoraquill.example\n"
    )
    redacted = redaction.redact(text, identity=Identity.of(name="Nora Quill"))
    assert "Work / Volunteering History" in redacted
    assert "Senior Archivist — County Library" in redacted
    assert "noraquill.example" not in redacted
