"""The header of a CV, as text extraction gives it: where it ends (the first section
heading), its lines cut into columns, and text folded for matching (lower case, no
accents, positions kept), the contacts that stand alone in it, and its contact block
(``contact_block``: the lines that hold nothing but the candidate's identity, withheld
whole). Shared by the parts of blind-review redaction (``redaction.py``,
``redaction_places.py``)."""

import re
import unicodedata
from collections.abc import Iterator
from typing import NamedTuple

from tremplin.review.redaction_countries import NATIONALITY

HSPACE = r"[^\S\n]"  # horizontal space
_H = HSPACE

# Top-level domains that links and e-mail addresses in CVs end with.
TLDS = (
    "com|org|net|fr|eu|io|dev|me|info|be|ch|ca|uk|co|de|es|it|nl|app|page|site|xyz|tech|"
    "ai|social|blog|online|cc|tv|us|gg|so|re|art|design|work|pro|name|bio|"
    # the other European country codes, and those of French-speaking countries
    "at|pt|lu|ie|dk|se|no|fi|is|pl|cz|sk|hu|ro|bg|gr|cy|mt|si|hr|rs|ba|me|al|mk|ee|lv|lt|"
    "ua|md|ma|dz|tn|sn|ci|cm|ml|bf|ne|tg|bj|ga|cg|cd|mg|mu|ht|lb|qc|ovh|bzh|paris|brussels|"
    "asso|coop|ngo|ong|email|link|me|studio|agency|consulting|media|photo|photography|"
    # regions' and cities' own: "meow.cat", "izena.eus"
    "cat|eus|gal|scot|cymru|berlin|london|nyc|quebec"
)
# The columns of a CV's header that are contacts on their own, their icon lost in text
# extraction: "0541 999 99 99", "jdupont.fr", "jdupont" (next to other contacts).
HEADER_PHONE = re.compile(r"\+?\(?\d[\d\s().\-/]{6,22}\d")
# Spans of years ("1593-1609") and dates ("12/03/2021", "2014-03-01").
NOT_A_PHONE = re.compile(
    r"[12]\d{3}\s*[-–/]\s*[12]\d{3}|\d{1,2}[./-]\d{1,2}[./-]\d{2,4}|[12]\d{3}[./-]\d\d?[./-]\d\d?"
    # a span of months: "2022.06 - 2022.12", "03/2019 - 05/2022"
    r"|(?:[12]\d{3}[./-]\d\d?|\d\d?[./-][12]\d{3})\s*[-–]\s*(?:[12]\d{3}[./-]\d\d?|\d\d?[./-][12]\d{3})"
)
HEADER_SITE = re.compile(rf"(?:https?://)?(?:[\w-]++\.)++(?:{TLDS})(?:/\S*)?", re.IGNORECASE)
# A letter at least: "555-123-4567" is a phone.
HEADER_HANDLE = re.compile(r"@?(?=[a-z0-9._-]*[a-z])[a-z0-9][a-z0-9._-]{3,38}")
_LONE_HANDLE = re.compile(
    rf"{HEADER_HANDLE.pattern}|@?(?=[\w.-]*[a-z])(?=[\w.-]*[\d_])[A-Za-z0-9][\w.-]{{3,38}}"
)
# A line of pronouns: "they/them", "she/her", "il/lui", "sie/ihr".
PRONOUNS = re.compile(
    r"\(?(?i:they|she|he|ze|xe|elle|il|iel|sie|er)\s*/\s*(?i:them|her|him|hir|xem|lui|ihr|ihm|iel|elle)"
    r"(?:\s*/\s*\w+)?\)?"
)
# A contact written in a line of its own: an e-mail address, a link, a number.
HEADER_CONTACT = re.compile(rf"@|https?://|www\.|\.(?:{TLDS})\b", re.IGNORECASE)
# In the header, a handle in lower case after the network's name, as link text with its
# icon lost: "Dribbble jdart", "GitHub jdoe-dev" (a word any case after a colon is
# ``redaction.py``'s).
NAMED_HANDLE = re.compile(
    r"(?<![\w.@/-])(?i:github|gitlab|linkedin|twitter|instagram|dribbble|behance|xing|"
    r"mastodon|bluesky|medium|kaggle|skype|telegram|discord|codepen|stackoverflow|youtube|"
    r"tiktok|threads|bitbucket|codeberg|leetcode|hackerrank)[^\S\n]+"
    r"(?P<handle>[a-z0-9][a-z0-9._-]{2,38})(?![\w@.-])"
)
# In the header, a profile's path whose site was an icon: "/in/jdoe" (LinkedIn's), "/jdoe".
PATH_HANDLE = re.compile(r"(?<!\S)/(?:in/)?(?=[\w.-]*[a-z])[A-Za-z0-9][\w.-]{2,38}(?![\w/])")
NOT_HANDLES = frozenset(
    {"and", "und", "et", "or", "ou", "the", "profile", "page", "account", "projects", "repos"}
)
# The marks a line of fields is joined with: "Tel 0470 12 34 56 | jo@example.be · Brussels".
JOINED = "|·•∙"
# A list item's mark: "• Led development of …" is a column's list, not a field's value.
LIST_ITEM = re.compile(rf"[•∙▪◦‣*–-]{_H}")
HEADER_NUMBER = re.compile(r"\+?\d[\d\s().\-/]{6,}\d")

