"""Postcodes that English-speaking countries write after the town and its state or province,
with the town before them: a US state and ZIP code ("Springfield, IL 62704", ", USA" after
it), a Canadian postal code ("Montréal (Québec) H3A 0G4", "Toronto, ON M5V 2T6"), an
Australian state and postcode ("Sydney NSW 2000"); a post-office box in the languages
candidates write in ("PO Box 123", "Postfach 1234", "Apartado de correos 5"); and a Japanese
postcode ("〒150-0001") with the address a Japanese form (rirekisho) writes in a cell of its
own, prefecture first ("東京都渋谷区神宮前1-1-1"). Part of the address finder of
``redaction_places.py``."""

import re
from collections.abc import Iterator

from tremplin.review.redaction_countries import US_STATE_NAMES, US_STATES
from tremplin.review.redaction_header import HSPACE as _H

# A US state before a ZIP code: one of the fifty, spelt out, abbreviated or both ("San
# Francisco, California CA 94115"), or any two capitals after a comma ("Example City, EX
# 11111", a template's stand-in).
_US_STATE = rf"(?:\b(?:{US_STATE_NAMES})(?:{_H}+[A-Z]{{2}})?|\b(?:{US_STATES})|(?<=, )[A-Z]{{2}})\b"
_CA_PROVINCES = r"QC|ON|BC|AB|MB|SK|NS|NB|NL|PE|YT|NT|NU"

# US state and ZIP, "CA 94103", and the city before them, "San Francisco, ".
US_STATE_ZIP = re.compile(
    rf"{_US_STATE}{_H}+\d{{5}}(?:-\d{{4}})?\b(?:,?{_H}*(?:USA?|U\.S\.A?\.?|United States)\b)?"
)
# An Australian state and postcode, "NSW 2000"; a post-office box, "PO Box 123".
AU_STATE_POSTCODE = re.compile(rf"\b(?:NSW|VIC|QLD|WA|SA|TAS|ACT|NT){_H}+\d{{4}}\b")
PO_BOX = re.compile(
    rf"\b(?:P\.?{_H}?O\.?{_H}?Box|Postfach|Postf\.|B\.?P\.?|Apartado(?:{_H}de{_H}correos)?|"
    rf"Casella{_H}postale|Postbus|Case{_H}postale){_H}+\d{{1,6}}\b"
)
US_CITY_BEFORE_STATE = re.compile(rf"(?:[A-Z][\w.'’-]*{_H}){{0,3}}[A-Z][\w.'’-]*,{_H}*$")
# Canadian postal codes with their province, and the town before them: "Montréal (Québec)
# H3A 0G4", "Toronto, ON M5V 2T6".
CA_POSTCODE = re.compile(
    rf"(?:\(?\b(?:{_CA_PROVINCES}|Qu[ée]bec|Ontario)\)?,?{_H}+)?"
    r"\b[ABCEGHJ-NPRSTVXY]\d[A-Z][^\S\n]?\d[A-Z]\d\b"
)
CA_CITY_BEFORE_PROVINCE = re.compile(
    rf"(?:[A-Z][\w.'’-]*{_H}){{0,2}}[A-Z][\w.'’-]*(?:,{_H}*|{_H}+)$"
)

JP_POSTCODE = re.compile(r"〒[ \u3000]?\d{3}-\d{4}")
# Kanji, kana (not "・", which joins a place to an employer's name) and block numbers, in
# ASCII or full width, joined by hyphens or minus signs.
_JP_CHARS = r"[\u4e00-\u9fff\u3041-\u309f\u30a1-\u30fa\u30fc0-9\uff10-\uff19\-\u2212\uff0d]"
JP_ADDRESS = re.compile(
    rf"(?:^|(?<=\t)|(?<={_H}{_H}))(?:東京都|北海道|(?:大阪|京都)府|[\u4e00-\u9fff]{{2,3}}県)"
    rf"{_JP_CHARS}+(?=\t|$|{_H}{_H})",
    re.MULTILINE,
)


def japanese_addresses(text: str) -> Iterator[tuple[int, int]]:
    """Each Japanese postcode, and each address in a cell of its own."""
    for match in (*JP_POSTCODE.finditer(text), *JP_ADDRESS.finditer(text)):
        yield match.start(), match.end()


def postcodes_with_towns(text: str) -> Iterator[tuple[int, int]]:
    """Each postcode (or box) found, and the town written before it on its line."""
    # A post-office box has no town before it.
    for match in PO_BOX.finditer(text):
        yield match.start(), match.end()
    for zip_pattern, city_pattern in (
        (US_STATE_ZIP, US_CITY_BEFORE_STATE),
        (AU_STATE_POSTCODE, CA_CITY_BEFORE_PROVINCE),
        (CA_POSTCODE, CA_CITY_BEFORE_PROVINCE),
    ):
        for match in zip_pattern.finditer(text):
            yield match.start(), match.end()
            before = text[max(match.start() - 60, 0) : match.start()]
            city = city_pattern.search(before)
            if city is not None:
                yield match.start() - len(before) + city.start(), match.start()
