"""Where a candidate lives, as CVs from several countries write it: the address part of
blind-review redaction (``redaction.py`` calls ``places_find``).

Found, as (start, end) pairs of the text:
- streets written number first (French "12 bis rue des Lilas", also in lower case:
  "4 rue du moulin"; English "221 Baker Street"), name first with the number after
  (Belgian "Boulevard Louis Schmidt 77", Italian "via dei Tigli 10", Spanish "Calle Mayor
  5"), and German or Dutch compounds ("Musterstr. 99", "Kerkstraat 12");
- postcodes with a city: French "75011 Paris", and any 4- or 5-digit code followed by a
  capitalised city where a line or a column starts ("1040 Etterbeek (Bruxelles)",
  "34151 Trieste (TS), Italia"), UK postcodes, US "City, ST 94103";
- what follows an address label ("Adresse :", "Anschrift", "Indirizzo", "Location:"...; in
  ``redaction_address_labels.py``),
  with the lines under it when the label is a postal one and they are indented as in a
  two-column layout;
- in the header of a CV (the lines before the first section heading), a column that is a
  country ("France", "In Österreich"), a city with its country or US state
  ("Sunnyvale, CA", "Lyon, France"), or a list of comma-separated parts that ends with a
  country (a Korean or Brazilian address); under a street, its town when contacts stand
  beside it, and under a postcode and city, the country at the end of the next line.

Every pattern is compiled once, at import.
"""

import re
from collections.abc import Iterator, Sequence

from tremplin.review.redaction_address_labels import LEADING_LABEL, POSTAL_LABEL, labelled_places
from tremplin.review.redaction_countries import COUNTRY as _COUNTRY
from tremplin.review.redaction_header import HSPACE as _H
from tremplin.review.redaction_header import cells, fold, header_end
from tremplin.review.redaction_header_places import AT_END, POSTCODE_LAST, header_places
from tremplin.review.redaction_postcodes import japanese_addresses, postcodes_with_towns
from tremplin.review.redaction_towns import towns_find
from tremplin.review.redaction_units import BEFORE_UNIT, HEADER_BUILDING, unit_end

_CAP = r"[A-ZÀ-ÖØ-Þ][\w'’.-]*"
# Words are bounded: a run of capitalised pieces joined by dashes ("1-AB-1-AB-...") would
# otherwise cost a pass from each capital.
_CAP_WORD = r"[A-ZÀ-ÖØ-Þ][\w'’-]{0,50}"


