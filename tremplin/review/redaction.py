"""Blind review: take a candidate's identity and contact details out of a text.

``redact(text, identity=...)`` finds, in the text of a CV, a cover letter or an answer:

- links: addresses with a scheme or ``www.``, profile sites with or without a scheme
  (linkedin.com/in/…, github.com/…), other bare domains followed by a path, bare domains
  that contain the candidate's name, and social handles (@name);
- e-mail addresses, including the "name [at] example [dot] org" kind;
- phone numbers: the candidate's own (from the form, in any spacing), and any number
  ``phonenumbers`` finds as valid for France, Belgium, Switzerland, the United Kingdom or
  the United States, or that is written in international form (+…);
- postal addresses: French street forms ("12 bis rue des Lilas"), French postcodes with a
  city ("75011 Paris"), English street forms ("221 Baker Street"), UK postcodes and US
  state-and-ZIP endings;
- the candidate's own name: the full name in any case, and each part of it (except
  particles such as "de") when written with a capital, accents optional.

Each is replaced by a neutral marker in the active language ("[name]", "[e-mail]",
"[phone]", "[link]", "[address]"). The module only reads its arguments: no database, no
settings, no state, so it is tested on its own (tests/test_redaction.py).

It errs on the side of removing too much: a candidate named "Rose" loses every capitalised
"Rose" in the text. Names of other people are not found (there is no named-entity model).
"""

import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

import phonenumbers
from django.utils.translation import gettext

LINK, EMAIL, PHONE, ADDRESS, NAME = "link", "email", "phone", "address", "name"
# When two findings overlap, the merged span takes the kind that comes first here.
PRIORITY = {LINK: 0, EMAIL: 1, PHONE: 2, ADDRESS: 3, NAME: 4}

# Parts of a name too common as words to be redacted on their own.
PARTICLES = frozenset(
    {
        *("d", "da", "dal", "de", "del", "della", "den", "der", "des", "di", "do", "dos"),
        *("du", "el", "im", "l", "la", "le", "les", "lo", "los", "ten", "ter", "van"),
        *("von", "y", "zu"),
    }
)
PHONE_REGIONS = ("FR", "BE", "CH", "GB", "US")

_URL_END = "[^\\s<>\"'«»\\[\\]]*"
_TLDS = (
    "com|org|net|fr|eu|io|dev|me|info|be|ch|ca|uk|co|de|es|it|nl|app|page|site|xyz|tech|"
    "ai|social|blog|online|cc|tv|us|gg|so|re|art|design|work|pro|name|bio|page"
)
_PROFILE_HOSTS = (
    r"linkedin\.com|lnkd\.in|github\.com|github\.io|gitlab\.com|gitlab\.io|bitbucket\.org|"
    r"twitter\.com|x\.com|facebook\.com|fb\.com|instagram\.com|tiktok\.com|youtube\.com|"
    r"youtu\.be|medium\.com|substack\.com|behance\.net|dribbble\.com|malt\.fr|malt\.com|"
    r"about\.me|linktr\.ee|stackoverflow\.com|orcid\.org|researchgate\.net|academia\.edu|"
    r"scholar\.google\.com|bsky\.app|mastodon\.social|threads\.net|wordpress\.com|"
    r"blogspot\.com|wixsite\.com|netlify\.app|vercel\.app|notion\.site|calendly\.com"
)
URL_PATTERNS = [
    re.compile(r"\b(?:https?|ftp)://" + _URL_END, re.IGNORECASE),
    re.compile(r"\bwww\.[\w-]+\.[\w.-]+" + f"(?:/{_URL_END})?", re.IGNORECASE),
    re.compile(r"(?<![\w.@-])(?:[\w-]+\.)*(?:" + _PROFILE_HOSTS + f")(?:/{_URL_END})?", re.I),
    re.compile(r"(?<![\w.@/-])(?:[\w-]+\.)+(?:" + _TLDS + ")/" + _URL_END, re.IGNORECASE),
]
BARE_DOMAIN = re.compile(r"(?<![\w.@/-])(?:[\w-]+\.)+(?:" + _TLDS + r")\b", re.IGNORECASE)
HANDLE = re.compile(r"(?<![\w@.])@[A-Za-z0-9_][\w.]{1,29}(?:@[\w-]+(?:\.[\w-]+)+)?")
EMAIL_PATTERNS = [
    re.compile(r"[\w.%+'-]+@[\w-]+(?:\.[\w-]+)+", re.UNICODE),
    re.compile(
        r"[\w.+-]+\s*[\[({]\s*(?:at|arobase|@)\s*[\])}]\s*[\w-]+"
        r"(?:\s*(?:[\[({]\s*(?:dot|point)\s*[\])}]|\.)\s*[\w-]+)+",
        re.IGNORECASE,
    ),
]
# Phones written in international form that phonenumbers may find invalid (e.g. made up).
INTERNATIONAL_PHONE = re.compile(
    r"(?<![\w+])(?:\+|00)\d{1,3}[\s.-]?(?:\(0\)[\s.-]?)?\d(?:[\s.()-]{0,2}\d){6,13}"
)

