"""Where the work is: the place a posting states, and whether remote work is offered.

Each extractor returns None when the posting does not state it: nothing is guessed.
"""

import re

from tremplin.vacancies.importing.naming import NOT_A_NAME, opening
from tremplin.vacancies.importing.structure import Document, strip_inline_markup
from tremplin.vacancies.importing.textutil import fold, sentences
from tremplin.vacancies.importing.titles import AT_PLACE

_I = re.IGNORECASE

# --- Place -------------------------------------------------------------------------------

_ONE_PLACE = r"[A-ZÀ-ÖØ-Þ][\w'’]*(?:-[\w'’]+)*(?:\s+[A-ZÀ-ÖØ-Þ][\w'’]*(?:-[\w'’]+)*){0,2}"
_PLACE = rf"(?P<place>{_ONE_PLACE})"
# "Berlin, Toronto, or San Francisco", "Bangkok, TH": a list of places is one location.
# "Amsterdam, the Netherlands": a town and its country. "Sacramento, CA or Oakland, CA": the
# last town keeps its state's code too.
_PLACES = (
    rf"(?P<place>{_ONE_PLACE}(?:,\s*(?:the\s+)?{_ONE_PLACE})*"
    rf"(?:,?\s+(?:or|and|ou|et)\s+{_ONE_PLACE}(?:,\s*[A-Z]{{2}}\b)?)?)"
)
# Units of an organization, which a sentence may say one is based in before the town.
_UNITS = r"(?:Département|Service|Laboratoire|Institut|Centre|Pôle|Bureau|Siège|Direction)"
# The town an adjective names ("nos locaux parisiens").
_TOWN_OF_ADJECTIVE = {
    "parisiens": "Paris",
    "lyonnais": "Lyon",
    "marseillais": "Marseille",
    "bordelais": "Bordeaux",
    "nantais": "Nantes",
    "lillois": "Lille",
    "toulousains": "Toulouse",
    "rennais": "Rennes",
    "grenoblois": "Grenoble",
    "strasbourgeois": "Strasbourg",
    "niçois": "Nice",
}
_LOCATION_PATTERNS = (
    _LOCATION_LINE := re.compile(
        # "POST TITLE: Designer PAYBAND: A LOCATION: London": a form's field in capitals, within
        # a paragraph of fields.
        r"(?:^|(?<=\s)(?=(?-i:[A-ZÀ-Ý]{4,})\s*:))"
        r"(?:location|lieux?(?:\s+de\s+(?:travail|stage|(?:la\s+)?mission))?|localisation"
        r"|based\s+in|place\s+of\s+work"
        # "Duty station:", "Work location:", "Localisation du poste :", "Ville :", "Where:"
        r"|duty\s+station|(?:work|job|office)\s+location|office|city|ville|where"
        r"|(?:localisation|lieu)\s+(?:du\s+poste|d['’]affectation|d['’]exercice)"
        # German "Ort: Berlin", "Standort: Köln"
        r"|(?:arbeits|dienst|einsatz|stand)?ort)"
        # "Location: Washington, D.C.": a period after an initial stays; the next field of a
        # paragraph of fields ("… Rémunération: 600 €", "… Closing Date: …") ends it.
        r"\s*:\s*(?P<place>(?:[^.;\n]|(?<=\b[A-Z])\.){2,80}?)"
        r"(?=\s+[A-ZÀ-ÖØ-Þ][\w'’-]*(?:\s+[\w'’-]+){0,2}\s*:|(?<!\b[A-Z])[.;]|\n|$)",
        _I,
    ),
    # "Poste basé en Ile de France, au 27 blvd … à Ivry Sur Seine (94)", "basé en France dans
    # le 94 à Villejuif": a town with its département's number is the place, before the region.
    re.compile(rf"\bà\s+{_PLACE}\s+\((?:\d{{2}}|2[AB]|97\d)\)"),
    re.compile(rf"\bdans\s+le\s+(?:\d{{2}}|2[AB])\s+à\s+{_PLACE}"),
    re.compile(
        # "For US-based candidates, pay is…" names no place of work.
        rf"(?:^(?P<opening>)(?!(?i:for|in|at|from|to|of|with|pour)\s)"
        rf"|\b(?:is|are|be|position|role|job|post)\s+){_PLACE}[- ]based\b"
        r"(?!\s+(?:on|upon|around|off)\b)"  # "UI based on wireframes" names no place
        # Opening a line, "London-based role" names a place, "Research-based study" a method.
        r"(?(opening)(?!\s+(?!(?:roles?|positions?|jobs?|posts?|teams?|staff|compan(?:y|ies)"
        r"|organi[sz]ations?|charit(?:y|ies)|non-?profits?|candidates?|applicants?|and|or)\b)"
        r"[a-z]))"
    ),
    re.compile(
        # Dutch "Ons kantoor is gevestigd in Den Haag", German "ein Verein mit Sitz in Berlin"
        rf"\b(?:[Bb]ased|[Ll]ocated|[Ss]ituated|gevestigd|mit\s+Sitz)\s+in\s+(?:either\s+)?"
        rf"(?:central\s+)?"
        rf"{_PLACES}"
    ),
    # "The Genome Analysis Centre (TGAC) based at Norwich, UK": a town and its country.
    re.compile(rf"\b[Bb]ased\s+at\s+(?P<place>{_ONE_PLACE},\s*{_ONE_PLACE})(?![\w-])"),
    # "based in the Chicago-area", "live in the greater Boston area": a town's surroundings.
    re.compile(
        rf"\b(?:[Bb]ased|[Ll]ocated|[Ll]ive)\s+in\s+the\s+(?:greater\s+)?{_PLACE}"
        r"(?=[- ](?:metro(?:politan)?\s+)?area\b)"
    ),
    # "The position will be in Lakewood, Colorado"
    re.compile(rf"\b(?:position|role|job|post)\s+(?:will\s+be|is)\s+in\s+{_PLACES}"),
    # "The position will be hosted at the Université de Montréal": the host is the place.
    re.compile(
        r"\b(?:position|role|job|post|poste|stage)\s+(?:will\s+be|is|sera)\s+(?:hosted|accueillie?)"
        r"\s+(?:at|by|in|à|par)\s+(?:the\s+|l['’]\s*|la\s+|le\s+)?(?P<place>[A-ZÀ-ÖØ-Þ][\w'’-]*"
        r"(?:\s+(?:(?:de|du|des|of|la|le)\s+)?[A-ZÀ-ÖØ-Þ][\w'’-]*){0,4})"
    ),
    # "Remote work or in-person in Utrecht": where the work is done in person.
    re.compile(rf"\b(?:[Ii]n[- ]person|[Oo]n[- ]?site|sur\s+place)\s+(?:in|at|à)\s+{_PLACES}"),
    # "basé au Département d'Automatique … à Besançon": a unit, then the town (below).
    re.compile(rf"\b[Bb]asée?s?\s+(?:à|a|au|en|dans)\s+(?!{_UNITS}\b){_PLACE}"),
    # "expected to take up residence in Massachusetts", "willing to relocate to Lyon": where
    # the person must live is where the work is.
    re.compile(
        rf"\b(?:take\s+up\s+residence|reside|residing|relocate|(?:s['’]\s*)?installer|résider"
        # "aux candidats résidant dans la région du Québec"; not "les bénéficiaires du RSA,
        # résidant en France entière", who the service is for
        rf"|(?:(?<=candidats\s)|(?<=candidates\s)|(?<=personnes\s))résidant)\s+"
        rf"(?:(?:in|to|à|en|au|dans\s+la\s+région\s+(?:du|de\s+la|de))\s+"
        rf"|dans\s+la\s+région\s+d['’]\s*){_PLACES}"
    ),
    # "sonst Dienstort Münster", "Arbeitsort: Berlin", "der Dienstort ist Braunschweig"
    re.compile(rf"\b(?:Dienstort|Arbeitsort|Einsatzort)(?:\s*:|\s+ist)?\s+{_PLACE}"),
    # "ce stage se déroulera à Paris (9 ème)", "the internship will take place in Lyon"
    re.compile(rf"\b(?:se\s+déroulera|aura\s+lieu|will\s+take\s+place)\s+(?:à|in)\s+{_PLACE}"),
    # "situé à La Cité Miroir, à Liège": the town after the building; "basé chez
    # beta.gouv.fr, à Paris", after the host.
    re.compile(
        rf"\b(?:[Ss]ituée?s?|[Ll]ocalisée?s?)\s+(?:à|au|en)\s+[^,.;]{{2,60}},\s+à\s+{_PLACE}"
    ),
    re.compile(rf"\b[Bb]asée?s?\s+chez\s+[^,;]{{2,40}}?,\s+à\s+{_PLACE}"),
    re.compile(rf"\b(?:[Ss]ituée?s?|[Ll]ocalisée?s?)\s+(?:à|au|en)\s+{_PLACE}"),
    # "situé au siège de l'association à Grenoble", "basé dans nos locaux à Metz".
    re.compile(
        rf"\b(?:[Ss]ituée?s?|[Ll]ocalisée?s?|[Bb]asée?s?)\s+(?:au|dans)\s+[^,.;]{{2,120}}?\s+à\s+{_PLACE}"
    ),
    # "ce poste exige que vous travailliez de la région de la capitale nationale (Ottawa)".
    re.compile(
        rf"\b(?:work|travaill\w*)\s+(?:from|in|de|depuis|dans)\s+(?:the|la|le)\s+[^.;()]{{2,60}}?"
        rf"\s+\({_PLACE}\)"
    ),
    # "You will work from our Leeds office", "based in our London office".
    re.compile(
        r"\b(?:[Oo]ur|[Nn]otre|\w+['’]s)\s+"
        r"(?!(?:Head|Main|Central|Regional|Registered|Home|Global)\b)"
        rf"{_PLACE}\s+(?:office|HQ|headquarters)\b"
    ),
    # "Les bureaux de Quividi sont implantés dans le 9e arrondissement de Paris": the town.
    re.compile(
        rf"\b(?:bureaux|locaux)\b[^.;]{{0,60}}?\b(?:implanté|situé|basé)e?s?\s+dans\s+le\s+"
        rf"\d{{1,2}}(?:e|ème|er)\s+arrondissement\s+(?:de\s+)?{_PLACE}"
    ),
    # "dans des locaux à Paris", "notre bureau à Ottawa", "our offices in Leeds".
    _OFFICES_AT := re.compile(
        rf"\b(?:locaux|bureaux?)\s+(?:sont\s+)?(?:(?:situés?|basés?)\s+)?(?:à|a)\s+{_PLACE}"
    ),
    # "3 jours dans nos bureaux de Lyon, Paris ou Rennes": the organization's own offices.
    re.compile(rf"\b[Nn]os\s+(?:bureaux|locaux)\s+(?:de|d['’])\s*{_PLACES}"),
    # "Les membres de l'équipe sont à Paris", "The team is based in Leeds".
    re.compile(
        r"\b(?:[Ll]['’]\s*équipe|[Ll]es\s+membres\s+de\s+l['’]\s*équipe|[Tt]he\s+team)\s+"
        rf"(?:est|sont|is|are)\s+(?:basée?s?\s+|based\s+)?(?:à|in)\s+{_PLACES}"
    ),
    # "dans nos locaux parisiens": offices named by their town's adjective.
    _OFFICES_OF_TOWN := re.compile(
        rf"\b(?:nos|les|des|aux)\s+(?:locaux|bureaux)\s+(?P<place>{'|'.join(_TOWN_OF_ADJECTIVE)})\b"
    ),
    # "une présence régulière à Paris", "présence ponctuelle dans les locaux à La Défense",
    # "besoin de présence régulière à la Défense": the article belongs to the place's name;
    # "présence ponctuelle à dans les locaux de la DINUM à Paris" (sic): whose premises.
    re.compile(
        rf"\bprésence\s+(?:[\w-]+\s+){{0,2}}?(?:(?:à\s+)?dans\s+(?:les|nos)\s+locaux\s+"
        rf"(?:(?:de|du|des)\s+(?:la\s+|l['’]\s*)?[\w-]+\s+)?)?à\s+"
        rf"(?P<place>(?:la\s+|le\s+)?{_ONE_PLACE})"
    ),
    # "Télétravail partiel bienvenu, avec 2 jours/semaine à Paris", "Remote, with two days a
    # week in Leeds": where the days on site are.
    _DAYS_ON_SITE := re.compile(
        # "en télétravail avec des réunions à Nanterre": the meetings are the days on site;
        # "télétravail OK (déplacement à Nanterre au moins 1 fois par mois)", the trips there.
        r"\b(?i:télétravail|remote)\b[^.;]{0,60}?\b(?:(?i:\d+|deux|trois|two|three|des|some)\s+"
        r"(?i:jours?|journées?|réunions?|days?|meetings?)\b[^.;]{0,40}?\s|(?i:déplacements?)\s+)"
        rf"(?:à|in)\s+{_PLACE}"
    ),
    # "The coordinator will work out of the Acme HQ offices in Boulder, Colorado."
    re.compile(
        rf"\b(?:work|working|works)\s+(?:out\s+of|from|at)\s+[^.;]{{0,40}}?\boffices?\s+in\s+{_PLACES}"
    ),
    # "Classes are held on Monday mornings in Cambridge": where the volunteer's work is done.
    re.compile(
        r"\b(?:classes|sessions|lessons|workshops|meetings|cours|ateliers|séances)\s+"
        rf"(?:are|is|sont)\s+(?:held|donnée?s|organisée?s)\b[^.;]{{0,80}}?\s(?:in|à)\s+{_PLACE}"
    ),
    # "ons moderne hoofdkantoor in Purmerend", "unser Büro in Köln"
    # "Vårt kontor finns i Göteborg", "Unser Büro ist in Berlin", "Tjänsten är i huvudsak
    # förlagd till Göteborg", "Arbete sker huvudsakligen från Göteborg"
    re.compile(
        rf"\b(?:(?:hoofd)?kantoor\s+(?:in|te)|Büro\s+(?:ist\s+)?in|oficinas?\s+en|kontor\s+finns\s+i"
        rf"|förlagd\s+till|[Aa]rbetet?\s+sker\s+(?:huvudsakligen\s+|i\s+huvudsak\s+)?(?:från|i))"
        rf"\s+{_PLACES}"
    ),
    # "im Herzen von Köln", "in the heart of Lyon", "au cœur de Lyon"
    re.compile(rf"\b(?:im\s+Herzen\s+von|in\s+the\s+heart\s+of|au\s+cœur\s+de)\s+{_PLACE}"),
    _OFFICES_IN := re.compile(
        rf"\b(?:[Oo]ur|[Tt]he)\s+(?:(?:main|head|central)\s+)?offices?\s+in\s+{_PLACES}"
    ),
    # "depuis les bureaux de la DINUM, 20 avenue de Ségur à Paris": the town after the address.
    _OFFICES_OF := re.compile(
        rf"\b(?:locaux|bureaux)\s+(?:de|du|des|d['’])\s*[^.;:]{{1,40}},\s+[^.;:]{{0,60}}?\bà\s+{_PLACE}"
    ),
    # "A position is available at EPFL (Lausanne, Switzerland)", a title's "… position open
    # at EPFL, Lausanne, Switzerland": the place after who offers it.
    re.compile(
        r"\b(?:available|open)\s+at\s+[A-ZÀ-ÖØ-Þ][\w&.-]*(?:\s+[A-ZÀ-ÖØ-Þ][\w&.-]*){0,3}"
        rf"\s*(?:\(|,\s+)(?P<place>{_ONE_PLACE}(?:\s+(?:and|et)\s+{_ONE_PLACE})?,\s*{_ONE_PLACE})"
        r"(?:\)|\s*$)"
    ),
    # "Based anywhere in the UK with a good internet connection": a region.
    # "based anywhere in the US", "can be performed from anywhere in Canada", "peut être
    # effectué de n'importe où au Canada"
    _ANYWHERE_IN := re.compile(
        r"\b(?:[Bb]ased|performed\s+from|done\s+from|(?:effectuée?|réalisée?|assumée?)\s+de)\s+"
        rf"(?P<place>anywhere\s+in\s+(?:the\s+)?{_ONE_PLACE}"
        rf"|n['’]importe\s+où\s+(?:au|en)\s+{_ONE_PLACE})"
    ),
    # "We're hiring people at all levels of experience in Ottawa, Toronto, and Montreal".
    re.compile(rf"\b(?:hiring|recruiting)\b[^.;:]{{0,60}}?\bin\s+{_PLACES}"),
    # A street address: "20 avenue de Ségur 75007 PARIS", "rue Haute 12, 1000 Bruxelles".
    _STREET_ADDRESS := re.compile(
        r"\b(?i:rue|avenue|av\.|boulevard|bd|place|quai|chemin|allée|cours|impasse|passage|street|road)"
        # "meetings take place at 1400 UTC": the verb, not a square.
        r"\b(?!\s+(?:at|on|in|during|every|once|from)\b)[^\n.;]{1,60}?\b\d{4,5}\s+(?P<place>[A-ZÀ-ÖØ-Þ][^\W_]*(?:-[^\W_]+)*)"
    ),
)
_OWN_PLACE = (
    _LOCATION_LINE,
    re.compile(
        rf"\b(?:[Pp]oste|[Ss]tage|[Mm]ission|[Pp]osition|[Rr]ole|[Jj]ob)\s+basée?\s+à\s+{_PLACE}"
    ),
)
# "Lieu : À distance dans le soi-disant Québec": remote work somewhere; the place stays.
_REMOTE_IN = re.compile(
    r"^(?:(?:100\s?%\s+)?(?:à\s+distance|en\s+télétravail|télétravail|remote|fully\s+remote)"
    r"\s*[,(]?\s*(?:dans|au|en|à|within|in|from|across)\s+)?(?:(?:le|la|les|l['’]|the)\s+)?"
    r"(?:soi-disant|so-called)\s+|^(?:100\s?%\s+)?(?:à\s+distance|en\s+télétravail|remote"
    r"|fully\s+remote)\s*[,(]?\s*(?:dans|au|en|à|within|in|from|across)\s+(?:(?:le|la|l['’]|the)\s+)?",
    _I,
)
_REMOTE_NO = re.compile(
    r"\bno\s+remote\b|\bnot\s+(?:a\s+)?remote\b|\bon[- ]site\s+only\b|\bin[- ]office\s+only\b"
    r"|\bpas\s+de\s+télétravail\b|\bsans\s+télétravail\b|\bsur\s+site\s+uniquement\b"
    r"|\b100\s?%\s+(?:en\s+)?présentiel\b|\bentièrement\s+(?:sur\s+site|en\s+présentiel)\b",
    _I,
)
_REMOTE_YES = re.compile(
    # "la possibilité de télétravailler à raison de 2 jours par semaine", "possibilité de
    # télé-travail jusqu'à 3 jours par semaine", "une équipe télétravaillante"
    r"\bremote\b|\bhybrid\b|\bwork\s+from\s+home\b|\btélé-?travail(?:l\w*)?\b|\bhybride\b"
    r"|\bà\s+distance\b|\bdistanciel\b",
    _I,
)