# Words that name a street and nothing else, and words that also mean something else
# ("3 cours", "la route"): the second kind needs a capitalised name after it.
_FR_STREETS = (
    r"rue|avenue|av\.|boulevard|bd|bld|blvd|all[ée]e|impasse|imp\.|quai|faubourg|fbg|"
    r"rond-point|esplanade|lieu-dit|r[ée]sidence|parvis|chauss[ée]e|ruelle|venelle|"
    r"lotissement|sentier|hameau"
)
_FR_STREETS_AMBIGUOUS = (
    r"place|pl\.|chemin|ch\.|route|rte|cours|square|sq\.|passage|villa|cit[ée]|voie|"
    r"promenade|mont[ée]e|traverse|domaine|mail"
)
_FR_PARTICLE = r"(?:de|du|des|la|le|les|l['’]|d['’]|aux?|en|sur|sous|et)"
_CAPITALISED = r"[A-ZÀ-ÖØ-Þ0-9][\w'’.-]*"
_FR_NUMBER = (
    rf"\b\d{{1,4}}(?:{_H}*-{_H}*\d{{1,4}})?"  # 12, 4-6
    rf"(?:{_H}*(?:bis|ter|quater|[a-d])\b)?"  # bis, ter, 12 b
    rf"{_H}*,?{_H}+"
)
# The label of the next field, joined to a street by PDF text ("rue Hamlet Tél. : 08...").
_FIELD_LABEL = (
    r"(?i:t[ée]l(?:[ée]phone|efon|efono|[ée]fono)?|phone|mobile?|portable|handy|gsm|fax|"
    r"e-?mail|courriel|web|site|www)\b"
)
_FR_STREET_NAME = rf"(?:{_H}+(?:{_FR_PARTICLE}{_H}*)*(?!{_FIELD_LABEL})(?-i:{_CAPITALISED}))"
# Lower-case street names stop before the words that go on with a sentence.
_LOWER_NAME_WORD = (
    r"(?!(?:à|a|au|aux|depuis|pour|et|avec|où|qui|dans|puis|mais|ou|chez|en|from|since|"
    r"and|in|at)\b)[a-zà-öø-ÿ][\w'’-]*"
)
# Streets written name first, number after (Belgium, Italy, Spain, Portugal, the
# Netherlands' French- and Latin-language neighbours).
_NAME_FIRST_STREETS = (
    r"rue|avenue|av\.|boulevard|bd|chauss[ée]e|all[ée]e|impasse|quai|place|square|chemin|"
    r"route|dr[èe]ve|clos|via|viale|piazza|piazzale|corso|largo|vicolo|strada|calle|c/|"
    r"avda\.?|avenida|plaza|paseo|camino|carrer|carretera|rua|travessa|pra[çc]a|laan|ul\.|"
    # Romania, Poland, Greece
    r"calea|bulevardul|b-dul|aleea|[șş]oseaua|splaiul|str\.|ulica|aleja|al\.|odos|οδός"
)
_NAME_FIRST_PARTICLE = (
    r"(?:de|du|des|la|le|les|l['’]|d['’]|aux?|dei|del|della|delle|degli|dello|di|da|dal|"
    r"do|dos|das|el|los|las|van|der|den|het)"
)
_NOT_A_YEAR = r"(?!(?:19|20)\d\d\b)"
_GERMANIC_SUFFIXES = (
    r"stra(?:ß|ss)e|str\.|street|weg|gasse|allee|platz|damm|ufer|chaussee|straat|laan|plein|lei|"
    r"dreef|kaai|steenweg|gracht|dijk|singel|steig|pfad|"
    # Scandinavia, Finland, Hungary
    r"gatan|gata|gate|v[äa]gen|veien|gade|vej|katu|utca"
)
_STREET_ADJECTIVES = (
    r"(?:Lange|Korte|Hoge|Lage|Oude|Nieuwe|Grote|Kleine|Brede|Sint|Hohe|Alte|Neue|Gro(?:ß|ss)e|"
    r"Breite|Obere|Untere|Innere|Sankt)"
)
_GERMANIC_WORDS = r"Stra(?:ß|ss)e|Str\.|Weg|Allee|Platz|Gasse|Damm|Ufer|Ring|Markt"
_CITY_PARTICLE = (
    r"(?:sur|sous|en|le|la|les|de|du|des|lès|lez|am|an|der|im|bei|di|del|aan|op|bij|upon|on|"
    r"under)"
)
# A town's words hold no dash: the dash joins them, read one way only (one pass, where a
# word that could hold its dashes cut "Aa-Aa-...-Aa" every way there is).
# "St. Gallen": an abbreviation's period stays with its word.
_CITY_WORD = r"[A-ZÀ-ÖØ-Þ][\w'’]{0,50}(?:\.(?=[ -]))?"
_CITY = rf"{_CITY_WORD}(?:(?:{_H}|-)+(?:{_CITY_PARTICLE}(?![\w'’])|{_CITY_WORD}))*"
# Words that follow an amount rather than a postcode.
_NOT_MONEY = (
    r"(?!(?:Euros?|EUR|USD|CHF|GBP|Dollars?|Francs?|Pfund|Livres?|Yens?|Mio|Mrd|Millions?)\b)"
)
_ZONE_START = r"(?:^|(?<=[,;|·•])|(?<=\s\s)|(?<=\t))"

