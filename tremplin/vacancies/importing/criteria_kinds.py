"""What a heading, a lead-in or a bullet says its criteria are: a must, a nice-to-have, a
personal quality, or no criteria at all (duties, the offer, the organization); and a criterion
found, with its kind. Read by the criteria finders (``criteria.py``,
``criteria_sentences.py``) and by the title finder, which takes no requirements heading for a
role."""

import re
from dataclasses import dataclass

from tremplin.vacancies.importing.textutil import fold

MUST = "must"
NICE = "nice"
QUALITY = "quality"
NOT_CRITERIA = "none"
LISTS = (MUST, NICE, QUALITY)

# Checked in this order on the heading lower-cased without accents.
# "… the following qualities, but they're completely optional": optional, whatever else.
OPTIONAL = r"\b(?:completely|entirely|totally|purely) optional\b"
_HEADING_KINDS = (
    (NICE, OPTIONAL),
    # "Vos atouts", "Les atouts pour la personne recherchée", "Les atouts du candidat", "Profil
    # et atouts", "Ton profil, tes atouts": the person's strengths, asked for (alone, "Atouts"
    # are pluses).
    (
        MUST,
        r"^(?:vos|tes)\s+atouts\b(?!.*\b(?:supplementaires?|en plus|bonus)\b)"
        r"|\bprofil\s*(?:et|,|&)\s*(?:(?:vos|tes|les|ses)\s+)?atouts\b"
        r"|\batouts\s+(?:pour|de|du)\s+(?:la\s+personne|l['’]\s*candidat|(?:(?:le|la)\s+)?candidat)",
    ),
    (
        QUALITY,
        r"qualites? (?:personnelles?|humaines?)|savoir[- ]etre|soft skills|personal qualit"
        r"|^(?:les |vos |tes )?qualites\s*:?$"  # "## Qualités"
        r"|personal attributes|personal traits|personality|qualities"
        # German "Deine Eigenschaften", "Persönlichkeit"
        r"|\beigenschaften\b|\bpersonlichkeit\b",
    ),
    (
        NICE,
        r"\batouts?\b|\bideal(?:ly|ement)\b|\ba plus\b|\bun plus\b|\bbonus\b|desirable"
        # "Les petits + :", "Les petits plus", "Les + :"
        r"|^les (?:petits )?(?:\+|plus)\W*$"
        r"|(?:nice|good)[- ]to[- ]have|\bpreferred\b|\bapprecie|souhaitables?|\boptional\b"
        r"|\boptionnel|\bnot (?:required|mandatory|necessary)\b"
        # "And we prefer, but don't require, that you:"
        r"|\bprefer\b|\bdon.t require\b"
        r"|facultati|advantage|\bvalorise|would be great|\bserait (?:genial|super|top)\b"
        r"|\b(?:able|willing) to learn\b"
        r"|\bcan learn\b|capacite d.apprendre|\bdesire to learn\b"
        # "Here are some things we'll help you learn on the job if you don't know them:"
        r"|\bhelp you learn\b|\blearn on the job\b"
        # "Other things that are helpful", "Autres capacités utiles"
        r"|\b(?:other|autres)\b[^:]*\b(?:helpful|utiles)\b"
        # "What would make me excited in a resume?": what stands out, not what is asked;
        # "We would love"
        r"|\bmake (?:me|us) excited\b|\bwe(?:['’]d| would) love\b"
        # "Plus significatifs :", "Les plus :": the pluses.
        r"|\bplus significatifs?\b|^(?:les |quelques )?plus\s*:?\s*$"
        # German: "Wünschenswert", "Von Vorteil"; Italian "Titoli preferenziali", "Graditi";
        # Dutch "Pluspunten"
        r"|\bwunschenswert|\bvon vorteil\b|\bidealerweise\b|\bpreferenzial|\bgradit[oaie]\b"
        # Spanish "Sumás con", "Se valorará", "Deseable"; Swedish "Det är meriterande om"
        r"|\bsumas con\b|\bse valorar|\bvaloramos\b|\bdeseables?\b|\bmeriterande\b"
        r"|\bpluspunt|\bappreciate\b"
        # Dutch "Pré:", a plus
        r"|^pre\s*:?$"
        r"|\badditional (?:qualifications|skills|requirements)\b"
        r"|\byou (?:might|may) (?:also )?have\b"
        # "The following will also count positively to any application"
        r"|\bcounts? positively\b|\bin your favou?r\b|\bcompteront positivement\b"
        # "Vous marquerez des points supplémentaires si", "Bonus points if you"
        r"|\bpoints supplementaires\b|\b(?:bonus|extra) points\b"
        # "Avez-vous une ou plusieurs de ces compétences ?": asked whether one has some (not
        # "Previous experience with any of the following:", one of which is asked).
        r"|\b(?:une ou plusieurs|one or more|some) (?:de ces|of (?:these|the following))\b.*\?\s*$"
        # "Additionally, for the design position, it would be helpful to have:", "Ideal
        # candidate will also have experience in:"
        r"|^(?:additionally|in addition)\b(?!.*\b(?:must|required|need)\b)"
        r"|\bideal candidates? (?:will|would|should) also\b",
    ),
    (
        MUST,
        r"indispensables?|\brequire[sd]\b|\brequis|\bessential|\bessentiel|\bmust\b|mandatory"
        r"|obligatoires?|\bexige|\bminimum\b|prerequis|prerequisites?"
        # "Les qualités nécessaires pour le poste sont les suivantes :" (not "il est
        # nécessaire de :", what has to be done)
        r"|(?<!\bpas )(?<!\bnon )\bnecessaires?\b(?!\s+(?:de|d['’]|a)\b)",
    ),
    (
        MUST,  # a requirements list with no split
        r"\bprofil|\bprofile\b|requirements?|qualifications?|\bskills?\b|competences?"
        r"|\bexperiences?\b|\battributes\b|who you are|looking for"
        r"|what you(?: will|'ll)? (?:bring|have|need)|what we need\b|\byou (?:should|must) have\b"
        r"|recherch|\bcriteria\b|\bcriteres\b|vous etes|\byou are\b|\bcandidat(?:e)?s?\b"
        r"|savoir-faire|\bexpertises?\b|excited about|\b(?:someone|candidates?|people|engineers?"
        r"|developers?|persons?) who\b|ideal candidate|what we(?:'re| are) looking|prerequis"
        r"|eligib|admissib|who (?:can|should) apply|who is (?:it|this) for\b"
        r"|\bdevr(?:a|ez|ont)\b|\bdoi(?:t|vent)\b"
        r"|\battentes\b|what we expect|\bexpectations\b|fit right in|\bright (?:person|fit)\b"
        r"|\brecrue\b"  # "La nouvelle recrue idéale", who is sought
        # "Cette personne sera également :", what the person is; not "sera chargée de :"
        r"|\b(?:cette|la) personne sera(?: egalement| aussi)?\W*$"
        r"|\bthis person will (?:also )?be\W*$"
        # "Certifications / Outils / Langages": what the candidate holds and uses; "Tu
        # maîtrises :", what they master
        r"|\bcertifications?\b|\b(?:tu maitrises|vous maitrisez)\b"
        r"|\bthrive\b|bonne personne|\ba good fit\b|\bgood fit if\b|competenc(?:y|ies)"
        # "Characteristics that we look for in Fellows include:"; the UK civil service's
        # "Person specification"; "We are seeking mentors from the community who have:"
        r"|\bwe look for\b|\bperson specification\b|\bwho (?:have|has)\s*:?$"
        # "As Community Coordinator, you:", "Ce poste est pour vous si :", "What does an
        # Acme employee look like?", "Ce poste est fait pour vous, si vous :"
        r"|,\s*you\s*:?\s*$|\b(?:pour vous|for you),? si\b|\bfor you,? if\b"
        # "Ce rôle vous convient parfaitement si :", "Ce poste te correspond si :"
        r"|\b(?:vous|te) (?:convient|correspond)(?: parfaitement)? si\b"
        r"|\b(?:employee|candidate|colleague|person|member|hire)s?\s+looks?\s+like\b"
        # "About You", "Outreachy needs you to:"
        r"|\babout you\b|\bneeds? you to\b|^you (?:have|bring|should have)\b|\bwho are you\b"
        # "As the team leader, we expect you to:", "We expect, at a minimum, that…"
        r"|\bwe expect\b"
        # "Ce qui est important pour nous :", "What matters to us"
        r"|\b(?:important|compte) pour nous\b|\bwhat(?:['’]s| is) important to us\b"
        r"|\bwhat matters to us\b"
        # "We'll evaluate you based on:", "Nous vous évaluerons en fonction de :", "Votre
        # candidature sera évaluée en fonction de votre :"
        r"|\bwe(?:['’]ll| will) evaluate you\b|\bnous vous evaluerons\b"
        r"|\b(?:votre candidature|vous) sera evaluee?\b|\byou will be evaluated\b"
        # German: "Unsere Anforderungen", "Was du mitbringst", "Deine Qualifikationen",
        # "Wichtig für uns ist"
        r"|\banforderung|\bqualifikation|\bkenntnisse\b|\bvorr?aussetzung|\bmitbringen\b"
        r"|\bmitbringst\b|\bwichtig fur uns\b|\bfur uns wichtig\b"
        r"|\bkompetenzen\b"  # "Diese Kompetenzen wünschen wir uns"
        # "Das bringst du mit", "Was bringen Sie mit"
        r"|\bbring(?:st du|en sie) mit\b"
        # "Das zeichnet dich aus", "Was Sie auszeichnet"
        r"|\bzeichnet (?:dich|sie) aus\b|\b(?:dich|sie) auszeichnet\b"
        r"|\bwas wir (?:erwarten|voraussetzen)\b|\bdas erwarten wir\b"  # "Was wir erwarten"
        # Italian: "Requisiti", "Qualifiche chiave", "Competenze richieste", "Esperienza
        # richiesta"; Dutch: "Je hebt", "Wat wij vragen", "Functie-eisen", "Profiel"
        r"|\brequisiti\b|\bqualifiche\b|\bcompetenze\b|\brichiest[aei]\b|\bprofilo\b"
        r"|\bje hebt\W*$|\bwat (?:wij|we) vragen\b|\bfunctie-?eisen\b|\bprofiel\b|\bvereisten\b"
        r"|\b(?:dit|wie) ben jij\b|\bwat staat er op je cv\b|\bwat breng je mee\b|\bcompetenties\b"
        r"|\bwat verwachten (?:we|wij)\b|\bwhat is expected of you\b|\bvaardigheden\b"
        r"|\bvragen (?:we|wij) van (?:jou|je|u)\b"  # "Daarbij vragen we van jou:"
        # Spanish "Requerimientos", "Requisitos", "Lo que buscamos"; Swedish "SKALL-krav",
        # "Kvalifikationer", "Vi söker dig som"
        r"|\brequerimientos\b|\brequisitos\b|\blo que buscamos\b|\bskall-krav\b|\bska-krav\b"
        r"|\bkvalifikationer\b|\bkrav\b"
        # "Here's what we'd like you to bring to the team:", "To accomplish this, you should:"
        r"|\b(?:like|want|need) you to bring\b|\bbring to the team\b|\byou (?:should|must)\s*:?$",
    ),
    (
        NOT_CRITERIA,
        r"responsabilit|responsibilit|mission|\btaches\b|\bduties\b|\brole\b|\bposte\b|conditions|\boffer"
        r"|\boffre\b|benefits|avantages|\babout\b|a propos|\bapply|postuler|candidature|how to"
        r"|comment\b|description|context|\bteam\b|equipe|salary|remuneration|process"
        r"|\bcontact|overview|apercu|summary|resume\b|what you(?:'ll| will) do|activit|\bwe\b"
        r"|\bnous\b|\bus\b|\btasks\b|\baufgaben\b|\bwir\b|\bbewerbung"
        r"|\bwhat you(?:['’]ll| will)? get\b"
        r"|\bmodalites\b|\bdetails techniques\b"  # how the work is done: the terms
        # "Notre stack", "Tech stack": what the team works with, not what it asks (not a
        # "full-stack" developer).
        r"|(?<![-\w])stack\b(?!-)",
    ),
)