# A job board's one-line header: "Acme - Senior Developer - Berlin, Germany (HYBRID) -
# Full time" or "Acme | Developer | Remote (EU)": the place is a "Town, Country" part, its
# work mode aside, or a "Remote (…)" part.
_HEADER_SEPARATOR = re.compile(r"\s+[-|–—]\s+")
HEADER_PARTS = 3
MAX_HEADER_PART_CHARS = 100
_HEADER_PLACE = re.compile(rf"^{_ONE_PLACE},\s*{_ONE_PLACE}$")
_HEADER_REMOTE = re.compile(r"^(?:fully\s+)?remote\b(?:\s*\([^()]{1,40}\))?$", _I)
_WORK_MODE = re.compile(r"\s*\((?:hybrid|on-?site|remote|in[- ]office)[^()]*\)$", _I)


def header_parts(document: Document) -> list[str]:
    """The parts, markup stripped, of a one-line header opening the body, or [] if none."""
    parts: list[str] = []
    for piece in _HEADER_SEPARATOR.split(opening(document)):
        if parts and parts[-1].count("(") > parts[-1].count(")"):
            parts[-1] += f" - {piece}"  # "ReadWorks (YC-backed nonprofit - …)": one part
        else:
            parts.append(piece)
    parts = [strip_inline_markup(part).strip() for part in parts]
    if len(parts) < HEADER_PARTS or any(len(part) > MAX_HEADER_PART_CHARS for part in parts[:2]):
        return []
    return parts


