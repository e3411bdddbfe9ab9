"""Employment type (schema.org values); the contract's duration is read in ``durations``.

A fixed term whose hours are not stated is TEMPORARY; a fixed term stated full time is
FULL_TIME, its duration kept in ``contract_duration_months``. A permanent contract whose
hours are not stated is FULL_TIME, as a CDI is unless it says part time.
"""

import re

from tremplin.vacancies.importing.durations import (
    FIXED_TERM,
    INTERNSHIP,
    PERMANENT,
    PROSPECT,
    contract_duration_months,
)

_I = re.IGNORECASE

_VOLUNTEER = re.compile(
    r"\b(?:volunteer|unpaid)\s+(?:role|position|opportunity|post|job|assignment)\b"
    r"|\bthis\s+(?:role|position)\s+is\s+(?:unpaid|voluntary)\b"
    # "there is no salary or stipend associated with this role"
    r"|\b(?:there\s+is|with)\s+no\s+(?:salary|stipend|pay|remuneration)\b"
    r"|\b(?:roles|positions|functions)\s+are\s+(?:unpaid|voluntary|non-paid)\b"
    r"|\b(?:missions|postes|fonctions)\s+sont\s+bénévoles\b"
    r"|^\s*(?:gratis|unpaid|bénévole|non[- ]rémunérée?)\s*$"  # "compensation: gratis"
    # "un travail volontaire non rémunéré"; not the unpaid "période" a service arranges.
    r"|\b(?:travail|poste|mission|rôle|engagement|fonction|activité)\b[^.]{0,30}?"
    r"\bnon[- ]rémunérée?\b"
    r"|\b(?:poste|mission|rôle|engagement)\s+(?:de\s+)?bénévole\b"
    # "Gezocht: Product Owner (vrijwillig, agile-denker)": the role's own aside.
    r"|\((?:vrijwillig|voluntary|volunteer|unpaid|bénévole)\s*[,)]"
    # "We are looking for dedicated volunteers", "volunteer agreements", "apply to volunteer"
    r"|\b(?:looking\s+for|seeking|recruit(?:ing)?|recrutons|cherchons|recherchons)\s+"
    r"(?:[\w-]+\s+){0,3}?(?:volunteers|bénévoles)\b"
    # "looking for a volunteer who supports the project"; not "a volunteer coordinator".
    r"|\b(?:looking\s+for|seeking)\s+an?\s+volunteer(?=\s+(?:who|to|that|for)\b|\s*[.,;])"
    # "looking for a volunteer communications lead"; a "volunteer coordinator" or "volunteer
    # manager" is who leads volunteers, paid or not.
    r"|\b(?:looking\s+for|seeking)\s+an?\s+volunteer\s+(?!(?:coordinator|manager|engagement"
    r"|programs?|services|recruit\w*|relations|management)\b)[\w-]+\s+(?:lead|leader|manager"
    r"|coordinator|writer|editor|designer|developer|organi[sz]er|translator|mentor)\b"
    r"|\bvolunteer\s+agreements?\b|\bapply\s+to\s+volunteer\b|\bvolunteer\s+as\s+an?\b"
    r"|\bvolunteer\s+to\s+(?:be|become|help|serve|join)\b"  # "Volunteer to be a reviewer"
    # "de grootste groep vrijwilligers", "a great band of volunteers", "groupe de bénévoles"
    r"|\b(?:groep|group|band|team|groupe|équipe)\s+(?:van\s+|of\s+|de\s+)?(?:[\w-]+\s+){0,4}?"
    r"(?:vrijwilligers|volunteers|bénévoles)\b"
    # "Volunteers Needed", "Bénévoles recherchés", "engagez-vous comme bénévole"
    r"|\b(?:volunteers?|bénévoles?)\s+(?:needed|wanted|recherché(?:e|s|es)?)\b"
    r"|\b(?:comme|en\s+tant\s+que)\s+bénévole\b"
    r"|\bappel\s+à\s+(?:bénévoles|volontaires)\b|\bcall\s+for\s+volunteers\b"
    # "pour communiquer avec les autres bénévoles": the reader is one of them.
    r"|\b(?:les\s+autres|other|fellow)\s+(?:bénévoles|volunteers)\b"
    # France's civic service: "un·e volontaire en service civique", "2 volontaires".
    r"|\bservice\s+civique\b|\bvolontariat\b|\b(?:mission|poste|offre)\s+de\s+bénévolat\b"
    r"|\b(?:une?|des|deux|trois|\d+|second|seconde?)\s+volontaires?\b",
    _I,
)
# "Some experience in research required: … a research project / internship": an internship
# the person may have done, not the job (a line that asks for experience).
_POSTDOC_STAGE = re.compile(r"\bstages?\s+post-?doctora(?:l|ux)\b", _I)
_EXPERIENCE_GAINED = re.compile(
    r"^.*\bexp[ée]rience\b.*\b(?:required|preferred|requise?s?|exigée?s?|souhaitée?s?)\b.*$",
    _I | re.MULTILINE,
)
# Others' terms: a team's make-up "(3 CDI + 1 stagiaire + 2 prestataires externes)", a
# colleague's "Félix comme chargé de déploiement en alternance".
_OTHERS_TERMS = re.compile(
    r"\(\s*\d+\s[^()]*\+\s*\d+\s[^()]*\)"
    r"|\b[A-ZÀ-Ý][a-zà-ÿ]+\s+comme\s+[^,.;()]{3,60}?\s+en\s+(?:alternance|stage)\b"
    # "des missions futures en tant que freelance": what may come after this post.
    r"|\b(?:missions?\s+futures?|futures?\s+missions?)\b[^,.;()]{0,60}"
    # "des données … confiées à un prestataire externe": the clients' provider.
    r"|\bconfié(?:e|s|es)?\s+à\s+(?:un|des)\s+prestataires?\b"
    # "les jeunes qui recherchent un contrat en alternance": those the service helps.
    r"|\b(?:qui|who)\s+(?:recherchent|cherchent|look\s+for|seek)\s+(?:une?|des|an?)\s+"
    r"(?:contrat|stage|emploi|job|internship|apprenticeship)\b[^,.;()]{0,40}"
    # "Actively look for internship and job opportunities for the graduates": others' posts.
    r"|\binternships?(?:\s+and\s+job)?\s+opportunities\b"
    # "A pool of qualified persons MAY be used to fill similar positions (…, indeterminate or
    # fixed term)": other posts' terms.
    r"|\b(?:pool\s+of\s+qualified|bassin\s+de\s+personnes\s+qualifiées)\b[^.]*"
)
_CONTRACTOR = re.compile(
    # "CDD ou en freelance, temps partiel": one choice offered among others says no type.
    # "fitting around other family, education and freelance work commitments": others';
    # "Employed/freelance contract", "or an equivalent freelance contract": a choice.
    r"(?<!\bou\s)(?<!\ben\s)(?<!\bor\s)(?<!\bor\sa\s)(?<!/)(?<!\bequivalent\s)\bfreelance(?:rs?)?\b"
    r"(?!\s+(?:work\s+)?commitments)|\b(?:independent\s+)?contractor\s+(?:role|position|basis|contract)\b"
    r"|\bprestataire\b|\bauto[- ]?entrepreneur\b|\bportage salarial\b"
    r"|\bvous\s+serez\s+port[ée](?:[·.-]?e)?\s+par\b"  # "porté·e par Octo": a contractor's portage
    r"|\btaux\s+journalier\b|\bTJM\b|€\s*HT\s*(?:/|par)\s*jour\b"  # a freelance's day rate
    r"|\bdemander\s+(?:un|des)\s+devis\b"  # "nous souhaitons demander un devis pour …"
    r"|\bfixed[- ](?:bid|price|fee)\b"  # a job board's "compensation: 5k - 10k fixed bid"
    r"|\bprospective\s+(?:contractors?|freelancers?|vendors?)\b"  # a call for proposals
    # "Contractor agreement determined by skills", "travaux de sous-traitance facturables"
    r"|\bcontractor\s+agreement\b|\b(?:travaux|contrat)\s+de\s+sous[- ]traitance\b"
    # "The contractor will need to be based in the US": the person hired is one.
    r"|\bthe\s+(?:contractor|freelancer)(?:['’]s\b|\s+(?:will|must|should|shall)\b)"
    # "tu devras nous envoyer des factures mensuelles": who invoices is a contractor.
    r"|\b(?:envoyer|émettre|adresser)\s+(?:nous\s+)?des\s+factures\b"
    # "statut d'indépendant", "poste pour un·e indépendant·e", "contrat : indépendant",
    # "Poste ouvert pour un contrat (d')indépendant", "recherche deux
    # développeu·r·se·s indépendant·e·s", "facturation pour un entrepreneur indépendant"; not
    # "travailler de façon indépendante".
    r"|\b(?:(?:statut|contrat)\s+d['’]\s*|contrat\s+)ind[ée]pend[ae]nt"
    # "Mission initiale pour indépendant"
    r"|\b(?:pour|à)\s+(?:(?:un[·.-]?e?|un\(e\)|une?|des)\s+)?ind[ée]pendant"
    r"|\bfacturation\s+pour\s+un\s+entrepreneur\b"
    r"|\b(?:recherch|recrut)\w*\s+(?:une?|des|deux|trois|un[·.-]e)\s+[\w·.-]+\s+ind[ée]pendant"
    r"|\ben\s+(?:tant\s+qu['’]\s*)?ind[ée]pendant"
    r"|^\W*(?:contrat\s*:\s*)?ind[ée]pend[ae]nt(?:[·.-]?e)?s?\s*$"
    r"|(?:^|\s[-–—|]\s)contract(?:[- ]to[- ]hire)?(?=,|\s[-–—|]\s|\s*$)"  # "- Contract-to-hire"
    # "Job type: Contract", "Employment type: Contractor", "Job Type: Part-Time Contract".
    r"|\b(?:job|employment|position)\s+type\s*:\s*(?:(?:part|full)[- ]?time\s+)?"
    r"contract(?:or)?\s*$"
    # "This is a part-time, temporary contract position"; not "considered for a contract
    # position" (an option for some) nor a "fixed-term contract position".
    r"|(?:\bthis\s+is\s+an?|:)\s*(?:(?!fixed)[\w-]+,?\s+){0,4}contract\s+(?:role|position)\b",
    _I | re.MULTILINE,  # "Job Type: Contract" is a line of the text
)
_LEVEL_OF_EMPLOYMENT = (
    r"\b(?:level\s+of\s+employment|employment\s+level|taux\s+d['’]\s*(?:activité|occupation)"
    r"|pensum|beschäftigungsgrad)\s*:?\s*"
)
_FULL_TIME = re.compile(
    r"\bfull[- ]?time\b(?![- ]equivalent)|\btemps\s+(?:plein|complet)\b|\bplein[- ]temps\b"
    r"|\bvollzeit\b|\bvoltijd\b|\btempo\s+pieno\b|\btiempo\s+completo\b|\bheltid\b"
    r"|\bvoll-\s+(?:oder|und|bzw\.)\s+teilzeit\b"  # "in Voll- oder Teilzeit": both offered
    r"|(?-i:\bFT\b)"  # "the first FT eng hire"
    # "Level of employment: 100%", "Taux d'activité : 100 %", "Pensum: 100%"
    rf"|{_LEVEL_OF_EMPLOYMENT}100\s?%"
    # "37 hour work week", "35 heures par semaine": a full week's hours; not a range's end
    # ("28-40h/Woche").
    r"|\b(?<![\d.,])(?<!\d[-–])(?:3[5-9]|4\d)\s*[- ]?(?:hours?|hrs?|h|heures?|uur|stunden)[- ]?"
    r"(?:(?:a|per|par|/|pro)\s*)?(?:work[- ]?)?(?:week|semaine|woche)\b"
    # "un CDD (39H)": the week's hours in brackets after the contract.
    r"|\b(?:CDD|CDI|contrat|contract)\s*\(\s*(?:3[5-9]|4\d)\s?h\s*\)",
    _I,
)
# "a part or full time role": both offered, and so neither stated.
_PART_TIME = re.compile(
    # "60% Full-Time Equivalent", "0.6 FTE", "a 60% role"
    # "commit 50% of a full-time equivalent"
    r"\b\d{1,2}\s?%\s+(?:of\s+(?:a\s+)?)?(?:full[- ]time[- ]equivalent|FTE|role|position)\b"
    r"|\b0?\.\d+\s?FTE\b"
    r"|\bpart[- ]?time\b|\btemps\s+partiel\b|\bmi-temps\b|\bpart\s+(?:or|and|ou|et)\s+full\b"
    r"|\bteilzeit\b|\bdeeltijd\b|\btempo\s+parziale\b|\bmedio\s+tiempo\b|\bdeltid\b"
    # "Der wöchentliche Arbeitsumfang beträgt 10 bis 19 Stunden", "16 uur per week", "20
    # Arbeitsstunden in der Woche"
    r"|\bwöchentlich\w*\b[^.]{0,60}?\b(?:[1-9]|[12]\d)(?:\s*(?:bis|-|–)\s*(?:[1-9]|[12]\d))?\s*"
    r"Stunden\b|(?<![\d.,])\b(?:[1-9]|[12]\d)(?:\s*(?:bis|tot|-|–)\s*(?:[1-9]|[12]\d))?\s*"
    r"(?:(?:Arbeits)?Stunden|uur)\s*"
    r"(?:pro|per|/|in\s+der)\s*(?:Woche|week)\b"
    # "Fundraiser*in (80%)", "(50 %, ab Mai)", "eine 75%-Stelle": a share of full time; not
    # a duty's share of the time ("Coding and code review (30%): …").
    r"|\(\s*[1-9]\d\s?%\s*(?:,[^()]*)?\)(?!\s*:)|\b[1-9]\d\s?%-(?:Stelle|Teilzeit)\b"
    # "The position is 75%", "un poste à 80 %": a share of full time.
    r"|\b(?:position|post|role|job|contract|poste|contrat)\s+(?:is|est)?\s*(?:à\s+)?\d{2}\s?%"
    rf"|{_LEVEL_OF_EMPLOYMENT}\d{{2}}\s?%"
    # "between 10 and 14 hours a week", "20h/semaine": fewer than 30 hours.
    r"|\b(?<![\d.,])(?:[1-9]|[12]\d)(?:\s*(?:-|–|to|and|à|et|bis)\s*(?:[1-9]|[12]\d|3[0-4]))?\s*"
    r"(?:hours?|hrs?|h|heures?)\s*(?:a|per|par|/)\s*(?:week|wk|semaine|woche)\b",
    _I,
)
# Hours that are not this job's now: "part-time with the possibility of being full time in
# the future", "Health insurance provided for full-time positions".
_OTHER_HOURS = re.compile(
    r"\bpossibilit(?:y|é)\s+(?:of\s+|d['’]\s*)?(?:being|becoming|going|moving\s+to|passer\s+à"
    r"|évoluer\s+vers)\s+(?:an?\s+|un\s+)?(?:full[- ]?time|temps\s+plein)\b"
    r"|\bfor\s+(?:all\s+)?(?:full|part)[- ]?time\s+(?:positions|employees|staff|roles)\b"
    # "35 heures hebdomadaires mais un temps partiel est possible": an option, not the hours.
    # "Temps partiel accepté (80 % minimum)": allowed, the post being full time or a mission.
    r"|\b(?:un\s+)?temps\s+partiel\s+(?:est\s+)?(?:possible|envisageable|acceptée?)\b"
    r"|\bpart[- ]?time\s+(?:is\s+)?(?:possible|an\s+option|accepted|considered)\b"
    # "30 Urlaubstage (bei 40h/Woche)": a benefit's basis, not the post's hours.
    r"|\(\s*bei\s+(?:einer\s+)?\d{2}[- ]?(?:h|stunden)\b[^()\n]{0,20}\)"
    # "lön baserat på 37 000 för heltid": the pay's basis, the post being 80%.
    r"|\bför\s+heltid\b"
    # "(beispielsweise Teilzeit, Gleitzeit)": what the employer allows, not the post's hours.
    r"|\b(?:beispielsweise|etwa|z\.\s?b\.)\s+teilzeit\b",
    _I,
)
# "Work Schedule: Full time", "Type de contrat : CDD", the value on the line or the next:
# a form's field says the type, whatever the prose around it mentions ("hours per week you
# worked (if part time)").
_STATED_TYPE = re.compile(
    r"^\W*(?:work\s+schedule|schedule|job\s+type|employment\s+type|type\s+of\s+(?:employment"
    r"|contract)|contract\s+type|temps\s+de\s+travail|type\s+de\s+contrat|type\s+d['’]emploi)"
    r"\W*:[ \t]*\n?[ \t]*[^\n]{2,60}$",
    _I | re.MULTILINE,
)