# Words that name a street and nothing else, and words that also mean something else
# ("3 cours", "la route"): the second kind needs a capitalised name after it.
_FR_STREETS = (
    r"rue|avenue|av\.|boulevard|bd|bld|blvd|all[ée]e|impasse|imp\.|quai|faubourg|fbg|"
    r"rond-point|esplanade|lieu-dit|r[ée]sidence|parvis|chauss[ée]e|ruelle|venelle|"
    r"lotissement|sentier|hameau"
)
_FR_STREETS_AMBIGUOUS = (
    r"place|pl\.|chemin|ch\.|route|rte|cours|square|sq\.|passage|villa|cit[ée]|voie|"
    r"promenade|mont[ée]e|traverse|domaine|mail"
)
_FR_PARTICLE = r"(?:de|du|des|la|le|les|l['’]|d['’]|aux?|en|sur|sous|et)"
_CAPITALISED = r"[A-ZÀ-ÖØ-Þ0-9][\w'’.-]*"
_FR_NUMBER = (
    r"\b\d{1,4}(?:[^\S\n]*-[^\S\n]*\d{1,4})?"  # 12, 4-6
    r"(?:[^\S\n]*(?:bis|ter|quater|[a-d])\b)?"  # bis, ter, 12 b
    r"[^\S\n]*,?[^\S\n]+"
)
_FR_STREET_NAME = rf"(?:[^\S\n]+(?:{_FR_PARTICLE}[^\S\n]*)*(?-i:{_CAPITALISED}))"
ADDRESS_PATTERNS = [
    # 12 rue des Lilas · 3 bis, avenue Jean-Jaurès · 4-6 place de la République
    re.compile(rf"{_FR_NUMBER}(?:{_FR_STREETS})(?![\w-]){_FR_STREET_NAME}{{0,6}}", re.IGNORECASE),
    re.compile(
        rf"{_FR_NUMBER}(?:{_FR_STREETS_AMBIGUOUS})(?![\w-]){_FR_STREET_NAME}{{1,6}}",
        re.IGNORECASE,
    ),
    # 75011 Paris · F-69003 Lyon · 13001 Marseille Cedex 01 · 92100 Boulogne-Billancourt
    re.compile(
        r"\b(?:F-?[^\S\n]?)?(?:0[1-9]|[1-8]\d|9[0-8])[^\S\n]?\d{3}[^\S\n]+"
        r"[A-ZÀ-ÖØ-Þ][\w'’-]*(?:(?:[^\S\n]|-)+(?:sur|sous|en|le|la|les|de|du|des|lès|lez|"
        r"[A-ZÀ-ÖØ-Þ][\w'’-]*))*(?:[^\S\n]+(?i:cedex)(?:[^\S\n]+\d{1,2})?)?"
    ),
    # 221 Baker Street · 1600 Pennsylvania Avenue NW · 10 Downing St., Flat 2
    re.compile(
        r"\b\d{1,5}[A-Za-z]?,?[^\S\n]+(?:[A-Z][\w'’.-]*[^\S\n]+){1,4}"
        r"(?:Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|Lane|Ln|Drive|Dr|Court|Ct|Place|Pl|"
        r"Square|Sq|Terrace|Way|Crescent|Close|Gardens|Row|Mews|Parkway|Pkwy|Highway|Hwy)\b\.?"
        r"(?:[^\S\n]+(?:NW|NE|SW|SE|N|S|E|W)\b)?"
        r"(?:,?[^\S\n]*(?:Apt|Apartment|Suite|Unit|Flat)\.?[^\S\n]*#?\w+)?"
    ),
    re.compile(r"\b(?:Apt|Apartment|Suite|Unit|Flat)\.?[^\S\n]*#?\d+\w*"),
    # UK postcodes: SW1A 1AA, EC1V 9HX
    re.compile(r"\b[A-Z]{1,2}\d[A-Z\d]? \d[A-Z]{2}\b"),
    # US state and ZIP after a comma: ", CA 94103"
    re.compile(r"(?<=, )[A-Z]{2}[^\S\n]+\d{5}(?:-\d{4})?\b"),
]
_TRAILING = ".,;:!?)]}'\"»’"


