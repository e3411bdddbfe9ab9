"""Where the work is: the place a posting states, and whether remote work is offered.

Each extractor returns None when the posting does not state it: nothing is guessed.
"""

import re

from tremplin.vacancies.importing.naming import NOT_A_NAME, opening
from tremplin.vacancies.importing.place_patterns import (
    ANYWHERE_IN,
    DAYS_ON_SITE,
    LOCATION_LINE,
    LOCATION_PATTERNS,
    OFFICES_AT,
    OFFICES_IN,
    OFFICES_OF,
    OFFICES_OF_TOWN,
    ONE_PLACE,
    OR_REMOTE,
    OWN_PLACE,
    PLACE,
    STREET_ADDRESS,
    TOWN_OF_ADJECTIVE,
)
from tremplin.vacancies.importing.structure import Document, strip_inline_markup
from tremplin.vacancies.importing.textutil import fold, sentences
from tremplin.vacancies.importing.titles import AT_PLACE

_I = re.IGNORECASE

# --- Place -------------------------------------------------------------------------------

# "Lieu : À distance dans le soi-disant Québec": remote work somewhere; the place stays.
_REMOTE_IN = re.compile(
    r"^(?:(?:100\s?%\s+)?(?:à\s+distance|en\s+télétravail|télétravail|remote|fully\s+remote)"
    r"\s*[,(]?\s*(?:dans|au|en|à|within|in|from|across)\s+)?(?:(?:le|la|les|l['’]|the)\s+)?"
    r"(?:soi-disant|so-called)\s+|^(?:100\s?%\s+)?(?:à\s+distance|en\s+télétravail|remote"
    r"|fully\s+remote)\s*[,(]?\s*(?:dans|au|en|à|within|in|from|across)\s+(?:(?:le|la|l['’]|the)\s+)?",
    _I,
)
_REMOTE_NO = re.compile(
    r"\bno\s+remote\b|\bnot\s+(?:a\s+)?remote\b|\bon[- ]site\s+only\b|\bin[- ]office\s+only\b"
    r"|\bpas\s+de\s+télétravail\b|\bsans\s+télétravail\b|\bsur\s+site\s+uniquement\b"
    r"|\b100\s?%\s+(?:en\s+)?présentiel\b|\bentièrement\s+(?:sur\s+site|en\s+présentiel)\b",
    _I,
)
_REMOTE_YES = re.compile(
    # "la possibilité de télétravailler à raison de 2 jours par semaine", "possibilité de
    # télé-travail jusqu'à 3 jours par semaine", "une équipe télétravaillante"
    r"\bremote\b|\bhybrid\b|\bwork\s+from\s+home\b|\btélé-?travail(?:l\w*)?\b|\bhybride\b"
    r"|\bà\s+distance\b|\bdistanciel\b",
    _I,
)


# A job board's one-line header: "Acme - Senior Developer - Berlin, Germany (HYBRID) -
# Full time" or "Acme | Developer | Remote (EU)": the place is a "Town, Country" part, its
# work mode aside, or a "Remote (…)" part.
_HEADER_SEPARATOR = re.compile(r"\s+[-|–—]\s+")
HEADER_PARTS = 3
MAX_HEADER_PART_CHARS = 100
_HEADER_PLACE = re.compile(rf"^{ONE_PLACE}(?:/{ONE_PLACE})*,\s*{ONE_PLACE}$")  # "LA/Long Beach, CA"
# "Remote (EU)", "US Remote", "Global Remote"
_REMOTE_REACH = r"(?:fully|global)"
_HEADER_REMOTE = re.compile(
    rf"^(?:{_REMOTE_REACH}\s+|(?-i:[A-Z]{{2,3}})\s+)?remote\b(?:\s*\([^()]{{1,40}}\))?$", _I
)
# Where the work is done: in an office, or from anywhere.
_OFFICE_MODES = r"(?:hybrid|on-?site|in[- ]office)"
_MODES = rf"(?:remote|{_OFFICE_MODES})"
_WORK_MODE = re.compile(rf"\s*\({_MODES}[^()]*\)$", _I)