# "Onsite (Berkeley)": the work mode, then the place.
_MODE_AT = re.compile(r"^(?:on-?site|hybrid|in[- ]office)\s*\((?P<place>[^()]{2,40})\)$", _I)
_MODE_PART = re.compile(r"^(?:fully\s+)?(?:remote|hybrid|on-?site|in[- ]office)\s*(?:\(|$)", _I)


def is_work_place(text: str) -> bool:
    """Whether a header part opens with a work mode ("Hybrid (USA) Albuquerque NM"): no title."""
    return bool(_MODE_PART.match(text))


def is_header_place(part: str) -> bool:
    """Whether a header part is a place ("Blaine, WA") or where the work is, not who hires."""
    return bool(_HEADER_PLACE.match(part)) or is_work_place(part)


def _header_location(document: Document) -> str | None:
    for part in header_parts(document)[1:]:
        if match := _MODE_AT.match(part):
            return match.group("place")
        place = _WORK_MODE.sub("", part)
        # "Lisbon, Portugal", "NYC (Onsite)": a lone name is a place when a work mode says so.
        if (
            _HEADER_PLACE.match(place)
            or (place != part and re.fullmatch(_ONE_PLACE, place))
            or _HEADER_REMOTE.match(part)
        ):
            return place
    return None


# "Bien que nous ayons des bureaux à Ottawa, nous travaillons de manière distribuée":
# offices a sentence concedes are not the place of work.
_CONCESSION = re.compile(
    r"^(?:bien\s+que|quoique|même\s+si|although|though|while|whilst|even\s+though)\b", _I
)


