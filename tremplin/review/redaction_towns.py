"""Where a candidate lives, as the header of a CV gives it without a street or a postcode:
a town on its own line, or in a column of a line of contacts, for blind-review redaction
(``redaction_places.py`` calls ``towns_find``); and the town a candidate says they live in.

"Nantes", "Bordeaux (Gironde)", "Boston, Massachusetts", "Toulouse, Occitanie — ann@…",
"Saint-Gilles (Bruxelles)": one to three capitalised words, with a region after a comma or
in brackets. With no list of towns, a town is told from the other short lines of a header
(a job title, a tagline) by where it stands:
- as a column of a line whose other columns are all contacts (an e-mail address, a site,
  a phone): "Toulouse, Occitanie | ann@example.org | 06 12 34 56 78";
- alone on its line, next to a line of contacts (the line above or below it, blank lines
  and a photo's caption skipped), not the header's first line (the name), and not a job
  title, a heading, a sentence or a date.

Every pattern is compiled once, at import.
"""

import re
from collections.abc import Iterator, Sequence

from tremplin.review.redaction_cities import known_city
from tremplin.review.redaction_countries import COUNTRY
from tremplin.review.redaction_header import (
    HEADER_CONTACT,
    HEADER_NUMBER,
    HSPACE,
    NOT_A_PHONE,
    SECTION_HEADING,
    TITLE_WORD,
    cells,
    fold,
    header_end,
)
from tremplin.review.redaction_others import DATE_LINE

