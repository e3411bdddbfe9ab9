"""What a title carries besides the role, which ``clean_title`` cuts: markers, dates, a
notice in front ("Offre d'emploi :"), the organization's name; and the role a title, a cry or
a listing names. The terms a title carries are ``title_terms``'."""

import re

from tremplin.vacancies.importing.acronyms import AN_ACRONYM, initials, spelled_out
from tremplin.vacancies.importing.criteria_kinds import heading_kind
from tremplin.vacancies.importing.dates import MONTHS
from tremplin.vacancies.importing.structure import Document
from tremplin.vacancies.importing.textutil import fold, without_pictograms

_I = re.IGNORECASE

# German's, Dutch's and Italian's: "Wir suchen: Informationsspezialist*in", "We zoeken:",
# "Cerchiamo:", or with no colon, the role after them.
WE_SEEK = r"wir\s+suchen|w(?:e|ij)\s+zoeken|cerchiamo"
# "We're hiring - Designer", "Job opening: Chargé·e de projet": a cry in front of the role.
HIRING_CRIES = rf"we\s*['’]?re\s+hiring|now\s+hiring|hiring|job\s+opening|{WE_SEEK}"
# "Chargé·e de projet (CDD)", "Designer - Internship": the contract, not the role.
CONTRACTS = r"CDI|CDD|stage|internship"
# "Director (Full-Time, Telecommute)", "Animateur (temps partiel)": the working time.
FULL_OR_PART_TIME = r"(?:full|part)[- ]?time\b|temps\s+(?:plein|partiel)|(?:teil|voll)zeit\b"
# "(H/F)", "(m/w/d)": the genders a role is open to.
GENDER_MARKER = r"[hfmwd]\s*/\s*[hfmwd](?:\s*/\s*[hfmwdx])?"
# German's article, in the forms that name every gender: "ein*e", "eine:n", "eine(n)".
GERMAN_ARTICLE = r"ein(?:e?[*:/_]e?n?|e?\(e?n?\)|e?n?)"

