"""The organization a posting states as the one that hires (its title, when the body states
it, is read in ``body_title``).

Each extractor returns None when the posting does not state the name: nothing is guessed
(a signature closing the posting, and the apply address's domain, are read in
``signature``).
"""

import re

from tremplin.vacancies.importing.acronyms import (
    AN_ACRONYM,
    organization_named_with_acronym,
    spelled_out,
)
from tremplin.vacancies.importing.frontmatter import text_value
from tremplin.vacancies.importing.structure import Document, strip_inline_markup
from tremplin.vacancies.importing.textutil import fold, sentences, without_pictograms
from tremplin.vacancies.importing.titles import HIRING_SENTENCE, TITLE_PREFIX

_I = re.IGNORECASE

# --- Organization ------------------------------------------------------------------------


def opening(document: Document) -> str:
    """The body's first text, heading or paragraph ("Acme - Designer - Remote - Full time")."""
    first = document.sections[0] if document.sections else None
    if first is None:
        return ""
    return first.heading or (first.paragraphs[0] if first.paragraphs else "")


# "Funding Community Manager — OpenAlex": a heading's role, then a name after a dash.
_ROLE_THEN_NAME = re.compile(
    r"^\S.{2,80}?\s*[—–]\s+(?P<name>[A-ZÀ-ÖØ-Þ][\w&'’.-]*(?:\s+[A-ZÀ-ÖØ-Þ][\w&'’.-]*){0,3})$"
)


def _organization_after_role(document: Document) -> str | None:
    """The name after the role in the body's first heading ("Funding Community Manager —
    OpenAlex"), when the text writes it twice more: who hires, not a word on the role."""
    heading = without_pictograms(document.title_heading or document.first_heading or "")
    if not (match := _ROLE_THEN_NAME.match(heading.strip())):
        return None
    name = match.group("name")
    written = re.findall(rf"(?<![\w-]){re.escape(name)}(?![\w-])", document.plain_text)
    return as_name(name) if len(written) >= 3 else None


_ABOUT = re.compile(
    # "About OLS and this role", "À propos de X et du poste", "À propos du Service numérique
    # canadien": the name, the role aside.
    r"^(?:À|A)\s+propos\s+(?:de\s+|d['’]\s*|du\s+)(?P<name>.+?)(?:\s+et\s+du\s+poste)?$"
    r"|^About\s+(?P<en>.+?)(?:\s+(?:and|&)\s+(?:this|the)\s+(?:role|position|job))?$"
    # "Qui sommes-nous : l'Incubateur des Territoires", "Who we are: Acme".
    r"|^(?:qui\s+sommes[- ]nous|who\s+we\s+are|about\s+us)\s*\??\s*[:–—-]\s*"
    r"(?:l['’]\s*|(?:le|la|les|the)\s+)?(?P<us>[A-ZÀ-ÖØ-Þ].+)$"
    # "Om Digidem Lab", "Over Fietsherstel", "Über Offene Karten", "Sobre X"; "Port Zero: Über
    # uns", the name before.
    r"|^(?:om|over|über|sobre)\s+(?P<other>.+)$"
    r"|^(?P<before>[^:]{2,60}?)\s*[:–—-]\s*(?:über\s+uns|about\s+us|à\s+propos|wer\s+wir\s+sind)$"
    # "Working for the OWASP Foundation", "Travailler chez Acme", "Interested in working at
    # OpenUp?": what working there is like (not at two, "Working at ROR & Crossref").
    r"|^(?:interested\s+in\s+)?(?:working|work|travailler|arbeiten)\s+(?:for|at|with|chez|pour"
    r"|bei)\s+(?:the\s+)?(?P<work>[A-ZÀ-ÖØ-Þ](?:(?!\s(?:&|and|et|und)\s)[^?])*)\s*\??$",
    _I,
)
NOT_A_NAME = frozenset(
    (
        *("us", "you", "me", "the", "this", "our", "your", "le", "la", "les", "l", "ce"),
        *("cette", "notre", "nos", "votre", "vos", "nous", "vous", "moi", "poste", "role"),
        *("rôle", "mission", "job", "position", "team", "équipe", "equipe", "candidat"),
        *("preferably", "ideally", "either", "anywhere", "idéalement", "idealement"),
        *("candidate", "unser", "unsere", "ons", "onze"),
    )
)
_LABELLED_ORG = re.compile(
    r"^(?:(?:hiring\s+)?organi[sz]ation|company|employer|employeur|structure|entreprise|agency"
    r"|organisme(?:\s+employeur)?)\s*:\s*(?P<name>.+)$",
    _I,
)