_H = HSPACE
_COUNTRY = re.compile(rf"(?:in{_H}+)?{COUNTRY}\.?")
_WORD = r"[A-ZÀ-ÖØ-Þ][a-zà-öø-ÿß'’]+(?:-[A-ZÀ-ÖØ-Þa-zà-öø-ÿ][a-zà-öø-ÿß'’]*)*"
_PARTICLE = r"(?:am|an|der|im|in|de|du|des|la|le|les|sur|sous|en|del|di|da|upon|on)"
_PLACE = rf"{_WORD}(?:{_H}(?:{_PARTICLE}{_H})?{_WORD}){{0,2}}\.?"
# A town, and its region after a comma, a dash or in brackets.
# Its region: a word or two, a département's number ("Paris (75)"), a country's code.
# Its region: a word or two, a département's number ("Paris (75)"), a country's or an
# Italian province's code ("Milano (MI)").
_REGION = rf"{_PLACE}|\d{{2,3}}|[A-Z]{{2}}\b"
# How networking sites write a town's surroundings: "Greater London Area", "Rotterdam area",
# "Région de Lyon".
_AREA = rf"(?:(?:Greater|Grand|Gro(?:ß|ss)raum|R[ée]gion{_H}+d[eu']{_H}?){_H}*)?"
_AREA_AFTER = (
    rf"(?:{_H}+(?i:(?:metropolitan{_H}+|metro{_H}+|bay{_H}+)?area|region|metropolregion))?"
)
TOWN = re.compile(
    rf"{_AREA}{_PLACE}{_AREA_AFTER}(?:{_H}+\d{{1,2}}(?:e|er|ème|eme)\b)?"  # "Lyon 3e"
    rf"(?:{_H}*\((?:{_REGION})\)|{_H}*[,–—-]{_H}*(?:{_REGION}))?"
)
# What says that a town follows: "Based in Lyon", "Wohnhaft in Köln", "Résidant à Lyon".
# A British address's house name, with no number: "Rose Cottage", "Ferndean House".
NAMED_HOUSE = re.compile(
    rf"{_WORD}(?:{_H}{_WORD})?{_H}(?:House|Cottage|Farm(?:house)?|Lodge|Manor|Grange|Barn)"
)
LIVES_IN = re.compile(
    r"(?i:based in|lives? in|living in|located in|wohnhaft in|r[ée]sid(?:ant|ente?) [àa]|"
    r"domicili[ée]e? [àa]|vivo en|resid(?:o|ente) (?:en|a)|abito a|woonachtig in|"
    rf"wonend in){_H}+"
)
# Separators of the columns of a line of contacts, beyond ``cells``'s: a spaced dash or
# slash ("Madrid / Spain").
_DASH = re.compile(rf"{_H}[–—/]{_H}")
# Words that a header's short lines use and towns do not.
_NOT_A_TOWN = re.compile(
    r"(?<!\w)(?:photo|image|foto|curriculum|vitae|resume|cv|lebenslauf|contact|kontakt|"
    r"contatti|contacto|available|disponible|verfugbar|disponibile|freelance|remote|"
    r"hybrid|full|part|time|open|looking|seeking|english|french|german|spanish|italian|"
    r"anglais|francais|allemand|espagnol|italien|english|skills|portfolio|github|"
    r"linkedin|twitter|gitlab|website|email|phone|mobile|address|adresse|born|nee|ne|"
    r"nationality|nationalite|nacionalidad|nazionalita|nationaliteit|staatsangehorigkeit|"
    r"citizenship|resumen|riepilogo|samenvatting|zusammenfassung|resume|objet|subject|"
    r"betreff|asunto|oggetto|onderwerp|date|datum|fecha|data|"
    # A weekday before a date: "Friday, December 4th 2026", "Montag, 7. Dezember 2026".
    r"monday|tuesday|wednesday|thursday|friday|saturday|sunday|lundi|mardi|mercredi|jeudi|"
    r"vendredi|samedi|dimanche|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|"
    r"lunes|martes|miercoles|jueves|viernes|sabado|domingo|lunedi|martedi|mercoledi|giovedi|"
    r"venerdi|sabato|maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag)(?!\w)"
)
# A town alone: one word of four letters or more ("Fin" is a word), hyphens allowed, or
# two after an article or a saint ("Le Mans", "Den Haag", "San Sebastián").
ONE_TOWN = re.compile(
    rf"(?:(?:Le|La|Les|L'|Den|De|El|Los|Las|San|Santa|Saint|St\.?|Sankt|Bad|New|Port|Mont|"
    rf"Fort){_H}{_WORD}|(?=\S{{4}}){_WORD})"
)
AREA_WORDLESS = re.compile(
    rf"^(?:Greater|Grand|Gro(?:ß|ss)raum|R[ée]gion{_H}+d[eu']{_H}?){_H}*|{_H}+(?i:(?:metropolitan{_H}+|metro{_H}+|bay{_H}+)?area|region|metropolregion)$"
)
REGIONAL = re.compile(rf"\(|,|{_H}[–—-]{_H}")
_CAPTION = re.compile(r"\[image:[^\]]*\]|(?i:photo|foto|image)\b.*")
HEADER_TOWN_LINES = 15
CITY_LINES = 6
# A line of more columns than this is a list, not a line of contacts.
MOST_COLUMNS = 8
LETTER_PLACE_DATE = re.compile(
    rf"^{_H}*(?:(?i:fait){_H}+)?(?:[ÀàAa]{_H}+)?(?P<town>{_PLACE}),{_H}*(?P<date>\S)", re.M
)
# A contact section further down, as a sidebar gives it: its lines are a header's.
# "… Cyberport, HK Home Hong Kong, China": a contact column's "Home" (the word its icon
# stands for) and a town with its country, ending a line that PDF text joined to another.
ICON_PLACE = re.compile(
    rf"(?<![^\s])(?i:home|location|adresse|domicile|wohnort){_H}+"
    rf"(?P<place>{_PLACE},{_H}*(?i:{COUNTRY}))\.?{_H}*$",
    re.MULTILINE,
)
CONTACT_HEADING = re.compile(
    r"^[^\S\n]*(?i:contacts?|kontakt|contatti|contacto|coordonn[ée]es|personal (?:details|data|"
    r"information)|pers[öo]nliche (?:daten|angaben)|datos personales|dati personali|"
    r"informations personnelles|persoonlijke gegevens)[^\S\n]*:?[^\S\n]*$",
    re.M,
)


def towns_find(text: str, *, names: Sequence[tuple[int, int]]) -> Iterator[tuple[int, int]]:
    """The towns of the header (``header_towns``), of a letter's date line, and the one the
    candidate says they live in."""
    yield from header_towns(text, names=names)
    yield from letter_town(text)
    yield from town_lived_in(text)