# "We are hiring a contractor for this position": what this job is, whatever else the text
# mentions (an internship programme the contractor runs).
_HIRED_AS_CONTRACTOR = re.compile(
    r"\b(?:hiring|looking\s+for|seeking|recruiting)\s+an?\s+(?:independent\s+)?(?:contractor"
    r"|freelancer)\s+for\s+th(?:is|e)\s+(?:position|role|job)\b"
    # "We are looking to hire a part-time contractor to perform the work"
    r"|\b(?:looking|want|wish|plan)\s+to\s+hire\s+an?\s+"
    r"(?:(?:independent|part[- ]time|full[- ]time)\s+)?(?:contractor|freelancer)\s+to\b"
    # "Guardian Project is seeking Ruby/Jekyll contractors for mobile work"
    r"|\b(?:hiring|looking\s+for|seeking|recruiting)\s+(?:[\w/+#.-]+\s+){0,3}"
    r"(?:contractors|freelancers)\b"
    # "Poste ouvert pour les indépendant.e.s", "Ouvert aux indépendant(e)s, 3/5ème minimum":
    # whatever else the page says (of apprenticeships, of unpaid periods).
    r"|\bouverte?\s+(?:aux|pour\s+(?:les|des))\s+(?:ind[ée]pendant|freelance)",
    _I,
)


