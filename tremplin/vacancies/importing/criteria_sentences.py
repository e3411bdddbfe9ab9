"""Requirements written as sentences rather than bullets, for the criteria finder
(``criteria.py``): "You must have …", "The project manager should demonstrate …", "Permis B
requis" on a line of its own, each a must; "The ideal candidates will have …", "… is
preferred but not required", each a plus."""

import re

from tremplin.vacancies.importing.criteria_kinds import MUST, NICE, ParsedCriterion
from tremplin.vacancies.importing.textutil import fold, sentences

# What one must bring: "Must have …" opening a bullet, "You must have …" a sentence.
ASKED_VERBS = r"(?:have|be|demonstrate|possess|hold|avoir|etre|maitriser|posseder|justifier)"
# Swedish "Du bör ha flera års erfarenhet …", "Du måste kunna …" (folded).
SWEDISH_ASKED = r"du\s+(?:bor|maste|ska)\s+(?:ha|vara|kunna)\b"
# German: "Du solltest Spaß haben an …", "Du bringst … mit", "Wir wünschen uns eine Person,
# die …", "Dementsprechend wünschen wir uns von dir, dass …", "Wir suchen eine teamstarke
# Persönlichkeit, die …", "Für die Position sind wir auf der Suche nach einer … Persönlichkeit",
# "Wichtig ist nur, dass du …", "Uns ist wichtig, dass du …" (folded).
GERMAN_ASKED = (
    r"du\s+(?:solltest|musst)\b|du\s+bringst\s+(?!uns\b)"
    r"|wir\s+wunschen\s+uns\s+(?:von\s+dir|eine\s+person)\b"
    r"|(?:\w+\s+)?wunschen\s+wir\s+uns\s+von\s+dir\b"
    r"|(?:wir\s+suchen|(?:[\w-]+\s+){0,4}sind\s+wir\s+auf\s+der\s+suche\s+nach)\s+"
    r"(?:eine?[nr]?\s+)?(?:[\w-]+,?\s+(?:und\s+)?){0,6}personlichkeit\b"
    r"|wichtig\s+ist\s+(?:uns\s+)?(?:nur)?\s*,?\s*dass\s+du\b|uns\s+ist\s+wichtig,?\s+dass\s+du\b"
)

# A line of its own that states one requirement: "Permis B requis", "Driving licence
# required"; not "Aucun diplôme requis", nor a sentence that merely ends so.
_STATED_REQUIREMENT = re.compile(
    r"^[^\w]*(?P<text>(?!(?:aucune?|no|not|pas|sans|nothing|rien)\b)\w[^.!?:;]{2,60}?)"
    r"\s+(?:requise?s?|required|obligatoires?|exigee?s?|indispensables?|mandatory)\s*[.!]?$"
)
MAX_STATED_REQUIREMENT_WORDS = 6


# "Candidates with aspirations for a PhD are highly preferred.": a preference stated apart.
_STATED_PREFERENCE = re.compile(
    r"^(?:candidates|applicants|candidat(?:e|s|es)|personnes)\b.{5,200}?\b"
    r"(?:(?:is|are)\s+(?:highly\s+|strongly\s+)?(?:preferred|a\s+plus)"
    r"|(?:seront|sera)\s+(?:privilegiee?s?|appreciee?s?))\s*[.!]?$"
    # "Idéalement, vous connaissez déjà l'écosystème.", after the list of requirements
    r"|^(?:idealement|ideally),?\s+(?:vous|you)\b[^:]{10,250}$"
    # "Avoir une expérience en growth hacking … est un plus.", after the list
    r"|^(?:avoir|une?\s+(?:\w+\s+)?(?:experience|connaissance|maitrise)|experience|knowledge"
    r"|familiarity)\b[^:]{5,250}?\b(?:est|sont|serai(?:t|ent)|is|are|would\s+be)\s+(?:un|des|a)"
    r"\s+(?:plus|atouts?|asset)\s*[.!]?$"
)


