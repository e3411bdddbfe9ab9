"""What follows a street's number in an address: the flat, floor, door, box or staircase, as
Spain, Portugal, Italy, Belgium, the Netherlands, France and English-speaking countries
write them ("C/ Mayor 5, 3º B", "Rua Augusta 100, 2º Esq.", "Avda. de Andalucía, 12, 2.º
izq.", "Via Garibaldi 15/A", "Viale dei Mille 22, int. 4", "Avenue Louise 231, bte 5",
"Kerkstraat 48 bus 2", "Keizersgracht 123-H", "Prinsengracht 263-1"), and a Latin American
street's neighbourhood ("Av. Juárez 45, Col. Centro"). Part of the address finder of
``redaction_places.py``: a street found, its unit goes with it. And in a CV's header, an
academic's building and room with no street ("Building 123, Room 456", "Bâtiment B,
bureau 204", "Gebäude 5, Raum 3.14")."""

import re

from tremplin.review.redaction_header import HSPACE as _H

# Words that introduce a unit, followed by its number or letter.
_UNIT_WORDS = (
    r"bte|bo[îi]te|bus|bt\.|int\.?|interno|scala|sc\.|piso|planta|puerta|pta\.|esc\.|"
    r"escalera|apt\.?|app\.?|appartement|appt\.?|[ée]tage|stiege|tür|top|flat|suite|unit|"
    r"m\.|lok\."  # Poland: "ul. Piękna 15 m. 4"
)
# Floors as Spain writes them: "3º", "2.º", "1ª", and the door after them: "B", "izq.".
_FLOOR = (
    rf"\d{{1,2}}\.?{_H}?[º°ª]\.?(?:{_H}*(?:[A-Z]\b|(?i:izq(?:da|uierda)?|dcha|dch|der(?:echa)?|"
    r"centro|ctro|ext|int|esq(?:uerdo)?|dto|dir(?:eito)?|frente)\b\.?))?"
)
# A Latin American street's neighbourhood: "Col. Centro", "Colonia Juárez", "• Col. Polanco".
_NEIGHBOURHOOD = (
    rf"(?:,|{_H}[•·|]){_H}*(?:Col\.|Colonia|Fracc\.|Fraccionamiento|Barrio|Bo\.){_H}*"
    rf"[A-ZÀ-ÖØ-Þ][\w'’-]*(?:{_H}(?:de|del|la|las|los|[A-ZÀ-ÖØ-Þ][\w'’-]*)){{0,3}}"
)
UNIT_AFTER_STREET = re.compile(
    rf"(?:,?{_H}*(?:(?i:{_UNIT_WORDS})\.?{_H}*[A-Za-z0-9]{{1,4}}\b\.?|{_FLOOR})|{_NEIGHBOURHOOD}"
    rf"|/{_H}?[A-Za-z0-9]{{1,3}}\b|-(?:[A-Z]{{1,2}}|\d{{1,3}})\b)+"
)
# Where a street written name first ends before its unit ("Rue de la Loi 16 boîte 3").
BEFORE_UNIT = rf"{_H}(?i:bte|bo[îi]te|bus|int\.|interno|piso|planta|scala|m\.{_H}?\d|lok\.)"


def unit_end(text: str, end: int) -> int:
    """Where the address that ends at ``end`` ends once its unit is taken with it."""
    unit = UNIT_AFTER_STREET.match(text, end)
    return unit.end() if unit is not None else end


_BUILDING_WORDS = r"building|bldg\.?|b[âa]timent|b[âa]t\.|geb[äa]ude|geb\.|edificio|edifici|gebouw"
_ROOM_WORDS = r"room|rm\.?|office|bureau|salle|raum|zimmer|stanza|ufficio|despacho|sala|kamer"
HEADER_BUILDING = re.compile(
    rf"(?<![\w-])(?i:{_BUILDING_WORDS}){_H}+[A-Z0-9][\w.-]{{0,5}}\b"
    rf"(?:,?{_H}*(?i:{_ROOM_WORDS}){_H}+#?[A-Z0-9][\w.-]{{0,6}}\b)?"
    # where the line or its column ends: not "Building 3D printers"
    rf"(?={_H}*(?:$|[,;·•|]|{_H}{{2}}))",
    re.M,
)
