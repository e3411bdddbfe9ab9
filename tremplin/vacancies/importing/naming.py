"""The names a posting states: its title and the organization that hires.

Each extractor returns None when the posting does not state the name: nothing is guessed.
"""

import re

from tremplin.vacancies.importing.structure import Document
from tremplin.vacancies.importing.textutil import fold, sentences

_I = re.IGNORECASE

# --- Title -------------------------------------------------------------------------------

_TITLE_PREFIX = re.compile(
    r"^\s*(?:offre\s+d['’]emploi|offre\s+de\s+stage|offre|job\s+offer|job\s+opening|job"
    r"|vacancy|open\s+position|poste|recrutement|we\s*['’]?re\s+hiring|now\s+hiring|hiring"
    r"|appel\s+à\s+candidatures?|call\s+for\s+applications)\s*[-–—:|]\s*"
    # "Recrutement d'un-e chargé·e de projets": the role follows the article.
    r"|^\s*recrutement\s+d['‘’]\s*une?(?:[-·.]e|-une)?\s+(?=\w)",
    _I,
)
_TITLE_SUFFIX = re.compile(
    r"\s*[-–—|]?\s*\((?:vacancy|job|job\s+offer|offre(?:\s+d['’]emploi)?|poste|recrutement"
    r"|[hfmwd]\s*/\s*[hfmwd](?:\s*/\s*[hfmwdx])?|cdi|cdd|stage|internship)\)\s*$"
    r"|\s+[-–—|]\s+(?:vacancy|job\s+offer|offre\s+d['’]emploi|recrutement)\s*$",
    _I,
)
_ROLE_SENTENCE = re.compile(
    r"^(?:En\s+tant\s+que|As)\s+(?:(?:an?|the|our|le|la|l['’]|un|une|notre)\s+)?"
    r"(?P<title>[A-ZÀ-ÖØ-Þ][^,.;:()]{2,90}?)\s*,\s*(?:vous|you)\b",
)
_LABELLED_TITLE = re.compile(
    r"^(?:job\s+title|title|position|role|intitulé(?:\s+du\s+poste)?|titre\s+du\s+poste|poste)"
    r"\s*:\s*(?P<title>.+)$",
    _I,
)


_TITLE_DATE = re.compile(
    r"^(?:[A-Za-zéû]{3,9}\.?\s+)?(?:\d{1,2}\s+)?(?:19|20)\d{2}\s*[-–—:|]\s*", _I
)


def clean_title(title: str, *, organization: str | None = None) -> str:
    """A title without "Offre d'emploi -" or a date in front, "(Vacancy)" or "at X" behind.

    Gender-inclusive forms (Chargé·e, Directeur·rice) are kept as written.
    """
    title = re.sub(r"\s+", " ", title).strip()
    for _round in range(2):
        title = _TITLE_DATE.sub("", title)
        title = _TITLE_PREFIX.sub("", title)
        title = _TITLE_SUFFIX.sub("", title)
        if organization:
            title = re.sub(
                rf"\s+(?:at|@|pour|chez|[-–—|])\s+{re.escape(organization)}\s*$",
                "",
                title,
                flags=_I,
            )
    title = title.strip(" -–—:|")
    return title[:1].upper() + title[1:]


def title_from_text(document: Document) -> str | None:
    """A title the body states: a leading ``#`` heading, "Job title:", or "As <role>, you"."""
    if document.title_heading:
        return clean_title(document.title_heading)
    for section in document.sections:
        for paragraph in section.paragraphs:
            for sentence in sentences(paragraph):
                if match := _LABELLED_TITLE.match(sentence):
                    return clean_title(match.group("title"))
                if (match := _ROLE_SENTENCE.match(sentence)) and len(
                    match.group("title").split()
                ) <= 10:
                    return clean_title(match.group("title"))
    return None


# --- Organization ------------------------------------------------------------------------

_ABOUT = re.compile(r"^(?:À|A)\s+propos\s+(?:de\s+|d['’]\s*)(?P<name>.+)$|^About\s+(?P<en>.+)$", _I)
NOT_A_NAME = frozenset(
    (
        *("us", "you", "me", "the", "this", "our", "your", "le", "la", "les", "l", "ce"),
        *("cette", "notre", "nos", "votre", "vos", "nous", "vous", "moi", "poste", "role"),
        *("rôle", "mission", "job", "position", "team", "équipe", "equipe", "candidat"),
        *("preferably", "ideally", "either", "anywhere", "idéalement", "idealement"),
        "candidate",
    )
)
_LABELLED_ORG = re.compile(
    r"^(?:organi[sz]ation|company|employer|employeur|structure|entreprise)\s*:\s*(?P<name>.+)$",
    _I,
)


