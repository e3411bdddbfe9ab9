"""A blank template's placeholders for the candidate's own details: the part of blind-review
redaction (``redaction.py`` calls ``placeholders_find``) that reads instructions as what
they stand for.

A CV sent on a template still holds, where the details go, the template's instruction
("Replace with mobile number", "Sostituire con indirizzo e-mail", "Navedite svoju punu
poštansku adresu", "LinkedIn public profile URL without http://"). Where a candidate filled
in some fields and not others, the unfilled ones say which fields the template had; where
the candidate typed over part of an instruction, what is left is their detail. So in the
header, an instruction to fill in a contact field goes, as the kind of detail it names:

- from a fill-in verb ("replace with", "enter", "remplacer par", "ersetzen durch",
  "sostituire con", "sustituir por", "vervangen door", "navedite"...) to the next one or
  the end of the line, when it names a contact field (name, address, phone, e-mail, link);
- a line that asks for a site's address "without http://" in any language.

Instructions for other fields ("Enter sex", "Replace with dates") stay, and so does every
instruction below the header: an employer's "Replace with employer's name" is not the
candidate's. Patterns are compiled once, at import, and read folded text (lower case, no
accents).

Two more kinds of placeholder are written here for the other finders: the words a template
leaves where the address goes ("Street name 123", "Miasto, Kraj": ``HEADER_PLACEHOLDER``,
read by ``redaction_places``), and the "xx" and "xxxxx" that stand for digits
(``digits_to_come``, applied to the whole text before any finder reads it).
"""

import re
from collections.abc import Iterator

from tremplin.review.redaction_header import JOINED, fold, header_end

_VERBS = (
    r"replace\s+with|enter|insert|state|type\s+(?:in\s+)?your|fill\s+in|"
    r"remplace[rz]?\s+par|indique[rz]|saisi(?:r|ssez)|insere[rz]|"
    r"ersetzen(?:\s+sie)?\s+durch|"
    r"sostituir(?:e|ci)\s+con|sostituisci\s+con|inserire|inserisci|indicare|"
    r"sustitu(?:ir|ya)\s+(?:por|con)|reempla(?:zar|ce)\s+(?:por|con)|introduzca|escriba|"
    r"anade\s+aqui|anada\s+aqui|agrega\s+aqui|agregue\s+aqui|"  # "Añade aquí la dirección"
    r"substitu(?:ir|a)\s+(?:por|com)|insira|"
    r"vervang(?:en)?\s+door|"
    r"navedite|napisite|upisite|unesite|wpisz|podaj|zastap"
)
FILL_IN = re.compile(rf"(?<![\w-])(?:{_VERBS})(?![\w-])")
# The fields a placeholder may name, by kind, checked in this order ("indirizzo e-mail"
# is an e-mail address, "house number, street name" an address).
FIELDS = (
    ("email", re.compile(r"(?<!\w)(?:e-?mail|courriel|correo|posta elettronica)(?!\w)")),
    (
        "link",
        re.compile(r"(?<!\w)(?:url|linkedin|home\s?page|website|site|sito|web|stranica)(?!\w)"),
    ),
    (
        "phone",
        re.compile(
            r"(?<!\w)(?:(?:tele)?phone|mobile?|telefon[oa]?|telefonico|t[eé]l[eé]phone|"
            r"cellulare|movil|handy|gsm|fax|portable)(?!\w)"
        ),
    ),
    (
        "address",
        re.compile(
            r"(?<!\w)(?:address|adresse|adres[au]?|indirizzo|direccion|morada|street|"
            r"rue|strasse|via|calle|postcode|postal|postale|city|citta|ville|country|paese|"
            r"pays|pais)"
            r"(?!\w)"
        ),
    ),
    (
        "name",
        re.compile(
            r"(?<!\w)(?:(?:first\s+|last\s+|sur)?names?|nom|prenom|vorname|nachname|nome|"
            r"cognome|nombre|apellidos?|ime|prezime|naam)(?!\w)"
        ),
    ),
)
LINK_FIELD = dict(FIELDS)["link"]
# A placeholder that is nothing but the name of a field, with a possessive or in brackets:
# "<My Street>", "[Your Name]", "[City, State ZIP]", "Ma signature", "<number>".
_POSSESSIVE = (
    r"your|my|ma|mon|mes|votre|vos|ta|ton|mein|meine|ihre?|deine?|mi|mis|su|sus|tu|"
    r"il\s+mio|la\s+mia|il\s+tuo|la\s+tua|mio|mia|tuo|tua|mijn|uw|jouw|"
    r"(?:o\s+)?seu|(?:a\s+)?sua|teu"  # "Seu número de telefone", "Sua cidade"
)
_FIELD_WORDS = (
    ("email", r"e-?mail(?:\s+address)?|courriel|correo(?:\s+electronico)?"),
    (
        "link",
        r"website|web\s?site|url|linkedin(?:\s+url)?|portfolio|homepage|blog|"
        r"(?:github|gitlab)(?:\s+(?:page|profile))?|orcid(?:\s+(?:id|number))?",
    ),
    (
        "phone",
        r"(?:tele)?phone(?:\s+number)?|number|mobile|tel|telephone|telefon(?:nummer)?|"
        r"handy|telefono|movil|cellulare|telefoon|gsm|"
        r"numero(?:\s+d[ei])?\s+(?:telefone|telefono|telephone|fax)|telefone|telemovel|celular|"
        r"fax(?:\s+number)?",
    ),
    (
        "address",
        r"(?:street\s+|postal\s+)?address|street|road|town|city|state|zip(?:\s+code)?|"
        r"post\s?code|postal\s+code|country|location|region|rue|adresse|ville|"
        r"code\s+postal|pays|stra(?:ss|ß)e|stadt|ort|plz|land|calle|ciudad|direccion|"
        r"provincia|pais|via|indirizzo|citta|paese|cap|straat|woonplaats|endereco|morada|"
        r"cidade|codigo\s+postal",
    ),
    (
        "name",
        r"(?:full\s+|first\s+|last\s+)?name|surname|signature|nom|prenom|unterschrift|"
        r"firma|nombre|nome|cognome|naam|handtekening",
    ),
)
_ANY_FIELD = "|".join(words for _, words in _FIELD_WORDS)
_H = r"[^\S\n]"
_SEPARATOR = rf"(?:{_H}*[,/&]{_H}*|{_H}+(?:(?:and|et|und){_H}+)?)"
# Atomic: a list of fields is read once, never cut again another way (linear time).
_FIELD_LIST = rf"(?>(?:{_ANY_FIELD})(?:{_SEPARATOR}(?:{_ANY_FIELD}))*+)"
# With a possessive, on a line of its own; in brackets, anywhere in the header.
# Alone on its line, or a column of its own ("Votre adresse      Lieu, le 4 décembre"), or
# one of a line's fields joined by separators ("Your ORCID Number | Your GitHub Page").
_JOINED = f"[{JOINED}]"
FIELD_PLACEHOLDER = re.compile(
    rf"(?:^|(?<=\t)|(?<={_H}{{3}})|(?<=:{_H})|(?<={_JOINED}{_H})){_H}*[<\[]?{_H}*"
    rf"(?:{_POSSESSIVE}){_H}+{_FIELD_LIST}{_H}*[>\]]?(?={_H}*$|{_H}{{3}}|\t|{_H}+{_JOINED})",
    re.M,
)
# "<address 1>", "[Address line 2]": a field of several lines, numbered.
BRACKETED_FIELD = re.compile(
    rf"[<\[]{_H}*(?:(?:{_POSSESSIVE}){_H}+)?{_FIELD_LIST}(?:{_H}+(?:line{_H}+)?\d)?{_H}*[>\]]"
)
_FIELD_KINDS = [(kind, re.compile(rf"(?<!\w)(?:{words})(?!\w)")) for kind, words in _FIELD_WORDS]
# A template's stand-in for the candidate's own site: "https://your-domain.com/cv/".
PLACEHOLDER_LINK = re.compile(
    r"(?<![a-z])(?:your|my|votre|mon|dein|mein|tu|mi)-?(?:domain|site|name)"
)
CAPITALS_HEADING = re.compile(r"\s*[^\W\d_a-z]{2,}(?:[^\S\n]+/?[^\S\n]*[^\W\d_a-z]{2,})+(?!\w)")
WITHOUT_SCHEME = re.compile(r"(?<!\w)(?:without|sans|ohne|senza|sin|sem|zonder|bez)\W{0,3}https?\b")


