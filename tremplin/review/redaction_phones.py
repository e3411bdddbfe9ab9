"""Phone numbers: the phone part of blind-review redaction (``redaction.py`` calls
``phones_find``).

Found, as (start, end) pairs of the text: the candidate's own numbers (from the
application form, in any spacing, nationally or internationally), any number
``phonenumbers`` finds as valid for France, Belgium, Switzerland, the United Kingdom or the
United States (for the rest of the European Union, Norway and Ireland, with nine digits or
more), any written in international form (+…), and any after a phone label,
letters included ("1-800-FLOWERS").

Every pattern is compiled once, at import.
"""

import re
from collections.abc import Iterator

import phonenumbers

PHONE_REGIONS = ("FR", "BE", "CH", "GB", "US")
# Regions whose national numbers are as short as a street number and a postcode ("Via
# Zamboni 37 40126" is a valid Italian number): a number found only by one of them needs
# nine digits or more, and no dot or slash glued before it (a DOI's "2023.3340648").
MORE_REGIONS = (
    *("ES", "IT", "DE", "NL", "AT", "PT", "LU", "IE", "PL", "CZ", "SK", "HU", "RO", "BG"),
    *("GR", "HR", "SI", "SE", "DK", "NO", "FI"),
)
MORE_REGIONS_DIGITS = 9

# Where phonenumbers may find a number: six digits or more, with what numbers are written
# with between them.
PHONE_STRETCH = re.compile(r"[+(]?\d(?:[\s().\-/]{0,3}\d){5,}")
PHONE_CONTEXT = 12
PHONE_WINDOW = 64
# Longer than five numbers in a row, a stretch is a wall of digits, not a list of phones.
PHONE_STRETCH_LONGEST = 160
# Dates and spans of years, which are not worth asking phonenumbers about: "2014",
# "2014-02", "12.02.2014", "02/2014" (a month), and two of them joined ("02/2014 - 08/2018").
_DATE = r"(?:(?:19|20)\d\d(?:[./-]\d\d?){0,2}|(?:\d\d?[./-]){1,2}(?:19|20)\d\d)"
DATES = re.compile(rf"{_DATE}(?:\s*[-–/]\s*{_DATE})?")
# The same inside a longer stretch of digits, where phonenumbers reads a span of months as
# a number ("2014 - 08/2018").
DATE_SPAN = re.compile(rf"(?<![\d/.-]){_DATE}\s*[-–]\s*{_DATE}(?![\d/.-])")
# No number opens with a whole date: "2026-12-04 1 / 1" is a footer's date and page.
FULL_DATE = re.compile(
    r"(?:19|20)\d\d([./-])\d\d?\1\d\d?(?!\d)|\d\d?([./-])\d\d?\2(?:19|20)\d\d(?!\d)"
)
# Phones written in international form that phonenumbers may find invalid (e.g. made up).
INTERNATIONAL_PHONE = re.compile(
    # On one line: a number at the end of one does not take the start of the next.
    # An area code in brackets of either kind, groups joined by an en dash: "+49 [30]
    # 2093–1234".
    r"(?<![\w+])(?:\(\s*)?(?:\+|00)\d{1,3}(?:\s*\))?(?:[^\S\n]|[.-])?(?:\(0\)(?:[^\S\n]|[.-])?)?"
    r"[(\[]?\d(?:(?:[^\S\n]|[.()\[\]/–-]){0,2}\d){6,13}"
)
# A phone label, any case: the word in the languages candidates write in ("Tel.", "Handy",
# the German compounds "Mobiltelefon", "Handynummer"), or a telephone glyph, the icon a text
# layer kept ("✆ 00 00 00 00 00").
_PHONE_LABEL = (
    r"(?:\b(?i:t[ée]l(?:[ée]phone|efon|efono|[ée]fono)?|phone|mobile?|mob|portable|handy"
    r"|mobiltelefon|(?:handy|telefon|mobil)nummer|cell(?:ulare)?|gsm|m[óo]vil|fax)\b"
    r"|[☎☏✆📞📱])\.?[^\S\n]*"
)
# Any number of six digits or more after a phone label ("Tel.: 555-111-222").
LABELLED_PHONE = re.compile(
    rf"{_PHONE_LABEL}(?:\([^)\n]{{1,20}}\))?[^\S\n]*[:\uff1a]?"
    r"[^\S\n]*(?P<number>\+?\(?\d(?:[^\S\n]?[.()-]?[^\S\n]?\d){5,15})",
    re.IGNORECASE,
)
# After a phone label, a number spelt partly in capitals, as vanity and joke numbers are
# ("1-800-FLOWERS", "888-PUCK", "08.36.68.TR.UC"): at least three digits, the letters in
# groups joined by dots or dashes.
LABELLED_LETTER_PHONE = re.compile(
    rf"{_PHONE_LABEL}[:\uff1a]?[^\S\n]*"
    # possessive and bounded: a run of "1-1-1-..." costs one pass
    r"(?P<number>\+?\d[\dA-Z.-]{2,24}+)(?![\w])"
)
# North American numbers, valid or not (templates' "555-123-4567", "(123) 456-7890"): the
# shape alone is telling enough.
NANP_PHONE = re.compile(
    r"(?<![\w.+/-])(?:\(\d{3}\)[^\S\n]?|\d{3}[-.])\d{3}[-.]\d{4}(?![\w/-])"
    r"|(?<![\w.+/-])\(?\d{3}\)?[^\S\n]\d{3}[^\S\n]\d{4}(?![\w/-])"
)
# A number whose digits a template or the candidate hid behind capital X's: "+XX XXX XXX
# XXX", "06 XX XX XX XX" (four X at least).
HIDDEN_PHONE = re.compile(
    r"(?<![\w+])(?=[+\dX])\+?[\dX]{1,4}(?:[^\S\n]?[.-]?[^\S\n]?[\dX]{2,4}){2,5}(?![\w])"
)
LETTER_PHONE = re.compile(r"\+?\d+(?:[.-]?\d+)*(?:[.-](?:\d+|[A-Z]{2,8}))+")
# Without a label, in international form: "+1 (555) EAT-SHORTS", "+33 6 PLAGE-01".
INTERNATIONAL_LETTER_PHONE = re.compile(
    r"(?<![\w+])\+\d{1,3}[^\S\n]?(?:\(\d{1,4}\)[^\S\n]?)?(?:\d{1,4}[^\S\n])?"
    r"[A-Z0-9]{2,8}(?:[.-][A-Z0-9]{2,8})+(?![\w-])"
)


