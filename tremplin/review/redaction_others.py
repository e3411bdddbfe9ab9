"""Contact details that belong to someone else than the candidate, for blind-review
redaction (``redaction.py`` calls ``others_find``): they stay, so that a reviewer keeps
what tells nothing about the candidate.

Three places hold them:
- a letter's inside address: the addressee's lines just above the salutation ("Dear Dr.
  Smith", "Madame, Monsieur,", "Sehr geehrte Frau Weber"), after the date and the subject,
  when a blank line, a date line or the sender's last contact line (an e-mail address, a
  site, a phone) sets them apart from the sender's block and none of them holds the
  candidate's name, e-mail address or phone. A block that runs on into the sender's lines,
  as two columns joined by PDF text do, is not told apart and is redacted;
- a CV's references: the section under a "References" heading, in the languages
  candidates write in, up to the next heading, where the e-mail addresses, phones, links
  and addresses are the referees'. A line that holds the candidate's own name keeps its
  redaction (a footer that repeats the contacts);
- a template's or a tool's credit: what follows "Created with the template by", "Erstellt
  mit", "Réalisé avec" on its line.

Both give (start, end) ranges of the text; ``redaction.py`` drops the contact findings
that lie inside them, never the name. And below a CV's header, a link to a site that is not
a profile (an employer's, a school's, Europass's) and holds nothing of the candidate's
(``someone_elses_link``) stays.
"""

import re
from collections.abc import Iterator

from tremplin.review.redaction_cities import known_city
from tremplin.review.redaction_countries import COUNTRY
from tremplin.review.redaction_fields import LABEL
from tremplin.review.redaction_header import HSPACE as _H
from tremplin.review.redaction_header import (
    SALUTATION,
    SECTION_HEADING,
    TITLE_WORD,
    fold,
    header_end,
)
from tremplin.review.redaction_placeholders import PLACEHOLDER_LINK, fields_listed

# Lines between the inside address and the salutation: a subject, references, a date. A
# subject written without its label says what the letter is: "Application for Software
# Engineer Position", "Bewerbung als …", "Candidature au poste de …".
_SUBJECT = re.compile(
    r"(?:objet|subject|re|betreff|asunto|oggetto|onderwerp|v/ref|n/ref|v/r[ée]f|n/r[ée]f|"
    r"your ref|our ref|ihr zeichen|unser zeichen|ref"
    r"|(?:job )?application (?:for|as)|bewerbung (?:als|um|fur)|candidature (?:au|a|pour)"
    r"|candidatura (?:per|para|a)|sollicitatie (?:als|voor|naar))\b\.?",
)
_MONTHS = (
    r"january|february|march|april|may|june|july|august|september|october|november|december|"
    r"janvier|fevrier|mars|avril|mai|juin|juillet|aout|septembre|octobre|novembre|decembre|"
    r"januar|februar|marz|juni|juli|oktober|dezember|enero|febrero|marzo|abril|mayo|junio|"
    r"julio|agosto|septiembre|octubre|noviembre|diciembre|gennaio|febbraio|aprile|maggio|"
    r"giugno|luglio|settembre|ottobre|dicembre|januari|februari|maart|augustus"
)
# A date line, alone or after a town: "December 3, 2026", "Lyon, le 3 mars 2026",
# "Berlin, 20.10.2010", "3 de marzo de 2026".
DATE_LINE = re.compile(
    rf"(?:[^\n,]{{1,40}},{_H}*)?(?:(?:le|den|am|el|il|on){_H}+)?(?:\d{{1,2}}(?:er|st|nd|rd|th)?"
    rf"\.?{_H}*(?:de{_H}+)?(?:{_MONTHS})|(?:{_MONTHS}){_H}+\d{{1,2}}(?:st|nd|rd|th)?,?|"
    rf"\d{{1,2}}[./-]\d{{1,2}}[./-])[^\n]{{0,12}}(?:19|20)\d\d\.?{_H}*$"
    # The year first: "2017. augusztus 4." (Hungarian), "2026-12-04".
    rf"|(?:19|20)\d\d[./-]?{_H}*(?:[^\W\d_]{{3,12}}\.?{_H}+|\d{{1,2}}[./-])\d{{1,2}}\.?{_H}*$"
)
INSIDE_ADDRESS_LINES = 8
SUBJECT_LINES = 2  # an unlabelled subject between the date and the salutation
SENDER_CONTACT = re.compile(
    r"@|https?://|www\.|(?<!\w)(?:tel|tél|phone|telefon|telefono|mobile?|e-?mail|fax)\b|"
    r"(?<![\w+])\+\d"
)

