"""Addresses introduced by a label ("Adresse :", "Anschrift", "Indirizzo", "Location:", and
Europass's word for it in every EU language): the value on the label's line, and the lines
under it that go on with it; in a table's column (a Word letterhead's, a sidebar's), the cells
under a label written over its value. Part of the address finder of ``redaction_places.py``."""

import re
from collections.abc import Iterator

from tremplin.review.redaction_fields import LABEL
from tremplin.review.redaction_header import HSPACE as _H
from tremplin.review.redaction_header import (
    JOINED,
    LIST_ITEM,
    SECTION_HEADING,
    fold,
    header_end,
)

# More words than this after a label are a sentence, not an address.
VALUE_WORDS = 12

# A label, then the address on the same line (up to a gap that starts another column).
_POSTAL_LABELS = (
    r"addresse|address|home address|postal address|mailing address|adresse(?: postale)?|anschrift|"
    r"postanschrift|indirizzo|residenza|domicilio|direcci[óo]n|adres|woonadres|morada|"
    r"domicile|lieu de r[ée]sidence|"
    # Europass's word for it in the other languages of the EU: bg, cs/hr/sk, el, et, fi,
    # ga, lt, lv, mt, pl/tr, pt, ro, sv.
    r"адрес|adresa|διεύθυνση|aadress|osoite|seoladh|adresas|adrese|l-indirizz|indirizz|"
    r"endere[çc]o|adres[ăa]|adress"
)
_PLACE_LABELS = (
    r"location|localisation|wohnort|woonplaats|city|ville|citt[àa]|ciudad|lives in|ort|stadt|"
    r"wohnhaft|localit[àa]|localidad|residencia|poblaci[óo]n|plaats|town|home ?town"
)
ADDRESS_LABEL = re.compile(
    rf"^{_H}*(?:(?P<postal>{_POSTAL_LABELS})|{_PLACE_LABELS}){_H}*(?:[:\uff1a]|\t|{_H}{{2,}}){_H}*"
    # The value ends at a column's gap: three spaces, or a tab between a Word table's cells.
    rf"(?P<value>\S(?:[^\n]*?\S)?)(?={_H}{{3}}|\t|{_H}*$)",
    re.I | re.M,
)
_CONTINUATION = re.compile(
    rf"(?P<indent>(?:{_H}{{8,}}|\t+))(?P<value>[^\s:][^\n:]*?)(?={_H}{{3}}|{_H}*$)", re.M
)
# Words a street starts with, that need no number after a postal label ("C/ Calle, nº").
_STREET_WORDS = (
    r"c/|calle|avenida|avda\.|plaza|paseo|via|viale|piazza|corso|rue|avenue|boulevard|bd|"
    r"chemin|impasse|all[ée]e|place|quai|route|chauss[ée]e"
)
# After a postal label with its value on one line, as PDF text gives it: "Address 12 Main
# Road" (a single space; the value starts like an address and holds a number), "address
# Floating Pavilion, Hangzhou" (names in capitals, a comma between them).
_NAMES = r"[A-ZÀ-Þ][\w'’.-]*(?:[^\S\n][A-ZÀ-Þ][\w'’.-]*){0,3}"
ADDRESS_LABEL_INLINE = re.compile(
    rf"^{_H}*(?:{_POSTAL_LABELS}){_H}(?P<value>(?:\d|[A-ZÀ-Þ]|(?i:via|rue|calle|c/))"
    rf"[^\n]*?\d[^\n]*?|(?:{_STREET_WORDS})(?![\w-])[^\n]*?|(?-i:{_NAMES},{_H}*{_NAMES}))"
    rf"(?={_H}{{3}}|{_H}*$)",
    re.I | re.M,
)
# The next lines of an address in PDF text, where indentation is lost: short lines that are
# not another field of the personal details.
_OTHER_FIELD = re.compile(
    r"(?:t[ée]l|phone|telefon|telefono|tel[ée]fono|mobile?|portable|handy|cell|e-?mail|"
    r"courriel|fax|web|site|homepage|nationalit|staatsangeh|nazionalit|nacionalidad|date|"
    r"birth|born|geburt|n[ée]e?\b|data|fecha|sex|gender|geschlecht|sesso|skype|linkedin|"
    r"github|twitter|permis|driving|f[üu]hrerschein)",
    re.I,
)
_FLAT_CONTINUATION = re.compile(r"[^\s:@][^\n:@]{0,48}")