def as_name(text: str) -> str | None:
    name = text.strip().rstrip(":").strip()
    # "pyOpenSci", "eBay": a lower-case letter, then capitals, is a name too.
    # "Qui sommes-nous : Beta ?": a question, no name.
    if (
        not name
        or len(name) > 100
        or not re.match(r"[A-ZÀ-ÖØ-Þ\d]|[a-z]+[A-Z]", name)
        or "?" in name
    ):
        return None
    first_word = re.split(r"[\s'’]", fold(name), maxsplit=1)[0]
    return None if first_word in NOT_A_NAME else name


_LOWER_CAMEL = r"[a-z]+[A-Z][\w&'’.-]*"
_HIRING = re.compile(
    # A name, or a site's address ("data.gouv.fr recrute").
    # "18F is looking for", a name opening with digits.
    # "arXiv is hiring", "lowRISC C.I.C. is a not-for-profit": a lower-case letter, then
    # capitals, opens a name too.
    rf"^(?P<name>(?:[A-ZÀ-ÖØ-Þ][\w&'’.@-]*|\d+[A-Z][\w&'’.-]*|{_LOWER_CAMEL}"  # "Loc@docs"
    r"|[a-z][\w-]*(?:\.[a-z][\w-]*)+)(?:\s+[\w&'’.-]+){0,6}?)"
    # Asides: "Archifiltre (https://…), une des startups d'État du ministère, cherche", "The
    # OONI team (a non-profit fighting internet censorship, originally born out of the Tor
    # Project) is looking for".
    r"(?:\s*\([^()]{1,120}\))?(?:\s*,\s+[^,]{3,120},)?"
    # "The X Lab in the Department of Y at Z invites applications": the lab, not its home.
    r"(?:\s+in\s+the\s+(?:Department|School|Faculty|Division|Institute)\s+of\s+[^,.;]{3,100}?)?"
    # "DataCite is Hiring another Developer": a headline's capitals; "Code for America is now
    # recruiting summer interns": when.
    r"\s+(?:(?i:is\s+(?:(?:now|currently|actively)\s+)?(?:seeking|hiring|looking\s+for|recruiting)"
    r"|are\s+hiring)|seeks|(?-i:Seeking)"  # "OpenHW Group Seeking CEO", a headline
    r"|invites?\s+applications"
    # "Trackdéchets et Kelrisks recrutent": two who hire.
    # ("X cherche à simplifier…" seeks to do, not to hire; "X recherche à Lyon" hires.)
    # "X grandit et recherche", "X se développe et recrute": a verb of its own before.
    r"|(?:(?:se\s+|s['’])?[a-zà-ÿ]{4,}\s+et\s+)?"
    # ("Euphrosyne et Django se cherchent !": each other, no hire.)
    r"(?<!\bse\s)(?:recrute|recherche|cherche|embauche)(?:nt)?(?!\s+à\s+[a-zà-ÿ]+(?:er|ir|re)\b)"
    r"|(?:est|sont)\s+à\s+la\s+recherche"
    # "La Ville de X désire combler des postes", "Acme is looking to fill a role".
    r"|(?:désire|souhaite|veut|cherche\s+à)\s+(?:combler|pourvoir)"
    r"|is\s+looking\s+to\s+(?:fill|hire)"
    # German, Dutch and Italian: "X sucht", "X zoekt", "X is op zoek naar", "X è alla ricerca"
    # ("Im Rahmen des Projekts suchen wir": the verb before its subject names no hirer).
    r"|such(?:t|en)(?!\s+(?:wir|sie|ihr)\b)|zoek(?:t|en)(?!\s+(?:wij|we)\b)"
    r"|(?:is|zijn)\s+op\s*zoek\s+naar|(?:è|sono)\s+alla\s+ricerca"
    r"|cerca(?:no)?|s[öo]ker"
    # "Activist Handbook is expanding the coordination team!"
    r"|is\s+expanding\s+(?:its|their|our|the)\s+(?:[\w-]+\s+)?team)\b"
)
_CONJUNCTION = re.compile(r"^(?:Since|Because|As|While|Although|Puisque|Comme|Lorsque)\s+")
# "Les Amis du Parc sont une association…", "Fictive Trust is a charity…": who the text
# presents as an organization, by what it is.
_IS_AN_ORGANIZATION = re.compile(
    # A name ("2i2c" too), or a site's address ("transport.data.gouv.fr est la plateforme…").
    r"^(?P<name>(?:[A-ZÀ-ÖØ-Þ]|\d+[A-Za-z]|[a-z]+-?[A-Z])[\w&'’.-]*"  # "e-MJPM est une start-up"
    r"(?:\s+(?:[-–]\s+)?[\w&'’.-]+){0,6}?|[a-z][\w-]*(?:\.[a-z][\w-]*)+)"
    # "Code for Science & Society (CS&S) is a US-based 501(c)(3) nonprofit": its acronym
    # aside; "X is an open, global community teaching…": two words may describe it.
    r"(?:\s*\([A-Z][\w&.]{1,9}\))?"
    # "Open Knowledge Belgium (non-profit/vzw/asbl), as local chapter of X, is an…"
    r"(?:\s*\([^()]{1,40}\))?(?:,\s+(?:as|en\s+tant\s+que)\s+[^,]{3,80},)?"
    # German: "Die Open Knowledge Foundation Deutschland ist ein gemeinnütziger Verein"
    r"(?:\s+(?:est|sont|is|are|ist)|,?\s+c['’]est|\s+was\s+(?:established|founded|set\s+up)"
    r"(?:\s+in\s+(?:\w+\s+)?\d{4})?\s+as)"  # "X was established in March 2022 as a …"
    r"\s+(?:(?:un|une|le|la|a|an|the|ein|eine)\s+|l['’]\s*)"  # not the "a" of "are at the centre"
    r"(?:[\w()-]+,?\s+){0,2}?"
    r"(?:association|asbl|ong|organisme|organisation|organization|centre|center|syndicat"
    r"|fondation|foundation|co-?op[ée]rative|fédération|federation|collectif|réseau|network"
    r"|charity|non-?profit|ngo|institut|institute|laboratoire|laboratory|think[- ]tank"
    r"|entreprise|company|[Ss]tart-?up|mouvement|movement|plateforme|platform|community"
    r"|communauté|structure|team|équipe|lab|group|[Vv]erein|[Ss]tiftung|[Gg]enossenschaft"
    r"|dispositif)\b"  # "Mon stage de 3e est un dispositif qui permet…": a public scheme
)
# "Apply to become a Handbook Editor for Fictive Trust" (a front matter description).
_APPLY_FOR = re.compile(
    r"^(?i:apply|postule[rz]?)\b.*?\b(?i:for|at|with|pour|chez)\s+"
    r"(?P<name>[A-ZÀ-ÖØ-Þ][\w&'’.-]*(?:\s+[A-ZÀ-ÖØ-Þ][\w&'’.-]*){0,4}?)\s*[.!]?$"
)
_PROJECT_NAMED = re.compile(
    r"(?:^|(?<=[.!?])[ \t]+)(?:le\s+projet|the\s+project)\s*:\s*"
    r"(?P<name>[\w@.’'-]+(?:[ \t]+[\w@.’'-]+){0,2})[ \t]*$",
    _I | re.MULTILINE,
)
_TO_FILL = re.compile(r"\b(?:combler|pourvoir|to\s+fill)\b", _I)
# "L'équipe data.gouv.fr recrute", "The Acme team is hiring": the organization is X.
_TEAM_OF = re.compile(
    r"^(?:l['’]\s*équipe\s+(?:de\s+|du\s+|d['’]\s*)?|the\s+team\s+(?:at|of)\s+"
    # "**Job description:** Measurement Lab is seeking …": a field's label before it.
    r"|(?:job\s+description|description|summary)\s*:\s*"
    # "Dans ce cadre, l'ANSSI recrute": a link to the sentence before, then the name.
    r"|(?:dans\s+ce\s+cadre|c['’]est\s+pourquoi|pour\s+cela|à\s+ce\s+titre|aujourd['’]hui"
    r"|to\s+that\s+end|today),?\s+(?:l['’]\s*(?-i:(?=[A-ZÀ-ÖØ-Þ])))?)",
    _I,
)
_ACRONYM_ASIDE = re.compile(r"\s*\([A-Z][A-Z0-9&.]{1,9}\)\s*$")
_ACRONYM = re.compile(r"^(?:(?:le|la|les|l['’]|the)\s+)?[A-Z0-9&.]{2,10}$", _I)


