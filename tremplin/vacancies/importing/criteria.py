"""Criteria: the requirement bullets, each of a kind taken from the heading it sits under.

A heading says what its bullets are:

- quality: "Qualités personnelles", "Personal qualities", "Savoir-être"…
- nice: "Atouts appréciés", "Ideally", "A plus", "Desirable"…
- must: "Indispensables", "Required", "Essential"…, and a requirements list that is not
  split ("Profil recherché", "Desired Skills and Attributes", "Requirements");
- none: responsibilities, missions, conditions, about, the offer: not criteria.

A heading that says none of this (a sub-heading like "Languages") takes the meaning of the
heading above it, that is the nearest earlier heading of a smaller level. The wording of a
bullet never changes its kind: "ideally" inside a required bullet leaves it required.
"""

import re
from dataclasses import dataclass

from tremplin.vacancies.importing.structure import Document
from tremplin.vacancies.importing.textutil import fold

MUST = "must"
NICE = "nice"
QUALITY = "quality"
NOT_CRITERIA = "none"

# Checked in this order on the heading lower-cased without accents.
_HEADING_KINDS = (
    (
        QUALITY,
        r"qualites? (?:personnelles?|humaines?)|savoir[- ]etre|soft skills|personal qualit"
        r"|personal attributes|personal traits|personality|qualities",
    ),
    (
        NICE,
        r"\batouts?\b|\bideal(?:ly|ement)\b|\ba plus\b|\bun plus\b|\bbonus\b|desirable"
        r"|nice[- ]to[- ]have|\bpreferred\b|\bapprecie|souhaitables?|\boptional\b|\boptionnel"
        r"|facultati|advantage|\bvalorise|would be great",
    ),
    (
        MUST,
        r"indispensables?|\brequired\b|\brequis|\bessential|\bessentiel|\bmust\b|mandatory"
        r"|obligatoires?|\bexige|\bminimum\b|prerequis|prerequisites?",
    ),
    (
        MUST,  # a requirements list with no split
        r"\bprofil|\bprofile\b|requirements?|qualifications?|\bskills?\b|competences?"
        r"|\bexperiences?\b|\battributes\b|who you are|what you (?:bring|have|need)|looking for"
        r"|recherch|\bcriteria\b|\bcriteres\b|vous etes|\byou are\b|\bcandidat(?:e)?s?\b"
        r"|savoir-faire|\bexpertise\b",
    ),
    (
        NOT_CRITERIA,
        r"responsabilit|mission|\btaches\b|\bduties\b|\brole\b|\bposte\b|conditions|\boffer"
        r"|\boffre\b|benefits|avantages|\babout\b|a propos|\bapply|postuler|candidature|how to"
        r"|comment\b|description|context|\bteam\b|equipe|salary|remuneration|process"
        r"|\bcontact|overview|apercu|summary|resume\b|what you(?:'ll| will) do|activit|\bwe\b"
        r"|\bnous\b|\bus\b|\btasks\b",
    ),
)


@dataclass(frozen=True)
class ParsedCriterion:
    text: str
    kind: str

    def as_json(self) -> dict[str, str]:
        return {"text": self.text, "kind": self.kind}


def heading_kind(heading: str) -> str | None:
    """What a heading's bullets are (MUST, NICE, QUALITY, NOT_CRITERIA), None if it says not."""
    folded = fold(heading)
    for kind, pattern in _HEADING_KINDS:
        if re.search(pattern, folded):
            return kind
    return None


def criteria(document: Document) -> list[ParsedCriterion]:
    """The requirement bullets of ``document`` in order, each with its kind."""
    found: list[ParsedCriterion] = []
    stack: list[tuple[int, str | None]] = []
    for section in document.sections:
        if section.heading is None:
            continue
        while stack and stack[-1][0] >= section.level:
            stack.pop()
        kind = heading_kind(section.heading)
        if kind is None:
            kind = next((parent for _level, parent in reversed(stack) if parent), None)
        stack.append((section.level, kind))
        if kind in (MUST, NICE, QUALITY):
            found.extend(ParsedCriterion(b.full_text, kind) for b in section.bullets if b.text)
    return found
