"""Labelled contact fields: the value after "Tel", "E-mail", "Website", "Address", "Name",
or Europass's "Personal information", taken whole, as a careful human redactor strikes a
field's value without asking whether it looks like a number or an address. Part of
blind-review redaction (``redaction.py`` calls ``fields_find``).

A field is a label, in the languages candidates write in (Europass's words in the others),
then its value:
- after a colon, anywhere on a line (a name label only where a line or a column starts);
- after a tab or a wide gap, where a line or a column starts (two-column layouts);
- in the header of a CV (before its first section heading), after a single space where a
  line starts, as PDF text joins a label column to its value column ("Telephone +44 ...").
  Other than a name's, its value then needs the shape of its kind (a digit, an @, a dot).

Labels that are also ordinary words ("Mobile", "Web", "Name") always need a value shaped
like their kind (capitalised words for a name): "Web: React" is a skill.

The value ends where its line or column ends, or before the next label (written with a
capital, or followed by a colon): "Teléfono 555 Móvil: 556" is two fields; so is any
capitalised word with a colon ("Konto: 000"), and a phone's value ends before an e-mail
address. A label followed by another label and its colon ("Adresse: Telefon:") has none.
A value longer than ``VALUE_WORDS`` words is prose, not a field, and stays, as does a note
in brackets ("(on request)"). A phone label's value needs a
phone's six digits ("Phone: see below" stays).

Every pattern is compiled once, at import; matching is done on folded text (lower case, no
accents, positions kept).
"""

import re
from collections.abc import Iterator

from tremplin.review.redaction_header import HSPACE as _H
from tremplin.review.redaction_header import (
    JOINED,
    LIST_ITEM,
    SECTION_HEADING,
    fold,
    header_end,
)

VALUE_WORDS = 10