# "Our team is hiring", "Notre association recrute": no name ("Les Amis de la Terre" is).
NOT_A_HIRER = frozenset(
    (
        *("we", "nous", "on", "our", "notre", "this", "cette", "ce", "cet", "il", "elle"),
        *("ils", "elles", "who", "qui", "job", "poste", "role", "team", "equipe", "l'equipe"),
        *("your", "votre", "my", "mon", "ma", "it", "there", "here", "which", "que"),
        *("vous", "you", "tu", "je", "i"),  # "Vous êtes à la recherche d'un stage ?"
        *("if", "si", "when", "quand", "whether", "un", "une", "a", "an"),  # "Une startup …"
        *("wir", "ich", "du", "ihr", "sie", "unser", "unsere", "wij", "jij", "ons", "onze"),
        *("vi", "jag", "vår"),  # Swedish: "Vi söker dig som…"
    )
)


def names_a_hirer(name: str) -> bool:
    """Whether ``name`` names someone ("Our team", "We" do not; "We All Code", every word
    capitalised, does; "In July 2021 we", a time before the pronoun, does not; nor does
    an article alone: "La recherche de la qualité…" is about research, and so is "La mission
    comprend de la recherche…", words ending with an article)."""
    words = name.split()
    if len(words) >= 2 and all(word[:1].isupper() for word in words):
        return True  # a proper name
    # "Jeune équipe de quatre recherche …": a team described, no name after it (not "The
    # Events Team at NMS", nor "The OONI team", which ends with the word).
    team = next((i for i, word in enumerate(words[1:-1], 1) if fold(word) in ("equipe", "team")), 0)
    described_team = bool(team) and not any(word[:1].isupper() for word in words[team + 1 :])
    return (
        bool(words)
        and not described_team
        and fold(words[0]) not in NOT_A_HIRER
        and fold(words[-1]) not in _WE
        and fold(words[-1]) not in _ARTICLES
    )


