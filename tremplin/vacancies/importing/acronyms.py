"""Acronyms and the names they stand for: "CDS" for the Canadian Digital Service, "IOI"
for Invest in Open Infrastructure, "CS&S" for Code for Science & Society; and the
organization a posting introduces by its name and acronym ("Le Service numérique canadien
(SNC) change…")."""

import re

from tremplin.vacancies.importing.structure import Document, strip_inline_markup
from tremplin.vacancies.importing.textutil import fold

SMALL_WORDS = frozenset(
    (
        *("of", "for", "and", "the", "in", "on", "at", "to"),
        *("de", "du", "des", "et", "la", "le", "pour", "en"),
    )
)
# "IOI", "CS&S", "SNC": a name in capitals, which a posting may spell out.
AN_ACRONYM = re.compile(r"[A-Z][A-Z&.]{1,9}")


def initials(words: list[str]) -> str:
    return "".join(word[0] for word in words if fold(word) not in SMALL_WORDS).upper()


def spelled_out(acronym: str, text: str) -> str | None:
    """The words an acronym stands for in ``text`` ("Canadian Digital Service" for CDS,
    "Invest in Open Infrastructure" for IOI, "Code for Science & Society" for CS&S)."""
    acronym = re.sub(r"[^A-Z]", "", acronym)
    if named := _named_before(acronym, text):
        return named
    words = list(re.finditer(r"[\w'’-]+", text))
    for start, first in enumerate(words):
        word = first.group()
        if not word[:1].isupper() or word.isupper() or fold(word) in SMALL_WORDS:
            continue
        run: list[str] = []
        for other in words[start:]:
            run.append(other.group())
            letters = initials(run)
            if letters == acronym and fold(run[-1]) not in SMALL_WORDS:
                return " ".join(text[first.start() : other.end()].split())  # "&" kept
            if not acronym.startswith(letters) or len(run) > 2 * len(acronym):
                break
    return None


def _named_before(acronym: str, text: str) -> str | None:
    """The name written just before "(ACRONYM)", from the first of its words its letters
    start ("Die Open Knowledge Foundation Deutschland (OKF)": "Open Knowledge Foundation
    Deutschland", its country too), on its line (not a heading's words above it)."""
    before = re.search(
        rf"((?:[A-ZÀ-ÖØ-Þ][\w'’&-]*[^\S\n]+(?:(?:{'|'.join(SMALL_WORDS)})[^\S\n]+)?){{2,8}})"
        rf"\(\s*{acronym}\s*\)",
        text,
    )
    if before is None:
        return None
    words = before.group(1).split()
    for start in range(len(words)):
        first = words[start]
        if fold(first) not in SMALL_WORDS and initials(words[start:]).startswith(acronym):
            return " ".join(words[start:])
        # "The Genome Analysis Centre (TGAC)": the article gives the acronym its first letter.
        if fold(first) == "the" and f"T{initials(words[start + 1 :])}".startswith(acronym):
            return " ".join(words[start + 1 :])
    return None


# "Le Service numérique canadien (SNC) change…": a name given with its acronym, at the
# opening of a paragraph, introduces the organization.
_NAMED_WITH_ACRONYM = re.compile(
    r"^(?:(?i:(?:the|le|la|les)\s+|l['’]\s*)(?P<lower>[a-zà-ÿ][\w'’-]+(?:\s+[\w'’-]+){1,6}?)|"
    r"(?i:(?:the|le|la|les)\s+|l['’]\s*)?(?P<name>[A-ZÀ-ÖØ-Þ][\w'’-]+(?:\s+[\w'’-]+){1,6}?))"
    r"\s+\((?P<acronym>[A-Z]{2,6})\),?\s+\w"
)


def organization_named_with_acronym(document: Document) -> str | None:
    """The name an acronym stands for in the body's first paragraph, not the role's."""
    first = next((p for section in document.sections for p in section.paragraphs), "")
    about = next(
        (
            section.paragraphs[0]
            for section in document.headed_sections
            if section.heading and _ABOUT_US.search(section.heading) and section.paragraphs
        ),
        "",
    )
    title = str(document.front_matter.get("title") or document.title_heading or "")
    for paragraph in (first, about):
        match = _NAMED_WITH_ACRONYM.match(strip_inline_markup(paragraph))
        if match is None:
            continue
        name = match.group("name") or match.group("lower")
        if initials(name.split()) == match.group("acronym") and fold(name) not in fold(title):
            return name[:1].upper() + name[1:]
    return None


_ABOUT_US = re.compile(r"qui sommes[- ]nous|à propos de nous|about us|who we are", re.IGNORECASE)