_NAME_FIRST = (
    rf"\b(?:{_NAME_FIRST_STREETS})(?![\w-])"
    rf"(?:{_H}+(?:{_NAME_FIRST_PARTICLE}(?![\w'’])|[dl]['’](?-i:{_CAP_WORD})|(?-i:{_CAP_WORD}))){{1,6}}"
    rf",?{_H}*(?:(?:n[º°o]|nr|no)\.?{_H}*)?{_NOT_A_YEAR}\d{{1,4}}[a-zA-Z]?\b(?:{_H}*(?:bis|ter)\b)?"
)
# In the header, where PDF text joined the next column to it: "Via Roma 10 Sviluppatrice".
HEADER_NAME_FIRST = re.compile(_NAME_FIRST + rf"(?={_H}(?-i:[A-ZÀ-ÖØ-Þ]))", re.I)
# In the header, a street named after someone, with no street word, its number after "Nº":
# "Andrés Bello Nº 10" (Latin America; "No." alone is any number's, and further down a
# "Revue Nº 12" is a publication's).
HEADER_NAMED_STREET = re.compile(
    rf"{_ZONE_START}{_H}*{_CAP_WORD}(?:{_H}+(?:{_NAME_FIRST_PARTICLE}|{_CAP_WORD})){{0,4}}"
    rf"{_H}+N[º°]\.?{_H}*\d{{1,5}}\b",
    re.M,
)
# In the header, a German street named by a preposition and no street word: "Im Hinterhof 2",
# "An der Alster 5", "Zum Anger 3", where the line or its column ends.
HEADER_PREPOSITION_STREET = re.compile(
    rf"(?<![\w'’-])(?:Im|Am|Beim|Zum|Zur|(?:An|Auf|In|Hinter|Unter|Vor){_H}+(?:der|den|dem))"
    rf"{_H}+{_CAP_WORD}(?:{_H}+{_CAP_WORD})?{_H}+{_NOT_A_YEAR}\d{{1,4}}[a-zA-Z]?\b"
    rf"(?={_H}*(?:$|[,;·•∙▪|/)–-]|{_H}\d{{4,5}}\b|{_H}{{2}}))",
    re.M,
)
# Its state's code after the town, ending the line: "11560 México, CDMX".
_STATE_CODE_ENDING = rf"(?:,{_H}*[A-Z]{{2,4}}(?={_H}*(?:\n|$)))"
POSTCODE_PATTERNS = [
    # 75011 Paris · F-69003 Lyon · 13001 Marseille Cedex 01 · 92100 Boulogne-Billancourt
    re.compile(
        rf"\b(?:F-?{_H}?)?(?:0[1-9]|[1-8]\d|9[0-8]){_H}?\d{{3}}{_H}+{_NOT_MONEY}"
        rf"[A-ZÀ-ÖØ-Þ][\w'’-]*(?:(?:{_H}|-)+(?:(?:sur|sous|en|le|la|les|de|du|des|lès|lez)"
        rf"(?![\w'’])|[A-ZÀ-ÖØ-Þ][\w'’-]*))*(?:{_H}+(?i:cedex)(?:{_H}+\d{{1,2}})?)?"
    ),
    # 1040 Etterbeek (Bruxelles) · 34151 Trieste (TS), Italia · D-10115 Berlin · 1012AB
    # Amsterdam · 010101 București, where a line or a column starts.
    re.compile(
        rf"{_ZONE_START}{_H}*(?:[A-Z]{{1,2}}[-–])?{_NOT_A_YEAR}(?:\d{{4}}{_H}?[A-Z]{{2}}|\d{{4,6}})"
        rf"{_H}+{_NOT_MONEY}{_CITY}"
        rf"(?:{_H}*\([\w .'’-]{{2,30}}\))?(?:{_H}*,{_H}*(?i:{_COUNTRY}))?"
        rf"{_STATE_CODE_ENDING}?(?={_H}*(?:$|[,;|·•(]|{_H}{{2}}))",
        re.M,
    ),
    # "B-9000 Ghent", its country's letter before the postcode, opening a line: a postcode
    # and its town even where PDF text ran the next column into the line ("B-9000 Ghent
    # Integer tincidunt…"), or after the column PDF text ran into it ("LASTNAME A–1234
    # CITY", the dash typeset as an en dash).
    re.compile(rf"(?<![\w-])[A-Z]{{1,2}}[-–]{_NOT_A_YEAR}\d{{4,5}}{_H}+{_NOT_MONEY}{_CITY_WORD}"),
    # "99999 MOULINSART beaucoup d'enfants": the town in capitals, as the French post writes
    # it, opening a line, where PDF text ran the next column (lower case) into it.
    re.compile(
        rf"^{_H}*{_NOT_A_YEAR}\d{{4,5}}{_H}+{_NOT_MONEY}[A-ZÀ-ÖØ-Þ]{{3,}}(?:[ -][A-ZÀ-ÖØ-Þ]{{2,}})*"
        rf"(?={_H}(?-i:[a-zà-öø-ÿ]))",
        re.M,
    ),
    # 00-950 Warszawa · 1000-001 Lisboa · 110 00 Praha · 114 55 Stockholm, where a line or a
    # column starts.
    re.compile(
        rf"{_ZONE_START}{_H}*(?:[A-Z]{{1,2}}-)?(?:\d{{2}}-\d{{3}}|\d{{4}}-\d{{3}}|\d{{3}}{_H}\d{{2}})"
        rf"{_H}+{_NOT_MONEY}{_CITY}(?:{_H}\d{{1,2}})?(?={_H}*(?:$|[,;|·•(]|{_H}{{2}}))",
        re.M,
    ),
]
PATTERNS = [
    # 12 rue des Lilas · 3 bis, avenue Jean-Jaurès · 4-6 place de la République
    re.compile(rf"{_FR_NUMBER}(?:{_FR_STREETS})(?![\w-]){_FR_STREET_NAME}{{0,6}}", re.I),
    re.compile(rf"{_FR_NUMBER}(?:{_FR_STREETS_AMBIGUOUS})(?![\w-]){_FR_STREET_NAME}{{1,6}}", re.I),
    # 4 rue du moulin
    re.compile(
        rf"{_FR_NUMBER}(?:{_FR_STREETS})(?![\w-])(?:{_H}+{_FR_PARTICLE})*"
        rf"(?:{_H}+(?-i:{_LOWER_NAME_WORD})){{1,3}}",
        re.I,
    ),
    # Boulevard Louis Schmidt 77 · via dei Tigli 10 · Rue de la Loi, 16 · Calle Mayor, nº 5
    re.compile(
        _NAME_FIRST
        # where an address line ends: not "via LinkedIn 2 fois", not "Place X, 1789."
        + rf"(?={_H}*(?:$|[,;·•∙▪|/)–-]|{_H}\d{{4,5}}\b)|{BEFORE_UNIT})",
        re.I | re.M,
    ),
    # In lower case, with words that name nothing but a street: "chemin des vignes 5",
    # "via garibaldi 12", "rue de la loi 16 bte 3"
    re.compile(
        r"\b(?:rue|avenue|boulevard|chauss[ée]e|chemin|route|via|viale|piazza|corso|calle|"
        rf"avenida|paseo|carrer|rua)(?:{_H}+(?:{_NAME_FIRST_PARTICLE}(?![\w'’])|[dl]['’]\w+|"
        rf"(?-i:{_LOWER_NAME_WORD}))){{1,4}},?{_H}*\d{{1,4}}[a-z]?\b"
        rf"(?={_H}*(?:$|[,;·•∙▪|/)–-]|\.(?:\s|$)|{_H}\d{{4,5}}\b)|{BEFORE_UNIT})",
        re.M,
    ),
    # Musterstr. 99 · Kerkstraat 12 · Berliner Straße 4a
    re.compile(
        # with the adjective before it: "Lange Nieuwstraat 7", "Hohe Straße 3"
        rf"\b(?:{_STREET_ADJECTIVES}{_H})?"
        rf"[A-ZÄÖÜ][\wäöüß-]{{0,50}}?(?:{_GERMANIC_SUFFIXES}|\.?-(?:{_GERMANIC_WORDS}))"
        rf"{_H}*{_NOT_A_YEAR}\d{{1,4}}[a-zA-Z]?\b"
    ),
    re.compile(
        rf"\b[A-ZÄÖÜ][\wäöüß-]{{1,50}}{_H}+(?:{_GERMANIC_WORDS}|Street|Road){_H}+{_NOT_A_YEAR}"
        rf"\d{{1,4}}[a-zA-Z]?\b"
    ),
    # The street word after the name, in lower case: "Váci utca 12", "Karl Johans gate 1".
    re.compile(
        rf"\b{_CAP_WORD}(?:{_H}{_CAP_WORD})?{_H}+(?:utca|út|tér|körút|gate|gata|gatan|vei|"
        rf"veien|vej|gade|vägen|väg|katu|tie){_H}+{_NOT_A_YEAR}\d{{1,4}}[a-zA-Z]?\b"
    ),
    # 221 Baker Street · 1600 Pennsylvania Avenue NW · 10 Downing St., Flat 2
    re.compile(
        rf"\b\d{{1,5}}[A-Za-z]?,?{_H}+(?:[A-Z][\w'’.-]*{_H}+){{1,4}}"
        r"(?i:Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|Lane|Ln|Drive|Dr|Court|Ct|Place|Pl|"
        r"Square|Sq|Terrace|Way|Crescent|Close|Gardens|Row|Mews|Parkway|Pkwy|Highway|Hwy|Plaza)\b\.?"
        rf"(?:{_H}+(?:NW|NE|SW|SE|N|S|E|W)\b)?"
        rf"(?:,?{_H}*(?:Apt|Apartment|Suite|Ste|Unit|Flat)\.?{_H}*#?\w+)?"
    ),
    re.compile(rf"\b(?:Apt|Apartment|Suite|Unit|Flat)\.?{_H}*#?\d+\w*"),
    # UK postcodes: SW1A 1AA, EC1V 9HX, with the town before them: Birmingham B26 3QJ
    re.compile(r"\b[A-Z]{1,2}\d[A-Z\d]? \d[A-Z]{2}\b"),
    re.compile(
        rf"\b{_CAP_WORD}(?:{_H}+{_CAP_WORD}){{0,2}},?{_H}+(?=[A-Z]{{1,2}}\d[A-Z\d]? \d[A-Z]{{2}}\b)"
    ),
]


