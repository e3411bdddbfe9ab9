"""The title a posting's body states when its front matter gives none: a leading ``#``
heading, "Job title:", "As <role>, you", "We're looking for a <Role>", or "X recrute un·e
<role>" opening the text."""

import re

from tremplin.vacancies.importing import contract, place
from tremplin.vacancies.importing.structure import Document, strip_inline_markup
from tremplin.vacancies.importing.textutil import fold, sentences
from tremplin.vacancies.importing.titles import HIRING_SENTENCE, clean_title

_I = re.IGNORECASE

_ROLE_SENTENCE = re.compile(
    r"^(?:En\s+tant\s+que|As)\s+(?:(?:an?|the|our|le|la|l['’]|un|une|notre)\s+)?"
    r"(?P<title>[A-ZÀ-ÖØ-Þ][^,.;:()]{2,90}?)\s*,\s*(?:vous|you)\b"
    # "As a member of technical staff, you will…": a role in lower case, said of the person.
    r"|^As\s+(?:an?|our)\s+(?!(?:result|team|reminder|whole|rule|matter|bonus|group|company"
    r"|organi[sz]ation|non-?profit|startup|side\s+note|consequence)\b)"
    # "As a host you will …": the comma may be left out.
    r"(?P<role>[a-z][^,.;:()]{2,60}?)(?:\s*,\s*|\s+)you(?:\s+will|['’]ll|\s+are|['’]re)\b",
)
# "We're looking for a Senior Data Engineer to help us": a role in capitals, after the verb.
# "We are presently looking for a Production Editor.": the whole sentence's role.
_LOOKING_FOR_ROLE = re.compile(
    r"^We(?:['’]re|\s+are)\s+(?:(?:presently|currently|now)\s+)?(?:looking\s+for|seeking"
    r"|hiring)\s+(?:an?\s+)(?P<title>[A-Z][\w/&-]*(?:\s+[A-Z][\w/&-]*){1,5})"
    r"(?:\s+(?:to|who|with|for)\b|\s*[.!]?$)"
)
_LABELLED_TITLE = re.compile(
    r"^(?:job\s+title|title|position|role|intitulé(?:\s+du\s+poste)?|titre\s+du\s+poste|poste)"
    r"\s*:\s*(?P<title>.+)$",
    _I,
)


MAX_HIRED_ROLE_WORDS = 8


_QUESTION = re.compile(r"\?[?!\s]*$")


def title_from_text(document: Document, *, hiring_sentence: bool = False) -> str | None:
    """A title the body states: a leading ``#`` heading, "Job title:", or "As <role>, you";
    with ``hiring_sentence`` (no title found otherwise), also "X recrute un·e <role>" as
    the first heading or opening a paragraph."""
    # "# arXiv is hiring!" names no role: the body may; nor does a question ("# Et si on
    # rendait le droit du travail plus lisible ?!", "# Tu es UX designer F/H senior ?") whose
    # opening cleaning leaves as it was ("# So you want to be a steward?" gives Steward).
    heading = document.title_heading or ""
    titled = clean_title(heading) if heading else None
    if titled and (not _QUESTION.search(heading) or titled.split()[0] != heading.split()[0]):
        return titled
    if hiring_sentence and (hired := _hired_role(document.first_heading or "")):
        return hired
    for section in document.sections:
        # "<b>Job Title:</b> Recruiter" on a line of its own reads as a heading.
        if section.heading and (match := _LABELLED_TITLE.match(section.heading)):
            return clean_title(match.group("title"))
        for paragraph in section.paragraphs:
            for sentence in sentences(paragraph):
                if match := _LABELLED_TITLE.match(sentence):
                    return clean_title(match.group("title"))
                if (match := _ROLE_SENTENCE.match(sentence)) and len(
                    (role := match.group("title") or match.group("role")).split()
                ) <= 10:
                    return clean_title(role)
                if match := _LOOKING_FOR_ROLE.match(sentence):
                    return clean_title(match.group("title"))
            # "Guidoline recrute un volontaire en service civique.", opening a paragraph.
            first = strip_inline_markup(sentences(paragraph)[0]) if paragraph else ""
            if hiring_sentence and (hired := _hired_role(first)):
                return hired
    return None


_PRAISE = (
    r"(?:(?:highly|very|truly)\s+)?(?:talented|motivated|passionate|dedicated|enthusiastic"
    r"|creative|driven|outstanding|excellent|skilled|innovative|dynamic)"
)
# "a highly motivated and innovative Data Scientist": all the praise before it.
_PRAISES = rf"{_PRAISE}(?:\s*(?:,|and)\s*{_PRAISE})*"


def _hired_role(sentence: str) -> str | None:
    """The role "X recrute un·e <role>" names, when it is short enough to be a title."""
    role = clean_title(sentence) if HIRING_SENTENCE.match(sentence) else ""
    # "Acme is seeking a full-time Marketing Coordinator", "a talented engineer": the role,
    # not its hours nor praise.
    role = clean_title(
        re.sub(rf"^(?:(?:full|part)[- ]time|{_PRAISES})\s+(?=\w)", "", role, flags=_I)
    )
    return role if 0 < len(role.split()) <= MAX_HIRED_ROLE_WORDS else None


# "Help Us Tell Our Story", "Rejoignez notre équipe": words of the hirer's, no role.
_FIRST_PERSON = re.compile(r"\b(?:[Uu]s|[Oo]ur|[Ww]e|[Nn]ous|[Nn]otre|[Nn]os)\b")


def is_slogan(title: str) -> bool:
    return bool(_FIRST_PERSON.search(title))


# A header part that is a link, a pay or a count of thousands is no role.
_NO_ROLE_PART = re.compile(r"https?:|<a\s|[$€£]\s?\d|\d\s?k\b", _I)


def header_role(title: str, document: Document) -> tuple[str, str | None] | None:
    """The role of a "Company - Role - Place - Terms" line opening the body (a Hacker News
    comment's), and the later part a job board titled the comment with: "Y Combinator : San
    Francisco" (the company put before it) or "Senior Engineer : New York, NY" (the role), or
    None where the board titled it with the company alone ("Wyndly")."""
    parts = place.header_parts(document)
    later = {fold(part) for part in parts[2:]}
    first, _, named = title.rpartition(" : ")
    last: str | None = named
    if parts and fold(title) == fold(parts[0]):
        last = None
    elif fold(title) in later:
        last = title
    elif fold(named) not in later or fold(first) not in (fold(part) for part in parts[:2]):
        return None
    role = parts[1]
    if _NO_ROLE_PART.search(role) or place.is_header_place(role) or contract.employment_type(role):
        return None
    return clean_title(role), last