# Section headings that end the header of a CV, in the languages candidates write in.
SECTION_HEADING = re.compile(
    r"(?:experiences?|exp[ée]riences?(?: professionnelles?)?|work(?:ing)?(?: experience| history)?|"
    r"employment|professional experience|education|formations?|[ée]tudes|skills|"
    r"comp[ée]tences|profile|profil|summary|about(?: me)?|[àa] propos|objectifs?|objectives?|"
    r"languages|langues|interests|loisirs|centres d'int[ée]r[êe]t|projects|projets|"
    r"publications|references|r[ée]f[ée]rences|berufserfahrung|berufliche t[äa]tigkeiten|"
    r"beruflicher werdegang|ausbildung|schulbildung|hochschulstudium|studium|kenntnisse|"
    r"sprachen|arbeitserfahrungen?|erfahrungen?|erziehung|bildungsweg|"
    r"esperienz[ae](?: lavorativ[ae]| professional[ei]| di lavoro)?|istruzione|formazione|"
    r"competenze|profilo|lingue|experiencia(?: profesional| laboral)?|educaci[óo]n|"
    r"formaci[óo]n|titulaciones|t[íi]tulos|idiomas|habilidades|aficiones|ervaring|"
    r"werkervaring|opleiding|vaardigheden|talen|bienvenue|zu meiner person|[üu]ber mich|"
    r"sobre m[íi]|chi sono|over mij|berufslaufbahn|werdegang|weiterbildung|qualifikationen|"
    r"praktika|certifications?|certificates|awards|achievements|volunteering|"
    # an academic's "Current Employment", "Current Appointments"
    r"current (?:employment|positions?|appointments?)|"
    # Danish, Swedish, Norwegian
    r"erhvervserfaring|arbejdserfaring|uddannelse|kompetencer|arbetslivserfarenhet|"
    r"arbetserfarenhet|utbildning|kompetenser|arbeidserfaring|utdanning|ferdigheter|spr[åa]k|"
    # Europass: the job applied for ends the personal information.
    r"job applied for|desired employment|position applied for|occupazione desiderata|"
    r"posizione ricoperta|emploi recherch[ée]|poste vis[ée]|empleo deseado|"
    r"gew[üu]nschte besch[äa]ftigung)\b",
    re.I,
)
HEADER_LINES = 30
# Runs of contact lines at most this many other lines apart are one block: in a two-column
# layout read as a Word table, the sidebar's contacts sit beside the main column's lines.
BLOCK_GAP_LINES = 3
# A letter's salutation and its closing, on folded text: no part of a contact block.
SALUTATION = re.compile(
    # "Mon très cher Monsieur Martin,", "My dear Ms. Roe,"
    r"(?:(?:mon|ma|mes|my)\s+(?:tres\s+|bien\s+|very\s+)?)?"
    r"(?:dear|to whom it may concern|madame|monsieur|mesdames|messieurs|cher|chere|"
    r"sehr geehrter?|liebe|lieber|hallo|guten tag|estimad[oa]s?|muy senor(?:es)?|apreciad[oa]s?|"
    # Swiss, Austrian and northern German "Hoi Peter,", "Grüezi", "Servus", "Moin"
    r"gentile|gentili|egregi[oa]|spettabile|alla cortese|geachte|beste|hello|hi"
    r"|hoi|gruezi|servus|moin)\b",
)
CLOSING = re.compile(
    r"(?:yours\s+(?:faithfully|sincerely|truly)|sincerely|(?:best|kind|warm)\s+regards|regards"
    r"|cordialement|bien\s+a\s+vous|mit\s+freundlichen\s+grussen|cordiali\s+saluti"
    r"|atentamente|met\s+vriendelijke\s+groet(?:en)?)\b"
)
# A bar or a dot opening or closing a line separates too ("| tuportafolio.com", where the
# header's line of contacts wrapped).
_CELL_SEPARATOR = re.compile(rf"{_H}{{3,}}|\t+|(?:^|{_H})[|·•](?:{_H}|$)")