POSTCODE_AFTER_STREET = re.compile(
    # a town in lower case too, right after its street: "4 rue du moulin 69003 lyon"
    rf"(?:,|{_H}[-–])?{_H}*(?:[A-Z]{{1,2}}-|C\.?P\.?{_H}*)?"  # "C.P. 06000, Ciudad de México"
    rf"(?:\d{{4,5}}|\d{{4}}-\d{{3}}|\d\d-\d{{3}}|\d{{3}}{_H}\d\d),?{_H}+{_NOT_MONEY}"
    rf"(?:{_CITY}|(?-i:[a-zà-öø-ÿ][\w'’-]{{1,40}})(?=[,;.]|{_H}*(?:\n|$)))"
    rf"(?:{_H}*\([\w .'’-]{{2,30}}\))?(?:{_H}*,{_H}*(?i:{_COUNTRY}))?"
    rf"{_STATE_CODE_ENDING}?"
)
# The town after a street, where the line or its column ends: "10 Downing Street, London".
# With its district's number ("Dublin 4", "Sector 2, București"), after a comma or a bullet.
CITY_AFTER_STREET = re.compile(
    rf"(?:,|{_H}[•∙]){_H}*{_CITY}(?:{_H}\d{{1,2}})?(?:, ?{_CITY_WORD}(?:[ -]{_CITY_WORD})*)?"
    rf"(?:,{_H}*(?i:{_COUNTRY}))?{AT_END}",
    re.M,
)
# After a street and its town, the rest of a one-line address: region, country and a
# postcode last, as YAMLResume prints them ("…, Paris, Île-de-France, France, 75002"), or a
# region and the postcode with no country ("…, Paris, Île-de-France, 75002").
REST_OF_ADDRESS = re.compile(
    rf"(?:(?:,{_H}*[^,\n•|]{{1,40}}){{0,3}}?,{_H}*(?i:{_COUNTRY}))?"
    rf"(?:(?:,{_H}*[^,\n•|]{{1,40}}){{0,2}}?,{_H}*{POSTCODE_LAST})?"
    rf"{AT_END}",
    re.M,
)
# The line of an address above its postcode: a number at one end ("12 Strawberry Hill",
# "Ermou 25", "Apt. 4, 2 Station Road").
STREET_LINE = re.compile(
    rf"(?:\d{{1,5}}[a-zA-Z]?\b,?{_H}+[^\n]{{2,60}}|[^\n]{{2,60}}[^\W\d_][.,]?{_H}+"
    # not a year ("COMPANY X, Location X. Summer 2010", a column run into the street's line)
    rf"{_NOT_A_YEAR}\d{{1,5}}[a-zA-Z]?)"
)