_WE = frozenset(("we", "nous", "on", "wir", "wij", "vi", "they", "ils", "elles"))
_ARTICLES = frozenset(
    ("the", "a", "an", "le", "la", "les", "un", "une", "de", "du", "des", "die", "der", "das")
)


def _without_elided_article(name: str) -> str:
    """ "L'Incubateur des Territoires" names the Incubateur des Territoires; "L'Oréal", one
    word, is a name as it stands, and so is "La Coop du Marais". Before a word in lower case
    the article is the sentence's: "L'e-inspé" is e-inspé, "L'incubateur de la DINUM" the
    Incubateur de la DINUM."""
    if lower := re.match(r"^L['’]\s*(?P<rest>[a-zà-ÿ]\S*)(?P<more>\s+\S.*)?$", name):
        rest = lower.group("rest")
        return rest[:1].upper() + rest[1:] + lower.group("more") if lower.group("more") else rest
    match = re.match(r"^L['’]\s*(?P<rest>[A-ZÀ-ÖØ-Þ]\S*\s+\S.*)$", name)
    return match.group("rest") if match else name


def _full_name(name: str) -> str:
    """ "Le CEF - Comité des Élèves Francophones": the name spelled out, not its acronym;
    "Die Open Knowledge Foundation Deutschland": the name without its German article."""
    name = re.sub(r"^(?:Die|Der|Das)\s+(?=\S+\s+\S)", "", name)
    parts = [part.strip() for part in re.split(r"\s+[-–]\s+", name)]
    if len(parts) == 2 and _ACRONYM.match(parts[0]) and parts[0].split()[-1].isupper():
        return parts[1]
    return name


