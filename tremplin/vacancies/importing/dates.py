"""Closing dates written in English or French (and German or Dutch months)."""

import calendar
import datetime as dt
import re
from dataclasses import dataclass

from tremplin.vacancies.importing.textutil import fold, sentences

MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4,
    "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sep": 9, "sept": 9, "october": 10, "oct": 10, "november": 11,
    "nov": 11, "december": 12, "dec": 12,
    "janvier": 1, "janv": 1, "fevrier": 2, "fevr": 2, "fev": 2, "mars": 3, "avril": 4,
    "avr": 4, "mai": 5, "juin": 6, "juillet": 7, "juil": 7, "aout": 8, "septembre": 9,
    "octobre": 10, "novembre": 11, "decembre": 12,
    # German and Dutch: "bis zum 2. Dezember 2019", "uiterlijk 1 mei"
    "januar": 1, "januari": 1, "februar": 2, "februari": 2, "marz": 3, "maart": 3, "juni": 6,
    "juli": 7, "augustus": 8, "oktober": 10, "okt": 10, "dezember": 12, "dez": 12, "mei": 5,
}  # fmt: skip
_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th|er|\.)?"
_YEAR = r"(?P<year>\d{4})"
_PATTERNS = (
    # "2024-11-18", "2024/11/18"
    re.compile(r"\b(?P<year>\d{4})(?P<sep>[-/])(?P<month>\d{2})(?P=sep)(?P<day>\d{2})\b"),
    # "27/03/2016", "27.03.2016", Dutch "01-08-2024"
    re.compile(r"\b(?P<day>\d{1,2})([/.-])(?P<month>\d{1,2})\2(?P<year>\d{4})\b"),
    re.compile(rf"\b{_DAY}\s+(?:of\s+)?{_MONTH}(?:\s*,?\s+{_YEAR})?\b"),
    re.compile(rf"\b{_MONTH}\s+{_DAY}(?:\s*,?\s+{_YEAR})?\b"),
)
# "apply until the end of December", "avant fin janvier 2025": the month's last day.
_END_OF_MONTH = re.compile(
    rf"\b(?:(?:the\s+)?end\s+of|fin(?:\s+d['’]|\s+de|\s+du\s+mois\s+de)?)\s+(?:the\s+)?{_MONTH}"
    rf"(?:\s+{_YEAR})?\b"
)
_DEADLINE_WORDS = re.compile(
    r"deadline|closing date|\bclos(?:e|es|ing)\b|no later than|date limite|au plus tard"
    r"|cloture|\bexpire|avant le|jusqu'au|d'ici le|\bd'ici\b[^.]{0,40}\ble\b|repondre"
    # "Die Bewerbungsfrist endet am 10.08.2022", "uiterlijk 1 mei", "entro il 30 aprile",
    # "Deze vacature staat online tot en met 01-08-2024"
    r"|bewerbungsfrist|bewerbungsschluss|ausschreibungsfrist|\buiterlijk\b|\bentro il\b"
    r"|\bscadenza\b|\btot\s+en\s+met\b"
    # "Last day to apply: Final filing date is August 15, 2025"
    r"|\blast\s+day\s+to\s+apply\b|\bfinal\s+filing\s+date\b"
    # "The application window will be open on USAJobs from May 9 to May 23", "Applications
    # for the 2019 program are open from 21 May to 2 July", "candidatures ouvertes du 2 au 20 mai"
    r"|\bapplication\s+window\b|\bapplications?\b[^.]{0,40}?\b(?:are|will\s+be)\s+open\s+from\b"
    r"|\bcandidatures?\s+(?:sont\s+)?ouvertes?\s+du\b"
    r"|\b(?:apply|applications?|submit|send|attach|postule[rz]|candidatures?|envoye[rz]|open"
    r"|contact(?:ez)?|write|e-?mail"  # "To express your interest, contact us at … by 31 January"
    # "Complete this form by February 3"
    r"|complete(?=\W+(?:the|this|our)\W+(?:online\s+|application\s+)?form\b)"
    r"|ouvertes?|bewerbung(?:en|sunterlagen)?)"  # "Wir bitten um Bewerbungen … bis zum 15.11."
    # "submit your complete application documents including …, CV and … by 22th August"
    # "Ihre Bewerbung … richten Sie bitte bis zum 14.06.2020 an", "… bis spätestens 28. August"
    # "… Bewerbung (…) inkl. möglichem Starttermin bis zum 08. Februar", "… bevorzugtem
    # Stundenumfang (min. 20 Wochenstunden) bis zum 30. März": an abbreviation's period goes on.
    r"\b(?:[^.]|\.(?=\S)|(?<=\binkl)\.|(?<=\bincl)\.|(?<=\bca)\.|(?<=\bbzw)\.|(?<=\bmin)\."
    r"|(?<=\bmax)\.){0,160}?"
    r"\b(?:by|before|until|avant|jusqu'a|bis\s+(?:zum|spatestens))\b",
    re.IGNORECASE,
)
# Headings that say what the date on the next line is: a start ("## Date de début") or a close.
_START_HEADING = re.compile(
    r"^(?:date\s+de\s+debut|debut|start(?:ing)?\s+date|prise\s+de\s+poste)\s*:?$"
)
_DEADLINE_HEADING = re.compile(
    r"^(?:closing\s+date|deadline|application\s+deadline|date\s+limite(?:\s+de\s+candidature)?"
    r"|cloture\s+des\s+candidatures)\s*:?$"
)
# When the work starts, or when the post is hoped to be filled ("with an aim to fill the
# position by July 30"): no closing date.
_START_WORDS = re.compile(
    r"\bstart|\bbegin|\bdebut|prise de (?:poste|fonction)|commence|entree en fonction|interview"
    r"|entretien|\bfill(?:ed)?\s+(?:the|this)\s+(?:position|role|post)\b"
    # "nous aimerions faire un choix au plus tard fin décembre": when the team decides
    r"|\bfaire\s+(?:un|son|notre)\s+choix\b|\bmake\s+(?:a|our)\s+(?:decision|choice)\b"
    # "Applications will not be reviewed until May 2": when reading begins, no closing date.
    r"|\bnot\s+be\s+(?:reviewed|considered|read)\s+(?:until|before)\b"
    # "Un CDD au sein de la DINUM jusqu'au 31 décembre 2023": when the contract ends.
    r"|\b(?:un\s+cdd|un\s+contrat|an?\s+(?:fixed[- ]term\s+)?contract)\b[^.]{0,80}"
    r"\b(?:jusqu'au|until)\b"
    # "un financement assuré jusqu'au 31 décembre 2022": how long the post is paid for.
    r"|\b(?:financement|financee?|funding|funded)\b[^.]{0,40}\b(?:jusqu'au|until|through)\b"
    # "## Modalités jusqu'au 30 juin 23": how long the terms hold, the mission's end.
    r"|\b(?:modalites|conditions)\s+(?:[\w']+\s+){0,2}?jusqu'au\b",
    re.IGNORECASE,
)