def header_parts(document: Document) -> list[str]:
    """The parts, markup stripped, of a one-line header opening the body, or [] if none."""
    parts: list[str] = []
    for piece in _HEADER_SEPARATOR.split(opening(document)):
        if parts and parts[-1].count("(") > parts[-1].count(")"):
            parts[-1] += f" - {piece}"  # "ReadWorks (YC-backed nonprofit - …)": one part
        else:
            parts.append(piece)
    parts = [strip_inline_markup(part).strip() for part in parts]
    if len(parts) < HEADER_PARTS or any(len(part) > MAX_HEADER_PART_CHARS for part in parts[:2]):
        return []
    return parts


# "Onsite (Berkeley)": the work mode, then the place.
# ("ONSITE (4d)": the days on site, no place.)
_MODE_AT = re.compile(rf"^{_OFFICE_MODES}\s*\((?P<place>\D[^()]{{1,39}})\)$", _I)
_OR_REMOTE = re.compile(rf"{OR_REMOTE}$", _I)
_MODE_PART = re.compile(rf"^(?:{_REMOTE_REACH}\s+)?{_MODES}\s*(?:\(|$)", _I)


def is_work_place(text: str) -> bool:
    """Whether a header part opens with a work mode ("Hybrid (USA) Albuquerque NM"): no title."""
    return bool(_MODE_PART.match(text))


def is_header_place(part: str) -> bool:
    """Whether a header part is a place ("Blaine, WA", "Lisbon, Portugal (hybrid)") or where the
    work is, not who hires nor the role."""
    return bool(_HEADER_PLACE.match(_WORK_MODE.sub("", part))) or is_work_place(part)


def _header_location(document: Document) -> str | None:
    for part in header_parts(document)[1:]:
        if match := _MODE_AT.match(part):
            return match.group("place")
        place = _WORK_MODE.sub("", part)
        # "Lisbon, Portugal", "NYC (Onsite)": a lone name is a place when a work mode says so;
        # "Austin, TX / Remote" is one place or none.
        if (
            _HEADER_PLACE.match(_OR_REMOTE.sub("", place))
            or (place != part and re.fullmatch(ONE_PLACE, place))
            or _HEADER_REMOTE.match(part)
        ):
            return place
    return None


# "Bien que nous ayons des bureaux à Ottawa, nous travaillons de manière distribuée":
# offices a sentence concedes are not the place of work.
_CONCESSION = re.compile(
    r"^(?:bien\s+que|quoique|même\s+si|although|though|while|whilst|even\s+though)\b", _I
)


# "Envoyez votre candidature par courrier à l'adresse suivante : …": where to send it.
_MAIL_TO = re.compile(
    r"\bpar\s+courrier\b|\badresse\s+(?:suivante|postale)\b|\bby\s+(?:post|mail)\s+to\b"
    r"|\b(?:mailing|postal)\s+address\b",
    _I,
)


# "La Défense", "Le Havre", "Les Ulis": an article in front of a capital is a town's.
_TOWN = re.compile(r"^(?:Le|La|Les)\s+[A-ZÀ-ÖØ-Þ]")


# "### Lieu de travail", "## You should be located near:": the lines under it are the place.
_PLACE_HEADING = re.compile(
    r"^(?:lieu(?:\s+de\s+(?:travail|stage|(?:la\s+)?mission))?|location|localisation|where"
    r"|(?:you\s+should\s+be\s+)?(?:located|based)(?:\s+(?:near|in))?)\s*:?$",
    _I,
)
# "Stade Richard-Garneau (Sainte-Thérèse)": the town in brackets after the building;
# "Avenue des Vignes Paris 12°": the town before its district.
_TOWN_IN_BRACKETS = re.compile(rf"\((?P<place>{ONE_PLACE})\)\s*$")
_TOWN_AND_DISTRICT = re.compile(
    r"\b(?P<place>[A-ZÀ-ÖØ-Þ][\w'’]*(?:-[\w'’]+)*)\s+(?:dans\s+le\s+)?"
    r"(?:\d{1,2}|[IVX]{1,5})(?:°|e|ème|er)(?!\w)"  # "Paris 12°", "Paris Xème"
)
# "Remote, with supervisors based in New York", "Anywhere": remote work names no place.
_REMOTE_ONLY = re.compile(
    # "Anywhere in the UK" is a region; "anywhere in the world", none.
    r"^(?:(?:fully|entirely|100\s?%)\s+)?(?:remote(?:ly)?|virtual"
    r"|anywhere(?!\s+in\s+(?!the\s+world\b))|à\s+distance"
    r"|(?:en\s+)?télétravail)\b",
    _I,
)
MAX_PLACE_CHARS = 60