@dataclass(frozen=True)
class Identity:
    """What the candidate told us about themselves, to find it again in their texts."""

    names: tuple[str, ...] = ()
    emails: tuple[str, ...] = ()
    phones: tuple[str, ...] = ()

    @classmethod
    def of(cls, *, name: str = "", email: str = "", phone: str = "") -> "Identity":
        return cls(
            names=(name,) if name.strip() else (),
            emails=(email,) if email.strip() else (),
            phones=(phone,) if phone.strip() else (),
        )


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    kind: str


def markers() -> dict[str, str]:
    """The text put in place of each kind of finding, in the active language."""
    return {
        NAME: gettext("[name]"),
        EMAIL: gettext("[e-mail]"),
        PHONE: gettext("[phone]"),
        LINK: gettext("[link]"),
        ADDRESS: gettext("[address]"),
    }


def redact(text: str, *, identity: Identity) -> str:
    """``text`` with the candidate's name, contact details, links and addresses replaced."""
    if not text:
        return text
    spans = _merged(_find(text, identity=identity), text=text)
    replacement = markers()
    pieces: list[str] = []
    position = 0
    for span in spans:
        pieces.append(text[position : span.start])
        pieces.append(replacement[span.kind])
        position = span.end
    pieces.append(text[position:])
    return "".join(pieces)


def find(text: str, *, identity: Identity) -> list[Span]:
    """The spans ``redact`` would replace, merged and in order (for tests and debugging)."""
    return _merged(_find(text, identity=identity), text=text)


def _find(text: str, *, identity: Identity) -> Iterator[Span]:
    yield from _links(text, identity=identity)
    yield from _emails(text, identity=identity)
    yield from _phones(text, identity=identity)
    for pattern in ADDRESS_PATTERNS:
        for match in pattern.finditer(text):
            yield _trimmed(match.start(), match.end(), ADDRESS, text)
    yield from _names(text, identity=identity)


def _merged(spans: Iterable[Span], *, text: str) -> list[Span]:
    """Overlapping spans become one; so do the lines of an address, and parts of a name
    separated only by spaces ("[name] [name]" would say how long the name is)."""
    ordered = sorted(
        (span for span in spans if span.end > span.start), key=lambda s: (s.start, -s.end)
    )
    merged: list[Span] = []
    for span in ordered:
        if merged:
            last = merged[-1]
            between = text[last.end : span.start] if span.start >= last.end else ""
            joins_address = (
                last.kind == ADDRESS == span.kind
                and span.start >= last.end
                and not between.strip(" ,\t")
                and between.count("\n") <= 1
            )
            joins_name = (
                last.kind == NAME == span.kind
                and span.start >= last.end
                and not between.strip(" \t-")
            )
            if span.start < last.end or joins_address or joins_name:
                kind = min(last.kind, span.kind, key=PRIORITY.__getitem__)
                merged[-1] = Span(last.start, max(last.end, span.end), kind)
                continue
        merged.append(span)
    return merged


def _trimmed(start: int, end: int, kind: str, text: str) -> Span:
    while end > start and (text[end - 1] in _TRAILING or text[end - 1].isspace()):
        if text[end - 1] == ")" and text.count("(", start, end) >= text.count(")", start, end):
            break
        end -= 1
    return Span(start, end, kind)