POSTAL_LABEL = re.compile(rf"(?:{_POSTAL_LABELS})\b", re.I)
LEADING_LABEL = re.compile(rf"(?:{_POSTAL_LABELS}|{_PLACE_LABELS}){_H}*[:\uff1a]?{_H}*", re.I)


# A value that ends with its postcode and town ("…, 0001 CityX, StateX") is the whole
# address: the lines under it are something else (an employer's field, its activities).
_ENDS_WITH_TOWN = re.compile(rf"\b\d{{4,5}}{_H}+[A-ZÀ-ÖØ-Þ][\w'’-]*(?:,{_H}*[\w'’ -]+)?$")


def labelled_places(text: str) -> Iterator[tuple[int, int]]:
    for match in ADDRESS_LABEL.finditer(text):
        if LIST_ITEM.match(match.group("value")):
            # A sidebar's "Address" over its value, beside the main column's "• Led …".
            whole = match.group()
            yield from _values_below(text, match.start() + len(whole) - len(whole.lstrip()))
            continue
        if len(match.group("value").split()) > VALUE_WORDS:
            continue
        if _labels_row(fold(match.group("value"))):
            # "Address: Email: Phone:" over "Central City allen@zmail.com 0888 123 4567": a
            # row of labels, the address first on the row below, before the other contacts.
            yield from _first_value_below(text, match.end())
            continue
        yield match.start("value"), match.end("value")
        if match.group("postal") is not None and not _ENDS_WITH_TOWN.search(match["value"]):
            yield from _continuation(text, match)
    for match in ADDRESS_LABEL_ALONE.finditer(text):
        if "\t" in match.group():  # in a table's column; elsewhere the finders of streets do
            yield from _values_below(text, match.end() - 1)
    for match in ADDRESS_LABEL_INLINE.finditer(text):
        yield match.start("value"), match.end("value")
        if not _ENDS_WITH_TOWN.search(match["value"]):
            yield from _continuation(text, match)
    yield from _separated_values(text)


# A postal label last of a line's fields joined by separators, as a paragraph of personal
# details wraps ("Nationality: Irish | Address:" over "12 Main Road, Dublin 8 (Home)"): the
# value starts the next line, up to the next separator or an aside in brackets.
_SEPARATED_LABEL = re.compile(
    rf"[{JOINED}]{_H}*(?:{_POSTAL_LABELS}){_H}*:{_H}*\n{_H}*"
    rf"(?P<value>[^{JOINED}\n(]*?){_H}*(?=[{JOINED}(]|$)",
    re.I | re.M,
)


def _separated_values(text: str) -> Iterator[tuple[int, int]]:
    for match in _SEPARATED_LABEL.finditer(text):
        value = match.group("value")
        if value and len(value.split()) <= VALUE_WORDS and not _OTHER_FIELD.match(value):
            yield match.start("value"), match.end("value")


def _labels_row(value: str) -> bool:
    """Whether an address label's value is the rest of a row of labels ("Email: Phone:"),
    the contact fields' own labels, each with its colon."""
    labels = value.rstrip().split(":")
    return (
        len(labels) > 1
        and not labels[-1].strip()
        and all(LABEL.fullmatch(label.strip()) for label in labels[:-1])
    )


# On the row below, the first contact that is not the address: an e-mail address, a number.
_OTHER_CONTACT = re.compile(r"\S+@|\+?\d[\d ()./-]{5,}\d|https?://|www\.")
FIRST_VALUE_WORDS = 6


def _first_value_below(text: str, row_end: int) -> Iterator[tuple[int, int]]:
    start = row_end + 1
    end = text.find("\n", start)
    end = len(text) if end < 0 else end
    other = _OTHER_CONTACT.search(text, start, end)
    value = text[start : other.start() if other else end].rstrip()
    if value.strip() and len(value.split()) <= FIRST_VALUE_WORDS and other is not None:
        yield start + len(value) - len(value.lstrip()), start + len(value)


# A postal label alone at the end of its cell ("Postanschrift:"), its value on the lines below;
# there, a letterhead's office too ("Sitz:", "Besuchsadresse:", "Office address:").
ADDRESS_LABEL_ALONE = re.compile(
    rf"(?:^|\t){_H}*(?:{_POSTAL_LABELS}|sitz|dienstsitz|besuchs?adresse|office address"
    rf"|visiting address){_H}*[:\uff1a]{_H}*$",
    re.I | re.M,
)
# Lines below a label looked at, blank ones included, and lines taken.
BELOW_LINES, BELOW_VALUES = 5, 3