def phones_find(text: str, *, own: tuple[str, ...]) -> Iterator[tuple[int, int, bool]]:
    """Where the text gives a phone number, the candidate's own ``own`` numbers included,
    as (start, end, whether it is one of ``own``)."""
    # phonenumbers reads the whole text once per region; give it only the stretches that
    # hold enough digits to be a number, with a little context either side.
    for stretch in PHONE_STRETCH.finditer(text):
        written = stretch.group()
        if DATES.fullmatch(written) or len(written) > PHONE_STRETCH_LONGEST:
            continue
        # A number in international form is the same from every region,
        # and the regions whose numbers must be long are asked only about long stretches.
        regions = (
            PHONE_REGIONS[:1]
            if written.lstrip("(").startswith(("+", "00"))
            else PHONE_REGIONS + MORE_REGIONS
            if sum(char.isdigit() for char in written) >= MORE_REGIONS_DIGITS
            else PHONE_REGIONS
        )
        # Numbers in a row go by overlapping windows: phonenumbers takes more than linear
        # time on one long run.
        for offset in range(0, max(len(written) - PHONE_WINDOW // 2, 1), PHONE_WINDOW // 2):
            start = max(stretch.start() + offset - PHONE_CONTEXT, 0)
            end = min(stretch.start() + offset + PHONE_WINDOW, stretch.end()) + PHONE_CONTEXT
            window = text[start:end]
            for region in regions:
                for found in phonenumbers.PhoneNumberMatcher(window, region):
                    # phonenumbers may count a space before the number as part of it.
                    at = (
                        start + found.start + len(found.raw_string) - len(found.raw_string.lstrip())
                    )
                    if region in MORE_REGIONS and not _long_enough(text, at, found):
                        continue
                    if _in_date_span(text, at, start + found.end) or FULL_DATE.match(text, at):
                        continue
                    # "GPA: 3.8/4.0 2016 - 2020": a grade, then a span of years.
                    if DATE_SPAN.search(text, at, start + found.end):
                        continue
                    yield at, start + found.end, False
    for match in NANP_PHONE.finditer(text):
        yield match.start(), match.end(), False
    for match in HIDDEN_PHONE.finditer(text):
        if match.group().count("X") >= 4:
            yield match.start(), match.end(), False
    for match in INTERNATIONAL_PHONE.finditer(text):
        yield match.start(), match.end(), False
    for match in INTERNATIONAL_LETTER_PHONE.finditer(text):
        if re.search(r"[A-Z]{3}", match.group()):
            yield match.start(), match.end(), False
    for match in LABELLED_PHONE.finditer(text):
        yield match.start("number"), match.end("number"), False
    for match in LABELLED_LETTER_PHONE.finditer(text):
        number = match.group("number").rstrip(".-")
        if (
            LETTER_PHONE.fullmatch(number)
            and re.search(r"[A-Z]{2}", number)
            and sum(char.isdigit() for char in number) >= 3
        ):
            yield match.start("number"), match.start("number") + len(number), False
    for phone in own:
        pattern = _own_phone_pattern(phone)
        if pattern is not None:
            for found_own in pattern.finditer(text):
                yield found_own.start(), found_own.end(), True


def _in_date_span(text: str, start: int, end: int) -> bool:
    """Whether the number phonenumbers found lies within a span of dates."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line = text[line_start : len(text) if line_end < 0 else line_end]
    return any(
        m.start() + line_start <= start and end <= m.end() + line_start
        for m in DATE_SPAN.finditer(line)
    )


def _long_enough(text: str, start: int, found: phonenumbers.PhoneNumberMatch) -> bool:
    digits = sum(char.isdigit() for char in found.raw_string)
    glued = start > 0 and text[start - 1] in "./" and text[start - 2 : start - 1].isalnum()
    return digits >= MORE_REGIONS_DIGITS and not glued


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