class Cell(NamedTuple):
    """A column of a line: where it starts and ends in the text, and what it says."""

    start: int
    end: int
    text: str


def cells(line: str, *, offset: int = 0) -> Iterator[Cell]:
    """The columns of a line (separated by wide gaps, tabs, bars or middle dots)."""
    start = 0
    for separator in [*_CELL_SEPARATOR.finditer(line), None]:
        end = separator.start() if separator else len(line)
        raw = line[start:end]
        left = len(raw) - len(raw.lstrip())
        value = raw.strip()
        if value:
            yield Cell(offset + start + left, offset + start + left + len(value), value)
        if separator:
            start = separator.end()


def header_cells(text: str) -> Iterator[tuple[int, list[Cell]]]:
    """The columns of each line of the header, with the line's number."""
    position = 0
    end_of_header = header_end(text)
    for number, line in enumerate(text.split("\n")):
        if position >= end_of_header:
            return
        yield number, list(cells(line, offset=position))
        position += len(line) + 1


def header_end(text: str) -> int:
    """Where the header of a CV ends: at its first section heading, after at most
    ``HEADER_LINES`` lines."""
    position = 0
    for number, line in enumerate(text.split("\n")):
        if number >= HEADER_LINES or (number and SECTION_HEADING.match(line.strip())):
            return position
        position += len(line) + 1
    return len(text)


class _FoldTable(dict[int, str]):
    """What ``fold`` turns each character into, worked out the first time it is seen."""

    def __missing__(self, code: int) -> str:
        char = chr(code)
        if char in "\u2019\u2018\u02bc`":  # curly and modifier apostrophes, the backtick
            folded = "'"
        elif char in "\u03c2\u03a3":  # Greek sigma, final or capital, is the middle one:
            folded = "\u03c3"  # "ΠΛΗΡΟΦΟΡΙΕΣ" and "πληροφοριες" fold alike
        elif char == "\u060c":  # the Arabic comma: "تهران، ایران"
            folded = ","
        else:
            base = unicodedata.normalize("NFD", char)[0]
            lowered = base.lower()
            folded = lowered if len(lowered) == 1 else base
        if len(self) < 10_000:  # a text of every character in Unicode stays cheap to hold
            self[code] = folded
        return folded


_FOLD_TABLE = _FoldTable()


def fold(text: str) -> str:
    """Lower case without accents, one character for one, so positions stay the same."""
    return text.translate(_FOLD_TABLE)


def header_contacts(text: str) -> Iterator[tuple[int, int, str]]:
    """Phones, sites and handles standing alone in the header, their icons lost, as
    (start, end, "phone" or "link"): as columns of a line of contacts, or as lines of their
    own among the contact lines."""
    lines = list(header_cells(text))
    contact_lines: set[int] = set()
    for number, line in lines:
        contacts = 0
        for cell in line:
            if _header_phone(cell.text):
                contacts += 1
                yield cell.start, cell.end, "phone"
            elif HEADER_SITE.fullmatch(cell.text):
                contacts += 1
                yield cell.start, cell.end, "link"
            elif HEADER_CONTACT.search(cell.text) or any(
                not NOT_A_PHONE.fullmatch(number.group().strip())
                for number in HEADER_NUMBER.finditer(cell.text)
            ):
                contacts += 1
        if contacts:
            contact_lines.add(number)
        if contacts and len(line) >= 3:
            for cell in line:
                if HEADER_HANDLE.fullmatch(cell.text):
                    yield cell.start, cell.end, "link"
        for cell in line:
            yield from _joined_contacts(cell)
            for path in PATH_HANDLE.finditer(cell.text):
                yield cell.start + path.start(), cell.start + path.end(), "link"
            for handle in NAMED_HANDLE.finditer(cell.text):
                if handle.group("handle") not in NOT_HANDLES:
                    yield (
                        cell.start + handle.start("handle"),
                        cell.start + handle.end("handle"),
                        "link",
                    )
    # A handle alone on its line, next to contact lines or to other such handles that are
    # (a run of lone words with no contact beside it is something else: a list, commands).
    # A user name may mix cases when it has a digit or an underscore ("meow_user_Af1544");
    # a line of pronouns ("they/them") between such lines keeps them together.
    alone = {
        number for number, line in lines if len(line) == 1 and _LONE_HANDLE.fullmatch(line[0].text)
    }
    pronouns = {n for n, line in lines if len(line) == 1 and PRONOUNS.fullmatch(line[0].text)}
    handles: set[int] = set()
    reached = contact_lines
    while reached:
        reached = {n for n in (alone | pronouns) - handles if {n - 1, n + 1} & (reached | handles)}
        handles |= reached
    for number, line in lines:
        if number in handles - pronouns:
            yield line[0].start, line[0].end, "link"


