"""Who hires, when the posting introduces it in passing rather than saying it hires: "Job
title at X", "At X, we…", "We are X, a…", "Join X", "À propos de l'association X"; and the
title of a plain-text posting, its first bare line.

Each extractor returns None when the posting does not say: nothing is guessed. They are
read after ``naming.organization``, whose rules are more direct.
"""

import re

from tremplin.vacancies.importing.acronyms import SMALL_WORDS
from tremplin.vacancies.importing.naming import NOT_A_HIRER, NOT_A_NAME, hirer_named, names_a_hirer
from tremplin.vacancies.importing.structure import Document, Section, strip_inline_markup
from tremplin.vacancies.importing.textutil import fold, sentences
from tremplin.vacancies.importing.title_terms import without_terms

# A name: capitalised words, small linking words between them ("Amis du Fleuve").
_NAME = (
    r"(?P<name>(?:[A-ZÀ-ÖØ-Þ]|\d+[A-Z])[\w&'’.-]*"
    # "Democracia en Red": Spanish joins its names' words too.
    r"(?:\s+(?:(?:de|du|des|de\s+la|of|for|the|and|et|&|en|y|del)\s+)?(?:[A-ZÀ-ÖØ-Þ]|\d+[A-Z])[\w&'’.-]*){0,5})"
)
# "Senior Engineer at Brightwater Trust": a role, then who it is at.
# "… position in the AiiDA team @ EPFL (group of Prof. X)", "… open at EPFL, Lausanne,
# Switzerland": an aside or the place after the name.
_ROLE_AT = re.compile(
    # Dutch "bij de": at (German "bei" is left out: its nouns are capitalised); "@" may
    # stand against the name ("UX/UI/DA @Tumeplay"); "à la DGALN", "au CNRS", an acronym
    # ("à Lyon" is a town, "à La Rochelle" too); "à l'Incubateur des Territoires".
    rf"^(?P<role>[^@]{{3,80}}?)\s+(?:(?:at|@|chez|bij(?:\s+(?:de|het))?)\s+|@(?=\w)"
    rf"|à\s+l['’]\s*|(?:à\s+la\s+|au\s+)(?=[A-Z]{{2,}}\b)){_NAME}"
    r"(?:\s*\([^()]{1,80}\)|,\s+[A-ZÀ-Ö][\w' -]{1,40}(?:,\s+[A-ZÀ-Ö][\w' -]{1,40})?)?\s*$"
)
# "At Brightwater Trust, we believe…", "Chez Les Amis du Fleuve, nous…".
# "À Etalab (un département de la DINUM), nous sommes…": "À" with what the name is said
# to be, since "À Lyon, nous…" names a town.
_AT_NAME_WE = re.compile(
    rf"^(?:(?:At|Chez)\s+{_NAME}|À\s+{_NAME.replace('name', 'a')}\s*\([^()]{{3,80}}\)),\s+"
    r"(?:we|nous|our|notre|nos)\b"
    # "En Democracia en Red te estamos buscando"
    rf"|^En\s+{_NAME.replace('name', 'es')}\s*,?\s+(?:te\s+)?(?:estamos\s+buscando|buscamos)\b"
)
# "We are Brightwater Trust, a charity…", "Nous sommes Les Amis du Fleuve, une association…".
_WE_ARE_NAME = re.compile(
    rf"^(?:We\s+are|We['’]re|Nous\s+sommes)\s+{_NAME}\s*(?:\([^()]{{1,40}}\)\s*)?,\s+"
    r"(?:an?|the|une?|la|le|l['’])\s"
)
# "The Riverside Lab invites applications for…", "Brightwater Trust seeks…", "Les Amis du
# Fleuve ouvrent un poste…", "Poste proposé par la Fondation Rivière".
_OFFERS = re.compile(
    r"^(?:The\s+)?"
    rf"{_NAME}\s+(?:invites?\s+applications|seeks|has\s+an\s+opening|is\s+opening"
    r"|ouvren?t?\s+un\s+poste|lancen?t?\s+un\s+appel\s+à\s+candidatures|propose\s+un\s+poste)\b"
    r"|^(?:Poste|Offre|Mission)\s+proposée?\s+par\s+(?:la\s+|le\s+|l['’]\s*)?"
    rf"{_NAME.replace('name', 'by')}"
    # "An open position for a software engineer is available at EPFL (Lausanne, …)".
    r"|^(?:An?\s+)?(?:open\s+)?[^.]{0,80}?\b(?:position|post|opening)\b[^.]{0,80}?"
    rf"\bis\s+available\s+at\s+{_NAME.replace('name', 'a')}"
)
# "Join Brightwater Trust and…", "Rejoignez Les Amis du Fleuve !": not "Join us", "Join the
# team", "Join our…".
_JOIN_NAME = re.compile(
    r"^(?:Join|Rejoignez|Rejoindre|Rejoins)\s+(?:us\s+at\s+|nous\s+chez\s+)?"
    rf"{_NAME}(?=\s*(?:[,.!;:]|\s+(?:and|et|as|en\s+tant|comme|in|dans)\b|$))"
)
# "Vous rejoignez le pôle Design des services numériques pour…", "Le stage se déroulera
# dans l'équipe DiverSE d'Inria", "L'équipe DiverSE est située à Rennes": the unit one joins.
_UNIT_JOINED = re.compile(
    r"\b(?:[Vv]ous\s+(?:rejoignez|rejoindrez|intégrez|intégrerez)|rejoindre"
    r"|se\s+déroulera\s+(?:dans|au\s+sein\s+de))\s+"
    r"(?:le\s+(?P<unit>pôle\s+[A-ZÀ-Ö][^,.;:()]{2,60}?)|l['’]\s*équipe\s+"
    r"(?P<team>[A-ZÀ-Ö][\w-]*(?:\s+[A-ZÀ-Ö][\w-]*){0,2}))"
    r"(?=\s+(?:pour|afin|au\s+sein)\b|\s+(?:d['’]|de\s|du\s|à\s)|\s*[,.;:(]|$)"
    r"|^L['’]\s*équipe\s+(?P<subject>[A-ZÀ-Ö][\w-]*)\s+(?:est|a|se|mène|développe)\b"
)
# "À propos de l'association Les Amis du Fleuve", "About the Brightwater Trust".
_ABOUT_DESCRIBED = re.compile(
    # "Présentation de la structure Open Food France" too.
    r"^(?:(?:À|A)\s+propos|Présentation)\s+(?:de\s+l['’]\s*|de\s+la\s+|du\s+)"
    r"(?i:association|asbl|fondation|organisation|ong|coopérative|entreprise|structure)\s+"
    rf"{_NAME}\s*$"
    r"|^About\s+the\s+(?i:association|charity|foundation|organi[sz]ation)\s+"
    rf"{_NAME.replace('name', 'en')}\s*$"
    # "Over stichting Algorithm Audit", "Über den Verein Offene Karten", "Sobre la
    # asociación X": the same in Dutch, German and Spanish.
    r"|^(?:Over\s+(?:de\s+|het\s+)?(?i:stichting|vereniging|coöperatie)"
    r"|Über\s+(?:den\s+Verein|die\s+Stiftung|die\s+Genossenschaft)"
    r"|Sobre\s+la\s+(?i:asociación|fundación|cooperativa))\s+"
    rf"{_NAME.replace('name', 'other')}\s*$"
)