# "The Outreach Team at CDS is hiring", "The Carter Lab at The Jackson Laboratory is
# seeking": the organization is CDS, the Jackson Laboratory.
_TEAM_AT = re.compile(
    r"^(?:the\s+)?(?:[\w-]+\s+){0,4}(?:team|lab|group)\s+(?:at|of)\s+(?P<org>\S.*)$", _I
)
# "L'équipe de liaison et diffusion du SNC est à la recherche d'un assistant".
_TEAM_OF_NAME_HIRING = re.compile(
    r"^(?i:l['’]\s*équipe\s+(?:[\w'’-]+\s+){0,6}?(?:du|de\s+la|de\s+l['’]|des|de)\s+)"
    r"(?i:start-?up\s+d['’]\s*[ée]tat\s+)?"
    r"(?P<name>[A-ZÀ-ÖØ-Þ][\w&'’.-]*(?:\s+[A-ZÀ-ÖØ-Þ][\w&'’.-]*){0,3})(?:\s*\([^()]{1,120}\))?\s+"
    r"(?:recrute|recherche|cherche|embauche|(?:est|sont)\s+à\s+la\s+recherche)\b"
)
# "beta.gouv recrute : une ou un designer pour e.contrôle": the start-up named last.
_FOR_NAMED = re.compile(
    r":\s.*\bpour\s+(?P<name>(?:[A-ZÀ-ÖØ-Þ]|[a-z]+\.[a-zà-ÿ])[\w&'’.-]*(?:\s+[A-ZÀ-ÖØ-Þ][\w&'’.-]*){0,3})"
    r"\s*$"
)
# "Il dipartimento per la trasformazione digitale è alla ricerca di esperti": Italian's
# article, not French's pronoun, before who hires.
_ITALIAN_HIRER = re.compile(
    r"^(?:Il|Lo|La|L['’])\s*(?P<name>[a-zà-ÿ][\w'’ -]{2,80}?)\s+(?:è|sono)\s+alla\s+ricerca\b"
)
# "La Startup d'Etat Locatio", "l'association Vélo Cité", "the non-profit Acme": what the
# organization is, before its name ("La Fondation Abbé Pierre", capitalised, is a name).
_DESCRIBED = re.compile(
    r"^(?:(?i:la|le|l['’]|the|our|notre)\s*)?(?:(?i:start-?up\s+d['’]\s*[ée]tat)"
    r"|association|asbl|ong|ngo|non-?profit|charity|organisation|organization|coopérative"
    r"|plateforme|platform)\s+(?=[A-ZÀ-ÖØ-Þ0-9]|[a-z][\w-]*\.[a-z])"  # "La plateforme data.gouv.fr"
)