# An opening clause that hopes, not asks ("Ideally, the manager should be …").
_NOT_HOPING = r"(?!(?:ideally|preferably|idealement|de preference)\b)"
# Who a posting hires, named by their role.
_ROLE_NOUN = (
    r"(?:candidate|applicant|manager|person|developer|engineer|officer|coordinator|fellow"
    r"|student|intern|hire|lead|director|designer|scientist|researcher|analyst|administrator)s?"
)
_HOPED_FOR = re.compile(
    # "An ideal candidate should also be familiar with …"
    r"^(?:the|an)\s+ideal\s+candidates?\s+(?:will|would|should)\s+(?:also\s+)?"
    r"(?:have|be|possess|bring|demonstrate|show|hold|follow|know)\b"
    r"|\bthose\s+are\s+(?:all\s+)?pluses\b"
    r"|\b(?:is|are)\s+(?:useful|helpful|welcome|preferred|desirable|desired)\s+but\s+not"
    r"\s+(?:required|essential|necessary)\b"
    # "Ideally, the project manager should be well connected to …"
    rf"|^(?:ideally|preferably),?\s+the\s+(?:[\w-]+\s+){{0,3}}?{_ROLE_NOUN}\s+(?:should|would)\b"
    # Swedish: "Vi ser det som ett extra plus om du …"; German "Toll wäre, wenn du …"
    r"|\bett\s+(?:extra\s+)?plus\s+om\b|^(?:toll|schon|super)\s+ware,?\s+wenn\s+du\b"
    # "Wir sind begeistert, wenn du … mitbringst", "Wir freuen uns besonders, wenn du …"
    r"|^wir\s+(?:sind\s+begeistert|freuen\s+uns(?:\s+besonders|\s+sehr)?),?\s+wenn\s+du\b"
    # "Erfahrungen in … sind von Vorteil.", "Wünschenswert wäre außerdem …"
    r"|\b(?:ist|sind|ware|waren)\s+von\s+vorteil\b|^wunschenswert\s+(?:ware|ist|sind)\b"
)
YOU_MUST = re.compile(
    # "To be successful in this role, you must be team oriented"
    rf"(?:{_NOT_HOPING}[^,]{{3,50}},\s*)?(?:you\s+must|vous\s+devez)\s+{ASKED_VERBS}\b"
    # "The project manager should demonstrate deep insight into …", "In addition to …, the
    # manager should have experience …": the person hired, by their role.
    rf"|(?:{_NOT_HOPING}[^,]{{3,80}},\s*)?the\s+(?:[\w-]+\s+){{0,3}}?{_ROLE_NOUN}\s+(?:should|must)\s+"
    rf"(?:also\s+)?{ASKED_VERBS}\b"
    rf"|{SWEDISH_ASKED}|{GERMAN_ASKED}"
    # "Candidates that have training in … are encouraged to apply."
    r"|(?:candidates|applicants)\s+(?:that|who)\s+(?:have|hold)\b.{5,250}\bare\s+"
    r"(?:strongly\s+)?encouraged\s+to\s+apply\b"
    # "The ideal candidate is comfortable talking to …" (what they "will have" is hoped for)
    r"|the\s+ideal\s+candidates?\s+(?:is|are|has|have)\b"
)
# "Experience of software development … is an essential requirement for this role."
_ESSENTIAL = re.compile(
    r"\b(?:is|are)\s+an?\s+(?:essential|key|necessary|mandatory)\s+requirement\b"
)


def stated_requirements(
    paragraphs: list[str], *, preferences_only: bool = False
) -> list[ParsedCriterion]:
    """Requirements written as a line apart, outside any requirements list (a banner at the
    top: "👉 Passeport APE requis"): each a must; and preferences so written, each nice."""
    found: list[ParsedCriterion] = []
    for paragraph in paragraphs:
        line = paragraph.strip()
        # "You must have documented experience as …. You must have …": each sentence asks.
        said = [sentence.strip() for sentence in sentences(line)]
        if not preferences_only:
            found.extend(
                ParsedCriterion(s, MUST)
                for s in said
                if YOU_MUST.match(fold(s)) or _ESSENTIAL.search(fold(s))
            )
        # "The ideal candidates will have …", "… is useful but not required": hoped for.
        found.extend(ParsedCriterion(s, NICE) for s in said if _HOPED_FOR.search(fold(s)))
        match = None if preferences_only else _STATED_REQUIREMENT.match(fold(line))
        if match and len(match.group("text").split()) <= MAX_STATED_REQUIREMENT_WORDS:
            found.append(ParsedCriterion(re.sub(r"^[^\w(]+", "", line), MUST))
        elif _STATED_PREFERENCE.match(fold(line)):
            found.append(ParsedCriterion(line, NICE))
    return found
