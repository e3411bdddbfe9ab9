"""Issue 10, item 12, fifty-third round: a general rule for what redaction still did wrong on
the tuning samples, on a made-up example: a label and its value in the cells of a table
written with rules ("| フリガナ | やまだ はなこ |", "| Phone | +44 …|"): the rule between the
cells separates them as a tab does."""

from tremplin.review import redaction
from tremplin.review.redaction import Identity


def test_a_label_and_its_value_in_a_ruled_tables_cells_are_a_field() -> None:
    text = (
        "職務経歴書\n\n"
        "| フリガナ | やまだ はなこ\t| 生年月日\t|\n"
        "| 氏名\t| 山田 花子\t| 1990年1月1日\t|\n"
        "| Phone | +81 90 1234 5678 |\n"
        "| 趣味\t| 料理\t|\n"
    )
    redacted = redaction.redact(text, identity=Identity.of(name="山田 花子"))
    assert "やまだ はなこ" not in redacted
    assert "1234 5678" not in redacted
    assert "料理" in redacted
    assert "生年月日" in redacted