# "La Startup d'État CAMINO est hébergée…": the name after what it is, opening a sentence.
_DESCRIBED_NAME = re.compile(
    r"^(?:La|Le|L['’])\s*(?i:start-?up\s+d['’]\s*[ée]tat|association|asbl)\s+"
    r"(?P<name>[A-ZÀ-ÖØ-Þ][\w&'’.-]*(?:\s+[A-ZÀ-ÖØ-Þ][\w&'’.-]*){0,3})\s+(?!\()"
)


# "The Canadian Digital Service is focused on delivering …", "Le Service numérique canadien se
# concentre sur …": a name, and the work it gives itself.
_FOCUSED_NAME = re.compile(
    r"^(?:The|Le|La|L['’])\s*(?P<name>[A-ZÀ-ÖØ-Þ][\w'’-]*(?:\s+[\w'’-]+){0,3}?)\s+"
    r"(?:is\s+(?:focused\s+on|dedicated\s+to)|se\s+(?:concentre\s+sur|consacre\s+à))\s"
)


_APPOSED_TEAM = re.compile(
    r"(?<!\bà\s)\b(?:la|le|l['’])\s*(?P<name>[A-ZÀ-ÖØ-Þ][\w'’-]*(?:\s+[\w'’-]+){0,4}?),\s+une?\s+"
    r"(?:équipe|association|organisation|structure|start-?up|plateforme)\b"
)


_DIRECTED_BY = re.compile(
    r"\s+(?:directed|led|headed|run)\s+by\s.*$|\s+(?:dirigée?|animée?)\s+par\s.*$"
    r"|\s+sous\s+la\s+direction\s+d.*$"
)


def hirer_named(name: str) -> str:
    """The name a hiring sentence gives, as the organization: "The X team at CDS" names CDS;
    "The Canadian Digital Service" loses its article."""
    if match := _TEAM_AT.match(name):
        name = match.group("org")
    # "La Start Up WorkinFrance cherche", "La startup d'État X recrute": the start-up's name.
    name = re.sub(r"^(?:La\s+)?[Ss]tart[- ]?[Uu]p(?:\s+d['’]\s*[ÉEé]tat)?\s+(?!d['’])", "", name)
    # "The Acme Lab directed by Dr Doe": who directs it is no part of its name.
    name = _DIRECTED_BY.sub("", name)
    name = _DESCRIBED.sub("", name)
    # "The LanguageTool project is looking for": LanguageTool ("Astropy Project" is a name).
    name = re.sub(r"^The\s+([A-Z]\S*)\s+(?:project|community)$", r"\1", name)
    # "The Harbour Day team is looking for", "Het Club.Redders project", "Das Projekt
    # Offene Karten", "Il Consorzio Fiumi Liberi": the team's or project's name.
    name = re.sub(r"^(?:(?:The|Het|De)\s+)?(\S.*?)\s+(?:team|project)$", r"\1", name)
    name = re.sub(
        r"^(?:(?:Das|Unser)\s+Projekt|(?:Der|Unser)\s+Verein|Il|Lo)\s+(?=[A-Z])", "", name
    )
    # "The Open Data Institute", "Die Open Knowledge Foundation", "Het Open State Project";
    # "Die OKF sucht", an acronym, which the text may spell out.
    if article := re.match(r"^(?:The|Die|Der|Das|Het)\s+(?=\S+\s+\S+|[A-Z]{2,6}$)", name):
        name = name[article.end() :]
    # "Le laboratoire innovation du ministère": the article of a common noun is no name's.
    if lower := re.match(r"^(?:Le|La|Les)\s+(?P<rest>[a-zà-ÿ].*)$", name):
        return lower.group("rest")[:1].upper() + lower.group("rest")[1:]
    # "La Ville de Sainte-Thérèse": a town's administration is named without its article.
    name = re.sub(
        r"^(?:La|Le|The)\s+(?=(?:Ville|Commune|Mairie|Municipalité|City|Town)\s)", "", name
    )
    return _without_elided_article(name)