# "Lyon et en télétravail", "Paris or remote": remote work beside the place.
_REMOTE_CLAUSE = re.compile(
    r"\s+(?:et|ou|and|or)\s+(?:en\s+)?(?:télétravail|à\s+distance|remote)\b.*$", _I
)


def _as_place(text: str) -> str | None:
    """The town a location line names, its building, street or district off."""
    text = _WORK_MODE.sub("", text)  # "Lyon (hybrid)"
    # "US-Remote, with staff team based in Pacific time": the place, not who is elsewhere.
    # "Le Petit-Quevilly, à 15 minutes de la gare": the place, not the way there.
    text = re.sub(r",\s+(?:with|avec|(?:à\s+)?\d+\s*min(?:utes)?\b)\s.*$", "", text)
    text = _REMOTE_CLAUSE.sub("", text)
    bracketed = _TOWN_IN_BRACKETS.search(text)
    # "Montréal (Québec)" is a town and its province; a building's name is no place.
    if bracketed and not re.fullmatch(ONE_PLACE, text[: bracketed.start()].strip()):
        return bracketed.group("place")
    if match := _TOWN_AND_DISTRICT.search(text):
        return match.group("place")
    text = text.strip(" ;*")  # "National*": a footnote's mark
    # A whole line is a place when it reads as a name: "Lyon", not "au siège, 12 rue…".
    return text if len(text) <= MAX_PLACE_CHARS and text[:1].isupper() else None


def _place_under_heading(document: Document) -> str | None:
    sections = document.sections
    for index, section in enumerate(sections):
        if not (section.heading and _PLACE_HEADING.match(section.heading.strip())):
            continue
        if section.bullets and all(
            re.fullmatch(ONE_PLACE, b.text.strip()) for b in section.bullets
        ):
            return ", ".join(bullet.text.strip() for bullet in section.bullets)  # one per line
        lines = [*section.paragraphs, *(bullet.text for bullet in section.bullets)]
        # A line standing alone under the heading may read as a heading itself.
        if not lines and index + 1 < len(sections) and sections[index + 1].heading:
            lines = [str(sections[index + 1].heading)]
        place = (place_in(lines[0]) or _as_place(lines[0])) if lines else None
        # "Remote position, with a preference for Toronto-based people": no place of work.
        if place and fold(place.split()[0]) not in NOT_A_NAME and not remote_only(place):
            return place
    return None


def remote_only(place: str, *, alone: bool = False) -> bool:
    """Whether a stated place says that the work is remote ("Remote, with supervisors
    based in New York"); ``alone``, and nothing else ("Virtual (100% Remote)", not
    "Virtual (100% Remote); Washington, DC")."""
    match = _REMOTE_ONLY.match(_REMOTE_IN.sub("", place.strip()))
    if match is None or not alone:
        return match is not None
    rest = re.sub(r"\([^()]*\)", "", _REMOTE_IN.sub("", place.strip())[match.end() :])
    return not re.search(r"\w", rest)