# A bullet of a mixed requirements list that says it is optional.
NICE_BULLET = re.compile(
    r"\bnot (?:required|necessary|mandatory|essential)\b"
    r"|\b(?:is |are |would be )?a (?:big |huge |real |definite |great |strong )?plus\b"
    # "… is a huge asset", "… would be a valuable advantage"
    r"|\b(?:is|are|be)\s+(?:also\s+)?(?:considered\s+|seen\s+as\s+)?an?\s+(?:(?:real|definite"
    r"|strong|great|huge|big|major|valuable|significant)\s+)?(?:asset|advantage)\b"
    r"|\bnice[- ]to[- ]have\b|\bbonus\b|\badvantageous\b"
    r"|\b(?:is |are |strongly |highly )preferred\b|\bdesired\b"
    # "… roles preferred, or alternatively in a lobby group", "… preferred, but not required"
    r"|\bpreferred\W*$|\bpreferred\s*,\s*(?:or|but)\b"
    r"|\b(?:est|sont|constituen?t) un avantage\b"  # "La maîtrise de SAP est un avantage important"
    r"|\bwould love\b|\bun (?:vrai |reel |gros )?(?:plus|atout)\b"
    # "Knowledge of Quickbooks would be great.", "It would help for you to have …"
    r"|\bwould (?:sure |also )?be (?:great|cool|nice|useful|helpful|ideal)\b|^it would help\b"
    # "… seraient des plus", "… serait un atout", "… serait idéale"
    r"|\bserai(?:t|ent) (?:(?:un |des )?(?:plus|atouts?|apprecie)|ideale?s?\b)"
    # "souhaité" (wished for), not "qui souhaite s'impliquer" or "et souhaite t'impliquer" (the
    # person's own wish); "apprécié", not "tu apprécies de prendre le temps".
    # ("apprécie le travail collaboratif", the person's own liking, neither.)
    r"|\bapprecie(?:e|s|es)?\b"
    r"(?!\s+d(?:e\s+|['’]\s*)\w+(?:er|ir|re)\b|\s+(?:le|la|les|l['’]))"
    r"|(?<!\bqui )(?<!\btu )(?<!\bje )\bsouhaite(?:e|s|es)?\b"
    r"(?!\s+(?:t|s|m)['’]|\s+\w+(?:er|ir)\b)"
    r"|\bsouhaitables?\b|\bfacultati|\boptionnel"
    r"|\bidealement\b|\bbienvenue?s?\b"  # "Expérience de … bienvenue"
    r"|\bideally\b|^(?:preferably|de preference)\b|\b(?:strongly |highly )?recommended\b"
    # "La préférence sera accordée aux …", "La priorité sera accordée aux candidats qui …",
    # "Priority will be given to …", "Nous privilégions davantage les candidatures qui …"
    r"|\b(?:preference|priorite|priority) (?:sera|will be) (?:accordee|donnee|given)\b"
    r"|^nous privilegions\b"
    r"|\bvon vorteil\b|\bwunschenswert|\bidealerweise\b|\bwaren? ideal\b"  # "… wären ideal"
    r"|^ein plus\b|\bkein muss\b"  # "Ein Plus (aber kein Muss) wären Erfahrungen …"
    r"|^wir (?:sind begeistert|freuen uns(?: besonders| sehr)?),? wenn du\b"
    r"|\b(?:fortement |vivement )?recommandee?s?\b"
    # "Optional: Erfahrung mit Docker", "Plus: Du kennst…", "Atout : Docker", "Ideal: …",
    # "L'idéal : quelqu'un qui …", "… is een pré",
    # "… costituisce titolo preferenziale"
    r"|^(?:optional|plus|atout|asset|(?:l['’]\s*)?ideal)\s*:|\bis een (?:pre|plus)\b|\bpluspunt\b"
    r"|^(?:les\s+)?\+\s*:"  # "Les + : Play2 Scala, ElasticSearch"
    r"|\bpreferenzial|\bgradit[oaie]\b"
    r"|\bcostituisce (?:un )?(?:plus|vantaggio)\b"
    # "… is fijn, maar niet noodzakelijk", "nicht zwingend erforderlich"
    r"|\bniet noodzakelijk\b|\bnicht (?:zwingend )?(?:erforderlich|notwendig)\b"
    r"|\beven better\b|\bencore mieux\b|^bonus if\b|\b(?:is|are)\s+(?:beneficial|preferable)\b"
    # "… are particularly desirable", "… seront considérées comme des atouts", "Dans l'idéal,
    # maîtrise de …"
    r"|\b(?:is|are)\s+(?:(?:particularly|highly|also)\s+)?desirable\b"
    r"|\bcomme\s+(?:un|des)\s+(?:atouts?|plus)\b|^dans l['’]\s*ideal\b"
    r"|^aura\s+comme\s+atouts?\b"  # "Aura comme atout une compréhension …"
    # "Familiarity with GitHub beneficial", "Back-end experience preferable"
    r"|\b(?:beneficial|preferable)\W*$"
    # Swedish: "Vi ser det som ett extra plus om du …", "… är meriterande"
    r"|\bett (?:extra )?plus\b|\bmeriterande\b"
)


# "Essential:" then "Desired:", "Required qualifications" then "Desired qualifications",
# "Skills we expect" then "Skills we want": what the posting wishes for, set against what it
# requires. Alone, "Desired Skills and Attributes" are what it asks.
_DESIRED = re.compile(r"^(?!.*\brequired\b).*\b(?:desired|skills\s+we\s+want)\b")


def heading_kind(heading: str, *, against_required: bool = False) -> str | None:
    """What a heading's bullets are (MUST, NICE, QUALITY, NOT_CRITERIA), None if it says not;
    ``against_required``, when the posting heads its requirements as such."""
    folded = fold(heading)
    if against_required and _DESIRED.search(folded):
        return NICE
    for kind, pattern in _HEADING_KINDS:
        if re.search(pattern, folded):
            return kind
    return None


@dataclass(frozen=True)
class ParsedCriterion:
    """A requirement as the posting words it, and its kind (MUST, NICE or QUALITY)."""

    text: str
    kind: str

    def as_json(self) -> dict[str, str]:
        return {"text": self.text, "kind": self.kind}
