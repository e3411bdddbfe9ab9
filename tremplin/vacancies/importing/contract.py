"""Employment type (schema.org values) and contract duration.

A fixed term whose hours are not stated is TEMPORARY; a fixed term stated full time is
FULL_TIME, its duration kept in ``contract_duration_months``. A permanent contract whose
hours are not stated has no employment type: the posting does not say.
"""

import re

from tremplin.vacancies.importing.textutil import NUMBER, number_value, sentences

_I = re.IGNORECASE

_VOLUNTEER = re.compile(
    r"\b(?:volunteer|unpaid)\s+(?:role|position|opportunity|post|job|assignment)\b"
    r"|\bthis\s+(?:role|position)\s+is\s+(?:unpaid|voluntary)\b"
    r"|\bnon[- ]rémunérée?\b"
    r"|\b(?:poste|mission|rôle|engagement)\s+(?:de\s+)?bénévole\b",
    _I,
)
_INTERN = re.compile(
    r"\binternships?\b|\bintern\b|\bstagiaire\b"
    r"|\b(?:offre|convention)\s+de\s+stage\b|\bstage\s+(?:de|d['’])\s*\S+\s+(?:mois|semaines)\b"
    r"|\bstage\s+(?:conventionné|de fin d['’]études)\b",
    _I,
)
_CONTRACTOR = re.compile(
    r"\bfreelance\b|\b(?:independent\s+)?contractor\s+(?:role|position|basis|contract)\b"
    r"|\bprestataire\b|\bauto-?entrepreneur\b|\bportage salarial\b",
    _I,
)
_FULL_TIME = re.compile(r"\bfull[- ]?time\b|\btemps\s+(?:plein|complet)\b|\bplein[- ]temps\b", _I)
_PART_TIME = re.compile(r"\bpart[- ]?time\b|\btemps\s+partiel\b|\bmi-temps\b", _I)
_FIXED_TERM = re.compile(
    r"\bfixed[- ]term\b|\btemporary\s+(?:contract|position|role|post)\b|\bCDD\b"
    r"|\bdurée\s+déterminée\b|\bcontrat\s+(?:temporaire|de\s+mission)\b",
    _I,
)
_DURATION = re.compile(
    rf"\b(?P<n>{NUMBER})[- ]?(?P<unit>months?|mois|years?|ans?|années?)\b",
    _I,
)
_CONTRACT_CONTEXT = re.compile(
    r"contract|fixed[- ]term|\bterm\b|\bCDD\b|contrat|duration|durée|temporary|internship"
    r"|\bstage\b|mission|assignment|placement|\bposte\b|position|\brole\b|\brôle\b",
    _I,
)
_NOT_A_CONTRACT = re.compile(
    r"experience|expérience|probation|essai|notice|préavis|ago|il y a|depuis|since|founded"
    r"|fondée?|created|créée?",
    _I,
)


def employment_type(text: str) -> str | None:
    """The schema.org employment type the text states, or None."""
    if _VOLUNTEER.search(text):
        return "VOLUNTEER"
    if _INTERN.search(text):
        return "INTERN"
    if _CONTRACTOR.search(text):
        return "CONTRACTOR"
    full, part = bool(_FULL_TIME.search(text)), bool(_PART_TIME.search(text))
    if full and part:
        return None
    if part:
        return "PART_TIME"
    if full:
        return "FULL_TIME"
    if _FIXED_TERM.search(text) or contract_duration_months(text) is not None:
        return "TEMPORARY"
    return None


def contract_duration_months(text: str) -> int | None:
    """The length of the contract in months, from a sentence about the contract, or None."""
    for sentence in sentences(text):
        if not _CONTRACT_CONTEXT.search(sentence) or _NOT_A_CONTRACT.search(sentence):
            continue
        for match in _DURATION.finditer(sentence):
            count = number_value(match.group("n"))
            if not count:
                continue
            unit = match.group("unit").lower()
            months = count if unit.startswith(("month", "mois")) else count * 12
            if 0 < months <= 120:
                return months
    return None