_REFERENCES = (
    r"(?:professional |personal )?(?:references|referees|r[ee]f[ee]rences(?: professionnelles)?|"
    r"referenzen|referencias|referenze|referenties)(?: available| on request)?"
).replace("[ee]", "e")
# The heading alone on its line, or last on it where PDF text joined a column to its left.
REFERENCES_HEADING = re.compile(rf"(?:^|.*{_H})(?:{_REFERENCES}){_H}*:?{_H}*$")
# The next heading ends the section, in the same place.
_NEXT_HEADING = re.compile(rf"(?:^|.*{_H})(?:{SECTION_HEADING.pattern}){_H}*:?{_H}*$", re.I)
REFERENCES_LINES = 30
# A label column's "References Jane Smith" (Europass): the referee's lines follow, up to a
# heading in capitals, a blank line or a line of the next label's list ("Projects • …").
# A mark may open each referee ("REFERENCES ■ Professor Jo Public", then "■ Dr Ann Roe").
REFERENCES_OPENING = re.compile(rf"(?:{_REFERENCES}){_H}+(?:(?P<mark>[■●▪◆►])\s*)?\w")
REFERENCES_OPENING_LINES = 4


def within(start: int, end: int, ranges: list[tuple[int, int]]) -> bool:
    """Whether [start, end) lies inside one of ``ranges``."""
    return any(a <= start and end <= b for a, b in ranges)


def someone_elses_link(link: str, *, own: set[str]) -> bool:
    """Whether ``link`` holds none of the candidate's ``own`` words (parts of the name, user
    names from their e-mail addresses and header links), hyphens and underscores left out;
    ``redaction.py`` asks only about links below the header that are not profiles. A
    template's stand-in for the candidate's own site ("https://your-domain.com/cv/") is theirs."""
    if PLACEHOLDER_LINK.search(fold(link)):
        return False
    folded = re.sub(r"[-_]", "", fold(link))
    return not any(len(word) >= 3 and re.sub(r"[-_]", "", word) in folded for word in own)


def others_find(text: str, *, own: list[tuple[int, int]]) -> Iterator[tuple[int, int]]:
    """Ranges of ``text`` that hold someone else's contact details; ``own`` are where the
    candidate's name, e-mail addresses and phones were found."""
    lines = _lines(text)
    # A template's line of the candidate's fields ("Numéro de portable • Courriel", its contact
    # footer) is theirs, under "References" too.
    own = [*own, *((start, end) for start, end, _ in fields_listed(text))]
    found = sorted(
        [
            *_inside_address(text, lines, own=own),
            *_endorsed_address(text, lines, own=own),
            *_window_address(text, lines, own=own),
            *_references(text, lines, own=own),
            *_credits(text, lines, own=own),
        ]
    )
    # Lines in a row make one range, so that a finding across a line break stays inside.
    merged: list[tuple[int, int]] = []
    for start, end in found:
        if merged and start <= merged[-1][1] + 1:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    yield from merged


def _lines(text: str) -> list[tuple[int, int]]:
    found = []
    position = 0
    for line in text.split("\n"):
        found.append((position, position + len(line)))
        position += len(line) + 1
    return found


_PARTS_SEPARATOR = re.compile(r"[,·•|]|\.(?=[^\S\n])")  # "Name. Straße 1. 12345 Ort."


