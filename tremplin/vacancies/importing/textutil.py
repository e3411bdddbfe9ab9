"""Small text helpers shared by the field extractors."""

import re
import unicodedata

NUMBER_WORDS = {
    # English
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15,
    "eighteen": 18, "twenty": 20, "twenty-four": 24, "thirty-six": 36,
    # French
    "un": 1, "une": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "sept": 7,
    "huit": 8, "neuf": 9, "dix": 10, "onze": 11, "douze": 12, "quinze": 15,
    "dix-huit": 18, "vingt": 20, "vingt-quatre": 24, "trente-six": 36,
    # German, Dutch, Italian ("zunächst auf zwei Jahre befristet", "twee jaar", "dodici mesi")
    "ein": 1, "eine": 1, "einen": 1, "zwei": 2, "drei": 3, "vier": 4, "fünf": 5, "sechs": 6,
    "sieben": 7, "acht": 8, "neun": 9, "zehn": 10, "zwölf": 12,
    "één": 1, "een": 1, "twee": 2, "drie": 3, "zes": 6,
    "twaalf": 12, "dodici": 12, "diciotto": 18, "ventiquattro": 24,
}  # fmt: skip
# "six" is the same word in both languages.

NUMBER = r"(?:\d{1,3}|" + "|".join(sorted(NUMBER_WORDS, key=len, reverse=True)) + r")"

# "… each of the following competencies", with no colon, leads into the list under it, and
# so does "… if you had the following qualities, but they're optional. Please apply!".
LEADS_ON = re.compile(
    r"\b(?:the following(?:\s+[\w-]+){0,2}|suivant(?:e|s|es)?)\s*$"
    r"|\bthe following\s+(?:qualities|skills|qualifications|requirements|attributes)\b"
    # "Les qualifications suivantes seront un atout."
    r"|\b(?:qualit[ée]s|comp[ée]tences|qualifications|exigences|crit[èe]res)\s+suivant(?:e|e?s)\b",
    re.I,
)

# "📣 Call for Volunteers 📣": pictograms (and their joiners) around words add none.
_PICTOGRAM = r"[\s\u2600-\u27bf\ufe0f\u200d\U0001f000-\U0001faff]"
_AROUND_PICTOGRAMS = re.compile(rf"^{_PICTOGRAM}+|{_PICTOGRAM}+$")


def without_pictograms(text: str) -> str:
    """``text`` without the pictograms that open or close it."""
    return _AROUND_PICTOGRAMS.sub("", text)


# Past this length a line is no sentence anyone wrote (a pasted blob, a minified page):
# the field extractors read only its start, so that a huge line cannot slow them down.
MAX_LINE_CHARS = 5_000

# Before a capital or a name like "2i2c" or "18F"; not after an initial ("The U.S. Open
# Data Institute", "D.C.") nor "e.g." or "i.e."; nor after a day written as German does
# ("bis zum 27. März") or an item's number.
_SENTENCE_BREAK = re.compile(
    r"(?<=[.!?])(?<![\s.][A-Z]\.)(?<!e\.g\.)(?<!i\.e\.)(?<!\b\d\.)(?<!\b\d\d\.)\s+"
    r"(?=[\"“«(\[*]?(?:[A-ZÀ-ÖØ-Þ]|\d+[A-Za-z]))"
)


def number_value(token: str) -> int | None:
    token = token.strip().lower()
    if token.isdigit():
        return int(token)
    return NUMBER_WORDS.get(token)


def clipped_lines(text: str) -> str:
    """``text`` with each line cut to MAX_LINE_CHARS, for the field extractors."""
    return "\n".join(line[:MAX_LINE_CHARS] for line in text.split("\n"))


def sentences(text: str) -> list[str]:
    """The sentences of ``text``: each line, split after a full stop followed by a capital."""
    found: list[str] = []
    for line in clipped_lines(text).split("\n"):
        found.extend(part.strip() for part in _SENTENCE_BREAK.split(line) if part.strip())
    return found