# "Envoyez votre candidature par courrier à l'adresse suivante : …": where to send it.
_MAIL_TO = re.compile(
    r"\bpar\s+courrier\b|\badresse\s+(?:suivante|postale)\b|\bby\s+(?:post|mail)\s+to\b"
    r"|\b(?:mailing|postal)\s+address\b",
    _I,
)


# "La Défense", "Le Havre", "Les Ulis": an article in front of a capital is a town's.
_TOWN = re.compile(r"^(?:Le|La|Les)\s+[A-ZÀ-ÖØ-Þ]")


# "### Lieu de travail", "## You should be located near:": the lines under it are the place.
_PLACE_HEADING = re.compile(
    r"^(?:lieu(?:\s+de\s+(?:travail|stage|(?:la\s+)?mission))?|location|localisation|where"
    r"|(?:you\s+should\s+be\s+)?(?:located|based)(?:\s+(?:near|in))?)\s*:?$",
    _I,
)
# "Stade Richard-Garneau (Sainte-Thérèse)": the town in brackets after the building;
# "Avenue des Vignes Paris 12°": the town before its district.
_TOWN_IN_BRACKETS = re.compile(rf"\((?P<place>{_ONE_PLACE})\)\s*$")
_TOWN_AND_DISTRICT = re.compile(
    r"\b(?P<place>[A-ZÀ-ÖØ-Þ][\w'’]*(?:-[\w'’]+)*)\s+(?:dans\s+le\s+)?"
    r"(?:\d{1,2}|[IVX]{1,5})(?:°|e|ème|er)(?!\w)"  # "Paris 12°", "Paris Xème"
)
# "Remote, with supervisors based in New York", "Anywhere": remote work names no place.
_REMOTE_ONLY = re.compile(
    # "Anywhere in the UK" is a region; "anywhere in the world", none.
    r"^(?:(?:fully|entirely|100\s?%)\s+)?(?:remote(?:ly)?|virtual"
    r"|anywhere(?!\s+in\s+(?!the\s+world\b))|à\s+distance"
    r"|(?:en\s+)?télétravail)\b",
    _I,
)
MAX_PLACE_CHARS = 60