# "OpenRefine is a fiscally sponsored project of Code for Science & Society": the project
# hires; its sponsor contracts and pays.
_SPONSORED_PROJECT = re.compile(
    r"(?:^|[.!?]\s+)[_*]*(?P<name>[A-Z][\w&'’.-]*(?:\s+[A-Z][\w&'’.-]*){0,3})\s+is\s+(?:a\s+"
    r"(?:fiscally[- ]sponsored|sponsored)\s+project\s+of|(?:fiscally\s+)?sponsored\s+by)\b"
    # German: "Trägerverein von FragDenStaat ist der Acme e.V.", the association behind it.
    r"|(?:^|[.!?]\s+)[_*]*Träger(?:verein)?\s+(?:von|des|der)\s+"
    r"(?P<carried>[A-Z][\w&'’.-]*(?:\s+[\w&'’.-]+){0,3}?)\s+ist\b"
)


def organization(document: Document) -> str | None:
    """The hiring organization (below); a fiscally sponsored project rather than its
    sponsor."""
    sponsored = _SPONSORED_PROJECT.search(strip_inline_markup(document.plain_text))
    if sponsored:
        return sponsored.group("name") or sponsored.group("carried")
    return _organization_after_role(document) or _organization_stated(document)


def spelled_out_name(name: str | None, document: Document) -> str | None:
    """``name`` spelled out when it is an acronym the text spells ("NEON" of "The National
    Ecological Observatory Network (NEON)"), and without an event edition's year ("AnimeCon
    2020"), wherever it was found."""
    if name and AN_ACRONYM.fullmatch(name):
        return spelled_out(name, document.plain_text) or name
    return re.sub(r"\s+(?:19|20)\d\d$", "", name) if name else name


def opening_heading(document: Document) -> str | None:
    """The title heading, or else the first heading that asks nothing ("### L'équipe X
    recherche…" after "### Tu veux … ?")."""
    headings = (s.heading for s in document.headed_sections if s.heading and s.heading[-1] != "?")
    return document.title_heading or next(headings, None)