# "Functietitel: Stagiair", "Job title: …": a label naming the role after it.
TITLE_LABELS = r"functietitel|job\s+title|intitulé\s+du\s+poste"
# What ``clean_title`` cuts: "Offre d'emploi -", "Stage :" in front of the role,
TITLE_PREFIX = re.compile(
    r"^\s*(?:offre\s+d['’]emploi|offre\s+(?:de\s+stage|d['’]\s*alternance|(?:d['’]\s*)?apprentissage)"
    r"|offre|job\s+(?:offer|posting|announcement)|job"
    r"|oferta\s+de\s+empleo(?:\s+en\s+(?:la|el)\s+[^:]{2,40}(?=:))?"  # "Oferta … en la FSFE:"
    r"|fiche\s+de\s+poste|job\s+description|profil\s+recherché"  # "Fiche de poste - UX Designer"
    rf"|(?:job\s+)?vacancy|open\s+position|poste|recrutement|{HIRING_CRIES}|{CONTRACTS}"
    r"|appel\s+à\s+candidatures?|call\s+for\s+applications|(?:volunteers?\s+)?wanted"
    r"|apply\s+(?:now|today)|postulez(?:\s+dès\s+maintenant)?|opening"  # "Apply Now - a Fellow"
    # "Position Available: Director, …", "Job title: …", Swedish "Ledig tjänst: Projektledare"
    rf"|positions?\s+(?:available|open)|now\s+open|ledig\s+tjänst|{TITLE_LABELS}"
    r"|(?:stellen)?ausschreibung)"  # "Ausschreibung: Kommunikation und Projektmanagement"
    r"\s*[-–—:|]\s*"
    # "Open position for a software engineer - …": the role follows the article.
    r"|^\s*open\s+(?:position|post)\s+for\s+(?:an?\s+)?(?=\w)"
    # "Recrutement d'un-e chargé·e …", "Recherche d'une personne …": the role follows.
    r"|^\s*(?:recrutement|recherche)\s+d['‘’]\s*une?(?:[-·.]e|-une)?\s+(?=\w)"
    # "Announcing Call for Volunteers", "Call for English Team Editors": who is called.
    r"|^\s*(?:announcing\s+(?:the\s+|a\s+|our\s+)?)?(?:call\s+for\s+(?!applications|proposals"
    r"|papers)(?=\w)|information\s+for\s+(?=volunteers|bénévoles))"
    # "So you want to be a steward?": the role one is asked to become.
    r"|^\s*so\s+you\s+want\s+to\s+(?:be|become)\s+(?:an?\s+)?(?=\w)"
    # "Join Acme as a Data Engineer", "Verstärke Jugend hackt als Projektmanager*in": the
    # role one joins as.
    r"|^\s*(?:join|rejoignez|rejoins|rejoindre|verstärke|verstärken\s+sie|kom\s+werken\s+bij)"
    rf"\s+[^:]{{1,60}}?\s+(?:as|als|en\s+tant\s+que)\s+(?:an?\s+|une?\s+|{GERMAN_ARTICLE}\s+)?"
    r"(?=\w)"
    # "Wir suchen Volljurist*in!", "We zoeken een projectleider": the role sought, no colon.
    rf"|^\s*(?:{WE_SEEK})\s+(?:{GERMAN_ARTICLE}\s+|een\s+|una?\s+)?"
    r"(?=\w)"
    # "Volunteer as an Abstract Reviewer!": the role one volunteers as.
    r"|^\s*volunteer\s+as\s+(?:an?\s+)?(?=\w)"
    # "Vacancy for HPC/cloud specialist", "Hiring for an Outreachy community manager".
    r"|^\s*(?:vacancy|hiring|recruiting)\s+for\s+(?:an?\s+|the\s+)?(?=\w)"
    # "Poste d'animateur·trice", "Poste à combler : surveillant(e)": the role follows.
    r"|^\s*poste\s+(?:à\s+(?:combler|pourvoir)\s*:\s*|de\s+(?=\w)|d['’]\s*(?=\w))",
    _I,
)
# "(F/H)", "- CDD 3 ans" or "with up to 3 years of experience" behind it,
TITLE_SUFFIX = re.compile(
    r"\s*[-–—|]?\s*\((?:vacancy|job|job\s+offer|offre(?:\s+d['’]emploi)?|poste|recrutement"
    rf"|{GENDER_MARKER}|{CONTRACTS})\)\s*$"
    r"|\s+[-–—|]\s+(?:vacancy|job\s+offer|offre\s+d['’]emploi|recrutement)\s*$"
    # "Communications Director Vacancy", "… Vacancy at PauseAI Global": the notice, not the
    # role (and who posts it); "Lead dev. Recrutement terminé !", the notice that it is filled.
    r"|\s+vacancy(?:\s+(?:at|with)\s+\S.{0,80})?$|\.\s+(?:recrutement\s+termin|poste\s+pourvu).*$"
    # "(Full-Time, Telecommute)", "(temps plein)", "(0.8-1.0 fte)", "au 3/5e": the terms.
    rf"|\s*\((?:{FULL_OR_PART_TIME})[^()]*\)\s*$|\s+(?:au|à)\s+\d/\d\s*(?:e|ème)?\s*$"
    r"|\s*\(\s*\d(?:[.,]\d+)?(?:\s*[-–]\s*\d(?:[.,]\d+)?)?\s*fte\s*\)\s*$"
    # "Software Engineer (Posted January 7, 2016)": when the notice went up.
    r"|\s*\((?:posted|published|publiée?|mis\s+en\s+ligne)\b[^()]*\)\s*$"
    # "Fundraiser*in (80%, Bewerbungsschluss 15.08.2021)", "(80-100%, ab Februar 2021)": a
    # share of full time, and more; "(TVL E12/S1 mit 28-40h/Woche, ab sofort, 2 Jahre
    # befristet)": the pay scale, the hours and the term.
    r"|\s*\(\s*\d{1,3}(?:\s*[-–]\s*\d{1,3})?\s*%[^()]*\)\s*$"
    r"|\s*\([^()]*\b(?:TV-?L|TVöD|h/Woche|befristet|ab\s+sofort|Laufzeit)\b[^()]*\)\s*$"
    # "… Office in Teilzeit, stud. Hilfskraft oder Minijob, ab sofort": the terms after it.
    r"|\s+in\s+(?:Teil|Voll)zeit\b.*$"
    # "… - CDD 3 ans renouvelable H/F": the contract; the bare gender marker, wherever it is.
    rf"|\s+[-–—|]\s+(?:{CONTRACTS})\b[^-–—|]*$|\s+[HF]\s*/\s*[HF](?:\s*/\s*[XN])?(?=\s|$)"
    # "… - candidatures ouvertes jusqu'au 23/11/2020", "… | Apply by May 10": when to apply.
    r"|\s+[-–—|]\s+(?:candidatures?\s+(?:ouvertes|jusqu)|date\s+limite|applications?\s+"
    r"(?:open|close|due)|apply\s+(?:by|before)|deadline)\b.*$"
    # "… with up to 3 years of experience": what is asked, not the role.
    r"|\s+with\s+(?:up\s+to\s+|at\s+least\s+)?\d+(?:\s*[-–]\s*\d+)?\+?\s+years?\s+of"
    r"\s+experience\s*$"
    # "Volunteers: DjangoCon US 2023": the event and its year, after the role; "Alternance -
    # Ingénieur R&D 2025-2028": the years of a course of study.
    r"|:\s+[A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*){0,3}\s+(?:19|20)\d\d\s*$"
    r"|\s+(?:19|20)\d\d\s*[-–/]\s*(?:19|20)?\d\d\s*$"
    # "Conseiller·ère — Bureau de la transformation numérique": the unit, after the role.
    r"|\s+[—–]\s+(?:(?:le|la|l['’]|the)\s*)?(?:bureau|[ée]quipe|team|service|p[ôo]le|office"
    r"|department|d[ée]partement|division|unit[ée]?)\b[^—–]*$"
    # "… - OLS is hiring!": who hires, after the role.
    r"|\s+[-–—|]\s+\S[^-–—|]{0,40}?\s+(?:is|are)\s+hiring\s*!?\s*$"
    # "Research Scientist Position at The Jackson Laboratory", "Post-doc Position with X";
    # not "Postdoctoral Position in Nuclear Engineering", where the field is the role's.
    r"|\s+position\s+(?:at|with)\s+\S.{0,80}$"
    # "data steward position in the Tides team @ EPFZ (group of Prof. A. Martin)": the team,
    # and where; "post-doctoral position open at EPFZ, Zurich": where (the role keeps its noun).
    r"|\s+position\s+in\s+the\s+[^,@]{1,60}?\s+(?:team|group|lab|laboratory)\b.{0,100}$"
    r"|(?<=position)\s+open\s+at\s+\S.{0,100}$"
    # "Senior Data Scientist with the Advanced Analytics and Evaluation team": the team.
    r"|\s+(?:with|in|for|on)\s+the\s+[^,]{1,60}?\s+(?:team|group|unit|division)\s*$"
    # "Data Scientist, Internet Researcher Job Description", "… Job Announcement": the page.
    r"|\s+job\s+(?:description|announcement|posting|advert(?:isement)?)$"
    # "Postdoc opening - integration of AiiDA with …": the role, then what it is about.
    r"|\s+opening\s*[-–—:]\s+.*$"
    # "Dev full stack pour la start-up d'État Collectif Objets (Ministère …)": who hires.
    r"|\s+pour\s+la\s+start-?up\s+d['’]\s*[ée]tat\b.*$",
    _I,
)
# and a date or season in front ("Nov. 2024 :").
TITLE_DATE = re.compile(
    r"^(?:[A-Za-zéû]{3,9}\.?\s+)?(?:\d{1,2}\s+)?(?:19|20)\d{2}\s*[-–—:|]\s*"
    # "Summer 2015 Design Apprentices", "Été 2024 - Animateur": the season it is for.
    r"|^(?:summer|winter|spring|fall|autumn|été|hiver|printemps|automne)\s+(?:19|20)\d{2}"
    r"\s*[-–—:|]?\s+",
    _I,
)