# On folded text. Each alternation longest first where one label starts another.
_PHONE = (
    r"num(?:ero|ber)? de (?:telephone|telefono)|numero di telefono|telefonnummer|"
    r"mobilnummer|rufnummer|phone number|mobile number|telephones?|"
    r"telefono (?:particular|celular|movil|fijo)|telefono|telefoon|"
    r"telefone|telefonas|telefon|phones?|tel|mobile?|mobiel|mobil|cellulare|cell|movil|"
    r"portable|handy|gsm|fax|puhelin|talrunis|τηλεφωνο|телефон"
)
_EMAIL = (
    r"e-?mail address|correo electronico|posta elettronica|adresse e-?mail|e-?mails?|"
    r"courriel|correo|mel|e-?post|e-?posta|sahkoposti|e-?pasts|el\. pastas|"
    r"ηλεκτρονικο ταχυδρομειο|електронна поща"
)
_LINK = (
    r"instant messaging(?: services?)?|messagerie instantanee|messaggistica istantanea|"
    r"mensajeria instantanea|web ?sites?|web ?pages?|home ?page|site (?:web|internet)|"
    r"sitio web|sito web|pagina web|webseite|internetseite|webpagina|portfolio|blog|url|"
    r"linked ?in|github|gitlab|twitter|xing|skype|web|site"
)
_ADDRESS = (
    r"home address|postal address|mailing address|adresse postale|postanschrift|"
    r"address|addresse|adresse|adress|anschrift|indirizzo|direccion|domicilio|residenza|adres|woonadres|"
    r"morada|endereco|adresa|adresas|adrese|aadress|osoite|διευθυνση|адрес"
)
_NAME = (
    # the heading of the personal details, Europass's "Personal information"
    r"personal information|personal details|personal data|informations personnelles|"
    r"donnees personnelles|informazioni personali|informacion personal|datos personales|"
    r"dati personali|personliche angaben|personliche daten|angaben zur person|"
    r"persoonlijke gegevens|persoonlijke informatie|personalia|osobne informacije|"
    r"osobni udaje|dane osobowe|informacoes pessoais|henkilotiedot|personlig information|"
    r"personoplysninger|personuppgifter|personopplysninger|personliga uppgifter|"
    r"personlige oplysninger|personlige opplysninger|προσωπικεσ πληροφοριεσ|"
    r"лична информация|"
    r"full name|first names?|last name|family name|given names?|surnames?|"
    r"nom et prenoms?|prenoms? et nom|nom complet|prenoms?|nom|nome e cognome|cognome|nome|"
    r"nombre y apellidos|nombre completo|apellidos?|nombre|vorname|nachname|voornaam|"
    r"achternaam|naam|name|"
    # a Japanese form's reading of the name or the address written under it
    r"ふりかな|フリカナ"  # "ふりがな", folded (the voicing mark off)
)
# The sites whose names stand as the text of a link to a profile there.
_SITE_NAME = re.compile(r"linked ?in|github|gitlab|twitter|xing")
KINDS = {"phone": _PHONE, "email": _EMAIL, "link": _LINK, "address": _ADDRESS, "name": _NAME}
# Labels that are also ordinary words: after a single space they need a shaped value.
_ORDINARY = frozenset(
    {
        "mobile",
        "mobil",
        "cell",
        "portable",
        "handy",
        "web",
        "site",
        "blog",
        "portfolio",
        "url",
        "name",
        "nom",
        "nome",
        "nombre",
        "naam",
        "mel",
        "correo",
        "adres",
        "xing",
    }
)
LABEL = re.compile(
    r"(?<![\w@./-])(?:"
    + "|".join(f"(?P<{kind}>{labels})" for kind, labels in KINDS.items())
    # "Tel. no.:", "Telefon Nr.:", "Fax n°"
    + r")(?:\s?\(s\))?(?:\.?[^\S\n](?:no|nr|n°|n[ºo])\.?)?\.?(?![\w-])"
)
_COLON = re.compile(rf"{_H}*[:\uff1a]{_H}*")
# A tab, a wide gap, or a table's rule between a label's cell and its value's ("| Name | …").
_GAP = re.compile(rf"(?:\t|{_H}{{2,}}|{_H}*\|{_H}*(?=[^\s|]))")
_SPACE = re.compile(rf"{_H}")
_NOTE = re.compile(r"\([^()]*\)")
_PIECE = re.compile(rf"[^\s,;/|][^,;/|]*?(?={_H}*(?:$|[,;]|{_H}[/|]{_H}))")
_TRAILING_NOTE = re.compile(rf"(?<=\S){_H}+\([^()\d]*\)$")
# Where a column ends inside a line.
_CELL_END = re.compile(rf"{_H}{{3,}}|\t|{_H}[{JOINED}]{_H}")
_CELL_START = re.compile(rf"(?:^|{_H}{{2,}}|\t|[{JOINED}]){_H}*$", re.M)
_SHAPED = {
    "phone": re.compile(r"(?:\d\D{0,3}){6}"),
    "email": re.compile(r"@|\[at\]|\(at\)"),
    "link": re.compile(r"\w[./]\w"),
    "address": re.compile(r"\d"),
    "name": re.compile(r"[A-ZÀ-ÖØ-Þ][\w'’-]+(?:[ ,]+[A-ZÀ-ÖØ-Þ][\w'’.-]*){0,4}"),
}


def fields_find(text: str) -> Iterator[tuple[int, int, str]]:
    """The values of contact fields, as (start, end, kind), kind one of "phone", "email",
    "link", "address" or "name"."""
    folded = fold(text)
    end_of_header = header_end(text)
    position = 0
    for line in text.split("\n"):
        yield from _line_fields(
            text, folded, position, position + len(line), header=position < end_of_header
        )
        position += len(line) + 1