# A documentation project's budget for a technical writer ("### Budget", "Total budget:
# $15,000", Google's Season of Docs, before or after the writer is named): the writer is
# contracted for the project.
_TECHNICAL_WRITER = re.compile(r"\btechnical\s+writers?\b", _I)
_WRITERS_BUDGET = re.compile(
    r"^\W*(?:(?:total|proposed|estimated|project)\s+)?budget\b|\bseason\s+of\s+docs\b",
    _I | re.MULTILINE,
)


# "This role will be full-time (independent contractor status considered)": the role's own
# hours, whatever the rest of the page says of others'.
_THIS_ROLE_IS = re.compile(
    r"\b(?:this|the)\s+(?:role|position|post|job)\s+(?:will\s+be|is)\s+(?:a\s+)?"
    r"(?P<hours>full|part)[- ]time\b"
    # "Poste ouvert à temps plein … sous forme de CDD": the post's own hours.
    r"|\b(?:le\s+)?poste\s+(?:est\s+)?(?:ouvert|proposé)\s+à\s+temps\s+(?P<heures>plein|partiel)\b",
    _I,
)


def employment_type(text: str) -> str | None:
    """The schema.org employment type the text states, or None."""
    for match in _STATED_TYPE.finditer(text):
        if stated := _employment_type_stated(match.group(0)):
            # "Temps de travail : temps partiel" beside "Indépendant.e, en portage salarial":
            # the hours of a freelance's mission.
            hours_only = stated in ("FULL_TIME", "PART_TIME")
            return "CONTRACTOR" if hours_only and _CONTRACTOR.search(text) else stated
    on_a_budget = _TECHNICAL_WRITER.search(text) and _WRITERS_BUDGET.search(text)
    if _HIRED_AS_CONTRACTOR.search(text) or on_a_budget:
        return "CONTRACTOR"
    if (role := _THIS_ROLE_IS.search(text)) and not _VOLUNTEER.search(text):
        hours = (role.group("hours") or role.group("heures")).lower()
        return "FULL_TIME" if hours in ("full", "plein") else "PART_TIME"
    return _employment_type_stated(text)


