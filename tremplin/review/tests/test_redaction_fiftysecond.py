"""Issue 10, item 12, fifty-second round: general rules for what redaction still did wrong on
the tuning samples, on made-up examples: a Japanese CV form (rirekisho) gives its address as a
postcode ("〒530-0001") and, in a cell of its own, the address prefecture first; and it writes
the reading of the name and of the address in kana after the label "ふりがな"."""

from tremplin.review import redaction
from tremplin.review.redaction import Identity

FORM = (
    "履 歴 書\t2025年 04月 01日 現在\n"
    "ふりがな\tやまだ たろう\n"
    "氏名\n"
    "\t山田 太郎\n"
    "ふりがな\tおおさかふおおさかしきたくうめだ\t電話\n"
    "現住所 〒530-0001\t06-1234-5678\n"
    "\t大阪府大阪市北区梅田3-3-3\n"
    "年\t月\t学歴・職歴\n"
    "2015\t04\t大阪府大阪市・株式会社サンプル・エンジニア・入社\n"
)


def test_a_japanese_postcode_and_the_address_in_its_own_cell_are_redacted() -> None:
    redacted = redaction.redact(FORM, identity=Identity.of(name="山田 太郎"))
    assert "530-0001" not in redacted
    assert "大阪府大阪市北区梅田3-3-3" not in redacted
    # An employer's town, joined to its name by "・", is what a reviewer reads.
    assert "大阪府大阪市・株式会社サンプル" in redacted


def test_the_kana_reading_of_the_name_and_of_the_address_is_redacted() -> None:
    redacted = redaction.redact(FORM, identity=Identity.of(name="山田 太郎"))
    assert "やまだ たろう" not in redacted
    assert "おおさかふおおさかしきたくうめだ" not in redacted