# "le 27 et 28 septembre dernier": a day gone by, told as news.
_GONE_BY = re.compile(r"\b\d{1,2}(?:er)?\s+[a-z]+\s+derni(?:er|ere)\b")


# "Send your CV and your earliest start date by 5 May", "mit möglichem Beginn … bis zum 27.
# Juni", "inkl. möglichem Starttermin bis zum 08. Februar": a start the candidate is asked
# to name, not the job's.
_START_ASKED = re.compile(
    r"\b(?:moglich\w*|fruhest\w*|earliest|possible|your|votre|ta|ton|deine?n?|ihre?n?)\s+"
    r"(?:start(?:ing)?\s+date|beginn|starttermin|eintrittstermin|date\s+de\s+debut|debut)\b",
    re.IGNORECASE,
)


END_OF_MONTH = 0


@dataclass(frozen=True)
class DateMention:
    """A date found in the text: ``date`` is None when the year is missing or it is invalid."""

    text: str
    date: dt.date | None
    # A day and month written without a year ("avant le 20 novembre"), for year_from; the
    # day END_OF_MONTH for "the end of December".
    month: int | None = None
    day: int | None = None

    def year_from(self, posted: dt.date) -> dt.date | None:
        """The date with the year of ``posted``, or the next one if it would fall before."""
        if self.date is not None or self.month is None or self.day is None:
            return self.date
        for year in (posted.year, posted.year + 1):
            last = calendar.monthrange(year, self.month)[1]
            try:
                found = dt.date(year, self.month, last if self.day == END_OF_MONTH else self.day)
            except ValueError:
                return None
            if found >= posted:
                return found
        return None