# "Rejoignez l'équipe … : offre d'emploi « Chargé de mission (F/H) »": the role quoted.
QUOTED_ROLE = re.compile(
    r"\b(?:offre\s+d['’]emploi|offre\s+de\s+stage|job\s+offer|vacancy)\s*:?\s*[«“\"]\s*"
    r"(?P<role>[^«»“”\"]{3,120}?)"
    r"\s*[»”\"]",
    _I,
)

# "L'équipe data.gouv.fr recrute un·e stagiaire", "Acme is hiring a designer": the role
# follows the verb and its article (which tells the verb from the noun "recherche").
HIRING_SENTENCE = re.compile(
    r"^(?:.+?\s+(?:recrut(?:e|ent|ons)|recherch(?:e|ent|ons)|cherch(?:e|ent|ons)"
    r"|embauch(?:e|ent|ons)|(?:is|are)\s+(?:hiring|looking\s+for|seeking|recruiting)|seeks"
    # "OpenHW Group Seeking CEO": a headline's verb, capitalised, without "is".
    r"|(?-i:Seeking)"
    # "Die Fakultät sucht eine studentische Hilfskraft", "Acme zoekt een ontwikkelaar"
    r"|such(?:t|en)|zoek(?:t|en))"
    # "We're Hiring a Circuit Rider", "Now hiring: a designer".
    r"|(?:(?:we\s*['’]\s*re|now)\s+)?(?:hiring|looking\s+for|seeking|recruiting))\s*:?\s+"
    # "Le laboratoire recherche son tech lead", "son ou sa responsable": a possessive as the
    # article; "deux", a count.
    r"(?:(?:une?\s+ou\s+une?|un[·⋅.-]?e?|un[·⋅.-]une|un\(e\)|une?|des|plusieurs|deux|trois"
    r"|an?|one|son(?:[.·]sa|\s+ou\s+sa)?|sa|ses|leurs?|its|their|our(?:\s+next|\s+new)?"
    rf"|a\s+new|another|{GERMAN_ARTICLE}|een)\s+(?=\w)"
    # "Dalibo recrute 2 postes administratifs": the count stays with the role; "The Tor
    # Project Seeks Backend Engineer for OONI!", "Seeking Ruby contractors": a headline's
    # role without its article.
    r"|(?=\d{1,2}\s+\w)|(?<=[Ss]eeks\s)(?=[A-Z])|(?<=[Ss]eeking\s)(?=[A-Z])"
    # "Fakultät X sucht studentische Hilfskraft": German and Dutch headlines drop it too.
    r"|(?<=sucht\s)(?=\w)|(?<=zoekt\s)(?=\w)"
    # "OpenNews is hiring: Community manager"
    r"|(?<=hiring:\s)(?=\w))",
    _I,
)
_FRENCH_COUNTED = frozenset(("des", "deux", "trois", "plusieurs", "un", "une"))
# "Offre de chargé(e)", "un.e UX designer", "deux développeu·r·se·s": no title starts so.
_LEADING_WORDS = re.compile(
    r"^(?:offre\s+(?:de\s+|d['’](?!\s*emploi)|pour\s+(?:une?\s+ou\s+)?)\s*"  # "Offre pour une ou"
    rf"|(?:une?\s*(?:/|ou)\s*une?|un[·⋅.-]?e|un[·⋅.-]une|un\(e\)|une?|deux|trois|{GERMAN_ARTICLE}"
    # "5 chargé·e·s de développement": how many; "2 postes administratifs" are the posts.
    r"|\d{1,2}(?!\s+(?:postes?|posts?|positions?)\b))\s+(?=[^\W\d])"
    # "One post-doctoral position open at …": how many, not the role.
    r"|one\s+(?=(?:[\w-]+\s+){1,3}position\b)"
    # "CDI développeur web": the contract, then the role; "(sucht eine) Person für das
    # Eventmanagement": the work names the role.
    r"|(?-i:CDI|CDD)\s+(?=\w)|Person\s+für\s+(?:(?:die|das|den|der)\s+)?(?=\w))",
    _I,
)
# "une développeuse ou un développeur": the pair's second article goes with the first.
_SECOND_ARTICLE = re.compile(r"(?<=\w)\s+ou\s+une?\s+(?=[a-zà-ÿ])")
_WHO_THEY_HOPE_FOR = re.compile(r"\s+(?:who|qui)\s.*$")
# "Want to Intern with rOpenSci's Community Manager?": the question asks for the role.
_WANT_TO = re.compile(r"^(?:do\s+you\s+)?want\s+to\s+(?P<role>(?-i:[A-Z]).+?)\s*\?$", _I)
_PURPOSE = re.compile(
    r"\s+(?:pour|afin\s+de|to)\s+\w+(?:er|ir|re)\b.*$|\s*[.!]$"
    # "… contractors to start ASAP": when, not what.
    r"|\s+to\s+start\s+(?:asap|immediately|right\s+away|now)\b.*$"
    # "… pour son bureau Afrique de l'Ouest", "… pour une mission d'accompagnement": what for.
    r"|\s+(?:pour\s+(?:son|sa|ses|leurs?|notre|nos|une\s+mission)|for\s+(?:its|their|our))\s.*$"
    # "a hardware engineer to join the team and help make…": what for, not what.
    r"|\s+to\s+(?:join|help|work|lead|support|build|make|develop|manage|drive|grow|shape"
    r"|run|coordinate|design|bring|oversee|strengthen|expand)\b.*$",
    _I,
)
# "Volontaire en service civique à partir d'avril", "… dès septembre 2024": when it starts.
_STARTING = re.compile(
    r"\s+(?:à\s+partir\s+(?:de\s+|du\s+|d['’]\s*)|dès\s+(?:le\s+)?|starting\s+(?:in\s+)?)"
    r"(?:\d{1,2}(?:er)?\s+)?(?:"
    + "|".join(sorted(MONTHS, key=len, reverse=True))
    + r")\b\.?(?:\s+\d{4})?\s*[!.]?$",
    _I,
)
# "des DBA PostgreSQL à Paris et en Province !", "développeur web en télétravail": where the
# role is, not the role.
AT_PLACE = re.compile(
    r"\s+(?:à|sur)\s+(?P<town>[A-ZÀ-Ý][\w-]+)(?:\s+(?:et|ou)\s+(?:en|à)\s+[A-ZÀ-Ý][\w-]+)?"
    r"\s*[!.]?$|\s+en\s+(?:full\s+)?(?:télétravail|remote)\s*[!.]?$"
)