def location(document: Document) -> str | None:
    """The place of work the posting states ("Paris based", "Poste basé à Lyon")."""
    if place := _header_location(document) or _place_under_heading(document):
        return place
    lines = sentences(document.plain_text)
    for sentence in lines:
        # "Location: Remote" states that the work has no place; a town named elsewhere
        # ("supervisors based in New York") is someone else's.
        line = LOCATION_LINE.search(sentence)
        if line and remote_only(line.group("place")):
            # "Lieu : télétravail, avec 2 jours…", "En télétravail et à La Défense (1 à 2 fois
            # par semaine)": where the days on site are.
            on_site = DAYS_ON_SITE.search(sentence) or _AND_AT.search(line.group("place"))
            return on_site.group("place") if on_site else None
    # What the post states of itself first ("Lieu : Le Petit-Quevilly", "Poste basé à Issy"),
    # then a place named otherwise ("nos agences situées à Londres").
    for patterns in (OWN_PLACE, LOCATION_PATTERNS):
        for sentence in lines:
            if place := place_in(sentence, patterns):
                return place
    return None


# "En télétravail et à La Défense": the place beside remote work on a location line.
_AND_AT = re.compile(rf"\b(?:et|and|ou|or)\s+(?:à|au|in|at)\s+{PLACE}")
# "lieu : un cadre sympa car …": a word on the place, not its name; "Location: [National/
# London/Both]": a template's choices in brackets, not yet made.
_A_DESCRIPTION = re.compile(r"^(?:(?:un|une|a|an)\s+[a-zà-ÿ]|\[[^\]]*\]$)")


def place_in_title(title: str | None) -> str | None:
    """The place a title states ("One post-doctoral position open at EPFL, Lausanne"), or the
    town it ends on ("Développeurs Python sur Lyon")."""
    if not title:
        return None
    match = AT_PLACE.search(re.sub(r"\s+", " ", title).strip())
    return place_in(title) or (match.group("town") if match else None)


def place_in(
    sentence: str, patterns: tuple[re.Pattern[str], ...] = LOCATION_PATTERNS
) -> str | None:
    """The place a sentence states as the place of work, by the patterns above."""
    for pattern in patterns:
        if pattern in (OFFICES_AT, OFFICES_IN, OFFICES_OF) and _CONCESSION.match(sentence):
            continue
        if pattern is STREET_ADDRESS and _MAIL_TO.search(sentence):
            continue
        if match := pattern.search(sentence):
            if pattern is OFFICES_OF_TOWN:
                return TOWN_OF_ADJECTIVE[match.group("place")]
            value = match.group("place")
            if pattern is LOCATION_LINE:
                if _A_DESCRIPTION.match(value):
                    continue
                # "Ort: Unser Büro ist in Berlin.": a sentence on the line names the place.
                opening = fold(value).split()[:1]
                if (
                    opening
                    and opening[0] in NOT_A_NAME
                    and (stated := place_in(value, LOCATION_PATTERNS[1:]))
                ):
                    return stated
            if pattern is ANYWHERE_IN:
                return value[:1].upper() + value[1:]
            place = _REMOTE_IN.sub("", value.strip()).rstrip(",").strip()
            if _REMOTE_ONLY.match(place):
                continue
            place = _REMOTE_CLAUSE.sub("", place)
            place = _as_place(place) or place
            place = place[:1].upper() + place[1:]
            if place and (fold(place.split()[0]) not in NOT_A_NAME or _TOWN.match(place)):
                if place.isupper() and len(place) > 3:  # "75007 PARIS"
                    place = place.title()
                return place
    return None


def remote(text: str) -> bool | None:
    """True when remote or hybrid work is offered, False when it is ruled out, else None."""
    if _REMOTE_NO.search(text):
        return False
    if _REMOTE_YES.search(text):
        return True
    return None


# "Ville de Sainte-Thérèse", "City of Leeds": a town's administration works in that town.
_TOWN_ADMINISTRATION = re.compile(
    rf"^(?:Ville|Commune|Mairie|Municipalité|City|Town)\s+(?:de\s+|d['’]\s*|of\s+)(?P<place>{ONE_PLACE})$"
)


def town_of(organization: str | None) -> str | None:
    """The town an organization that is a town's administration names, or None."""
    match = _TOWN_ADMINISTRATION.match(organization or "")
    return match.group("place") if match else None