# "This role is vital to the Foundation for Public Code's mission": whose mission the job
# serves, anywhere in the text.
_MISSION_OF = re.compile(
    rf"\b(?:to|of|for|advance|advances|advancing|support|supports)\s+(?:the\s+)?{_NAME}['’]s\s+"
    r"(?:mission|vision|values|goals)\b"
)


# "…contribute to the ASF, a foundation dedicated to open source": a name and what it is,
# in apposition.
_APPOSED = re.compile(
    rf"\b(?:to|for|with|at|join)\s+(?:the\s+)?{_NAME},\s+an?\s+(?:[\w-]+\s+){{0,3}}?"
    r"(?:foundation|association|organi[sz]ation|non-?profit|charity|cooperative|ngo)\b"
)


def _is_name(name: str) -> bool:
    # "Les Amis du Fleuve" is a name; "Les" alone, or "Our team", is none.
    name = re.sub(r"^(?:les|le|la|the)\s+(?=\S)", "", name, flags=re.IGNORECASE)
    first = re.split(r"[\s'’]", fold(name), maxsplit=1)[0]
    return first not in NOT_A_NAME and first not in NOT_A_HIRER


# "#### Der Prototype Fund" over "Der Prototype Fund ist ein Förderprogramm…": a heading that
# names what its paragraph then presents.
_ARTICLE = r"(?:(?:the|der|die|das|le|la|les|het|de)\s+|l['’]\s*)?"
_PRESENTED = re.compile(rf"^{_ARTICLE}{_NAME}$", re.IGNORECASE)