# "Lyon et en télétravail", "Paris or remote": remote work beside the place.
_REMOTE_CLAUSE = re.compile(
    r"\s+(?:et|ou|and|or)\s+(?:en\s+)?(?:télétravail|à\s+distance|remote)\b.*$", _I
)


def _as_place(text: str) -> str | None:
    """The town a location line names, its building, street or district off."""
    text = _WORK_MODE.sub("", text)  # "Lyon (hybrid)"
    # "US-Remote, with staff team based in Pacific time": the place, not who is elsewhere.
    # "Le Petit-Quevilly, à 15 minutes de la gare": the place, not the way there.
    text = re.sub(r",\s+(?:with|avec|(?:à\s+)?\d+\s*min(?:utes)?\b)\s.*$", "", text)
    text = _REMOTE_CLAUSE.sub("", text)
    bracketed = _TOWN_IN_BRACKETS.search(text)
    # "Montréal (Québec)" is a town and its province; a building's name is no place.
    if bracketed and not re.fullmatch(_ONE_PLACE, text[: bracketed.start()].strip()):
        return bracketed.group("place")
    if match := _TOWN_AND_DISTRICT.search(text):
        return match.group("place")
    text = text.strip(" ;*")  # "National*": a footnote's mark
    # A whole line is a place when it reads as a name: "Lyon", not "au siège, 12 rue…".
    return text if len(text) <= MAX_PLACE_CHARS and text[:1].isupper() else None


