"""How long a contract lasts, and what says it is permanent, fixed-term or an internship
(``contract`` reads the employment type with these).

A permanent contract (CDI) has no duration: the months it mentions are reviews or a trial.
"""

import re

from tremplin.vacancies.importing.dates import MONTHS
from tremplin.vacancies.importing.structure import Document
from tremplin.vacancies.importing.textutil import NUMBER, fold, number_value, sentences

_I = re.IGNORECASE

# An internship or a work-study contract: a term of its own, which a CDI does not end.
INTERNSHIP = re.compile(
    # "mentoring interns in internship programs (GSoC)" is part of the job, not its kind.
    r"\binternships?\b(?!\s+(?:programs?|programmes?|schemes?))|\bstagiaire\b"
    # Dutch "Stagiair", "stageplek"
    r"|\bstagiair\b|\bstageplek\b"
    # "preparing student intern visa documents": an intern's paperwork is part of the job.
    r"|\bintern\b(?!\s+(?:visas?|paperwork|documents?|onboarding|cohorts?)\b)"
    # "We're hiring 10-12 summer interns": interns hired, not mentored.
    r"|\b(?:hiring|recruiting|seeking)\s+(?:[\w-]+\s+){0,2}interns\b"
    r"|\b(?:offre|convention)\s+de\s+stage\b"
    # "Stage de 6 mois", "stage de 4 à 6 mois", and a front matter's "contrat: stage".
    r"|\bstage\s+(?:de|d['’])\s*\S+(?:\s*(?:à|-|–)\s*\S+)?\s+(?:mois|semaines)\b|^\s*stage\s*$"
    r"|\bstage\s+(?:conventionné|de fin d['’]études)\b"
    # "CDD - Alternance - Contrat d'apprentissage": a work-study contract, as a stage is.
    r"|\bcontrat\s+d['’]apprentissage\b"
    # "Contrat d'alternance (pro, apprentissage)", "Conseiller en alternance", a front matter's
    # "contract_type: Apprenticeship".
    # Not "CDI (Pas de contrat d'alternance …)".
    r"|(?<!pas de )\bcontrat\s+(?:d['’]\s*|en\s+)alternance\b|\ben\s+alternance\b"
    # a job feed's "contrat: Apprentissage"
    r"|^\s*(?:apprenticeship|apprentissage)\s*$"
    # "nous recherchons deux alternants disponibles à partir de septembre"
    r"|\b(?:recherch|recrut|cherch)\w*\s+(?:une?|des|deux|trois|\d)\s+(?:alternant|apprenti)\w*",
    _I,
)
FIXED_TERM = re.compile(
    r"\bfixed[- ]term\b|\btemporary\s+(?:contract|position|role|post|job)s?\b|\bCDD\b"
    r"|\b(?:postes?|emplois?)\s+temporaires?\b"
    # "un emploi d'été", "a seasonal position", "summer jobs": for a season only.
    r"|\b(?:postes?|emplois?|jobs?|contrats?)\s+(?:d['’]\s*été|saisonniers?)\b"
    r"|\bseasonal\s+(?:jobs?|positions?|roles?|work|contracts?)\b|\bsummer\s+(?:jobs?|positions?)\b"
    # "un poste à période déterminée": the Canadian public service's fixed term
    r"|\b(?:durée|période)\s+déterminée\b|\bcontrat\s+(?:temporaire|de\s+mission)\b"
    # "befristet", "tijdelijk contract", "tempo determinato"
    r"|\bbefristet\w*\b|\btijdelijke?\s+(?:contract|aanstelling)\b|\btempo\s+determinato\b",
    _I,
)
# "6 mois", "12-month"; of a range ("5 à 6 mois", "3-6 months", "entre 24 et 36 mois"), the
# shortest; not the decimals of "1,5 mois".
_DURATION = re.compile(
    # "15 (quinze) mois": the number spelled out again in brackets
    rf"\b(?<!\d[,.])(?P<n>{NUMBER})(?:\s*(?:à|-|–|to|or|ou|et|and)\s*{NUMBER})?"
    rf"(?:\s*\({NUMBER}\))?[- ]?"
    r"(?P<unit>months?|mois|years?|ans?|années?|weeks?|semaines?"
    # German, Dutch, Italian: "auf 24 Monate befristet", "12 maanden", "6 mesi"
    r"|monate?n?|jahre?n?|maanden|maand|jaar|mesi|mese|anni)\b",
    _I,
)
_CONTRACT_CONTEXT = re.compile(
    r"contract|fixed[- ]term|\bterm\b|\bCDD\b|contrat|duration|durée|temporary|internship"
    r"|\bstage\b|mission|assignment|placement|\bposte\b|position|\brole\b|\brôle\b"
    r"|commitment|\bengagement\s*(?:de|d['’]|minimum|:)|\bopening\b|\bappointments?\b"
    # "Freelance 4 jours / semaine pendant 6 mois": a freelance engagement's length
    r"|\bfreelance\b"
    # "recherche un·e développeur·se pour une période de minimum 3 mois"; "Disponibilité six
    # mois minimum", how long one must be free for the mission
    r"|\bpour\s+une\s+période\s+(?:de|d['’])|\bdisponibilité\b"
    # "This vacancy is for four years with the possibility of extension"
    r"|\bvacanc(?:y|ies)\b"
    # "Arbeidsovereenkomst voor één jaar", "Arbeitsvertrag"
    r"|overeenkomst|vertrag|\blaufzeit\b"  # "sechs Monate Laufzeit"
    r"|\bbefristet|\barbeitsverhältnis\b|\bcontratto\b"
    # "dedicate about 3-5 hours each week over the course of a year": a volunteer's term
    r"|\bdedicate\b"
    # "during the nine-month long Fellowship"
    r"|\bfellowships?\b"
    # "Plan to stay at least 6 months", "We expect interns to join us for at least 3 months"
    r"|\bstay\s+(?:around\s+|on\s+)?(?:for\s+)?at\s+least\b|\bjoin\s+us\s+for\b"
    # "Excepted Service: Not to exceed 24 months", a federal appointment's length
    r"|\bnot\s+to\s+exceed\b"
    # "Temps plein ou temps partiel sur 6 mois": the hours of the job, then its length; "un
    # rythme de 3 à 4 jours par semaine sur 5 mois", likewise
    r"|\btemps\s+(?:plein|partiel)\b|\b(?:full|part)[- ]time\b"
    r"|\bjours?\s*(?:par|/)\s*semaine\b"
    # "4 jours / semaine en télétravail sur 6 mois (renouvelable …)": a term that is renewed
    r"|\b(?:renouvelables?|renewable)\b",
    _I,
)
_NOT_A_CONTRACT = re.compile(
    r"probation|essai|notice|préavis|ago|il y a|depuis|since|founded"
    r"|fondée?|created|créée?|probatoire|trial|bilan|évaluation|evaluation|review"
    # "initially funded for 2 years", "Sur 2 ans, l'État finance la formation de 4 000
    # conseillers": the funding, of the job or of a programme, not the length of a contract.
    # ("a funded three-year fellowship" is the length of the fellowship).
    r"|\b(?:funded|funding)\s+(?:for|through|until)\b|\bfinanc[ée]e?s?\s+(?:pour|sur|jusqu|l[ae]s?\b)"
    # "The first two years of these positions are funded by a grant": likewise.
    r"|\b(?:is|are)\s+funded\s+by\b"
    # "the schedule and length are flexible": no length is stated.
    r"|\b(?:length|duration|durée)\b.{0,40}\bflexibles?\b"
    # "A reserve list may be held for a period of up to 12 months": the list's, not the job's;
    # "a pension of 1% of your highest 3 years of salary": the pension's.
    r"|\breserve\s+list\b|\bpension\b"
    # "En 18 mois, tu seras propulsé au poste de Lead": a promotion's time, not a term.
    r"|\b(?:propulsée?|promue?|promoted)\b",
    _I,
)
# "3 years of experience", "une expérience d'au moins 2 ans": years one has, near the
# number; not "a 6-month contract, the rate based on the contractor's experience".
_EXPERIENCE = re.compile(r"\b(?:experience|expérience|esperienza|erfahrung|ervaring)", _I)
EXPERIENCE_REACH = 40