# What a job board's page is about, not a role: "Projects", "Open Positions", "Careers",
# "The Coral Project".
_NO_ROLE = re.compile(
    r"^(?:the\s+)?(?:open\s+|(?-i:[A-Z])[\w.-]*\s+){0,3}(?:projects?|jobs?|careers?"
    r"|opportunit(?:y|ies)|positions?|openings?|vacanc(?:y|ies)|offres?|emplois?"
    r"|offres?\s+d['’]emploi|vacatures?|stellenangebote|hiring)$",
    _I,
)


def names_no_role(title: str | None) -> bool:
    """Whether a cleaned title is empty or names what a page is about rather than a role."""
    return not title or _NO_ROLE.match(title.strip()) is not None


# A jobs page's heading over the roles it lists, the whole heading: "Open positions",
# "Current openings" (``_CAREERS`` below opens a careers page's title: "Careers at Acme").
_LISTING = re.compile(
    r"^(?:(?:current|open|our)\s+){0,2}(?:openings|positions|opportunities|jobs|careers|vacancies"
    r"|searches|positions\s+available"  # "Current Searches", "Positions Available at X"
    r"|offres\s+d['’]emploi|postes\s+ouverts)$",
    _I,
)


def listed_role(title: str | None, document: Document, *, organization: str | None) -> str | None:
    """``title``; or, when it names no role ("Current openings"), the role a jobs page lists
    (below)."""
    if not names_no_role(title):
        return title
    listed = _heading_listed(document)
    return clean_title(listed, organization=organization) if listed else title