def _place_under_heading(document: Document) -> str | None:
    sections = document.sections
    for index, section in enumerate(sections):
        if not (section.heading and _PLACE_HEADING.match(section.heading.strip())):
            continue
        if section.bullets and all(
            re.fullmatch(_ONE_PLACE, b.text.strip()) for b in section.bullets
        ):
            return ", ".join(bullet.text.strip() for bullet in section.bullets)  # one per line
        lines = [*section.paragraphs, *(bullet.text for bullet in section.bullets)]
        # A line standing alone under the heading may read as a heading itself.
        if not lines and index + 1 < len(sections) and sections[index + 1].heading:
            lines = [str(sections[index + 1].heading)]
        place = (place_in(lines[0]) or _as_place(lines[0])) if lines else None
        # "Remote position, with a preference for Toronto-based people": no place of work.
        if place and fold(place.split()[0]) not in NOT_A_NAME and not remote_only(place):
            return place
    return None


def remote_only(place: str, *, alone: bool = False) -> bool:
    """Whether a stated place says that the work is remote ("Remote, with supervisors
    based in New York"); ``alone``, and nothing else ("Virtual (100% Remote)", not
    "Virtual (100% Remote); Washington, DC")."""
    match = _REMOTE_ONLY.match(_REMOTE_IN.sub("", place.strip()))
    if match is None or not alone:
        return match is not None
    rest = re.sub(r"\([^()]*\)", "", _REMOTE_IN.sub("", place.strip())[match.end() :])
    return not re.search(r"\w", rest)