def _line_fields(
    text: str, folded: str, start: int, end: int, *, header: bool
) -> Iterator[tuple[int, int, str]]:
    labels = list(LABEL.finditer(folded, start, end))
    for index, label in enumerate(labels):
        kind = label.lastgroup
        if kind is None:
            continue
        at_cell_start = _CELL_START.search(text, start, label.start()) is not None
        separator = _COLON.match(text, label.end())
        form = "colon"
        if separator is None and at_cell_start:
            separator = _GAP.match(text, label.end())
            form = "gap"
        if separator is None and header and label.start() == start:
            separator = _SPACE.match(text, label.end())
            form = "space"
        if separator is None or (kind == "name" and not at_cell_start):
            continue
        # A sidebar's label over its value ("Name" over "John Doe"), beside the main column's
        # text on the same row ("Name<tab>Senior Software Engineer"), or beside a bullet of it.
        if form == "gap" and (
            LIST_ITEM.match(text, separator.end()) or _value_below(text, folded, end, kind)
        ):
            continue
        value_end = _value_end(text, labels[index + 1 :], separator.end(), end, kind=kind)
        value = text[separator.end() : value_end].rstrip(" ,;")
        if kind in ("phone", "email", "link"):
            # "06 12 34 56 78 (soir)": the note after a number stays.
            value = _TRAILING_NOTE.sub("", value)
        # "(on request)", "(leave out if not relevant)": a note, not a value.
        if not value.strip() or len(value.split()) > VALUE_WORDS or _NOTE.fullmatch(value):
            continue
        # A row of link texts ("GitHub   LinkedIn   Website"), or of labels ("Adresse:
        # Telefon:"): a label's value is no label.
        opening = LABEL.match(folded, separator.end())
        if LABEL.fullmatch(fold(value).strip()) or (opening and _COLON.match(text, opening.end())):
            continue
        # Nor is another column's heading ("PERSONAL DETAILS<tab>Work experience").
        if SECTION_HEADING.fullmatch(value.strip()):
            continue
        shaped = _SHAPED[kind]
        if kind == "phone" and not shaped.search(value):  # six digits at least
            continue
        # A sidebar's link text beside the main column ("LinkedIn<tab>Project / Employment
        # History"): a site's name across a gap labels one word (a handle) or a link's shape.
        if (
            form == "gap"
            and _SITE_NAME.fullmatch(label.group())
            and len(value.split()) > 1
            and not shaped.search(value)
        ):
            continue
        # Ordinary words need a shaped value: "Skills: Web: React" is no website.
        if label.group() in _ORDINARY or (form == "space" and kind != "name"):
            if kind == "name" and not shaped.fullmatch(value):
                continue
            if not shaped.search(value):
                continue
        start_value = separator.end()
        if kind in ("phone", "email", "link"):
            # "06 12 34 56 78 / 07 12 34 56 78": two numbers, each its own; each ends where
            # its kind does, before the next column that PDF text ran into it.
            for piece in _PIECE.finditer(value):
                length = _shaped_length(piece.group(), kind)
                yield start_value + piece.start(), start_value + piece.start() + length, kind
        else:
            yield start_value, start_value + len(value), kind


# "alex@example.org Mär 2022 – heute", "+49 151 1234567 Senior Engineer": an address or a
# link is one word, a number ends before words.
_ONE_WORD = {"email": re.compile(r"\S*@\S+"), "link": re.compile(r"\S*\w[./]\w\S*")}
_WORDS_AFTER_NUMBER = re.compile(rf"(?<=\d){_H}+(?=[^\W\d_]{{3}})")


def _shaped_length(value: str, kind: str) -> int:
    """How much of a phone, e-mail or link field's value is the number, address or link."""
    if kind in _ONE_WORD:
        one = _ONE_WORD[kind].match(value)
        return one.end() if one else len(value)
    words = _WORDS_AFTER_NUMBER.search(value)
    return words.start() if words else len(value)


def _value_below(text: str, folded: str, end: int, kind: str) -> bool:
    """Whether the next line opens with a value shaped like ``kind``, in a cell of its own
    (no label of its own): the value of a label written over it."""
    if end >= len(text):
        return False
    start = end + 1
    line_end = text.find("\n", start)
    line_end = len(text) if line_end < 0 else line_end
    cell_end = _CELL_END.search(text, start, line_end)
    cell = text[start : cell_end.start() if cell_end else line_end].strip()
    if not cell or LABEL.match(folded, start):
        return False
    shaped = _SHAPED[kind]
    return bool(shaped.fullmatch(cell) if kind == "name" else shaped.search(cell))


_OTHER_FIELD = re.compile(rf"(?<={_H})[A-ZÀ-ÖØ-Þ][\w.-]*:(?=\s)")
_OTHER_FIELD_OR_EMAIL = re.compile(rf"{_OTHER_FIELD.pattern}|(?<={_H})[^\s@]+@")


def _value_end(text: str, later: list[re.Match[str]], start: int, end: int, *, kind: str) -> int:
    """Where a field's value ends: its column's end, or the next label followed by a colon,
    or of another kind and written with a capital ("Name Surname" is one name)."""
    cell_end = _CELL_END.search(text, start, end)
    stop = cell_end.start() if cell_end else end
    # Another field's label, any ("Konto:"), or an e-mail address after a number.
    other = (_OTHER_FIELD_OR_EMAIL if kind == "phone" else _OTHER_FIELD).search(text, start, stop)
    stop = other.start() if other else stop
    for label in later:
        if label.start() >= stop:
            break
        if (
            label.start() > start
            and text[label.start() - 1].isspace()
            and (
                (text[label.start()].isupper() and label.lastgroup != kind)
                or _COLON.match(text, label.end())
            )
        ):
            return label.start()
    return stop