STREET_BEFORE_POSTCODE = re.compile(
    rf"(?:\b\d{{1,5}}[a-zA-Z]?,?{_H}+(?:{_CAP_WORD}{_H}*){{1,4}}|"
    rf"(?<![\w'’-]){_CAP_WORD}(?:{_H}+(?:{_NAME_FIRST_PARTICLE}|{_CAP_WORD})){{0,4}}{_H}+"
    rf"\d{{1,4}}[a-zA-Z]?|"
    # "rue Wiertz, B-1047 Brussels": a street word, no number
    rf"(?<![\w'’-])(?i:{_NAME_FIRST_STREETS})(?![\w-])"
    rf"(?:{_H}+(?:(?i:{_NAME_FIRST_PARTICLE})(?![\w'’])|{_CAP_WORD})){{1,5}}),{_H}*$"
)
NUMBERLESS_STREET = re.compile(
    rf"(?<![\w'’-])(?i:{_FR_STREETS}|{_FR_STREETS_AMBIGUOUS}|{_NAME_FIRST_STREETS})(?![\w-])"
    rf"(?:{_H}+[^\W\d_][\w'’-]*){{1,5}}{_H}*$"
)
POSTCODE_FIRST = re.compile(rf"[,\s]*(?:[A-Z]{{1,2}}-)?\d{{4,5}}{_H}")
# Under a street in the header, its town, with contacts beside it in another column or
# joined to it by PDF text: "Stratford-upon-Avon   bill@example.org". One word, hyphens
# allowed; a word alone on its line ("Disponible") stays.
TOWN_BELOW = re.compile(
    rf"[A-ZÀ-ÖØ-Þ][\w'’]+(?:-(?:{_CITY_PARTICLE}|[A-ZÀ-ÖØ-Þ][\w'’]+))*"
    rf"(?=,?{_H}+(?:\S*@|\+?\(?\d[\d\s().-]{{5,}}|www\.|https?:|(?i:t[ée]l|phone)))"
)
# Under the postcode and city in the header, the country (or a template's word for it) that
# PDF text put at the end of the next line: "Curriculum Vitae País".
COUNTRY_BELOW = re.compile(
    rf"(?<![\w'’-])(?:{_COUNTRY}|country|pays|pais|land|paese|nation){_H}*$", re.M
)
STREET_AT_LINE_END = re.compile(rf"(?<![\w'’-]){_CAP_WORD},?{_H}+\d{{1,4}}[a-zA-Z]?{_H}*$", re.M)
# On folded text: "california, usa", "lyon, france", "usa".
REGION_COUNTRY_LINE = re.compile(
    rf"{_H}*(?:[a-z][\w'’.-]*+(?:[ -][a-z][\w'’.-]*+){{0,2}},{_H}*)?{_COUNTRY}(?![\w'’-])"
)
POSTCODE_LINE = re.compile(rf"{_H}*[A-Z]{{1,2}}\d[A-Z\d]?{_H}\d[A-Z]{{2}}{_H}*$", re.M)
TOWN_LINE = re.compile(rf"{_H}*{_CAP_WORD}(?:{_H}{_CAP_WORD}){{0,2}}{_H}*$", re.M)