def _around(sentence: str, match: re.Match[str]) -> str:
    return sentence[max(0, match.start() - EXPERIENCE_REACH) : match.end() + EXPERIENCE_REACH]


# "Un contrat de 2 mois pouvant déboucher sur un CDI", "possibility of a permanent
# contract": a prospect, not the contract offered.
PROSPECT = re.compile(
    r"\b(?:déboucher|aboutir|évoluer|mener)\s+(?:sur|vers|à)\s+(?:un\s+)?(?:engagement\s+en\s+)?"
    r"(?:CDI|contrat\s+à\s+durée\s+indéterminée)\b"
    r"|\bpossibilit[ée]\s+(?:de\s+|d['’]\s*)?(?:CDI|contrat\s+à\s+durée\s+indéterminée)\b"
    # "la mission est proposée pour 7 mois renouvelables et transformable en CDI"
    r"|\btransformables?\s+en\s+(?:CDI|contrat\s+à\s+durée\s+indéterminée)\b"
    r"|\b(?:leading|lead|convert(?:ed|ing)?)\s+(?:to|into)\s+(?:a\s+)?permanent\s+(?:contract|position|role)\b",
    _I,
)
# A permanent contract has no duration: "CDI", "contrat à durée indéterminée".
PERMANENT = re.compile(
    r"\bCDI\b|\bdurée\s+ind[ée]termin[ée]e\b|\bpermanent\s+(?:contract|position|role|post)\b"
    r"|\bopen[- ]ended\s+contract\b"
    # "Contract Type: Permanent", "TYPE OF POSITION: Permanent", fields of UK public-sector
    # postings.
    r"|\b(?:(?:contract|employment)\s+type|type\s+of\s+(?:position|post|contract))"
    r"\s*:\s*permanent\b",
    _I,
)
_MONTH_NAME = r"(?:" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")"
# "Contrat d'avril 2024 à décembre 2024", "Contract from April - December 2024", "dès
# décembre 2019 et au moins jusqu'à fin août 2020".
_MONTH_RANGE = re.compile(
    # "Internships will start in September 2017 and run through May 2018"
    # "96 jours à répartir entre juillet et décembre 2022"
    rf"\b(?:de|d'|from|des|entre|between|start(?:s|ing)?(?:\s+in)?)\s*"
    r"(?:(?:debut|fin|early|late)\s+"
    r"|(?P<first_mid>mi-|mid-))?"
    rf"(?P<first>{_MONTH_NAME})\.?(?:\s+(?P<first_year>\d{{4}}))?"
    r"(?:\s*(?:a|au|to|until|-|–|et|and)"
    r"|,?\s+(?:et\s+|and\s+(?:run|last)s?\s+)?(?:au\s+moins\s+|at\s+least\s+)?"
    rf"(?P<until>jusqu'(?:a|en)|until|through))"
    rf"\s*(?:(?:debut|fin|early|late|the\s+end\s+of)\s+|(?P<last_mid>mi-|mid-))?(?P<last>{_MONTH_NAME})\.?\s+(?P<last_year>\d{{4}})\b"
)