def location(document: Document) -> str | None:
    """The place of work the posting states ("Paris based", "Poste basé à Lyon")."""
    if place := _header_location(document) or _place_under_heading(document):
        return place
    lines = sentences(document.plain_text)
    for sentence in lines:
        # "Location: Remote" states that the work has no place; a town named elsewhere
        # ("supervisors based in New York") is someone else's.
        line = _LOCATION_LINE.search(sentence)
        if line and remote_only(line.group("place")):
            # "Lieu : télétravail, avec 2 jours…", "En télétravail et à La Défense (1 à 2 fois
            # par semaine)": where the days on site are.
            on_site = _DAYS_ON_SITE.search(sentence) or _AND_AT.search(line.group("place"))
            return on_site.group("place") if on_site else None
    # What the post states of itself first ("Lieu : Le Petit-Quevilly", "Poste basé à Issy"),
    # then a place named otherwise ("nos agences situées à Londres").
    for patterns in (_OWN_PLACE, _LOCATION_PATTERNS):
        for sentence in lines:
            if place := place_in(sentence, patterns):
                return place
    return None


# "En télétravail et à La Défense": the place beside remote work on a location line.
_AND_AT = re.compile(rf"\b(?:et|and|ou|or)\s+(?:à|au|in|at)\s+{_PLACE}")
# "lieu : un cadre sympa car …": a word on the place, not its name; "Location: [National/
# London/Both]": a template's choices in brackets, not yet made.
_A_DESCRIPTION = re.compile(r"^(?:(?:un|une|a|an)\s+[a-zà-ÿ]|\[[^\]]*\]$)")


