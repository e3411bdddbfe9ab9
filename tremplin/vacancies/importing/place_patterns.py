"""The wording that names a place of work: the patterns the place module reads sentences with."""

import re

_I = re.IGNORECASE

ONE_PLACE = r"[A-ZÀ-ÖØ-Þ][\w'’]*(?:-[\w'’]+)*(?:\s+[A-ZÀ-ÖØ-Þ][\w'’]*(?:-[\w'’]+)*){0,2}"
PLACE = rf"(?P<place>{ONE_PLACE})"
# "Austin, TX / Remote", "Chicago, IL or REMOTE (US)": a place, or remote work instead.
OR_REMOTE = r"\s*(?:/|\bor\b)\s*(?i:remote)(?:\s*\([^()]{1,30}\))?"
# "Berlin, Toronto, or San Francisco", "Bangkok, TH": a list of places is one location.
# "Amsterdam, the Netherlands": a town and its country. "Sacramento, CA or Oakland, CA": the
# last town keeps its state's code too.
_PLACES = (
    rf"(?P<place>{ONE_PLACE}(?:,\s*(?:the\s+)?{ONE_PLACE})*"
    rf"(?:,?\s+(?:or|and|ou|et)\s+{ONE_PLACE}(?:,\s*[A-Z]{{2}}\b)?)?)"
)
# Units of an organization, which a sentence may say one is based in before the town.
_UNITS = r"(?:Département|Service|Laboratoire|Institut|Centre|Pôle|Bureau|Siège|Direction)"
# The town an adjective names ("nos locaux parisiens").
TOWN_OF_ADJECTIVE = {
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
LOCATION_PATTERNS = (
    LOCATION_LINE := re.compile(
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
    re.compile(rf"\bà\s+{PLACE}\s+\((?:\d{{2}}|2[AB]|97\d)\)"),
    re.compile(rf"\bdans\s+le\s+(?:\d{{2}}|2[AB])\s+à\s+{PLACE}"),
    re.compile(
        # "For US-based candidates, pay is…" names no place of work.
        rf"(?:^(?P<opening>)(?!(?i:for|in|at|from|to|of|with|pour)\s)"
        rf"|\b(?:is|are|be|position|role|job|post)\s+){PLACE}[- ]based\b"
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
    re.compile(rf"\b[Bb]ased\s+at\s+(?P<place>{ONE_PLACE},\s*{ONE_PLACE})(?![\w-])"),
    # "based in the Chicago-area", "live in the greater Boston area": a town's surroundings.
    re.compile(
        rf"\b(?:[Bb]ased|[Ll]ocated|[Ll]ive)\s+in\s+the\s+(?:greater\s+)?{PLACE}"
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
    re.compile(rf"\b[Bb]asée?s?\s+(?:à|a|au|en|dans)\s+(?!{_UNITS}\b){PLACE}"),
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
    re.compile(rf"\b(?:Dienstort|Arbeitsort|Einsatzort)(?:\s*:|\s+ist)?\s+{PLACE}"),
    # "ce stage se déroulera à Paris (9 ème)", "the internship will take place in Lyon"
    re.compile(rf"\b(?:se\s+déroulera|aura\s+lieu|will\s+take\s+place)\s+(?:à|in)\s+{PLACE}"),
    # "situé à La Cité Miroir, à Liège": the town after the building; "basé chez
    # beta.gouv.fr, à Paris", after the host.
    re.compile(
        rf"\b(?:[Ss]ituée?s?|[Ll]ocalisée?s?)\s+(?:à|au|en)\s+[^,.;]{{2,60}},\s+à\s+{PLACE}"
    ),
    re.compile(rf"\b[Bb]asée?s?\s+chez\s+[^,;]{{2,40}}?,\s+à\s+{PLACE}"),
    re.compile(rf"\b(?:[Ss]ituée?s?|[Ll]ocalisée?s?)\s+(?:à|au|en)\s+{PLACE}"),
    # "situé au siège de l'association à Grenoble", "basé dans nos locaux à Metz".
    re.compile(
        rf"\b(?:[Ss]ituée?s?|[Ll]ocalisée?s?|[Bb]asée?s?)\s+(?:au|dans)\s+[^,.;]{{2,120}}?\s+à\s+{PLACE}"
    ),
    # "ce poste exige que vous travailliez de la région de la capitale nationale (Ottawa)".
    re.compile(
        rf"\b(?:work|travaill\w*)\s+(?:from|in|de|depuis|dans)\s+(?:the|la|le)\s+[^.;()]{{2,60}}?"
        rf"\s+\({PLACE}\)"
    ),
    # "You will work from our Leeds office", "based in our London office".
    re.compile(
        r"\b(?:[Oo]ur|[Nn]otre|\w+['’]s)\s+"
        r"(?!(?:Head|Main|Central|Regional|Registered|Home|Global)\b)"
        rf"{PLACE}\s+(?:office|HQ|headquarters)\b"
    ),
    # "Les bureaux de Quividi sont implantés dans le 9e arrondissement de Paris": the town.
    re.compile(
        rf"\b(?:bureaux|locaux)\b[^.;]{{0,60}}?\b(?:implanté|situé|basé)e?s?\s+dans\s+le\s+"
        rf"\d{{1,2}}(?:e|ème|er)\s+arrondissement\s+(?:de\s+)?{PLACE}"
    ),
    # "dans des locaux à Paris", "notre bureau à Ottawa", "our offices in Leeds".
    OFFICES_AT := re.compile(
        rf"\b(?:locaux|bureaux?)\s+(?:sont\s+)?(?:(?:situés?|basés?)\s+)?(?:à|a)\s+{PLACE}"
    ),
    # "3 jours dans nos bureaux de Lyon, Paris ou Rennes": the organization's own offices.
    re.compile(rf"\b[Nn]os\s+(?:bureaux|locaux)\s+(?:de|d['’])\s*{_PLACES}"),
    # "Les membres de l'équipe sont à Paris", "The team is based in Leeds".
    re.compile(
        r"\b(?:[Ll]['’]\s*équipe|[Ll]es\s+membres\s+de\s+l['’]\s*équipe|[Tt]he\s+team)\s+"
        rf"(?:est|sont|is|are)\s+(?:basée?s?\s+|based\s+)?(?:à|in)\s+{_PLACES}"
    ),
    # "dans nos locaux parisiens": offices named by their town's adjective.
    OFFICES_OF_TOWN := re.compile(
        rf"\b(?:nos|les|des|aux)\s+(?:locaux|bureaux)\s+(?P<place>{'|'.join(TOWN_OF_ADJECTIVE)})\b"
    ),
    # "une présence régulière à Paris", "présence ponctuelle dans les locaux à La Défense",
    # "besoin de présence régulière à la Défense": the article belongs to the place's name;
    # "présence ponctuelle à dans les locaux de la DINUM à Paris" (sic): whose premises.
    re.compile(
        rf"\bprésence\s+(?:[\w-]+\s+){{0,2}}?(?:(?:à\s+)?dans\s+(?:les|nos)\s+locaux\s+"
        rf"(?:(?:de|du|des)\s+(?:la\s+|l['’]\s*)?[\w-]+\s+)?)?à\s+"
        rf"(?P<place>(?:la\s+|le\s+)?{ONE_PLACE})"
    ),
    # "Télétravail partiel bienvenu, avec 2 jours/semaine à Paris", "Remote, with two days a
    # week in Leeds": where the days on site are.
    DAYS_ON_SITE := re.compile(
        # "en télétravail avec des réunions à Nanterre": the meetings are the days on site;
        # "télétravail OK (déplacement à Nanterre au moins 1 fois par mois)", the trips there.
        r"\b(?i:télétravail|remote)\b[^.;]{0,60}?\b(?:(?i:\d+|deux|trois|two|three|des|some)\s+"
        r"(?i:jours?|journées?|réunions?|days?|meetings?)\b[^.;]{0,40}?\s|(?i:déplacements?)\s+)"
        rf"(?:à|in)\s+{PLACE}"
    ),
    # "The coordinator will work out of the Acme HQ offices in Boulder, Colorado."
    re.compile(
        rf"\b(?:work|working|works)\s+(?:out\s+of|from|at)\s+[^.;]{{0,40}}?\boffices?\s+in\s+{_PLACES}"
    ),
    # "Classes are held on Monday mornings in Cambridge": where the volunteer's work is done.
    re.compile(
        r"\b(?:classes|sessions|lessons|workshops|meetings|cours|ateliers|séances)\s+"
        rf"(?:are|is|sont)\s+(?:held|donnée?s|organisée?s)\b[^.;]{{0,80}}?\s(?:in|à)\s+{PLACE}"
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
    re.compile(rf"\b(?:im\s+Herzen\s+von|in\s+the\s+heart\s+of|au\s+cœur\s+de)\s+{PLACE}"),
    OFFICES_IN := re.compile(
        rf"\b(?:[Oo]ur|[Tt]he)\s+(?:(?:main|head|central)\s+)?offices?\s+in\s+{_PLACES}"
    ),
    # "depuis les bureaux de la DINUM, 20 avenue de Ségur à Paris": the town after the address.
    OFFICES_OF := re.compile(
        rf"\b(?:locaux|bureaux)\s+(?:de|du|des|d['’])\s*[^.;:]{{1,40}},\s+[^.;:]{{0,60}}?\bà\s+{PLACE}"
    ),
    # "A position is available at EPFL (Lausanne, Switzerland)", a title's "… position open
    # at EPFL, Lausanne, Switzerland": the place after who offers it.
    re.compile(
        r"\b(?:available|open)\s+at\s+[A-ZÀ-ÖØ-Þ][\w&.-]*(?:\s+[A-ZÀ-ÖØ-Þ][\w&.-]*){0,3}"
        rf"\s*(?:\(|,\s+)(?P<place>{ONE_PLACE}(?:\s+(?:and|et)\s+{ONE_PLACE})?,\s*{ONE_PLACE})"
        r"(?:\)|\s*$)"
    ),
    # "Based anywhere in the UK with a good internet connection": a region.
    # "based anywhere in the US", "can be performed from anywhere in Canada", "peut être
    # effectué de n'importe où au Canada"
    ANYWHERE_IN := re.compile(
        r"\b(?:[Bb]ased|performed\s+from|done\s+from|(?:effectuée?|réalisée?|assumée?)\s+de)\s+"
        rf"(?P<place>anywhere\s+in\s+(?:the\s+)?{ONE_PLACE}"
        rf"|n['’]importe\s+où\s+(?:au|en)\s+{ONE_PLACE})"
    ),
    # "We're hiring people at all levels of experience in Ottawa, Toronto, and Montreal".
    re.compile(rf"\b(?:hiring|recruiting)\b[^.;:]{{0,60}}?\bin\s+{_PLACES}"),
    # "Nous acceptons maintenant les candidatures de développeurs … à Ottawa, Toronto et Montréal"
    re.compile(rf"\b[Nn]ous\s+(?:recrutons|embauchons|acceptons)\b[^.;:]{{0,120}}?\bà\s+{_PLACES}"),
    # A street address: "20 avenue de Ségur 75007 PARIS", "rue Haute 12, 1000 Bruxelles".
    STREET_ADDRESS := re.compile(
        r"\b(?i:rue|avenue|av\.|boulevard|bd|place|quai|chemin|allée|cours|impasse|passage|street|road)"
        # "meetings take place at 1400 UTC": the verb, not a square.
        r"\b(?!\s+(?:at|on|in|during|every|once|from)\b)[^\n.;]{1,60}?\b\d{4,5}\s+(?P<place>[A-ZÀ-ÖØ-Þ][^\W_]*(?:-[^\W_]+)*)"
    ),
)
OWN_PLACE = (
    LOCATION_LINE,
    re.compile(
        rf"\b(?:[Pp]oste|[Ss]tage|[Mm]ission|[Pp]osition|[Rr]ole|[Jj]ob)\s+basée?\s+à\s+{PLACE}"
    ),
)