def _employment_type_stated(text: str) -> str | None:
    text = _OTHERS_TERMS.sub(" ", text)
    if _VOLUNTEER.search(text):
        return "VOLUNTEER"
    # A "stage postdoctoral" is Québec's postdoc: the posting's "offre de stage" is one too.
    if INTERNSHIP.search(_EXPERIENCE_GAINED.sub(" ", text)) and not _POSTDOC_STAGE.search(text):
        return "INTERN"
    if _CONTRACTOR.search(text):
        return "CONTRACTOR"
    hours = _OTHER_HOURS.sub(" ", text)
    full, part = bool(_FULL_TIME.search(hours)), bool(_PART_TIME.search(hours))
    # Both offered ("temps plein ou temps partiel sur 6 mois"): the hours are not stated.
    if part and not full:
        return "PART_TIME"
    if full and not part:
        return "FULL_TIME"
    if FIXED_TERM.search(text) or contract_duration_months(text) is not None:
        return "TEMPORARY"
    if PERMANENT.search(PROSPECT.sub("", text)):
        return "FULL_TIME"
    return None


# What a title alone says: "Outreach Assistant (co-op)", "Assistant (étudiant)", "Temp
# Software Developer", "Développeur de logiciels temporaires".
_INTERN_TITLE = re.compile(
    r"\((?:co-?op|[ée]tudiant(?:[·.-]?e)?s?|student|stagiaire|intern)\)|\bstagiaire\b"
    r"|\bintern\b|\bco-?op\s+(?:student|position|placement|term)\b"
    # "Stage - Merge DemocracyOS France / Argentine", "Alternance - Chargé de communication",
    # "APPRENTI(E) - Rédacteur …"
    # "Offre apprentissage : chef-fe de projet"
    r"|^(?:offre\s+(?:de\s+|d['’]\s*)?)?(?:stage|internship|alternance|apprenti(?:\(e\)|e|ssage)?)"
    r"\s*[-–:|]"
    r"|\binternships?\s*$",  # "Unpaid Internship"
    _I,
)
_TEMPORARY_TITLE = re.compile(r"^temp\b|\btemporaires?\b|\btemporary\b", _I)
# "Bénévole pour traduction française", "Volunteer Translator", "Lead Volunteer".
_VOLUNTEER_TITLE = re.compile(r"\b(?:volunteer|bénévole)s?\b|\bbénévolat\b", _I)


# "Stagiaire (Communauté et actualités)" at "temps partiel": the hours of an internship; a
# "Coordinator (Student)" may be a student's part-time post.
_INTERNSHIP_TITLE = re.compile(r"\b(?:stagiaire|stage|internship|intern)\b", _I)


def outweighed_by_internship(employment_type: str | None, title: str | None) -> bool:
    """Whether an internship a title states outweighs the type the text gives: a length, no
    pay, or the hours of a post the title calls an internship."""
    if employment_type in (None, "TEMPORARY", "VOLUNTEER"):
        return True
    hours = employment_type in ("FULL_TIME", "PART_TIME")
    return hours and bool(_INTERNSHIP_TITLE.search(title or ""))


def employment_type_of_title(title: str | None) -> str | None:
    """The employment type a title states on its own, or None."""
    if not title:
        return None
    if _VOLUNTEER_TITLE.search(title):
        return "VOLUNTEER"
    if _INTERN_TITLE.search(title):
        return "INTERN"
    if _TEMPORARY_TITLE.search(title):
        return "TEMPORARY"
    return None