def places_find(text: str, *, names: Sequence[tuple[int, int]] = ()) -> Iterator[tuple[int, int]]:
    """Where the text gives an address, a city or a country of residence (``names``: where
    the candidate's name was found, for the lines of a header that are not a town).

    A CV gives one postal address, in its header. Where the header has a street or a
    postcode, the streets and postcodes further down are an employer's or a school's and
    stay, unless an address label introduces them or they repeat the header's (a footer)."""
    streets = list(_streets(text))
    labelled = list(labelled_places(text))
    end_of_header = header_end(text)
    own = {_same(text[start:end]) for start, end in streets + labelled if start < end_of_header}
    repeats: list[tuple[int, int]] = []
    for place in sorted(streets):
        if not own or place[0] < end_of_header:
            yield place
        elif _same(text[place[0] : place[1]]) in own and (
            # A postcode and city alone are a town the employer may share: they repeat the
            # header's only next to its street ("Via Zamboni 37 40126 Bologna" stays).
            not POSTCODE_FIRST.match(text, place[0])
            or any(0 <= place[0] - end <= 3 for _, end in repeats)
        ):
            repeats.append(place)
            yield place
        if place[0] < end_of_header:
            below = _below(text, place, end_of_header=end_of_header)
            if below is not None:
                yield below
        if not own or place[0] < end_of_header or place in repeats:
            yield from _town_lines_below(text, place)
    yield from labelled
    yield from header_places(text)
    yield from towns_find(text, names=names)
    yield from japanese_addresses(text)