def find_date(text: str) -> DateMention | None:
    # "until the _end of December_": emphasis marks are no part of the words.
    folded = fold(text).replace("_", " ")
    for pattern in _PATTERNS:
        match = pattern.search(folded)
        if match is None:
            continue
        shown = text[match.start() : match.end()] if len(folded) == len(text) else match.group(0)
        month_token = match.group("month")
        month = int(month_token) if month_token.isdigit() else MONTHS[month_token]
        year = match.group("year")
        if year is None:
            return DateMention(shown, None, month=month, day=int(match.group("day")))
        try:
            return DateMention(shown, dt.date(int(year), month, int(match.group("day"))))
        except ValueError:
            return DateMention(shown, None)
    if match := _END_OF_MONTH.search(folded):
        month = MONTHS[match.group("month")]
        if match.group("year") is None:
            return DateMention(match.group(0), None, month=month, day=END_OF_MONTH)
        year = int(match.group("year"))
        return DateMention(
            match.group(0), dt.date(year, month, calendar.monthrange(year, month)[1])
        )
    return None


# A sentence about sending an application: its date is the deadline before any other's
# ("un contrat jusqu'au 30/06" is the contract's end, "envoie ton CV jusqu'au 20/04" is not).
_APPLYING = re.compile(
    r"\b(?:cv|resume|candidat|apply|applications?|postule|envoie|envoye[rz]|send|submit"
    r"|lettre de motivation|cover letter)",
    re.IGNORECASE,
)


# "applications from 4th August until 31st August 2021", "du 2 au 20 mai", "from Monday May 9
# to Monday May 23": the range's end closes it.
_DAY_NAME = (
    r"(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|lundi|mardi|mercredi|jeudi|vendredi"
    r"|samedi|dimanche),?\s+"
)
_RANGE_DAY = rf"(?:the\s+|le\s+)?(?:{_DAY_NAME})?(?:[a-zéû]{{3,9}}\.?\s+)?\d"
_RANGE_END = re.compile(
    rf"\b(?:from|du|des)\s+{_RANGE_DAY}.{{0,30}}?\s(?:until|till|to|through|au|jusqu['’]au)"
    rf"\s+(?={_RANGE_DAY})",
    re.IGNORECASE,
)


def deadline(text: str) -> DateMention | None:
    """The closing date a sentence of ``text`` states, or None: a sentence about applying
    first, then any other."""
    lines = sentences(text)
    # "### Closing date" over "midnight 22nd November 2020": the heading says what the date is,
    # and "## Date de début" over "Le plus vite possible avant le 17 juin" that it is a start.
    for index, line in enumerate(lines[:-1]):
        if _DEADLINE_HEADING.match(fold(line)) or _START_HEADING.match(fold(line)):
            lines[index + 1] = f"{line} {lines[index + 1]}"
    candidates = [
        sentence
        for sentence in lines
        if _DEADLINE_WORDS.search(fold(sentence))
        and not _START_WORDS.search(_START_ASKED.sub(" ", fold(sentence)))
        and not _GONE_BY.search(fold(sentence))
    ]
    for sentence in sorted(candidates, key=lambda sentence: not _APPLYING.search(fold(sentence))):
        range_end = _RANGE_END.search(sentence)
        found = find_date(sentence[range_end.end() :] if range_end else sentence)
        if found is not None:
            return found
    return None


_MONTH_AND_YEAR = re.compile(rf"\b{_MONTH}\s+(?:\d{{1,2}}\s*,?\s+)?(?P<year>(?:19|20)\d{{2}})\b")


def year_hint(text: str) -> dt.date | None:
    """The first of January of the earliest year the text names with a month ("avril
    2024", "01-07-2025"), from which a date written without its year can be placed; None if
    none."""
    folded = fold(text)
    years = [
        int(match.group("year"))
        for pattern in (_MONTH_AND_YEAR, *_PATTERNS[:2])
        for match in pattern.finditer(folded)
    ]
    return dt.date(min(years), 1, 1) if years else None


def parse_date_value(value: object) -> dt.date | None:
    """A date from a front matter value (YAML gives dates or strings)."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        found = find_date(value)
        return found.date if found else None
    return None