def placeholders_find(text: str) -> Iterator[tuple[int, int, str]]:
    """Where the header holds a placeholder for a contact detail, as (start, end, kind)."""
    yield from fields_named(text)
    yield from fields_listed(text)
    end_of_header = header_end(text)
    yield from _fields_left_blank(text[:end_of_header])
    folded = fold(text[:end_of_header])
    position, found = 0, False
    for written, line in zip(text[:end_of_header].split("\n"), folded.split("\n"), strict=True):
        # The placeholders of the personal details end where a heading in capitals starts
        # the next part ("RADNO ISKUSTVO", "JOB APPLIED FOR"), named or not.
        if found and CAPITALS_HEADING.match(written):
            return
        for placeholder in _line(line, offset=position):
            found = True
            yield placeholder
        position += len(line) + 1


# "Numéro et rue – Code postal et ville – Pays", "Numéro de portable • Courriel": a line of
# nothing but fields' names, as a template's contact footer prints them (moderncv).
_LISTED_PART = re.compile(r"[^–•|·\n]+")
MOST_FIELD_WORDS = 5


def fields_listed(text: str) -> Iterator[tuple[int, int, str]]:
    """The parts of a line made of two fields' names or more, each as (start, end, kind);
    not a line of single words ("Email | Website"), the texts of links PDF text lost."""
    folded = fold(text)
    position = 0
    for line in folded.split("\n"):
        parts = [p for p in _LISTED_PART.finditer(line) if p.group().strip()]
        kinds = [_listed_kind(part.group().strip()) for part in parts]
        phrases = any(len(part.group().split()) > 1 for part in parts)
        if len(parts) >= 2 and all(kinds) and phrases:
            for part, kind in zip(parts, kinds, strict=True):
                value = part.group()
                start = position + part.start() + len(value) - len(value.lstrip())
                yield start, position + part.start() + len(value.rstrip()), str(kind)
        position += len(line) + 1