def _as_name(text: str) -> str | None:
    name = text.strip().rstrip(":").strip()
    if not name or not name[0].isupper() or len(name) > 100:
        return None
    first_word = re.split(r"[\s'’]", fold(name), maxsplit=1)[0]
    return None if first_word in NOT_A_NAME else name


_HIRING = re.compile(
    r"^(?P<name>[A-ZÀ-ÖØ-Þ][\w&'’.-]*(?:\s+[\w&'’.-]+){0,5}?)"
    r"\s+(?:is\s+(?:seeking|hiring|looking\s+for|recruiting)|(?:are|is)\s+hiring|recrute"
    r"|recherche|cherche|embauche|(?:est|sont)\s+à\s+la\s+recherche)\b"
)
# "Les Amis du Parc sont une association…", "Fictive Trust is a charity…": who the text
# presents as an organization, by what it is.
_IS_AN_ORGANIZATION = re.compile(
    r"^(?P<name>[A-ZÀ-ÖØ-Þ][\w&'’.-]*(?:\s+(?:[-–]\s+)?[\w&'’.-]+){0,6}?)"
    r"\s+(?:est|sont|is|are)\s+(?:un|une|le|la|l['’]|a|an|the)\s*(?:[\w-]+\s+){0,2}?"
    r"(?:association|asbl|ong|organisme|organisation|organization|centre|center|syndicat"
    r"|fondation|foundation|co-?op[ée]rative|fédération|federation|collectif|réseau|network"
    r"|charity|non-?profit|ngo|institut|institute|laboratoire|laboratory|think[- ]tank"
    r"|entreprise|company|start-?up|mouvement|movement)\b"
)
# "Apply to become a Handbook Editor for Fictive Trust" (a front matter description).
_APPLY_FOR = re.compile(
    r"^(?i:apply|postule[rz]?)\b.*?\b(?i:for|at|with|pour|chez)\s+"
    r"(?P<name>[A-ZÀ-ÖØ-Þ][\w&'’.-]*(?:\s+[A-ZÀ-ÖØ-Þ][\w&'’.-]*){0,4}?)\s*[.!]?$"
)
_ACRONYM = re.compile(r"^(?:(?:le|la|les|l['’]|the)\s+)?[A-Z0-9&.]{2,10}$", _I)


# "Our team is hiring", "Notre association recrute": no name ("Les Amis de la Terre" is).
_NOT_A_HIRER = frozenset(
    (
        *("we", "nous", "on", "our", "notre", "this", "cette", "ce", "cet", "il", "elle"),
        *("ils", "elles", "who", "qui", "job", "poste", "role", "team", "equipe", "l'equipe"),
        *("your", "votre", "my", "mon", "ma", "it", "there", "here", "which", "que"),
    )
)


def _full_name(name: str) -> str:
    """ "Le CEF - Comité des Élèves Francophones": the name spelled out, not its acronym."""
    parts = [part.strip() for part in re.split(r"\s+[-–]\s+", name)]
    if len(parts) == 2 and _ACRONYM.match(parts[0]) and parts[0].split()[-1].isupper():
        return parts[1]
    return name


def organization(document: Document) -> str | None:
    """The hiring organization: "About X" heading, "Organization:" line, "X is hiring",
    "X est une association", "Apply … for X" in the front matter's description."""
    for section in document.headed_sections:
        if section.heading and (match := _ABOUT.match(section.heading)):
            name = _as_name(match.group("name") or match.group("en"))
            if name:
                return name
    for section in document.sections:
        for paragraph in section.paragraphs:
            if match := _LABELLED_ORG.match(paragraph):
                return _as_name(match.group("name"))
    for section in document.sections:
        for paragraph in section.paragraphs:
            for sentence in sentences(paragraph)[:2]:
                match = _HIRING.match(sentence)
                if match and fold(match.group("name").split()[0]) not in _NOT_A_HIRER:
                    return match.group("name")
    for section in document.sections:
        for paragraph in section.paragraphs:
            match = _IS_AN_ORGANIZATION.match(sentences(paragraph)[0] if paragraph else "")
            if match and fold(match.group("name").split()[0]) not in _NOT_A_HIRER:
                return _full_name(match.group("name"))
    for key in ("description", "summary"):
        value = document.front_matter.get(key)
        if isinstance(value, str) and (match := _APPLY_FOR.match(value.strip())):
            return match.group("name")
    return None