def _same(place: str) -> str:
    return " ".join(fold(place).split())


def _streets(text: str) -> Iterator[tuple[int, int]]:
    end_of_header = header_end(text)
    header = (
        match
        for pattern in (
            HEADER_NAME_FIRST,
            HEADER_NAMED_STREET,
            HEADER_PREPOSITION_STREET,
            HEADER_BUILDING,
        )
        for match in pattern.finditer(text, 0, end_of_header)
    )
    for match in (*header, *(m for pattern in PATTERNS for m in pattern.finditer(text))):
        end = unit_end(text, match.end())  # "Via Garibaldi 15/A", "Calle Mayor 5, 3º B"
        yield match.start(), end
        # The postcode after a street may look like a year: "Kerkstraat 12, 2000 Antwerpen".
        after = POSTCODE_AFTER_STREET.match(text, end) or CITY_AFTER_STREET.match(text, end)
        if after is not None:
            rest = REST_OF_ADDRESS.match(text, after.end())
            yield end, max(after.end(), rest.end() if rest else 0)
    for pattern in POSTCODE_PATTERNS:
        for match in pattern.finditer(text):
            start = match.start() + len(match.group()) - len(match.group().lstrip())
            yield start, match.end()
            street = _line_above(text, start) or _joined_street_above(text, start)
            if street is not None:
                yield street
            # "Ermou 25, 10563 Athina": the street before the postcode, on its line.
            line_start = text.rfind("\n", 0, start) + 1
            street_before = STREET_BEFORE_POSTCODE.search(text, line_start, start)
            if street_before is not None:
                # "Anschrift Musterweg 42, 12345 Berlin": the label stays.
                label = LEADING_LABEL.match(text, street_before.start())
                yield (label.end() if label else street_before.start()), start
    yield from postcodes_with_towns(text)