# "I'm a Manila based designer", "I am based in Bristol", "Je vis à Besançon", "Ich wohne in
# Regensburg": the town the candidate says, in the first person, they live in; not "a
# Leeds-based studio" they worked for.
_LIVED_IN = re.compile(
    rf"(?i:\bI['’]m|\bI{_H}+am)(?:{_H}+(?i:currently|now))?{_H}+(?:(?i:an?){_H}+"
    rf"(?P<before>{_PLACE})[- ](?i:based)\b|(?i:based|living){_H}+(?i:in){_H}+(?P<after>{_PLACE}))"
    rf"|(?i:\bje{_H}+vis{_H}+[àa]|\bj['’]habite{_H}+[àa]|\bich{_H}+wohne{_H}+in|\bvivo{_H}+en"
    rf"|\bik{_H}+woon{_H}+in|\bI{_H}+live{_H}+in){_H}+(?P<town>{_PLACE})"
)


def town_lived_in(text: str) -> Iterator[tuple[int, int]]:
    for match in _LIVED_IN.finditer(text):
        group = next(name for name in ("before", "after", "town") if match.group(name))
        if _is_town(match.group(group).rstrip(".")):
            yield match.start(group), match.start(group) + len(match.group(group).rstrip("."))


def header_towns(text: str, *, names: Sequence[tuple[int, int]]) -> Iterator[tuple[int, int]]:
    """The towns of a CV's header and of its contact section, as (start, end) pairs;
    ``names`` are where the candidate's name stands (a line of contacts too); and a town
    and its country after the word an icon stands for, wherever PDF text put them."""
    yield from _zone_towns(text, 0, header_end(text), names=names, header=True)
    for heading in CONTACT_HEADING.finditer(text):
        yield from _zone_towns(text, heading.end() + 1, len(text), names=names, header=False)
    for match in ICON_PLACE.finditer(text):
        yield match.start("place"), match.end("place")


def letter_town(text: str) -> Iterator[tuple[int, int]]:
    """The town before a letter's date, the sender's: "Lyon, le 3 mars 2026", "Berlin,
    20.10.2010", "À Lille, le 2 mai", "London, 3 March 2026" (the first such line)."""
    for match in LETTER_PLACE_DATE.finditer(text):
        line_end = text.find("\n", match.end())
        rest = fold(text[match.start("date") : len(text) if line_end < 0 else line_end])
        if _is_town(match.group("town")) and (
            DATE_LINE.fullmatch(rest.strip()) or re.fullmatch(r"(?:le|den)\s+\S+\s*", rest)
        ):
            yield match.start("town"), match.end("town")
            return


def _zone_towns(
    text: str, start: int, end: int, *, names: Sequence[tuple[int, int]], header: bool
) -> Iterator[tuple[int, int]]:
    lines: list[tuple[int, str]] = []
    position = start
    for line in text[start:end].split("\n")[:HEADER_TOWN_LINES]:
        if not header and SECTION_HEADING.match(line.strip()):
            break
        lines.append((position, line))
        position += len(line) + 1
    kinds = [
        "contact" if any(line_start <= a < line_start + len(line) for a, _ in names) else kind
        for (line_start, line), kind in ((entry, _line_kind(entry[1])) for entry in lines)
    ]
    house = -2
    for index, (line_start, line) in enumerate(lines):
        columns = [
            _after_lives_in(c)
            for cell in cells(line, offset=line_start)
            for c in _split_dashes(cell)
        ]
        # "John Doe Southern Pole, Antarctica": PDF text joined the name and the town with
        # its region, columns apart on the page.
        after = max(
            (b for a, b in names if line_start <= a < b <= line_start + len(line)), default=0
        )
        rest = text[after : line_start + len(line)] if header and after else ""
        if rest.strip() and REGIONAL.search(rest) and _is_town(rest.strip()):
            yield after + len(rest) - len(rest.lstrip()), line_start + len(line.rstrip())
            continue
        # A house with a name, and the place under it: "Ferndean House", "Ferndean Village".
        if header and kinds[index] == "other" and len(columns) == 1:
            value = columns[0][2]
            if NAMED_HOUSE.fullmatch(value) or (index == house + 1 and _is_town(value)):
                house = index
                yield columns[0][0], columns[0][1]
                continue
        # A larger town, as a column of its own in the first lines: "Data analyst ·
        # Manchester" (further down, an employer's: "Acme Inc. | Lyon, FR").
        if header and index < CITY_LINES and len(columns) <= MOST_COLUMNS:
            for start, end, value in columns[1 if index == 0 else 0 :]:
                if value[:1].isupper() and known_city(value):
                    yield start, end
        if len(columns) > 1:
            # The name may stand first on the header's first line: "Ann Carver — Lyon — …"
            if header and index == 0:
                columns = columns[1:]
            # A country beside the town is part of it: "Lyon · France", "Liège — Belgique".
            if len(columns) > MOST_COLUMNS:
                continue
            towns: list[tuple[int, int, str]] = []
            others: list[tuple[int, int, str]] = []
            countries = 0
            for column_cell in columns:
                if _COUNTRY.fullmatch(fold(column_cell[2])):
                    countries += 1
                else:
                    (towns if _is_town(column_cell[2]) else others).append(column_cell)
            if len(towns) == 1 and (others or countries) and all(_is_contact(c[2]) for c in others):
                yield towns[0][0], towns[0][1]
            elif len(towns) == 1 and towns[0] == columns[-1] and index > 0:
                # The last column of two: a town under or over a contact of that column.
                column = towns[0][0] - line_start
                if any(
                    _contact_at(lines[other], column)
                    for other in (index - 1, index + 1)
                    if 0 <= other < len(lines)
                ):
                    yield towns[0][0], towns[0][1]
            continue
        if (
            len(columns) != 1
            or (header and index == 0)
            or kinds[index] != "other"
            or not _is_town(columns[0][2])
        ):
            continue
        # A town with its region, next to a line of contacts: "Bordeaux (Gironde)". A town
        # alone, between lines of contacts or the name (or the header's edge): a word
        # alone next to one contact line is as often a title or a skill.
        above, below = _neighbour(kinds, index, -1), _neighbour(kinds, index, 1)
        regional = bool(REGIONAL.search(columns[0][2]))
        # A town's surroundings as networking sites write them ("Greater London Area") say
        # they are a place, as a region does.
        area = columns[0][2] != AREA_WORDLESS.sub("", columns[0][2])
        if ((regional or area) and "contact" in (above, below)) or (
            "contact" in (above, below)
            and above in ("contact", "edge")
            and below in ("contact", "edge")
            and ONE_TOWN.fullmatch(columns[0][2])
        ):
            yield columns[0][0], columns[0][1]