# "# 👋 QUI SOMMES-NOUS ?" over "La mission interministérielle pour l'apprentissage, créée
# …", "About us" or "About our project" over "Acme is a …": the paragraph under a "who we
# are" heading opens with who hires.
_WHO_WE_ARE = re.compile(
    r"^\W*(?:qui\s+sommes[- ]nous|who\s+we\s+are|about\s+us|à\s+propos\s+de\s+nous"
    r"|about\s+our\s+(?:project|organi[sz]ation|company)"
    r"|à\s+propos\s+de\s+notre\s+(?:projet|association|structure|entreprise))\W*$",
    re.IGNORECASE,
)
_PRESENTING = re.compile(
    r"^(?P<name>[A-ZÀ-Ý][^,.;:()]{2,80}?)(?:\s*\([A-Z]{2,10}\))?(?:\s*,\s*(?:créée?|fondée?"
    r"|lancée?|founded|created|launched)\b|\s+(?:est|is)\s+(?:une?|an?|the|la|le|l['’]))"
)


def _presented_under_who_we_are(section: Section) -> str | None:
    if not (_WHO_WE_ARE.match(section.heading or "") and section.paragraphs):
        return None
    opening = _PRESENTING.match(section.paragraphs[0])
    name = opening.group("name") if opening else ""
    return hirer_named(name) if name and names_a_hirer(name) else None


def _heading_presents(section: Section) -> str | None:
    match = _PRESENTED.match((section.heading or "").strip())
    if match is None or not section.paragraphs or not _is_name(match.group("name")):
        return None
    name = match.group("name")
    # A name, each word capitalised ("Prototype Fund"; not "Required qualifications"), written
    # so again at the paragraph's opening (not "Le but du stage est").
    if not all(word[:1].isupper() for word in name.split() if fold(word) not in SMALL_WORDS):
        return None
    opening = rf"^(?i:{_ARTICLE}){re.escape(name)}\s+(?i:is|ist|est|sind|are|sont|was|war)\s"
    return name if re.match(opening, section.paragraphs[0]) else None


def organization_of_role(*titles: str | None) -> tuple[str, str] | None:
    """(role, organization) of the first "Senior Engineer at Brightwater Trust" title among
    ``titles`` (a stated title, the title heading), or None."""
    for title in titles:
        match = _ROLE_AT.match(title or "")
        if match and _is_name(match.group("name")):
            return match.group("role").strip(" -–—:|"), match.group("name")
    return None


def organization_introduced(document: Document) -> str | None:
    """The organization a heading "À propos de l'association X", or a sentence opening a
    paragraph "At X, we", "We are X, a…" or "Join X", introduces; else the one whose
    mission the role serves ("vital to X's mission"), or the unit one joins ("Vous
    rejoignez le pôle X", "dans l'équipe X")."""
    for section in document.headed_sections:
        if section.heading and (match := _ABOUT_DESCRIBED.match(section.heading.strip())):
            return match.group("name") or match.group("en") or match.group("other")
        if named := _presented_under_who_we_are(section) or _heading_presents(section):
            return named
    for pattern in (_OFFERS, _AT_NAME_WE, _WE_ARE_NAME, _JOIN_NAME):
        for section in document.sections:
            for paragraph in section.paragraphs:
                first = strip_inline_markup(sentences(paragraph)[0]) if paragraph else ""
                match = pattern.match(first)
                groups = match.groupdict() if match else {}
                name = groups.get("by") or groups.get("a") or groups.get("es") or groups.get("name")
                if name and _is_name(name):
                    # "The Brightwater Trust" as "Brightwater Trust"; "The Carpentries" kept.
                    return re.sub(r"^The\s+(?=\S+\s+\S)", "", name).rstrip(".")
    # Sentence by sentence: the text as one line would be read only as far as its clip.
    said = [strip_inline_markup(sentence) for sentence in sentences(document.plain_text)]
    for pattern in (_MISSION_OF, _APPOSED):
        for sentence in said:
            if (match := pattern.search(sentence)) and _is_name(match.group("name")):
                return match.group("name")
    for sentence in said:
        if match := _UNIT_JOINED.search(sentence):
            return match.group("unit") or match.group("team") or match.group("subject")
    return None