def _below(text: str, place: tuple[int, int], *, end_of_header: int) -> tuple[int, int] | None:
    """The rest of a header address on the next line: the town under a street, the country
    at the end of the line under a postcode and city."""
    line_start = text.rfind("\n", 0, place[0]) + 1
    next_start = text.find("\n", place[1]) + 1
    if next_start == 0 or next_start >= end_of_header:
        return None
    next_end = text.find("\n", next_start)
    next_end = len(text) if next_end < 0 else next_end
    written = text[place[0] : place[1]]
    if any(char.isdigit() for char in written) and re.search(r"\d{4,5}\s+\w", written):
        country = COUNTRY_BELOW.search(fold(text), next_start, next_end)
        return (country.start(), country.end()) if country else None
    # A street with its postcode after it on its line has no town below.
    if re.match(r"[,;]?[^\S\n]*(?:[A-Z]{1,2}-)?\d", text[place[1] : place[1] + 12]):
        return None
    column = next_start + (place[0] - line_start)
    if column > next_end:
        return None
    for position in {column, column - 1, column + 1, column - 2, column + 2}:
        if next_start <= position < next_end and (
            position == next_start or text[position - 1] in " \t"
        ):
            town = TOWN_BELOW.match(text, position, next_end)
            if town is not None:
                return town.start(), town.end()
    return None


def _town_lines_below(text: str, place: tuple[int, int]) -> Iterator[tuple[int, int]]:
    """Under a street alone on its line (a sidebar's contact block), the town and the region
    with its country, each at the start of its line: "Hill Valley" over "California, USA",
    or "Lyon, France" at once. A town alone is taken only with the country line under it."""
    line_start = text.rfind("\n", 0, place[0]) + 1
    line_end = text.find("\n", place[1])
    before = text[line_start : place[0]].strip()
    # Alone on its line, or after its flat ("Flat 2, 14 Queen's Road").
    if line_end < 0 or (before and not before.endswith(",")) or text[place[1] : line_end].strip():
        return
    folded = fold(text)
    first = line_end + 1
    region = REGION_COUNTRY_LINE.match(folded, first)
    if region is not None:
        yield first, region.end()
        return
    town = TOWN_LINE.match(text, first)
    if town is None:
        return
    region = REGION_COUNTRY_LINE.match(folded, town.end() + 1)
    if region is not None:
        yield first, town.end()
        yield town.end() + 1, region.end()
    elif POSTCODE_LINE.match(text, town.end() + 1):  # a British town over its postcode
        yield first, town.end()


def _line_above(text: str, position: int) -> tuple[int, int] | None:
    """The street line of an address, above its postcode in the same column."""
    line_start = text.rfind("\n", 0, position) + 1
    if line_start == 0:
        return None
    column = position - line_start
    above_start = text.rfind("\n", 0, line_start - 1) + 1
    for cell in cells(text[above_start : line_start - 1], offset=above_start):
        label = LEADING_LABEL.match(cell.text)
        skip = label.end() if label else 0
        at_column = abs(cell.start - above_start - column) <= 2 or (skip and column == 0)
        # After a postal label, the line above a postcode is the street, number or not.
        postal = label is not None and POSTAL_LABEL.match(cell.text) is not None
        if (
            at_column
            and skip < len(cell.text)
            and (postal or STREET_LINE.fullmatch(cell.text, skip))
        ):
            return cell.start + skip, cell.end
        # A street with no number, at the end of its column ("Place de la mairie", after a
        # photo's caption).
        street = NUMBERLESS_STREET.search(cell.text, skip) if at_column else None
        if street is not None:
            return cell.start + street.start(), cell.end
    return None


def _joined_street_above(text: str, position: int) -> tuple[int, int] | None:
    """The street at the end of the line above a postcode, where PDF text joined a
    two-column header with single spaces ("Paul Teststreet 17" over "Testman 03333 City")."""
    line_start = text.rfind("\n", 0, position) + 1
    if line_start == 0 or not text[line_start:position].strip():
        return None
    above_start = text.rfind("\n", 0, line_start - 1) + 1
    street = STREET_AT_LINE_END.search(text, above_start, line_start - 1)
    return (street.start(), street.end()) if street is not None else None
