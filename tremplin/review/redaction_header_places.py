"""Places in the header of a CV, for the address finder of ``redaction_places.py``: a column
that is a country ("France", "In Österreich"), a city with its country or US state
("Sunnyvale, CA", "Lyon, France"), or comma-separated parts that end with a country (a
Korean or Brazilian address), as columns of their own or inside a line where PDF text
joined the columns with single spaces."""

import re
from collections.abc import Iterator

from tremplin.review.redaction_countries import COUNTRY as _COUNTRY
from tremplin.review.redaction_countries import NATIONALITY, US_STATES
from tremplin.review.redaction_fields import LABEL
from tremplin.review.redaction_header import HSPACE as _H
from tremplin.review.redaction_header import Cell, fold, header_cells, header_end
from tremplin.review.redaction_placeholders import HEADER_PLACEHOLDER

AT_END = rf"(?={_H}*(?:$|[,;|·•∙⋅▪◦)]|{_H}{{2}}))"
# A postcode ending a one-line address: "10117", "01310-200", "1016 EG".
POSTCODE_LAST = r"\d{3,5}(?:[- ]\d{3})?(?:[^\S\n]?[A-Za-z]{2}(?![\w'’-]))?"
HEADER_CITY_STATE_IN_LINE = re.compile(
    rf"(?<![\w'’-])[A-Z][\w.'’-]+(?:{_H}[A-Z][\w.'’-]+){{0,2}},{_H}*(?:{US_STATES})\b"
    rf"(?!{_H}*\d)"
)
# On folded text (lower case, no accents).
# A country alone, or after "in", ends its column ("France Travail" is no place); after a
# town and a comma, it is a place even where PDF text ran the next column into it
# ("Paris, France Doctorat en ...").
HEADER_COUNTRY_IN_LINE = re.compile(
    rf"(?<![\w'’.-])(?:(?:[a-z][\w'’.-]*+(?:[ -][a-z][\w'’.-]*+){{0,2}},{_H}*){{1,3}}"
    rf"{_COUNTRY}(?![\w'’-])|(?:in{_H}+)?{_COUNTRY}{AT_END})",
    re.M,
)
HEADER_LIST_IN_LINE = re.compile(
    rf"(?<![^\s,])[^,\n]{{1,60}}(?:,[^,\n]{{1,60}}){{2,10}},{_H}*{_COUNTRY}"
    rf"(?:,{_H}*{POSTCODE_LAST})?{AT_END}",
    re.M,
)
_HEADER_COUNTRY = re.compile(rf"(?:in{_H}+)?{_COUNTRY}")
_HEADER_CITY_COUNTRY = re.compile(rf"[\w .'’-]{{2,40}},{_H}*{_COUNTRY}")
_HEADER_CITY_STATE = re.compile(rf"[A-Z][\w .'’-]{{1,40}},{_H}*(?:{US_STATES})")
_HEADER_LIST = re.compile(rf"[^,\n]{{1,60}}(?:,[^,\n]{{1,60}}){{2,10}},{_H}*{_COUNTRY}")
# "北京市", "東京都千代田区": a Chinese or Japanese place name, ending with what it is (city,
# province, district, prefecture, town, village).
_HEADER_CJK_PLACE = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]{1,12}[市省区區县縣都道府県町村]")


def header_places(text: str) -> Iterator[tuple[int, int]]:
    """Countries, cities with their country or state, and comma-separated addresses that
    end with a country, in the header: as columns of their own, or inside a line where PDF
    text joined the columns with single spaces."""
    end_of_header = header_end(text)
    for _, line in header_cells(text):
        for index, cell in enumerate(line):
            if _is_place(cell.text) and not _labels_next(line, index):
                yield cell.start, cell.end
    header = text[:end_of_header]
    folded = fold(header)
    for match in HEADER_CITY_STATE_IN_LINE.finditer(header):
        yield match.start(), match.end()
    for pattern in (HEADER_LIST_IN_LINE, HEADER_COUNTRY_IN_LINE):
        for match in pattern.finditer(folded):
            line_start = folded.rfind("\n", 0, match.start()) + 1
            if NATIONALITY.search(folded, max(line_start, match.start() - 40), match.start()):
                continue
            # "officier de santé à Rabbat, Maroc": the town opens with a capital.
            capital = re.search(r"(?<![\w'’-])[A-ZÀ-ÖØ-Þ]", header[match.start() : match.end()])
            yield match.start() + (capital.start() if capital else 0), match.end()


def _is_place(cell: str) -> bool:
    folded = fold(cell).rstrip(".")
    return bool(
        HEADER_PLACEHOLDER.fullmatch(folded)
        or _HEADER_COUNTRY.fullmatch(folded)
        or _HEADER_CITY_COUNTRY.fullmatch(folded)
        or _HEADER_CITY_STATE.fullmatch(cell)
        or _HEADER_LIST.fullmatch(folded)
        or _HEADER_CJK_PLACE.fullmatch(cell.strip())
    )


def _labels_next(line: list[Cell], index: int) -> bool:
    """Whether the column is a field's label with its value in the next column ("Address
    xxx, 12345 xxxx"), not a template's placeholder for the address ("Address   Phone")."""
    following = line[index + 1 : index + 2]
    return (
        bool(following)
        and LABEL.fullmatch(fold(line[index].text)) is not None
        and LABEL.fullmatch(fold(following[0].text)) is None
        and not _is_place(following[0].text)
    )
