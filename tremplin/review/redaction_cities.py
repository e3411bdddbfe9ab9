"""Larger towns of the countries candidates write from, folded (lower case, no accents), for
blind-review redaction (``redaction_towns.py``): a column of a CV's header that is one of
them ("Data analyst · Manchester") is where the candidate lives, whatever stands beside it.
Names that are also ordinary words ("Nice", "Tours", "Essen", "Como", "Reading") are left
out: a town not listed is found, as before, by where it stands."""

import re

from tremplin.review.redaction_header import fold

CITIES = (
    # France
    "paris|lyon|marseille|toulouse|bordeaux|lille|nantes|strasbourg|montpellier|rennes|"
    "grenoble|toulon|reims|dijon|angers|rouen|clermont-ferrand|saint-etienne|le havre|brest|"
    "limoges|amiens|perpignan|metz|besancon|orleans|mulhouse|caen|nancy|avignon|poitiers|"
    "la rochelle|bayonne|annecy|versailles|boulogne-billancourt|nanterre|creteil|montreuil|"
    # Belgium and Luxembourg
    "bruxelles|brussel|brussels|anvers|antwerpen|antwerp|gand|gent|ghent|liege|luik|"
    "charleroi|namur|leuven|louvain|louvain-la-neuve|bruges|brugge|ostende|oostende|"
    "mechelen|malines|hasselt|kortrijk|courtrai|aalst|wavre|ixelles|etterbeek|uccle|"
    "schaerbeek|anderlecht|tournai|verviers|arlon|esch-sur-alzette|"
    # Germany, Austria, Switzerland
    "berlin|hamburg|munchen|munich|koln|cologne|frankfurt|frankfurt am main|stuttgart|"
    "dusseldorf|dortmund|leipzig|bremen|dresden|hannover|hanover|nurnberg|nuremberg|"
    "duisburg|bochum|wuppertal|bielefeld|bonn|munster|karlsruhe|mannheim|augsburg|"
    "wiesbaden|aachen|kiel|freiburg|heidelberg|potsdam|mainz|regensburg|darmstadt|wien|"
    "vienna|graz|linz|salzburg|innsbruck|klagenfurt|zurich|geneve|geneva|genf|basel|bale|"
    "bern|berne|lausanne|lucerne|luzern|lugano|winterthur|st\\. gallen|fribourg|neuchatel|"
    # The Netherlands
    "amsterdam|rotterdam|den haag|the hague|la haye|utrecht|eindhoven|groningen|tilburg|"
    "almere|breda|nijmegen|haarlem|arnhem|leiden|delft|maastricht|zwolle|enschede|"
    # Spain and Portugal
    "madrid|barcelona|valencia|sevilla|seville|zaragoza|malaga|murcia|palma de mallorca|"
    "bilbao|alicante|cordoba|valladolid|vigo|gijon|granada|a coruna|la coruna|pamplona|"
    "vitoria-gasteiz|san sebastian|donostia|santander|salamanca|cadiz|oviedo|tarragona|"
    "girona|lisboa|lisbon|lisbonne|porto|braga|coimbra|"
    # Italy
    "roma|rome|milano|milan|napoli|naples|torino|turin|palermo|genova|genoa|bologna|"
    "firenze|florence|bari|catania|venezia|venice|verona|messina|padova|padua|trieste|"
    "brescia|parma|modena|reggio emilia|perugia|cagliari|pisa|bergamo|trento|bolzano|lecce|"
    "salerno|ancona|udine|monza|"
    # The United Kingdom and Ireland
    "london|londres|manchester|birmingham|liverpool|leeds|glasgow|edinburgh|bristol|"
    "sheffield|newcastle|nottingham|leicester|cardiff|belfast|cambridge|oxford|brighton|"
    "southampton|aberdeen|dundee|coventry|dublin|cork|galway|limerick|"
    # North America
    "new york|new york city|nyc|san francisco|los angeles|chicago|boston|seattle|austin|"
    "houston|dallas|denver|atlanta|miami|philadelphia|san diego|san jose|toronto|montreal|"
    "vancouver|ottawa|calgary|"
    # More of Europe and around the Mediterranean
    "warszawa|warsaw|krakow|cracow|wroclaw|poznan|gdansk|praha|prague|brno|budapest|"
    "bucuresti|bucharest|cluj-napoca|sofia|athina|athens|thessaloniki|kobenhavn|copenhagen|"
    "stockholm|goteborg|gothenburg|malmo|oslo|helsinki|tallinn|riga|vilnius|ljubljana|"
    "zagreb|beograd|belgrade|istanbul|ankara|casablanca|rabat|marrakech|tunis|alger|algiers|"
    "dakar|abidjan"
)
CITY = re.compile(rf"(?:{CITIES})")
# After the town: its region or country, capitalised, after a comma, a dash or in
# brackets ("Lyon, France", "Milano (MI)"); no date ("Paris, le 3 mai" is a letter's).
_AFTER = re.compile(r"(?:[^\S\n]*[,(–—-][^\S\n]*[A-ZÀ-ÖØ-Þ][^\d\n,]{0,40}\)?)?")


def known_city(value: str) -> bool:
    """Whether ``value`` is one of the larger towns, with its region or country after it."""
    value = value.strip()
    city = CITY.match(fold(value))
    return city is not None and _AFTER.fullmatch(value, city.end()) is not None