def _line(folded: str, lines: list[tuple[int, int]], index: int) -> str:
    return folded[lines[index][0] : lines[index][1]].strip()


def _holds(own: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(a < end and start < b for a, b in own)


def _inside_address(
    text: str, lines: list[tuple[int, int]], *, own: list[tuple[int, int]]
) -> Iterator[tuple[int, int]]:
    folded = fold(text)
    for index, (start, end) in enumerate(lines):
        if not SALUTATION.match(folded[start:end].strip()):
            continue
        # Up over blank lines, the subject, references and the date; a subject written
        # without its label ("Revision of our contract") is passed over when the date
        # stands just above it.
        above = _above_the_date(folded, lines, index)
        while above >= 0:
            line = _line(folded, lines, above)
            if line and not (_SUBJECT.match(line) or DATE_LINE.fullmatch(line)):
                break
            above -= 1
        named = _line(folded, lines, index)
        block: list[int] = []
        sender = False
        while above >= 0 and len(block) <= INSIDE_ADDRESS_LINES:
            line = _line(folded, lines, above)
            # The sender's block ends with its contacts, or with a return-address line, the
            # sender's name and an address in three parts or more ("Jane Smith, Universal
            # Exports, 1 Heavy Plaza, Morristown"): where PDF text lost the blank line
            # between the two blocks, that line sets them apart. The name alone, or with a
            # title or an age ("Ann Carver, PhD"), does not: its address may follow.
            sender = bool(SENDER_CONTACT.search(line)) or (
                _holds(own, *lines[above])
                and len(_PARTS_SEPARATOR.findall(line)) >= 2  # "Your name · Street 1 · City"
                and bool(re.search(r"\d", line))
            )
            if not line or DATE_LINE.fullmatch(line) or sender:
                break
            block.append(above)
            above -= 1
            if _greeted(named, line):
                break  # "Hoi Peter," over "Peter Empfänger": the addressee opens the block
            if re.search(_RECIPIENT, line) and not (
                above >= 0 and re.search(_RECIPIENT, _line(folded, lines, above))
            ):
                break  # "<Title><Recipient's name>" opens the block
        recipient = bool(block) and re.search(_RECIPIENT, _line(folded, lines, block[-1]))
        # Up to the top of the text: the block is the addressee's only when it says so.
        addressed = recipient or _ADDRESSEE_LINE.search(
            _line(folded, lines, block[-1]) if block else ""
        )
        if not block or (above < 0 and not addressed) or len(block) > INSIDE_ADDRESS_LINES:
            continue  # nothing above it sets the block apart from the sender's lines
        if sender and len(block) < 2:
            continue  # an address has two lines at least: one line is a reference line
        if not (
            recipient
            or _addressee_shown(folded, lines, block=block, above=above)
            or _greeted(named, _line(folded, lines, block[-1]))
        ):
            continue  # it may be the sender's own address, under their name and contacts
        first, last = lines[block[-1]][0], lines[block[0]][1]
        # A template's "Empf.-Vorname Empf.-Nachname" repeats its placeholder for the
        # candidate's name: the block says whose it is.
        if not _holds(own, first, last) or recipient:
            yield first, last
        return  # one letter, one inside address


def sender_block(text: str, *, own: list[tuple[int, int]]) -> Iterator[tuple[int, int]]:
    """A letter's own block at the top of the text, above the date, where the addressee's
    inside address stands under the date ("Dummy org / Somewhere / Magic city 9999 /
    December 4, 2026 / Director Acme & Co / 35 Anthony Road"): the sender's address, even
    with no name or contact in it for the other finders to start from."""
    lines = _lines(text)
    folded = fold(text)
    for first, _ in _inside_address(text, lines, own=own):
        date = next(i for i, (start, _) in enumerate(lines) if start == first) - 1
        while date >= 0 and not _line(folded, lines, date):
            date -= 1
        if date < 0 or not DATE_LINE.fullmatch(_line(folded, lines, date)):
            return
        block = [i for i in range(date) if _line(folded, lines, i)]
        if 2 <= len(block) <= INSIDE_ADDRESS_LINES and not any(
            SECTION_HEADING.fullmatch(_line(folded, lines, i))
            or len(_line(folded, lines, i)) > SENDER_LINE
            for i in block
        ):
            yield lines[block[0]][0], lines[block[-1]][1]


SENDER_LINE = 60  # longer, a line is prose, not an address's

# A place alone on its line: a known town, or two or three capitalised words ending with a
# country or a code ("NorthEast NYC US", "Upper Valley, NH", "Lyon France").
_PLACE_LINE = re.compile(
    rf"[A-ZÀ-ÖØ-Þ][\w'’.-]*(?:,?{_H}+[A-ZÀ-ÖØ-Þ][\w'’.-]*){{0,1}},?{_H}+([A-Z]{{2,3}}|\w+)"
)


def own_addresses(
    text: str, *, own: list[tuple[int, int]], found: list[tuple[int, int]]
) -> Iterator[tuple[int, int]]:
    """The candidate's address where no finder starts from it: a letter's own block above
    its date (``sender_block``), and a place alone on the line above the candidate's own
    e-mail address or phone, as a summary or a sidebar sets it where the header's contact
    block has ended ("NorthEast NYC US" over "jane@example.org"). A line that ``found``
    touches, a heading, a label or a job title is no such place."""
    yield from sender_block(text, own=own)
    lines = _lines(text)
    folded = fold(text)
    for index in range(1, len(lines)):
        start, end = lines[index]
        written = text[start:end].strip()
        offset = start + text[start:end].find(written[:1])
        if not SENDER_CONTACT.search(written) or not any(
            a <= offset and offset + len(written) <= b for a, b in own
        ):
            continue
        above_start, above_end = lines[index - 1]
        place = _line(folded, lines, index - 1)
        above = text[above_start:above_end].strip()
        shape = _PLACE_LINE.fullmatch(above)
        code = shape is not None and re.fullmatch(rf"[A-Z]{{2,3}}|{COUNTRY}", shape[1], re.I)
        if (
            (known_city(above) or code)
            and not _holds(found, above_start, above_end)
            and not SECTION_HEADING.fullmatch(place)
            and not LABEL.fullmatch(place)
            and not TITLE_WORD.search(place)
        ):
            first = above_start + text[above_start:above_end].index(above)
            yield first, first + len(above)


# A template's placeholder for the addressee ("Recipient's name", "Empf.-Nachname").
_RECIPIENT = r"recipient|addressee|destinataire|destinatario|empf(?:anger(?:in)?)?\b"
# The first line of an addressee's block: a person with a title, a department or a role, or
# a company ("Mr. John Roe", "Hiring Manager", "Service du personnel", "Acme Corp.").
_ADDRESSEE_LINE = re.compile(
    r"^(?:(?:mr|mrs|ms|mx|dr|prof|mme|mlle|m|herr|frau|sr|sra|sig|dott|dhr|mevr|monsieur"
    r"|madame|mademoiselle|senor|senora|signor|signora)\.?\s+\S"
    r"|(?:\w+\s+)?(?:hiring|recruiting|recruitment)\s+(?:manager|team|committee)|human\s+resources"
    r"|hr\s|ressources\s+humaines|service\s|direction\s|department|abteilung"
    # "Responsabile Assunzioni", "Responsable du recrutement", "Personalverantwortliche"
    r"|responsabile\s+(?:delle\s+)?assunzioni|responsable\s+(?:du\s+)?recrutement"
    r"|responsable\s+de\s+(?:seleccion|contratacion)|personalverantwortlich|talent\s+acquisition"
    r"|personalabteilung|recursos\s+humanos|risorse\s+umane|to\s*:|attn|a\s+l'attention"
    r"|z\.\s?hd|c/o\b"
    # a template's placeholders for the addressee: "Recipient Name", "Contact person"
    rf"|{_RECIPIENT}|contact\s+person"
    r"|name\s+of\s+(?:the\s+)?(?:organi[sz]ation|company|employer))"
    r"|\b(?:ltd|inc|corp|llc|gmbh|ag|sa|sarl|sas|spa|srl|bv|nv|plc|asbl|vzw|e\.v)\.?$"
)


def _addressee_shown(
    folded: str, lines: list[tuple[int, int]], *, block: list[int], above: int
) -> bool:
    """Whether the block over the salutation shows itself as the addressee's: the sender's
    own address stands above it, or it opens with a person, a department or a company. A
    street under the candidate's name and e-mail address is their own, and goes."""
    opening = _line(folded, lines, block[-1])
    if _ADDRESSEE_LINE.search(opening):
        return True
    for start, end in lines[: above + 1]:
        line = folded[start:end].strip()
        if (
            re.search(r"\d", line)
            and not SENDER_CONTACT.search(line)
            and not DATE_LINE.fullmatch(line)
        ):
            return True  # the sender's street or postcode
    return False


def _greeted(salutation: str, opening: str) -> bool:
    """Whether the salutation greets whom the block opens with ("Dear Susan," over "Susan
    Robinson", "Sehr geehrte Frau Weber" over "Frau Dr. Anna Weber")."""
    greeted = SALUTATION.sub(" ", salutation, count=1)
    words = {word for word in re.findall(r"[^\W\d_]{3,}", greeted)} - _TITLES
    return any(re.search(rf"(?<!\w){re.escape(word)}(?!\w)", opening) for word in words)


_TITLES = frozenset({"mrs", "miss", "frau", "herr", "madame", "monsieur", "prof", "dott", "sir"})


# A postal endorsement over a letter's inside address ("Einschreiben/Luftpost", "Airmail",
# "Par avion", "Recommandé"), as DIN 5008 letters and window envelopes have it: the lines
# under it are the addressee's. Only the post's own words: "Personal", "Persönlich" or
# "Confidential" alone on a line may head a CV's own details.
_ENDORSEMENT = re.compile(
    r"(?:(?:airmail|air mail|par avion|luftpost|einschreiben|eilbrief|recommandee?"
    r"|lettre recommandee|registered mail|prioritaire|per posta aerea|raccomandata"
    r"|correo certificado)[\s,/·-]*)+"
)
ENDORSED_LINES = 6


def _endorsed_address(
    text: str, lines: list[tuple[int, int]], *, own: list[tuple[int, int]]
) -> Iterator[tuple[int, int]]:
    folded = fold(text)
    for index, (start, end) in enumerate(lines[: ENDORSED_LINES * 3]):
        if not _ENDORSEMENT.fullmatch(folded[start:end].strip()):
            continue
        last = index
        for below in range(index + 1, min(index + 1 + ENDORSED_LINES, len(lines))):
            line = _line(folded, lines, below)
            if _ENDORSEMENT.fullmatch(line):
                last = below  # "Einschreiben/Luftpost" then "Eilt/Persönlich"
                continue
            if not line or DATE_LINE.fullmatch(line) or SENDER_CONTACT.search(line):
                break
            if _holds(own, *lines[below]):
                break
            last = below
        if last > index:
            yield start, lines[last][1]
        return  # one letter, one inside address


# The last line of an address: its postcode and town ("54321 Musterhausen", "D-1100 Waldstadt").
_POSTCODE_LINE = re.compile(rf"{_H}*(?:[A-Z]{{1,2}}[-–])?\d{{4,5}}{_H}+[^\W\d_]")
WINDOW_LINES = 8


def _window_address(
    text: str, lines: list[tuple[int, int]], *, own: list[tuple[int, int]]
) -> Iterator[tuple[int, int]]:
    """The addressee's lines under a letter's return address (DIN 5008's window: "Max
    Mustermann, Musterstraße 7, 12345 Musterstadt" over "Erika Musterfrau / Musterweg 13 /
    54321 Musterhausen"), down to the line of their postcode and town."""
    folded = fold(text)
    for index, (start, end) in enumerate(lines[: WINDOW_LINES * 3]):
        line = folded[start:end]
        if not (
            _holds(own, start, start + max(line.find(","), 0) + 1)
            and len(_PARTS_SEPARATOR.findall(line)) >= 2
            and re.search(r"\d{4,5}\s+[^\W\d_]", line)  # a postcode and town
            and not SENDER_CONTACT.search(line)
        ):
            continue
        for number in range(index + 1, min(index + 1 + WINDOW_LINES, len(lines))):
            at_start, at_end = lines[number]
            written = folded[at_start:at_end].strip()
            if DATE_LINE.fullmatch(written) or SENDER_CONTACT.search(written):
                break
            if _holds(own, at_start, at_end):
                break
            if _POSTCODE_LINE.match(text, at_start):
                if number > index + 1:
                    yield lines[index + 1][0], at_end
                break
        return  # one letter, one window


# A template's or a tool's credit ("Created with the template by Dani Y.: github.com/…",
# "Erstellt mit der Vorlage von …", "Réalisé avec …"): what follows it is theirs.
_CREDIT = re.compile(
    r"\b(?:(?:made|created|built|generated|designed|typeset|powered)\s+(?:with|by|using)"
    r"|template\s+(?:by|from)|erstellt\s+mit|vorlage\s+von|realise\s+avec|cree\s+avec"
    r"|modele\s+(?:de|par)|plantilla\s+de|hecho\s+con|creado\s+con|creato\s+con"
    r"|realizzato\s+con|gemaakt\s+met)\b"
)


def _credits(
    text: str, lines: list[tuple[int, int]], *, own: list[tuple[int, int]]
) -> Iterator[tuple[int, int]]:
    folded = fold(text)
    for start, end in lines:
        if (credit := _CREDIT.search(folded, start, end)) and not _holds(own, credit.end(), end):
            yield credit.end(), end


def _above_the_date(folded: str, lines: list[tuple[int, int]], salutation: int) -> int:
    """The line above a date line among the two non-blank lines over the salutation, or
    the line just over the salutation when no date stands there."""
    seen = 0
    for above in range(salutation - 1, -1, -1):
        line = _line(folded, lines, above)
        if not line:
            continue
        if DATE_LINE.fullmatch(line):
            return above - 1
        seen += 1
        if seen == SUBJECT_LINES:
            break
    return salutation - 1


def _references(
    text: str, lines: list[tuple[int, int]], *, own: list[tuple[int, int]]
) -> Iterator[tuple[int, int]]:
    folded = fold(text)
    end_of_header = header_end(text)
    alone: bool | None = None  # inside the section: whether its heading stood alone
    left = opening = 0
    for start, end in lines:
        line = folded[start:end].strip()
        if start >= end_of_header and REFERENCES_HEADING.match(line):
            alone, left = bool(re.fullmatch(rf"(?:{_REFERENCES}){_H}*:?", line)), REFERENCES_LINES
            continue
        if start >= end_of_header and alone is None and (match := REFERENCES_OPENING.match(line)):
            # Marked, the referees make a list that runs on as a section's lines do.
            opening = REFERENCES_LINES if match.group("mark") else REFERENCES_OPENING_LINES
        if opening:
            written = text[start:end].strip()
            if not written or "•" in written or (written.isupper() and len(written) > 3):
                opening = 0
                continue
            opening -= 1
            if not _holds(own, start, end):
                yield start, end
            continue
        if alone is None:
            continue
        # The next heading where this one stood (alone on its line, or last on it) ends it.
        ends = (
            SECTION_HEADING.match(line) and len(line.split()) <= 4
            if alone
            else _NEXT_HEADING.match(line)
        )
        left -= 1
        if ends or left < 0:
            alone = None
        elif not _holds(own, start, end):
            yield start, end