def _organization_stated(document: Document) -> str | None:
    """The hiring organization: "About X" heading, "Organization:" line, "X is hiring",
    "X est une association", "Name (ACRONYM) …" opening a paragraph, "Apply … for X" in
    the front matter's description."""
    # "À propos du Service Civique" then "À propos de l'association GSC": a scheme described,
    # then who hires, named after what it is; "À propos du X" names the hirer when no other
    # heading does.
    deferred = None
    for section in document.headed_sections:
        if section.heading and (match := _ABOUT.match(section.heading)):
            name = as_name(
                _DESCRIBED.sub("", match.group("name") or "")
                or match.group("en")
                or match.group("us")
                or match.group("other")
                or match.group("before")
                or match.group("work")
            )
            if name and re.match(r"^(?:À|A)\s+propos\s+du\s", section.heading):
                deferred = deferred or name
            elif name:
                return name
    if deferred:
        return deferred
    for section in document.sections:
        # "**Agency:** General Services Administration" on a line of its own reads as a heading.
        for paragraph in [section.heading or "", *section.paragraphs]:
            if match := _LABELLED_ORG.match(paragraph):
                # "Agency: Environmental Protection Agency (EPA)": the name, not its acronym.
                return as_name(_ACRONYM_ASIDE.sub("", match.group("name")))
    # The opening heading ("## le.taxi cherche une personne…"); then the front matter's title
    # when it names a role ("Dalibo recrute 2 postes administratifs"; not a campaign's "The
    # European Galaxy Team is hiring!").
    heading = [found] if (found := opening_heading(document)) else []
    # "OpenNews is hiring&#58; Community manager", "Job announcement: Acme is looking for…":
    # the value as a page shows it, its label off.
    stated = TITLE_PREFIX.sub("", text_value(document.front_matter.get("title")) or "")
    if HIRING_SENTENCE.match(stated):
        # "beta.gouv recrute : une ou un designer pour e.contrôle": an incubator recruits for
        # the start-up it names, which hires.
        if named_for := _FOR_NAMED.search(stated):
            return named_for["name"]
        heading.append(stated)
    for section in document.sections:
        for paragraph in [*heading, *section.paragraphs]:
            heading = []  # the title heading ("X recrute un·e Y") is read once, first
            for index, sentence in enumerate(sentences(paragraph)):
                if index < 2 and (italian := _ITALIAN_HIRER.match(sentence)):
                    return italian["name"]
                match = _HIRING.match(_TEAM_OF.sub("", sentence))
                # Past a paragraph's opening, only "X recherche un·e <role>" says who hires.
                if index >= 2 and (match is None or not HIRING_SENTENCE.match(sentence)):
                    continue
                if match and names_a_hirer(match.group("name")):
                    return hirer_named(match.group("name"))
                if index < 2 and (match := _TEAM_OF_NAME_HIRING.match(sentence)):
                    return hirer_named(match.group("name"))
    # "This is a leadership role. 2i2c is a young organization": a paragraph's second
    # sentence opens it too.
    openings = [
        strip_inline_markup(sentence)
        for section in document.sections
        for paragraph in section.paragraphs
        for sentence in sentences(paragraph)[:2]
    ]
    for sentence in openings:
        # A scheme's name may open with "Mon" ("Mon stage de 3e est un dispositif…"); "Since
        # Zulip is a team chat product": a conjunction opens the clause, not the name.
        match = _IS_AN_ORGANIZATION.match(_CONJUNCTION.sub("", sentence))
        if match and names_a_hirer(re.sub(r"^M(?:on|a|es)\s+", "", match.group("name"))):
            return _full_name(match.group("name"))
    if name := organization_named_with_acronym(document):
        return name
    for sentence in openings:
        if match := _DESCRIBED_NAME.match(sentence):
            return match.group("name")
        if (match := _FOCUSED_NAME.match(sentence)) and names_a_hirer(match.group("name")):
            return match.group("name")
    for key in ("description", "summary"):
        value = document.front_matter.get(key)
        if isinstance(value, str) and (match := _APPLY_FOR.match(value.strip())):
            return match.group("name")
        # "La Ville de X désire combler des postes…": who has posts to fill, in the page's
        # summary (a summary's "X recrute" may be a campaign's, not the employer's).
        for sentence in sentences(value) if isinstance(value, str) else []:
            match = _HIRING.match(strip_inline_markup(sentence))
            if match and _TO_FILL.search(sentence) and names_a_hirer(match.group("name")):
                return hirer_named(match.group("name"))
    # "… la DINUM lance la Brigade d'Intervention Numérique, une équipe de 15 personnes": the
    # team a paragraph's opening names with what it is (not "à l'Inria Rennes, une équipe",
    # where a team is).
    for sentence in openings:
        if match := _APPOSED_TEAM.search(sentence):
            return match.group("name")
    # A static site's "roles: X recrute un·e …" or "equipe: Dotations locales", when the text
    # names no hirer.
    match = _HIRING.match(text_value(document.front_matter.get("roles")) or "")
    if match and names_a_hirer(match.group("name")):
        return hirer_named(match.group("name"))
    team = text_value(document.front_matter.get("equipe"))
    if team:
        return _without_elided_article(team)
    # "## Le projet : Mon Psy Santé", a template's line naming the project, a heading or a
    # paragraph's last line (not "Le projet : Simplifier l'accès à …", what it does).
    if match := _PROJECT_NAMED.search(document.plain_text):
        name = match.group("name").strip()
        return name[:1].upper() + name[1:]
    return None