def _links(text: str, *, identity: Identity) -> Iterator[Span]:
    for pattern in URL_PATTERNS:
        for match in pattern.finditer(text):
            yield _trimmed(match.start(), match.end(), LINK, text)
    for match in HANDLE.finditer(text):
        yield _trimmed(match.start(), match.end(), LINK, text)
    parts = [part for part in _name_parts(identity) if len(part) >= 3]
    local_parts = [_local_part(email) for email in identity.emails]
    personal = [token for token in [*parts, *local_parts] if len(token) >= 3]
    if not personal:
        return
    for match in BARE_DOMAIN.finditer(text):
        folded = _fold(match.group(0)).replace("-", "").replace("_", "")
        if any(token.replace("-", "") in folded for token in personal):
            yield Span(match.start(), match.end(), LINK)


def _emails(text: str, *, identity: Identity) -> Iterator[Span]:
    for pattern in EMAIL_PATTERNS:
        for match in pattern.finditer(text):
            yield _trimmed(match.start(), match.end(), EMAIL, text)
    for email in identity.emails:
        for match in re.finditer(re.escape(email.strip()), text, re.IGNORECASE):
            yield Span(match.start(), match.end(), EMAIL)


def _phones(text: str, *, identity: Identity) -> Iterator[Span]:
    for region in PHONE_REGIONS:
        for found in phonenumbers.PhoneNumberMatcher(text, region):
            yield Span(found.start, found.end, PHONE)
    for match in INTERNATIONAL_PHONE.finditer(text):
        yield Span(match.start(), match.end(), PHONE)
    for phone in identity.phones:
        pattern = _own_phone_pattern(phone)
        if pattern is not None:
            for own in pattern.finditer(text):
                yield Span(own.start(), own.end(), PHONE)


def _own_phone_pattern(phone: str) -> re.Pattern[str] | None:
    """The candidate's own number however it is spaced, nationally or internationally."""
    digits = re.sub(r"\D", "", phone)
    if len(digits) < 6:
        return None
    separator = r"[\s.\-/()]*"
    alternatives = [separator.join(digits)]
    try:
        number = phonenumbers.parse(phone, "FR")
    except phonenumbers.NumberParseException:
        number = None
    if number is not None and number.country_code:
        national = phonenumbers.national_significant_number(number)
        if len(national) >= 6:
            spaced = separator.join(national)
            country = rf"(?:\+|00){separator}{number.country_code}{separator}"
            prefix = rf"(?:{country}(?:\(0\){separator})?|0{separator})?"
            alternatives.append(prefix + spaced)
    return re.compile(r"(?<!\d)(?:" + "|".join(alternatives) + r")(?!\d)")


def _names(text: str, *, identity: Identity) -> Iterator[Span]:
    folded = _fold(text)
    for name in identity.names:
        whole = _fold(" ".join(name.split()))
        if len(whole) >= 2:
            pattern = r"\s+".join(re.escape(word) for word in whole.split(" "))
            for match in re.finditer(rf"(?<!\w){pattern}(?!\w)", folded):
                yield Span(match.start(), match.end(), NAME)
    for email in identity.emails:
        local = _local_part(email)
        if len(local) >= 4:
            for match in re.finditer(rf"(?<!\w){re.escape(local)}(?!\w)", folded):
                yield Span(match.start(), match.end(), NAME)
    for part in _name_parts(identity):
        for match in re.finditer(rf"(?<!\w){re.escape(part)}(?!\w)", folded):
            written = text[match.start() : match.end()]
            if written[:1].isupper():
                yield Span(match.start(), match.end(), NAME)


def _name_parts(identity: Identity) -> list[str]:
    """Folded parts of the candidate's name, hyphenated ones both whole and split."""
    parts: set[str] = set()
    for name in identity.names:
        for word in _fold(name).split():
            word = word.strip(".,;:()\"'")
            candidates = {word, *word.split("-")}
            for candidate in candidates:
                if len(candidate) >= 2 and candidate not in PARTICLES:
                    parts.add(candidate)
    return sorted(parts, key=len, reverse=True)


def _local_part(email: str) -> str:
    return _fold(email.split("@", 1)[0].strip()) if "@" in email else ""


def _fold(text: str) -> str:
    """Lower case without accents, one character for one, so positions stay the same."""
    out: list[str] = []
    for char in text:
        if char in "\u2019\u2018\u02bc`":  # curly and modifier apostrophes, and the backtick
            out.append("'")
            continue
        base = unicodedata.normalize("NFD", char)[0]
        lowered = base.lower()
        out.append(lowered if len(lowered) == 1 else base)
    return "".join(out)