def _heading_listed(document: Document) -> str | None:
    """The heading after a jobs page's listing ("Open positions"), past a question, a sentence
    or another listing ("Interested in working at X?", "Positions Available at X")."""
    written = [document.title_heading, *(s.heading for s in document.headed_sections)]
    headings = [heading.strip() for heading in written if heading]
    listings = [_LISTING.match(re.sub(r"\s+at\s+\S.*$", "", h)) for h in headings]
    start = next((index for index, listing in enumerate(listings) if listing), len(headings))
    after = zip(headings[start + 1 :], listings[start + 1 :], strict=True)
    return next((h for h, listing in after if not listing and h[-1] not in "?."), None)


# "Guidoline recrute !", "Acme is hiring": who hires, and no role.
_HIRING_ALONE = re.compile(
    r"^\S.{0,60}?\s+(?:recrut(?:e|ent)|embauch(?:e|ent)|(?:is|are)\s+hiring)\s*[!.]?$", _I
)


_TEAM = r"(?:service|équipe|team)\s"  # "Dev pour le service Notifications": whose team
# "The Astropy Project", "Acme Collective": what the organization is, after its name (not
# "Foundation": the Rust Foundation's "Rust Infrastructure Engineer" works on Rust).
_GENERIC_TAIL = re.compile(r"\s+(?:project|initiative|collective)$", _I)


def _names_before_role(organization: str, title: str) -> list[str]:
    """The organization's other names a title may open with: "Astropy Software Specialist"
    of the Astropy Project; "Technology Transformation Services Product Manager" of TTS."""
    names = [short] if (short := _GENERIC_TAIL.sub("", organization)) != organization else []
    if AN_ACRONYM.fullmatch(organization) and (full := spelled_out(organization, title)):
        names.append(full)
    return names


