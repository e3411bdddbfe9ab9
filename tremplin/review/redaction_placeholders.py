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
"""

import re
from collections.abc import Iterator

from tremplin.review.redaction_header import fold, header_end

_VERBS = (
    r"replace\s+with|enter|insert|state|type\s+(?:in\s+)?your|fill\s+in|"
    r"remplace[rz]?\s+par|indique[rz]|saisi(?:r|ssez)|insere[rz]|"
    r"ersetzen(?:\s+sie)?\s+durch|"
    r"sostituir(?:e|ci)\s+con|sostituisci\s+con|inserire|inserisci|indicare|"
    r"sustitu(?:ir|ya)\s+(?:por|con)|reempla(?:zar|ce)\s+(?:por|con)|introduzca|escriba|"
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
        re.compile(r"(?<!\w)(?:url|linkedin|homepage|website|site|sito|web|stranica)(?!\w)"),
    ),
    (
        "phone",
        re.compile(
            r"(?<!\w)(?:(?:tele)?phone|mobile?|telefon[oa]?|telefonico|t[eé]l[eé]phone|"
            r"cellulare|movil|handy|gsm|fax)(?!\w)"
        ),
    ),
    (
        "address",
        re.compile(
            r"(?<!\w)(?:address|adresse|adres[au]?|indirizzo|direccion|morada|street|"
            r"rue|strasse|via|calle|postcode|postal|postale|city|citta|ville|country|paese)"
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
CAPITALS_HEADING = re.compile(r"\s*[^\W\d_a-z]{2,}(?:[^\S\n]+/?[^\S\n]*[^\W\d_a-z]{2,})+(?!\w)")
WITHOUT_SCHEME = re.compile(r"(?<!\w)(?:without|sans|ohne|senza|sin|sem|zonder|bez)\W{0,3}https?\b")


def placeholders_find(text: str) -> Iterator[tuple[int, int, str]]:
    """Where the header holds a placeholder for a contact detail, as (start, end, kind)."""
    end_of_header = header_end(text)
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