_EMAIL_WORD = re.compile(r"[^@\s]+@[^@\s]+\.\w+")


def _joined_contacts(cell: Cell) -> Iterator[tuple[int, int, str]]:
    """Sites and handles of a line of contacts whose columns PDF text joined with single
    spaces ("San Francisco, CA jdoe@example.com jdoe.dev jdoe jdoe"): from its first e-mail
    address or site on, when every word is a contact (an e-mail address, a site, a
    handle-shaped word) and two of them at least are e-mail addresses or sites, so that a
    sentence that holds one address ("write to jdoe@example.com with questions") is left
    alone."""
    words = [(m.start(), m.end(), m.group()) for m in re.finditer(r"\S+", cell.text)]
    # A site written in lower case beside an e-mail address is a link, whatever follows it
    # ("jdoe@example.com jdoe.me Test Street 1"): PDF text ran an address into the line.
    # A number beside it is a phone ("123-45678 jdoe@example.com"), its icon lost; not one
    # another field's label names ("BLZ: 000.000.00").
    if any(_EMAIL_WORD.fullmatch(word) for _, _, word in words):
        for index, (start, _end, word) in enumerate(words):
            site = word.rstrip(",;")
            if site == site.lower() and HEADER_SITE.fullmatch(site):
                yield cell.start + start, cell.start + start + len(site), "link"
            elif _header_phone(site) and not (index and words[index - 1][2].endswith(":")):
                yield cell.start + start, cell.start + start + len(site), "phone"
    strong = [bool(_EMAIL_WORD.fullmatch(w) or HEADER_SITE.fullmatch(w)) for _, _, w in words]
    first = next((i for i, is_strong in enumerate(strong) if is_strong), None)
    if first is None or len(words) - first < 3 or sum(strong) < 2:
        return
    tail = words[first:]
    if not all(
        is_strong or (HEADER_HANDLE.fullmatch(w) and w[-1].isalnum())
        for (_, _, w), is_strong in zip(tail, strong[first:], strict=True)
    ):
        return
    for start, end, word in tail:
        if not _EMAIL_WORD.fullmatch(word):
            yield cell.start + start, cell.start + end, "link"


def _header_phone(cell: str) -> bool:
    if re.fullmatch(r"\d{3}-\d{4}", cell):
        return True  # a North American number without its area code: "555-0143"
    return (
        HEADER_PHONE.fullmatch(cell) is not None
        and NOT_A_PHONE.fullmatch(cell) is None
        and sum(char.isdigit() for char in cell) >= 8
    )


# --- The contact block, withheld whole ------------------------------------------------------