def place_in_title(title: str | None) -> str | None:
    """The place a title states ("One post-doctoral position open at EPFL, Lausanne"), or the
    town it ends on ("Développeurs Python sur Lyon")."""
    if not title:
        return None
    match = AT_PLACE.search(re.sub(r"\s+", " ", title).strip())
    return place_in(title) or (match.group("town") if match else None)


def place_in(
    sentence: str, patterns: tuple[re.Pattern[str], ...] = _LOCATION_PATTERNS
) -> str | None:
    """The place a sentence states as the place of work, by the patterns above."""
    for pattern in patterns:
        if pattern in (_OFFICES_AT, _OFFICES_IN, _OFFICES_OF) and _CONCESSION.match(sentence):
            continue
        if pattern is _STREET_ADDRESS and _MAIL_TO.search(sentence):
            continue
        if match := pattern.search(sentence):
            if pattern is _OFFICES_OF_TOWN:
                return _TOWN_OF_ADJECTIVE[match.group("place")]
            value = match.group("place")
            if pattern is _LOCATION_LINE:
                if _A_DESCRIPTION.match(value):
                    continue
                # "Ort: Unser Büro ist in Berlin.": a sentence on the line names the place.
                opening = fold(value).split()[:1]
                if (
                    opening
                    and opening[0] in NOT_A_NAME
                    and (stated := place_in(value, _LOCATION_PATTERNS[1:]))
                ):
                    return stated
            if pattern is _ANYWHERE_IN:
                return value[:1].upper() + value[1:]
            place = _REMOTE_IN.sub("", value.strip()).rstrip(",").strip()
            if _REMOTE_ONLY.match(place):
                continue
            place = _REMOTE_CLAUSE.sub("", place)
            place = _as_place(place) or place
            place = place[:1].upper() + place[1:]
            if place and (fold(place.split()[0]) not in NOT_A_NAME or _TOWN.match(place)):
                if place.isupper() and len(place) > 3:  # "75007 PARIS"
                    place = place.title()
                return place
    return None


def remote(text: str) -> bool | None:
    """True when remote or hybrid work is offered, False when it is ruled out, else None."""
    if _REMOTE_NO.search(text):
        return False
    if _REMOTE_YES.search(text):
        return True
    return None


# "Ville de Sainte-Thérèse", "City of Leeds": a town's administration works in that town.
_TOWN_ADMINISTRATION = re.compile(
    rf"^(?:Ville|Commune|Mairie|Municipalité|City|Town)\s+(?:de\s+|d['’]\s*|of\s+)(?P<place>{_ONE_PLACE})$"
)


def town_of(organization: str | None) -> str | None:
    """The town an organization that is a town's administration names, or None."""
    match = _TOWN_ADMINISTRATION.match(organization or "")
    return match.group("place") if match else None