def clean_title(title: str, *, organization: str | None = None) -> str:
    """A title without "Offre d'emploi -" or a date in front, "(Vacancy)" or "at X" behind.

    Gender-inclusive forms (Chargé·e, Directeur·rice) are kept as written.
    """
    title = without_pictograms(re.sub(r"\s+", " ", title))
    title = re.sub(rf"\s*\((?:{GENDER_MARKER})\)(?=\s\w)", "", title, flags=_I)  # "(H/F) senior"
    if quoted := QUOTED_ROLE.search(title):
        title = quoted.group("role")
    # "Job vacancy: Coordinator - OLS is hiring!" names a role; "OLS is hiring!" alone, none.
    if _HIRING_ALONE.match(TITLE_SUFFIX.sub("", title)):
        return ""
    if hiring := HIRING_SENTENCE.match(title):
        # "X cherche un·e responsable de Y pour améliorer Z.": the role, not its purpose.
        title = _PURPOSE.sub("", HIRING_SENTENCE.sub("", title))
        # "… is looking for a Head of Design who is passionate about…": a role written as a
        # title, then who they hope for ("a leader who can…" names no title).
        if title[:1].isupper():
            title = _WHO_THEY_HOPE_FOR.sub("", title)
        # "X recrute des volontaires en service civique": one vacancy, one volontaire.
        if fold(hiring.group(0).split()[-1]) in _FRENCH_COUNTED:
            title = re.sub(r"^(\w{3,}[^s\W])s\b", r"\1", title)
    for _round in range(2):
        title = TITLE_DATE.sub("", title)
        title = TITLE_PREFIX.sub("", title)
        title = _LEADING_WORDS.sub("", _WANT_TO.sub(r"\g<role>", title))
        title = _SECOND_ARTICLE.sub(" ou ", title)
        title = TITLE_SUFFIX.sub("", title)
        title = AT_PLACE.sub("", _STARTING.sub("", title))
        if organization:
            # "EPA Innovation Fellow" of the Environmental Protection Agency: its acronym.
            if len(acronym := initials(organization.split())) >= 2:
                title = re.sub(rf"^{re.escape(acronym)}\s+(?=\w)", "", title)
            # "OpenRefine Advisory Committee Members", "Outreachy community manager": likewise.
            lower_role = r"|[a-z]+\s+[a-z]+$" if " " not in organization else ""
            title = re.sub(rf"^{re.escape(organization)}\s+(?=[A-ZÀ-ÖØ-Þ]{lower_role})", "", title)
            for name in _names_before_role(organization, title):
                title = re.sub(rf"^{re.escape(name)}\s+(?=[A-ZÀ-ÖØ-Þ])", "", title)
            # "Designer at Acme", "Chargé·e - Acme", "Entwickler*in für Acme"; not "Responsable
            # de l'API le.taxi", where the name is the apposition of the thing the role is about.
            # "Code for Science and Society" is "Code for Science & Society".
            named = re.sub(r"^[Ll]['’]\s*", "", organization)  # "pour Immersion Facile"
            named = re.sub(r"['’]", "['’]", re.escape(named).replace(r"\&", r"(?:&|and|et)"))
            apposed = rf"\b(?:l['’]\s*|l[ae]s?\s+|the\s+)(?!{_TEAM})[\w-]+\s+{named}\s*$"
            # "Call to Join Forwards": the name is what one joins, not who says it.
            joined = rf"\b(?:join|rejoindre|rejoignez|rejoins)\s+{named}\s*$"
            if not re.search(apposed, title, flags=_I) and not re.search(joined, title, _I):
                title = re.sub(
                    rf"\s+(?:(?:at|@|pour|chez|à|au|de|du|bij(?:\s+de|\s+het)?|for|voor|[-–—|])\s+"
                    rf"(?:(?:la|le|the)\s+|l['’]\s*)?(?:{_TEAM})?"  # "Bizdev pour La Brigade …"
                    r"|für\s+(?:(?:den|die|das)\s+)?"
                    r"|d['’]\s*)?"
                    rf"{named}(?:\.(?:fr|org|com|eu))?[\s!]*$",  # "pour PIX.fr" of PIX
                    "",
                    title,
                    flags=_I,
                )
            # "Engineer (EPFL)", "Engineer - MARVEL, EPFL, Switzerland": who hires, and the
            # unit or place beside it, after the role.
            title = re.sub(
                rf"\s*\({named}\)\s*$|\s+[-–—|]\s+(?:[^,–—|-]{{1,40}},\s+)?{named}"
                r"(?:,\s+[^,–—|-]{1,40})?\s*$",
                "",
                title,
                flags=_I,
            )
            # "Acme (YC S18) : Backend Engineer", a job board's "Company : Role".
            title = re.sub(
                rf"^{re.escape(organization)}\s*(?:\([^()]*\)\s*)?[:|–—-]\s+", "", title, flags=_I
            )
    title = title.strip(" -–—:|!?,")  # "Director, Webmaking Science Lab, Mozilla"
    return title[:1].upper() + title[1:]


