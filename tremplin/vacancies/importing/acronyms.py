"""Acronyms and the names they stand for: "CDS" for the Canadian Digital Service, "IOI"
for Invest in Open Infrastructure, "CS&S" for Code for Science & Society."""

import re

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
    Deutschland", its country too)."""
    before = re.search(
        rf"((?:[A-ZÀ-ÖØ-Þ][\w'’&-]*\s+(?:(?:{'|'.join(SMALL_WORDS)})\s+)?){{2,8}})"
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
    return None