# "You'll be part of the broader 18F team", "Join the Acme team": the team is the hirer's,
# unless it is a department ("the Engineering team").
_TEAM_NAMED = re.compile(
    r"\b(?i:join|joining|part\s+of|members?\s+of)\s+the\s+(?:broader\s+|wider\s+|larger\s+|growing\s+)?"
    r"(?P<name>(?:[A-Z]|\d+[A-Z])[\w&.-]*(?:\s+[A-Z][\w&.-]*){0,2})\s+(?:team\b|(?P<lab>Lab"
    r"|Laboratory|Group)\b)"
)
_DEPARTMENTS = frozenset(
    (
        *("engineering", "design", "product", "tech", "technology", "data", "marketing"),
        *("sales", "support", "operations", "communications", "outreach", "core", "it"),
        *("leadership", "management", "research", "development", "hr", "finance", "legal"),
        *("content", "growth", "security", "infrastructure", "platform", "mobile", "web"),
        *("frontend", "backend", "customer", "success", "community", "people", "programs"),
        *("consulting", "experience"),  # "the 18F Experience team"
    )
)


# "Acme is an equal opportunity employer" ("an Equal Opportunity Employer"): the employer,
# named in the closing words.
_EQUAL_OPPORTUNITY = re.compile(
    r"^(?P<name>(?:[A-ZÀ-ÖØ-Þ]|\d+[A-Z])[\w&'’.-]*(?:\s+[\w&'’.-]+){0,5}?)"
    # "The Consumer Financial Protection Bureau (CFPB) is …": the name, not its acronym.
    r"(?:\s+\([A-Z][\w.&-]{1,9}\))?\s+is\s+an?\s+"
    r"(?i:(?:proud\s+)?equal[- ]opportunit(?:y|ies)\s+employer)\b"
)


# "You will be employed by INRIA, the French computer science research institute."
_EMPLOYED_BY = re.compile(
    r"\b(?:[Yy]ou\s+will\s+be|[Yy]ou['’]ll\s+be|[Vv]ous\s+serez|[Tt]u\s+seras)\s+"
    rf"(?:employed|employée?|salariée?)\s+(?:by|par)\s+(?:the\s+|la\s+|le\s+|l['’]\s*)?{_NAME}"
)


def organization_in_passing(document: Document) -> str | None:
    """The equal-opportunity employer, the one who will employ the reader, or the team one
    joins: read after ``naming.organization``, before the rules of
    ``organization_introduced``."""
    for sentence in map(strip_inline_markup, sentences(document.plain_text)):
        match = _EQUAL_OPPORTUNITY.match(sentence) or _EMPLOYED_BY.search(sentence)
        if match and names_a_hirer(match.group("name")):
            return hirer_named(match.group("name"))
    for sentence in sentences(document.plain_text):
        for match in _TEAM_NAMED.finditer(sentence):
            words = match.group("name").split()
            if not all(fold(word) in _DEPARTMENTS for word in words):
                # "the 18F Consulting team": 18F's consulting arm; 18F hires.
                while fold(words[-1]) in _DEPARTMENTS:
                    words.pop()
                # "join the Doe Lab": a lab is named with what it is ("the 18F team": 18F).
                return " ".join(filter(None, (" ".join(words), match.group("lab"))))
    return None


MAX_TITLE_LINE_CHARS = 80


def title_of_plain_text(document: Document) -> str | None:
    """A plain-text posting's first line, when it stands alone and reads as a title
    ("Data Analyst"), not as a sentence, without its terms; a picture's words (a README's
    badge, "![GitHub contributors](…)") are none."""
    if document.title_heading or not document.sections:
        return None
    line = next((line for line in document.body.splitlines() if line.strip()), "")
    if re.fullmatch(r"\s*(?:\[?!\[[^\]]*\]\([^)]*\)(?:\]\([^)]*\))?\s*)+", line):
        return None
    line = strip_inline_markup(line.lstrip("#*_ ")).strip()
    if not line or len(line) > MAX_TITLE_LINE_CHARS or re.search(r"[.!?:;]$|[.!?]\s", line):
        return None
    if not line[:1].isupper():
        return None
    role = without_terms(line)[0]
    # Under front matter that names no title, the first line is the title only when it
    # carries a job board's terms ("Senior Developer Python / Django - Remote"); "Contexte"
    # names a part of the text.
    return role if role != line or not document.front_matter else None