def _values_below(text: str, label_start: int) -> Iterator[tuple[int, int]]:
    """The cells under a label, in its column of a table whose cells tabs set apart (a Word
    letterhead's, a sidebar's), while they read as an address's lines: short, no other field."""
    line_start = text.rfind("\n", 0, label_start) + 1
    column = text.count("\t", line_start, label_start)
    position = text.find("\n", label_start)
    taken = 0
    for _ in range(BELOW_LINES):
        if position < 0 or taken == BELOW_VALUES:
            return
        start = position + 1
        end = text.find("\n", start)
        end = len(text) if end < 0 else end
        position = end if end < len(text) else -1
        cells = text[start:end].split("\t")
        if not text[start:end].strip():
            continue
        if column >= len(cells):
            return
        offset = start + sum(len(cell) + 1 for cell in cells[:column])
        value = cells[column].strip()
        if not value or len(value.split()) > 6 or _OTHER_FIELD.match(value) or ":" in value:
            return
        lead = len(cells[column]) - len(cells[column].lstrip())
        yield offset + lead, offset + lead + len(value)
        taken += 1


def _continuation(text: str, label: re.Match[str]) -> Iterator[tuple[int, int]]:
    """The lines under an address label's value that go on with the address: indented as
    the value is in a two-column layout (the next label of a right-aligned column starts
    elsewhere), or short and unlike another field."""
    column = label.start("value") - (text.rfind("\n", 0, label.start("value")) + 1)
    position = text.find("\n", label.end())
    for _ in range(3):
        if position < 0:
            return
        line = _CONTINUATION.match(text, position + 1)
        if (
            line is not None
            and len(line.group("value").split()) <= 8
            and abs(line.start("value") - position - 1 - column) <= 2
        ):
            yield line.start("value"), line.end("value")
            position = text.find("\n", line.end())
            continue
        next_end = text.find("\n", position + 1)
        flat = text[position + 1 : next_end if next_end >= 0 else len(text)].rstrip()
        if (
            not _FLAT_CONTINUATION.fullmatch(flat)
            or SECTION_HEADING.match(flat.strip())
            or len(flat.split()) > 6
            or _OTHER_FIELD.match(flat)
            or sum(char.isdigit() for char in flat) >= 6
        ):
            return
        yield position + 1, position + 1 + len(flat)
        position = next_end


# The return address of a letter (DIN 5008's "Rücksendeangabe", over the window of the
# envelope): the sender's name, then two or three parts separated by commas, on one line.
# "Ann Carver, 12 Main Street, Springfield", "Otto Raffzahn · Finsterweg 13 · Tiefeschlucht".
_RETURN_PARTS = re.compile(rf"{_H}*[,·•|]{_H}*([^,·•|\n\t]{{2,40}}?){_H}*(?=[,·•|\t]|$)", re.M)
# Or by full stops: "Absender Name. Straße 1. 12345 Ort."
_RETURN_PARTS_STOPS = re.compile(rf"\.{_H}+([^.\n\t]{{2,40}}?){_H}*(?=\.|$)", re.M)
# "BFH | Max Mustermann | Strasse Nr | …": the sender's organization before the name.
_PART_BEFORE = re.compile(rf"^[^,·•|\n]{{2,40}}{_H}*[·•|]{_H}*$")


def return_address(text: str, *, names: list[tuple[int, int]]) -> Iterator[tuple[int, int]]:
    """The parts of a header line that starts with the candidate's name and goes on with two
    or three parts set apart by commas, dots or full stops ("Ann Carver, 12 Main Street,
    Springfield"),
    and the lines of the header that repeat one of these parts alone (the sender's block
    above it)."""
    header = text[: header_end(text)]
    parts: set[str] = set()
    for start, end in names:
        line_start = header.rfind("\n", 0, start) + 1
        line_end = header.find("\n", end)
        before = header[line_start:start]
        if end > len(header) or line_end < 0 or (before.strip() and not _PART_BEFORE.match(before)):
            continue
        stops = re.match(rf"\.{_H}", header[end : end + 2]) is not None
        found = list(
            (_RETURN_PARTS_STOPS if stops else _RETURN_PARTS).finditer(header, end, line_end)
        )
        if not 2 <= len(found) <= 3 or found[0].start() != end:
            continue
        if any(len(match.group(1).split()) > 4 for match in found):
            continue
        for match in found:
            parts.add(match.group(1))
            yield match.start(1), match.end(1)
    position = 0
    for line in header.split("\n"):
        if line.strip() in parts:
            offset = position + len(line) - len(line.lstrip())
            yield offset, offset + len(line.strip())
        position += len(line) + 1