# Lines of the header with no contact on them that may still be part of the contact block
# when contact lines stand on both sides: short ("Apt 4B", "Lyon", "Bâtiment C"), and not a
# job title or a headline.
SHORT_LINE_WORDS = 4
SHORT_LINES_BETWEEN = 3
TITLE_WORD = re.compile(
    r"(?<!\w)(?:engineer|developer|developpeur|developpeuse|designer|manager|director|"
    r"directeur|directrice|consultant|consultante|analyst|analyste|scientist|student|"
    r"etudiant|etudiante|ingenieur|ingenieure|chef|head|lead|officer|assistant|assistante|"
    r"architect|architecte|specialist|specialiste|expert|experte|technician|technicien|"
    r"researcher|chercheur|chercheuse|teacher|professeur|doctor|nurse|infirmier|"
    r"infirmiere|accountant|comptable|coordinator|coordinateur|coordinatrice|"
    r"administrator|administrateur|responsable|charge|chargee|stagiaire|intern|"
    r"ingeniero|ingegnere|entwickler|entwicklerin|sviluppatore|desarrollador|"
    r"desarrolladora|programmer|programmeur|programmeuse|writer|editor|redacteur|"
    r"redactrice|lawyer|avocat|avocate|juriste|founder|fondateur|fondatrice|ceo|cto|"
    r"freelance|independant|independante|photographer|photographe|sales|marketing|"
    r"owner|curriculum|vitae|resume|cv|lebenslauf|profil|profile|title|role|"
    r"arzt|arztin|tierarzt|berater|beraterin|leiter|leiterin|kaufmann|kauffrau|"
    r"informatiker|abogado|abogada|medico|medica|enfermero|enfermera|profesor|profesora|"
    r"disenador|disenadora|cocinero|cocinera|avvocato|avvocata|infermiere|infermiera|"
    r"architetto|insegnante|impiegato|impiegata|progettista|ontwikkelaar|adviseur|docent|"
    r"verpleegkundige|medewerker|jurist|cuoco|cuoca|solicitor|barrister|attorney|paralegal|"
    r"notary|notaire|pharmacist|pharmacien|pharmacienne|physician|surgeon|therapist|"
    # German feminine job titles ("Veterinärmedizinerin", "Juristin", "Biologin"), Romance
    # ones in -ista and -ologo ("analista", "psicologa"), English ones in -ologist and -ician
    r"\w+(?:erin|istin|ologin|ista|ologo|ologa|ologue|ologist|ician)"
    # German compounds ("Softwareentwickler", "Webentwicklung", "Bauingenieurin")
    r"|\w+(?:entwickler|entwicklung|ingenieur|berater|leiter|techniker|wissenschaftler)(?:in)?)"
    r"(?!\w)"
)
ADDRESS_LINE_WORDS, ADDRESS_LINE_LENGTH = 9, 120
# A line with this many words of prose (lower case, four letters or more) is a paragraph.
PROSE_LINE_WORDS = 6
_ADDRESS_SHAPE = re.compile(r"(?<![\d.])\d{1,5}[a-z]?\b.*[,•·]|[,•·].*(?<![\d.])\d{1,5}\b")
_PROSE_WORD = re.compile(r"(?<![\w'’-])[a-zà-ÿ]{4,}(?![\w'’-])")
_ADDRESS_NOT = re.compile(
    r"[!?;:]|\b(?:19|20)\d\d\b|%|\d\+?[^\S\n]*(?:years?|yrs|ans|jahre|anos|anni|jaar)\b"
)
# A lone line that is a sentence, a date or a span of years is never part of the block.
_SENTENCE = re.compile(r"[.!?;:]\s|\b(?:19|20)\d\d\b")


class Withheld(NamedTuple):
    """A run of contact lines: where it starts and ends in the text, and whether it is the
    first of the block (it shows the placeholder; the others go without a trace)."""

    start: int
    end: int
    first: bool


def contact_block(
    text: str, found: list[tuple[int, int]], *, label: re.Pattern[str]
) -> list[Withheld]:
    """The contact lines of a CV's header, to be withheld whole rather than word by word.

    A line of the header is a contact line when every word on it is identity that ``found``
    covers (a name, an e-mail address, a phone, a link, an address), or a contact label
    (``label``, matched on folded text: "Tel", "E-mail", "Address"...): "Jean Dupont",
    "Tél. : 06 12 34 56 78 · jean@example.org". A short line between two contact lines goes
    with them ("Bâtiment C" between a name and a street), unless it reads as a job title,
    a sentence or a date. A line holding anything else ("Data engineer · jean@example.org",
    "Curriculum Vitae") stays, its contacts redacted word by word; so does everything
    after the header, and a text with no contact line at its top loses nothing.

    Contact lines in a row (blank lines between them allowed) make one run; runs at most
    ``BLOCK_GAP_LINES`` other lines apart make one block, whose first run shows the
    placeholder and whose later runs go without a trace (the job title between them stays).
    The block ends where a line of prose begins (a letter's body): a signature and a footer
    below are redacted word by word."""
    end_of_header = header_end(text)
    covered = bytearray(end_of_header)
    for start, end in found:
        covered[max(start, 0) : min(end, end_of_header)] = b"\x01" * (
            max(min(end, end_of_header) - max(start, 0), 0)
        )
    folded = fold(text[:end_of_header])
    for match in label.finditer(folded):
        covered[match.start() : match.end()] = b"\x01" * (match.end() - match.start())
    lines: list[tuple[int, int, str]] = []  # start, end, "contact", "blank" or "other"
    position = 0
    prose = False  # a letter's body has begun: what follows is no header ("Otto Raffzahn")
    for line in text[:end_of_header].split("\n"):
        start, end = position, position + len(line)
        words = [word.span() for word in re.finditer(r"\w+", line)]
        prose = prose or len(_PROSE_WORD.findall(line)) >= PROSE_LINE_WORDS
        if not words:
            state = "blank"
        elif not prose and all(all(covered[start + a : start + b]) for a, b in words):
            state = "contact"
        else:
            state = "other"
        lines.append((start, end, state))
        position = end + 1
    _absorb_short_lines(lines, text, folded)
    return _runs(lines)