# "Mobile phone", "Email address", "Web address" ending a header line, no value after them:
# a template's contact column, its fields' names left where the details go (ReadableCV).
_LEFT_BLANK = re.compile(
    r"(?:^|(?<=\s))(?:(?:mobile|home|work|office|cell)\s+phone|phone\s+number"
    r"|e-?mail\s+address|web(?:site)?\s+address)[^\S\n]*$",
    re.M,
)


def _fields_left_blank(header: str) -> Iterator[tuple[int, int, str]]:
    for match in _LEFT_BLANK.finditer(fold(header)):
        kind = next(kind for kind, field in FIELDS[:3] if field.search(match.group()))
        yield match.start(), match.start() + len(match.group().rstrip()), kind


def _listed_kind(part: str) -> str | None:
    if len(part.split()) > MOST_FIELD_WORDS or re.search(r"[\d@/]", part):
        return None
    if HEADER_PLACEHOLDER.fullmatch(part):
        return "address"
    return next((kind for kind, field in FIELDS[:3] if field.search(part)), None)


def fields_named(text: str) -> Iterator[tuple[int, int, str]]:
    """A template's placeholders that name a field of the candidate's own, as (start, end,
    kind): with a possessive on a line of its own anywhere ("<Your signature>" at a
    letter's end), in brackets in the header ("[Phone]", "<location> <number>")."""
    folded = fold(text)
    found = [
        *FIELD_PLACEHOLDER.finditer(folded),
        *BRACKETED_FIELD.finditer(folded, 0, header_end(text)),
    ]
    for match in found:
        piece = match.group()
        kind = next((kind for kind, words in _FIELD_KINDS if words.search(piece)), "address")
        joined = re.match(rf"{_H}*{_JOINED}", folded[match.end() :]) or re.search(
            rf"{_JOINED}{_H}*$", folded[max(0, match.start() - 3) : match.start()]
        )
        if kind == "link" and not re.search(r"[<\[]", piece) and not joined:
            continue  # "My Portfolio", "Mein Blog": a heading or a link's text
        start = match.start() + len(piece) - len(piece.lstrip())
        yield start, match.start() + len(piece.rstrip()), kind


def _line(line: str, *, offset: int) -> Iterator[tuple[int, int, str]]:
    if WITHOUT_SCHEME.search(line) and LINK_FIELD.search(line):
        start = len(line) - len(line.lstrip())
        yield offset + start, offset + len(line.rstrip()), "link"
        return
    verbs = list(FILL_IN.finditer(line))
    for index, verb in enumerate(verbs):
        end = verbs[index + 1].start() if index + 1 < len(verbs) else len(line)
        piece = line[verb.start() : end]
        kind = next((kind for kind, field in FIELDS if field.search(piece)), None)
        if kind is not None:
            yield offset + verb.start(), offset + verb.start() + len(piece.rstrip()), kind


# A template's "xx" and "xxxxx" stand for a house number and a postcode ("Abs.-Straße xx",
# "xxxxx Abs.-Ort"); the other finders read them as the digits they stand for.
_DIGITS_TO_COME = re.compile(r"(?<![\w.-])[xX]{2,6}(?![\w-])")


def digits_to_come(text: str) -> str:
    """``text`` with a template's placeholder digits as zeros, of the same length."""
    return _DIGITS_TO_COME.sub(lambda match: "0" * len(match.group()), text)


# What a template leaves where the address goes: "street and number", "postcode city",
# "Your Location", "Ihre Straße Nr." (on folded text).
_PLACEHOLDER_WORD = (
    r"(?:(?:street|city|town|country) name|your|my|ihre?|deine?|meine?|street|road|house|"
    r"number|no\.?|postcode|"
    r"post code|postal code|zip(?: code)?|"
    r"city|town|state|region|country|location|address|rue|num[ée]ro|code postal|ville|pays|"
    r"stra(?:ss|ß)e|hausnummer|nr\.?|postleitzahl|plz|wohnort|ort|land|stadt|calle|ciudad|"
    r"provincia|via|citt[aà]|paese|straat|stad|huisnummer|woonplaats|rua|cidade|pais|ulica|"
    r"miasto|kraj|kod pocztowy)"
)
# "Street name 123", "Calle #123, Región, País": a number after a word, "#" or "nº" before it.
_PLACEHOLDER_NUMBER = rf"(?:{_H}+(?:#|n[º°o]\.?{_H}*)?\d{{1,5}})?"
HEADER_PLACEHOLDER = re.compile(
    rf"(?:\d{{1,5}}{_H}+)?{_PLACEHOLDER_WORD}{_PLACEHOLDER_NUMBER}(?:(?:{_H}*[,/]{_H}*"
    rf"|{_H}+(?:and|et|und|y|e){_H}+|{_H}+){_PLACEHOLDER_WORD}{_PLACEHOLDER_NUMBER}){{0,4}}"
)