def fold(text: str) -> str:
    """Lower case without accents, typographic apostrophes made plain: for keyword matching."""
    decomposed = unicodedata.normalize("NFKD", text.replace("’", "'"))
    return "".join(char for char in decomposed if not unicodedata.combining(char)).lower()


# "arnaud dot blouin _at_ irisa.fr", "jobs [at] acme [dot] org": an address spelt out
# against robots, in a field that holds nothing else.
_SPELT_AT = re.compile(r"\s*(?:_at_|\[at\]|\(at\))\s*|\s+at\s+", re.IGNORECASE)
_SPELT_DOT = re.compile(r"\s*(?:_dot_|\[dot\]|\(dot\))\s*|\s+dot\s+", re.IGNORECASE)


def unspelt(value: str) -> str:
    """``value`` with "at" and "dot" spelt against robots written as "@" and "."."""
    return _SPELT_DOT.sub(".", _SPELT_AT.sub("@", value.strip()))


# "[Apply here][job-ad]" with "[job-ad]: https://…" further down: a reference-style Markdown
# link. Written inline, as it renders, so that the readers of links see it; its definition
# line renders as nothing.
_LINK_DEFINITION = re.compile(
    r"^ {0,3}\[(?P<key>[^\]\n]+)\]:[ \t]*<?(?P<url>(?:https?://|mailto:|/|#)[^\s>]*)>?"
    r"(?:[ \t]+[\"'(][^\n]*)?[ \t]*$\n?",
    re.MULTILINE,
)
_REFERENCE_LINK = re.compile(r"\[(?P<text>[^\]\n]+)\]\[(?P<key>[^\]\n]*)\]")
# "born out of the [Tor\nProject](https://…)": a link's words wrapped onto the next line,
# which a reader of lines would cut in two.
_WRAPPED_LINK = re.compile(
    r"\[(?P<first>[^\[\]\n]+)\n[ \t]*(?P<rest>(?![-*+#>]\s)[^\[\]\n]+)\](?=\()"
)


# "## [](https://pad.incubateur.net/#ta-candidature "ta-candidature")ta candidature": a
# heading's anchor, a link with no words to a place on its own page, which shows nothing.
_ANCHOR_LINK = re.compile(r"(?<!!)\[\]\([^()\s#]*#[^()\s]*(?:\s+\"[^\"\n]*\")?\)")


def tidied_links(text: str) -> str:
    """``text`` with its Markdown links as a reader sees them: reference-style links
    written inline, each link's words on one line, and no heading's anchor."""
    text = _WRAPPED_LINK.sub(r"[\g<first> \g<rest>]", _ANCHOR_LINK.sub("", text))
    targets = {m.group("key").lower(): m.group("url") for m in _LINK_DEFINITION.finditer(text)}
    if not targets:
        return text

    def inline(match: re.Match[str]) -> str:
        url = targets.get((match.group("key") or match.group("text")).lower())
        return f"[{match.group('text')}]({url})" if url else match.group(0)

    return _REFERENCE_LINK.sub(inline, _LINK_DEFINITION.sub("", text))


def host_of(address: str) -> str:
    """The host of a URL or the domain of an e-mail address, without "www." or a port."""
    if "@" in address and "//" not in address:
        return address.rsplit("@", 1)[1].lower().removeprefix("www.")
    host = address.split("//", 1)[-1].split("/", 1)[0]
    return host.split(":", 1)[0].lower().removeprefix("www.")


# "LA MISSION INTERMINISTÉRIELLE … RECRUTE UN CHEF DE PROJET …": a sentence in capitals.
SHOUTED_WORDS = 10


def unshouted(text: str) -> str:
    """A sentence written in capitals, in sentence case, so that it reads as one; a value
    short enough to be a name or a title in capitals ("ONLINE SAS", "DÉVELOPPEUSE -
    DÉVELOPPEUR FULLSTACK À DOMINANTE DJANGO") stays as written."""
    if text.isupper() and len(text.split()) >= SHOUTED_WORDS:
        return text[:1] + text[1:].lower()
    return text
