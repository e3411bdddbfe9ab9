"""The candidate's name as CVs write it, for blind-review redaction (``redaction.py``):
its parts and their variants, the particles that go with them, and user names glued
together from them.

- Parts are folded (lower case, no accents); a hyphenated part counts whole and split
  ("jean-baptiste", "jean", "baptiste").
- A part is also written without its apostrophe ("O'Brien": "obrien", as user names and
  e-mail addresses spell it), and with German umlauts spelt out ("Müller": "mueller",
  "Groß": "gross"), as on a keyboard without them.
- The particles of the name ("de La Fontaine", "van der Berg") go with the part they stand
  before, in any case, wherever that part is found: "J. de La Fontaine", "Ms Van der Berg".
- A template's stand-in name ("Your Name") goes whole, not word by word.
- A middle name between the first and the last part goes too ("Jane Marie Doe").
- A user name glued from the name's parts and initials ("jdupont92") may hold the name's
  particles too ("jeandelafontaine", "noraelamrani").
- A part alone in spaced capitals goes ("D O E"), as headers set it.
- The initials after the surname in a citation ("DOE, J.") go with it.
- Words a recruiter listed as telling who the candidate is go whole, in any case.
"""

import re
from collections.abc import Iterator, Sequence

from tremplin.review.redaction_header import fold

SPACE = r"[^\S\n]"  # a space within a line
# Parts of a name too common as words to be redacted on their own.
PARTICLES = frozenset(
    {
        *("d", "da", "dal", "de", "del", "della", "den", "der", "des", "di", "do", "dos"),
        *("du", "el", "im", "l", "la", "le", "les", "lo", "los", "ten", "ter", "van"),
        *("von", "y", "zu"),
    }
)
# Words of a template's stand-in name ("Your Name", "Mein Name") that are not redacted
# alone: "Your Position", "Name:" stay; the whole name, and user names glued from it, go.
STAND_IN_PARTS = frozenset(
    {"your", "votre", "dein", "deine", "name", "nom", "nombre", "nome", "naam", "surname"}
)
_UMLAUTS = str.maketrans(
    {"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue", "ß": "ss"}
)
_APOSTROPHES = re.compile(r"['’‘`]")


def name_parts(names: Sequence[str]) -> list[str]:
    """Folded parts of the candidate's names and their variants, longest first."""
    parts: set[str] = set()
    for name in names:
        for spelling in {name, name.translate(_UMLAUTS)}:
            for word in fold(spelling).split():
                word = word.strip(".,;:()\"'")
                candidates = {word, *word.split("-"), _APOSTROPHES.sub("", word)}
                for candidate in candidates:
                    if len(candidate) >= 2 and candidate not in PARTICLES:
                        parts.add(candidate)
    return sorted(parts, key=len, reverse=True)


def name_particles(names: Sequence[str]) -> frozenset[str]:
    """The particles that the candidate's names hold ("de", "la" of "Jean de La Fontaine")."""
    return frozenset(
        word for name in names for word in fold(name).split() if word.strip(".") in PARTICLES
    )


def particles_before(text: str, names: Sequence[str]) -> Iterator[tuple[int, int]]:
    """The particles of the name written before its next part, as the name has them:
    "de La" of "J. de La Fontaine", "Van der" of "Ms Van der Berg" (the part itself is found
    as a name; a particle alone stays)."""
    folded = fold(text)
    for name in names:
        words = [word.strip(".,;:()\"'") for word in fold(name).split()]
        for index, word in enumerate(words):
            if word in PARTICLES or not index or words[index - 1] not in PARTICLES:
                continue
            run = index
            while run and words[run - 1] in PARTICLES:
                run -= 1
            # The particles nearest the part, one or more: "la fontaine", "de la fontaine".
            particles = words[run:index]
            suffixes = "|".join(
                r"[^\S\n]+".join(map(re.escape, particles[start:]))
                for start in range(len(particles))
            )
            pattern = rf"(?<![\w'’])(?P<particles>{suffixes})[^\S\n]+(?={re.escape(word)}(?!\w))"
            for match in re.finditer(pattern, folded):
                if text[match.end()].isupper():  # the part itself is written as a name
                    yield match.start(), match.end("particles")


def _first_and_last(names: Sequence[str]) -> Iterator[tuple[str, str]]:
    """The first and last words of each name of two words or more, escaped for a pattern."""
    for name in names:
        words = [word for word in fold(name).split() if word not in PARTICLES]
        if len(words) >= 2:
            yield re.escape(words[0]), re.escape(words[-1])


def middle_names(text: str, names: Sequence[str]) -> Iterator[tuple[int, int]]:
    """Names written between the first and the last part of the name given, one or two,
    capitalised: "Marie" of "Jane Marie Doe" when the form said "Jane Doe"."""
    folded = fold(text)
    for first, last in _first_and_last(names):
        pattern = (
            rf"(?<![\w'’]){first}(?P<middle>(?:[^\S\n]+[a-z][\w'’-]*){{1,2}}?)[^\S\n]+{last}(?!\w)"
        )
        for match in re.finditer(pattern, folded):
            written = text[match.start("middle") : match.end("middle")].split()
            if all(word[:1].isupper() and word.lower() not in PARTICLES for word in written):
                yield match.start("middle"), match.end("middle")


# Before the name, a title that tells the candidate's gender or degree: "Dr. Emmit Brown",
# "Mme Jeanne Dupont", "Herr Max Muster".
# Titles in a row, and a doctorate's field after "Dr." ("Prof. Dr. Maike Musterfrau",
# "Dr. med. Julia Sander", "Dr. rer. nat. Max Muster").
_HONORIFIC = (
    r"(?:dr|prof|mr|mrs|ms|mx|miss|mme|mlle|m|herr|frau|sr|sra|srta|dott|dott\.ssa|ing|sig|"
    r"sig\.ra|dhr|mevr)\.?(?:[^\S\n]+(?:dr|prof|med|rer\.?[^\S\n]*nat|phil|jur|habil)\.?)*"
)