def _absorb_short_lines(lines: list[tuple[int, int, str]], text: str, folded: str) -> None:
    """Short lines between two contact lines are contact lines too, up to
    ``SHORT_LINES_BETWEEN`` of them in a row (a street, a town and a building between a
    name and a phone: a letter's sender block); so is the header's last line under
    contact lines when it is capitalised words alone (a town)."""

    def absorbable(index: int) -> bool:
        start, end, state = lines[index]
        line = folded[start:end].strip()
        # A longer line that reads as an address: a number and parts set apart, no
        # lower-case word of four letters ("Strada Mimozei, Nr. 13 • Sector 2, București").
        address = (
            len(line) <= ADDRESS_LINE_LENGTH
            and len(line.split()) <= ADDRESS_LINE_WORDS
            and _ADDRESS_SHAPE.search(line) is not None
            and _PROSE_WORD.search(text[start:end]) is None
            and not _ADDRESS_NOT.search(line)
        )
        return not (
            state != "other"
            or (len(line.split()) > SHORT_LINE_WORDS and not address)
            or TITLE_WORD.search(line)
            or (_SENTENCE.search(line + " ") and not address)
            or SECTION_HEADING.match(line)
            or SALUTATION.match(line)  # "Dear Sir or Madam," under the addressee
            or CLOSING.match(line)
        )

    for index, (start, end, _state) in enumerate(lines):
        if not absorbable(index):
            continue
        before = next((s for _, _, s in reversed(lines[:index]) if s != "blank"), None)
        if before != "contact":
            continue
        # The short lines that follow this one, then the first other line after them.
        run = [index]
        after: str | None = None
        for following in range(index + 1, len(lines)):
            if lines[following][2] == "blank":
                continue
            if len(run) < SHORT_LINES_BETWEEN and absorbable(following):
                run.append(following)
                continue
            after = lines[following][2]
            break
        # Last of the header, under contact lines: a town ("Lyon", "Hill Valley"), one or
        # two capitalised words.
        words = re.findall(r"\w+", text[start:end])
        last_place = (
            len(run) == 1
            and after is None
            and len(words) <= 2
            and all(w[:1].isupper() for w in words)
            and not NATIONALITY.search(folded, start, end)  # "Nationalitet Dansk"
        )
        if after == "contact" or last_place:
            for member in run if after == "contact" else [index]:
                lines[member] = (lines[member][0], lines[member][1], "contact")


def _runs(lines: list[tuple[int, int, str]]) -> list[Withheld]:
    runs: list[Withheld] = []
    others_since = 0
    run_start: int | None = None
    run_end = 0
    for start, end, state in [*lines, (0, 0, "other")]:
        if state == "contact":
            if run_start is None:
                run_start = start
            run_end = end
        elif state == "other" and run_start is not None:
            first = not runs or others_since > BLOCK_GAP_LINES
            runs.append(Withheld(run_start, run_end, first))
            run_start = None
            others_since = 1
        elif state == "other":
            others_since += 1
    return runs


# A letterhead printed again further down (a CV and its cover letter in one file): a line
# as long as this or longer, the same as a line of the header, is the same details.
MIN_REPEATED_LINE = 6


def header_repeated(text: str, found: list[tuple[int, int]]) -> Iterator[tuple[int, int, int]]:
    """For each span of ``found`` within a header line that stands again, word for word, on
    a line below the header: (index in ``found``, start, end) of its copy there."""
    end_of_header = header_end(text)
    starts, position = [], 0
    for line in text.split("\n"):
        starts.append((position, line))
        position += len(line) + 1
    header_lines = {
        line.strip(): start for start, line in starts if start < end_of_header and line.strip()
    }
    for start, line in starts:
        key = line.strip()
        if start < end_of_header or len(key) < MIN_REPEATED_LINE or key not in header_lines:
            continue
        first = header_lines[key] + len(line) - len(line.lstrip())
        shift = start + len(line) - len(line.lstrip()) - first
        for index, (a, b) in enumerate(found):
            if first <= a and b <= first + len(key):
                yield index, a + shift, b + shift
