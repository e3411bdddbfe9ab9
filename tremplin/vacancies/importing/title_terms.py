"""The terms a title carries besides the role: a hiring cry in front ("Nous recrutons :"), the
terms in brackets ("[CDI]", "(Remote, Full-time)"), and a job board's trailing parts ("– CDD 12
mois – Lyon", "- Remote", "– £40,000"), of which a town is the place of work."""

import re

from tremplin.vacancies.importing.place_patterns import OR_REMOTE
from tremplin.vacancies.importing.titles import (
    CONTRACTS,
    FULL_OR_PART_TIME,
    GENDER_MARKER,
    HIRING_CRIES,
)

_I = re.IGNORECASE

_HIRING_CRY = re.compile(
    rf"^\s*(?:nous\s+recrutons|on\s+recrute|{HIRING_CRIES}|we\s+are\s+hiring|open\s+role"
    r"|wanted|call\s+for\s+volunteers|appel\s+à\s+(?:bénévoles|volontaires))\s*[!:–—-]+\s*"
    # "Volunteer Coordinator Needed": the role, then the cry; "Projektassistenz für „X“
    # gesucht": what the role is for goes with the cry.
    r"|(?<=[\w\"”“’)])(?:\s+für\s+[^!?]{1,60}?)?\s+(?:needed|wanted|recherchée?s?|gesucht|sökes)"
    r"(?:\s+till\b.*)?\s*!?\s*$",
    _I,
)
# Words that say the terms of a job, not the role.
_TERMS = (
    rf"(?:{CONTRACTS}|{FULL_OR_PART_TIME}|freelance|alternance|bénévolat|bénévole|volunteer"
    r"|remote|hybrid|hybride|télétravail|on[- ]?site|contract|contractor|temporary|permanent"
    r"|fixed[- ]term|\d+\s*(?:mois|months?|ans?|years?|semaines|weeks)"
    r"|\d+\+?\s*y/?o/?e\b)"  # "(4+ YoE)": the experience asked
)
# "… - à temps partiel": the terms, with their preposition; "REMOTE (US)", with an aside.
_TERMS_PART = re.compile(
    rf"^(?:à\s+|en\s+)?{_TERMS}(?:[\s,/]+(?:{_TERMS}|de|of|à))*(?:\s*\([^()]{{1,30}}\))?\s*$", _I
)
_LEADING_TERMS = re.compile(rf"^\s*[\[(]\s*{_TERMS}(?:[\s,/]+{_TERMS})*\s*[\])]\s*", _I)
# "Stage chargé.e de projets": the internship, then the role; not "Stage de fin d'études", "Stage
# postdoctoral pour …".
_LEADING_INTERNSHIP = re.compile(
    r"^(?i:stage)\s+(?!(?:de|des|du|d|en|au|à|chez|e|et|ou|and|or|postdoc\w*)\b)(?=[a-zà-ÿ])"
)
_TRAILING_TERMS = re.compile(
    rf"\s*\(\s*{_TERMS}(?:\s*[,/]\s*{_TERMS})*\s*\)\s*$|(?<=\w)\s+(?:en\s+)?freelance\s*$", _I
)
# "Data platform engineer (EU only)": where the person must be, no part of the role.
_ONLY_IN = re.compile(r"\s*\((?P<place>(?-i:[A-Z])[\w .]{1,30}?\s+only)\)\s*$", _I)
_PAY_PART = re.compile(r"^(?:[£€$]\s?\d|\d[\d\s.,]*\s?(?:[kK]\b|€|£|\$|EUR|USD|GBP|CAD))")
_PLACE_PART = re.compile(
    r"^[A-ZÀ-ÖØ-Þ][\w'’]*(?:-[\w'’]+)*(?:\s+[A-ZÀ-ÖØ-Þ][\w'’]*(?:-[\w'’]+)*){0,2}"
    r"(?:,\s*[A-ZÀ-ÖØ-Þ][\w'’ ]{1,30}?)?"
    rf"(?:{OR_REMOTE})?$"  # "Chicago, IL or REMOTE (US)"
)
# "Developer : REMOTE (US)": a job board's " : " parts the terms off too.
_SEPARATOR = re.compile(r"\s+[-–—|:]\s+")
# "Développeur front-end (H/F) - Lyon": the gender marker, then a job board's parts.
_GENDER_BEFORE_PARTS = re.compile(rf"\s*\((?:{GENDER_MARKER})\)(?=\s+[-–—|]\s+)", _I)
# A French department's number: "38", "2A", "974".
_DEPARTMENT = r"(?:\d{2}|2[AB]|97\d)"
# "… - Bac+4/5 - (38 - Grenoble)": a French department's number and its town, last.
_DEPARTMENT_AND_TOWN = re.compile(
    rf"\s+[-–—|]\s+\(\s*{_DEPARTMENT}\s*[-–]\s*(?P<town>[^()]{{2,40}}?)\s*\)\s*$"
)
# "Ingénieur Django/Python à Pau (64)": the town and its department, part of the title as
# written, and the place of work.
_AT_TOWN_AND_DEPARTMENT = re.compile(
    rf"\s+à\s+(?P<town>[A-ZÀ-Ý][\w'’-]*(?:\s+[\w'’-]+){{0,3}}\s+\({_DEPARTMENT}\))\s*$"
)
# "Développeur/Développeuse - la Brigade - CDD 20 mois": the team's name, no part of the role.
_NAME_PART = re.compile(r"^(?:la|le|les|l['’])\s*[A-ZÀ-Ý][\w'’-]*(?:\s+[\w'’-]+){0,4}$")


def without_terms(title: str) -> tuple[str, str | None]:
    """The title without the terms it carries, and the town a job board's trailing parts
    name ("Chargé·e de projet – CDD 12 mois – Lyon" gives "Chargé·e de projet", "Lyon")."""
    title = _HIRING_CRY.sub("", title) or title
    title = _LEADING_INTERNSHIP.sub("", _LEADING_TERMS.sub("", title))
    title = _TRAILING_TERMS.sub("", title)
    title = title[:1].upper() + title[1:]
    dropped, place = 0, None
    if only := _ONLY_IN.search(title):
        title, place = title[: only.start()], only.group("place")
    if town := _AT_TOWN_AND_DEPARTMENT.search(title):
        place = town.group("town")
    if department := _DEPARTMENT_AND_TOWN.search(title):
        title, place = title[: department.start()], department.group("town")
        dropped += 1
    title, markers = _GENDER_BEFORE_PARTS.subn("", title)
    dropped += markers
    parts = _SEPARATOR.split(title)
    if len(parts) < 2:
        return title, place
    # "Software Engineer (Contract) : Chicago, IL": the first part's terms go too.
    kept = [_TRAILING_TERMS.sub("", parts[0]) or parts[0]]
    dropped += kept[0] != parts[0]
    for part in parts[1:]:
        if _TERMS_PART.match(part) or _PAY_PART.match(part) or _NAME_PART.match(part):
            dropped += 1
        elif _PLACE_PART.match(part) and place is None:
            place = part
        else:
            kept.append(part)
    if dropped == 0:
        # "Program Manager - Climate": no terms beside it, the part may be the role's.
        return title, None
    return " – ".join(kept), place