_TRIAL = re.compile(
    r"\b(?:(?:with|avec|and|et)\s+)?(?:(?:an?|une|the|la)\s+)?"
    rf"(?:{NUMBER}[- ]?(?:months?|weeks?)\s+)?"
    r"(?:probation(?:ary)?|trial)\s+period(?:\s+of\s+\S+\s+(?:months?|weeks?))?"
    r"|\b(?:(?:avec|et)\s+)?(?:une\s+)?période\s+(?:d['’]\s*essai|probatoire)"
    rf"(?:\s+(?:de\s+)?{NUMBER}\s+(?:mois|semaines))?(?:\s+renouvelable)?",
    _I,
)


# "open for an initial duration of a year": one year.
_ONE_UNIT = re.compile(
    r"\b((?:duration|length|term|period)\s+of\s+|for\s+|over\s+the\s+course\s+of\s+)an?\s+"
    r"(year|month)\b",
    _I,
)


# "on a yearly renewable basis, typically for 2 to 4 years": a year at a time.
_YEARLY = re.compile(
    r"\bon\s+an?\s+(?:yearly|annual)(?:\s+renewable)?\s+basis\b|\brenewable\s+(?:yearly|annually)\b",
    _I,
)

# Dutch "een jaarcontract", German "ein Jahresvertrag": a contract for one year.
_YEAR_CONTRACT = re.compile(r"\b(?:jaarcontract|jahresvertrag)\b", _I)