# "Join the Operations Team", "Devenir coopérateur", "Become a volunteer": a way in; and a
# careers page's "Careers at the Rust Foundation", "Vacancies", over the role's own heading.
_JOIN = re.compile(r"^(?:join|rejoignez|rejoindre|rejoins|devenir|devenez|deviens|become)\b", _I)
_CAREERS = re.compile(
    r"^(?:careers?|jobs|vacancies|open\s+(?:positions|roles)|work\s+with\s+us"
    r"|(?:we\s*(?:are|['’]re)\s+|now\s+)?hiring\b(?!\s+\w)"  # "Hiring", "We are hiring!"
    r"|offres?\s+d['’]emploi|nous\s+rejoindre|vacatures|stellenangebote|karriere)\b",
    _I,
)
MAX_ROLE_WORDS = 8
# "#### Functietitel" over "Lead AI validation (0.8-1 fte)": a heading that labels the role
# written under it.
_TITLE_LABEL = re.compile(rf"^(?:{TITLE_LABELS})\s*:?$", _I)


def role_after_a_cry(
    title: str, document: Document, *, organization: str | None = None
) -> str | None:
    """The role heading after a title that calls to join ("Join the Operations Team", then
    "## Operations Associate"; "title: Devenir coopérateur", then "## Développeur web"), or
    None."""
    if not (_JOIN.match(title) or _CAREERS.match(title)):
        return None
    if listed := _heading_listed(document):
        return clean_title(listed, organization=organization)  # after "Current Open Positions"
    for section in document.headed_sections:
        heading = (section.heading or "").strip()
        if _TITLE_LABEL.match(heading) and section.paragraphs:
            return clean_title(section.paragraphs[0])
        if heading == title or _CAREERS.match(heading) or _TITLE_LABEL.match(heading):
            continue
        if heading and len(heading.split()) <= MAX_ROLE_WORDS and heading_kind(heading) is None:
            return clean_title(heading.rstrip(":"))
        return None
    return None


# A research group's page titled with its project's name ("title: COSMOS"), then the role
# as the body's opening heading ("PhD student in Software Testing"): the role.
MIN_OPENING_ROLE_WORDS = 3
MAX_OPENING_ROLE_WORDS = 12


def role_under_a_name(title: str, document: Document) -> str | None:
    """The body's opening heading, when the stated title is one word it does not contain
    (a project's name), or None."""
    if " " in title.strip() or document.title_heading:
        return None
    sections = document.sections
    opening = sections[0] if sections and sections[0].heading is None else None
    if opening is not None and (len(opening.paragraphs) > 1 or opening.bullets):
        return None
    headed = [section for section in sections if section.heading]
    heading = (headed[0].heading or "").strip() if headed else ""
    if heading.endswith(":") or not (
        MIN_OPENING_ROLE_WORDS <= len(heading.split()) <= MAX_OPENING_ROLE_WORDS
    ):
        return None
    if title.strip().lower() in heading.lower() or heading_kind(heading) is not None:
        return None
    return clean_title(heading)  # "Functietitel: Stagiair (0.8-1.0 fte)"


# "Être bénévole", "Become a volunteer": a call to become what the role is.
_BECOME = re.compile(
    r"^(?:devenir|devenez|deviens|être|etre|become)\s+(?:une?\s+|an?\s+)?(?=\w)", _I
)


def role_to_become(title: str) -> str:
    """The role a title calls to become ("Être bénévole" gives "Bénévole"), or the title."""
    role = _BECOME.sub("", title)
    return role[:1].upper() + role[1:] if role != title and role else title