def nicknames_and_titles(text: str, names: Sequence[str]) -> Iterator[tuple[int, int]]:
    """A nickname written in quotes inside the name ("Emmit "Doc" Brown"), wherever the text
    writes it capitalised ("Doc Brown's Garage"), and a title just before the name."""
    folded = fold(text)
    for first, last in _first_and_last(names):
        for match in re.finditer(rf"(?<![\w'’]){_HONORIFIC}(?=[^\S\n]+{first}(?!\w))", folded):
            yield match.start(), match.end()
        quoted = (
            rf"(?<![\w'’]){first}[^\S\n]+[\"“”'‘’(](?P<nick>[a-z][\w'’-]{{1,20}})[\"“”'‘’)]"
            rf"[^\S\n]+{last}(?!\w)"
        )
        for nick in {match.group("nick") for match in re.finditer(quoted, folded)}:
            for match in re.finditer(rf"(?<![\w'’]){re.escape(nick)}(?!\w)", folded):
                if text[match.start()].isupper():
                    yield match.start(), match.end()


# "Schreinerei Brandl", "Boulangerie Dupont", "Atelier Keller": a trade's business that
# bears the candidate's surname.
_TRADE = (
    r"(?:[a-z]+(?:erei|erie|werkstatt|betrieb)|atelier|studio|praxis|kanzlei|buro|cabinet"
    r"|salon)"
)


def trade_named(text: str, names: Sequence[str]) -> Iterator[tuple[int, int]]:
    """A capitalised trade's business word just before the surname."""
    folded = fold(text)
    for _, last in _first_and_last(names):
        for match in re.finditer(rf"(?<![\w'’]){_TRADE}(?=[^\S\n]+{last}(?!\w))", folded):
            if text[match.start()].isupper():
                yield match.start(), match.end()


def name_variants(
    text: str, names: Sequence[str], *, parts: Sequence[str]
) -> Iterator[tuple[int, int]]:
    """The ways a text writes the name beyond the form's words: particles before a part,
    middle names, a nickname and a title, a business named after the person, a part in
    spaced capitals."""
    yield from particles_before(text, names)
    yield from middle_names(text, names)
    yield from nicknames_and_titles(text, names)
    yield from trade_named(text, names)
    yield from spaced(text, parts)
    yield from cited_initials(text, names)


def cited_initials(text: str, names: Sequence[str]) -> Iterator[tuple[int, int]]:
    """The initials after the surname in a citation's form of the name ("DOE, J.;
    DOE, JANE", a list of publications' "Doe, J. M. (2020)"); not "J. Doe, M. Smith",
    where the letter is the next author's."""
    folded = fold(text)
    for name in names:
        words = fold(name).split()
        if len(words) < 2 or len(words[-1]) < 3:
            continue
        initials = rf"(?P<initials>[a-z]\.?(?:{SPACE}?[a-z]\.)*)"
        for match in re.finditer(
            rf"(?<!\w){re.escape(words[-1])},{SPACE}?{initials}(?!\w)(?!\.?{SPACE}*\w\w)", folded
        ):
            if text[match.start("initials")].isupper():
                yield match.start("initials"), match.end("initials")


def glued_name(
    piece: str,
    *,
    parts: frozenset[str],
    initials: frozenset[str],
    fillers: frozenset[str] = frozenset(),
) -> bool:
    """Whether ``piece`` is made of parts of the name, their initials and the name's
    particles (``fillers``), at least one whole part among them, digits around allowed; or
    holds two parts run together, whatever is glued to them ("jonsnowEGOT")."""
    core = piece.strip("0123456789")
    if not core or len(core) > 40:
        return False
    if any(first + second in core for first in parts for second in parts if first != second):
        return True
    # reachable[i]: core[:i] can be cut into parts, initials and particles; the value says
    # whether a whole part was among them.
    reachable: dict[int, bool] = {0: False}
    for index in range(len(core)):
        if index not in reachable:
            continue
        had_part = reachable[index]
        if core[index] in initials:
            reachable[index + 1] = reachable.get(index + 1, False) or had_part
        for filler in fillers:
            if core.startswith(filler, index):
                end = index + len(filler)
                reachable[end] = reachable.get(end, False) or had_part
        for part in parts:
            if core.startswith(part, index):
                reachable[index + len(part)] = True
    return reachable.get(len(core), False)


def spaced(text: str, parts: Sequence[str]) -> Iterator[tuple[int, int]]:
    """A part of the name alone in spaced capitals ("J E A N   M A R T I N" for Jean-Luc
    Martin); not the first letters of a longer spaced word ("L I N K S" for Lin)."""
    folded = fold(text)
    for part in parts:
        if len(part) < 3:
            continue
        letters = SPACE.join(map(re.escape, part))
        pattern = rf"(?<!\w)(?<!\b\w{SPACE}){letters}(?!{SPACE}?\w\b)"
        for match in re.finditer(pattern, folded):
            if text[match.start() : match.end()].isupper():
                yield match.start(), match.end()


def listed_words(text: str, words: Sequence[str]) -> Iterator[tuple[int, int]]:
    """Words a recruiter listed ("Lycée Fénelon"), whole, in any case, accents optional,
    whatever spaces or line breaks part them."""
    folded = fold(text)
    for word in words:
        pattern = r"\s+".join(map(re.escape, fold(word).split()))
        for match in re.finditer(rf"(?<!\w){pattern}(?!\w)", folded):
            yield match.start(), match.end()