def contract_duration_months(text: str) -> int | None:
    """The length of the contract in months, from a sentence about the contract, or None.

    A permanent contract (CDI) has none: the months it mentions are reviews or a trial.
    """
    offered = PROSPECT.sub(" ", text)
    if PERMANENT.search(offered) and not (FIXED_TERM.search(text) or INTERNSHIP.search(text)):
        return None
    for sentence in sentences(text):
        # "12-month contract with a 3-month probation period": the trial is no duration,
        # the rest of the sentence may state one.
        sentence = _ONE_UNIT.sub(r"\1one \2", _TRIAL.sub(" ", sentence))
        sentence = _YEARLY.sub("for one year", sentence)
        sentence = _YEAR_CONTRACT.sub("contract for one year", sentence)
        if not _CONTRACT_CONTEXT.search(sentence):
            # "dès décembre 2019 et jusqu'à août 2020": an engagement's span, both years
            # said, in a sentence about the job that names no contract.
            match = _MONTH_RANGE.search(fold(sentence))
            if match and match.group("until") and match.group("first_year"):
                return _months_between(sentence)
            continue
        if months := _months_between(sentence):
            return months
        if _NOT_A_CONTRACT.search(sentence):
            continue
        for match in _DURATION.finditer(sentence):
            count = number_value(match.group("n"))
            if not count or _EXPERIENCE.search(_around(sentence, match)):
                continue
            unit = match.group("unit").lower()
            if unit.startswith(("week", "semaine")):
                # "8 semaines" is two months, "14 weeks" three: weeks rounded to months.
                months = max(1, round(count * 12 / 52))
            else:
                months = (
                    count
                    if unit.startswith(("month", "mois", "monat", "maand", "mes"))
                    else count * 12
                )
            if 0 < months <= 120:
                return months
    return None


def _months_between(sentence: str) -> int | None:
    """The months a contract "from April to December 2024" lasts, both months counted ("de
    mi-juin à mi-septembre", three: two halves make one)."""
    match = _MONTH_RANGE.search(fold(sentence))
    if match is None:
        return None
    last_year = int(match.group("last_year"))
    first_year = int(match.group("first_year") or last_year)
    first, last = MONTHS[match.group("first")], MONTHS[match.group("last")]
    months = (last_year - first_year) * 12 + last - first + 1
    if match.group("first_mid") and match.group("last_mid"):
        months -= 1
    return months if 0 < months <= 120 else None


# "### Durée" then "8 semaines, du 27 juin au 19 août": the heading says what is counted.
# "Durée du stage, rémunération": the length, with what else the lines under it say.
_DURATION_HEADING = re.compile(
    r"^(?:duree|duration|length|periode|period)(?:\s+(?:du|de\s+la|of\s+the)\s+"
    r"(?:contrat|mission|stage|poste|contract|position|role|placement|internship))?"
    r"(?:\s*(?:,|et|and|&)\s*(?:remuneration|salaire|pay|salary|stipend))?\s*:?$"
)


def stated_duration(value: str) -> int | None:
    """The months a value given as the contract's length states ("6 mois", "3 ans"); a job
    feed's bare number ("Duree_contrat: 24") counts months, the feeds' unit, and of a bare
    range ("contract_duration: 12 - 24") the shortest."""
    if bare := re.fullmatch(r"\s*(\d+)(?:\s*(?:-|–|à|to)\s*\d+)?\s*", value):
        return int(bare.group(1)) or None
    return contract_duration_months(f"Durée : {value}")


def duration_under_heading(document: Document) -> int | None:
    """The months the paragraph under a "Durée" or "Duration" heading states, or None."""
    for section in document.headed_sections:
        if section.heading and _DURATION_HEADING.match(fold(section.heading.strip())):
            lines = [*section.paragraphs, *(bullet.text for bullet in section.bullets)]
            if lines:
                return stated_duration(lines[0])
    return None