def _after_lives_in(cell: tuple[int, int, str]) -> tuple[int, int, str]:
    start, end, value = cell
    lives_in = LIVES_IN.match(value)
    return (start + lives_in.end(), end, value[lives_in.end() :]) if lives_in else cell


def _split_dashes(cell: tuple[int, int, str]) -> Iterator[tuple[int, int, str]]:
    start, _, value = cell
    position = 0
    for dash in [*_DASH.finditer(value), None]:
        end = dash.start() if dash else len(value)
        piece = value[position:end]
        stripped = piece.strip()
        if stripped:
            at = start + position + (len(piece) - len(piece.lstrip()))
            yield at, at + len(stripped), stripped
        if dash:
            position = dash.end()


def _is_town(value: str) -> bool:
    folded = fold(value)
    return bool(
        TOWN.fullmatch(value)
        and not TITLE_WORD.search(folded)
        and not _NOT_A_TOWN.search(folded)
        and not any(SECTION_HEADING.fullmatch(word) for word in re.split(r"[\s,()–—-]+", value))
    )


def _is_contact(value: str) -> bool:
    if HEADER_CONTACT.search(value):
        return True
    return any(
        not NOT_A_PHONE.fullmatch(number.group().strip())
        and sum(char.isdigit() for char in number.group()) >= 8
        for number in HEADER_NUMBER.finditer(value)
    )


def _line_kind(line: str) -> str:
    """ "contact" for a line that holds a contact, "skip" for a blank line or a photo's
    caption, "other" for the rest."""
    stripped = line.strip()
    if not stripped or _CAPTION.fullmatch(stripped):
        return "skip"
    return "contact" if _is_contact(stripped) else "other"


def _contact_at(line: tuple[int, str], column: int) -> bool:
    """Whether ``line`` has a contact in a column that starts where ``column`` does."""
    start, value = line
    return any(
        abs(cell.start - start - column) <= 2 and _is_contact(cell.text)
        for cell in cells(value, offset=start)
    )


def _neighbour(kinds: list[str], index: int, step: int) -> str:
    """The kind of the nearest line above or below that is not blank: "contact", "other",
    or "edge" where there is none."""
    at = index + step
    while 0 <= at < len(kinds) and kinds[at] == "skip":
        at += step
    return kinds[at] if 0 <= at < len(kinds) else "edge"
