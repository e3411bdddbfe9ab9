"""Countries and US states, as the addresses and header lines of CVs name them (folded:
lower case, no accents), for blind-review redaction (``redaction_places.py``)."""

import re

COUNTRIES = (
    # French, English and local names of the countries candidates most often come from.
    "france|belgique|belgie|belgium|belgien|suisse|schweiz|svizzera|switzerland|"
    "luxembourg|luxemburg|deutschland|germany|allemagne|germania|alemania|osterreich|"
    "austria|autriche|italia|italy|italie|italien|espana|spain|espagne|spanien|portugal|"
    "nederland|netherlands|the netherlands|pays-bas|holland|united kingdom|uk|u\\.k\\.|"
    "royaume-uni|great britain|england|scotland|wales|ireland|irlande|usa|u\\.s\\.a\\.?|"
    "united states|united states of america|etats-unis|canada|quebec|maroc|morocco|"
    "algerie|algeria|tunisie|tunisia|senegal|cote d'ivoire|ivory coast|cameroun|cameroon|"
    "mali|madagascar|haiti|liban|lebanon|pologne|poland|polska|roumanie|romania|grece|"
    "greece|suede|sweden|sverige|norvege|norway|norge|danemark|denmark|danmark|finlande|"
    "finland|suomi|czech republic|czechia|republique tcheque|hongrie|hungary|inde|india|"
    "chine|china|japon|japan|coree|korea|south korea|coree du sud|rep\\. of korea|"
    "republic of korea|s\\. ?korea|bresil|brazil|brasil|mexique|mexico|argentine|"
    "argentina|chili|chile|colombie|colombia|perou|peru|australie|australia|"
    "nouvelle-zelande|new zealand|turquie|turkey|turkiye|ukraine|russie|russia|egypte|"
    "egypt|nigeria|kenya|ghana|afrique du sud|south africa|israel|vietnam|viet nam|"
    "indonesie|indonesia|philippines|thailande|thailand|singapour|singapore|hellas|ellada|"
    "chypre|cyprus|malte|malta|croatie|croatia|hrvatska|slovenie|slovenia|slovenija|"
    "slovaquie|slovakia|slovensko|serbie|serbia|srbija|bulgarie|bulgaria|estonie|estonia|"
    "eesti|lettonie|latvia|latvija|lituanie|lithuania|lietuva|islande|iceland|albanie|"
    "albania|moldavie|moldova|bosnie|bosnia|macedoine|north macedonia|kosovo|montenegro|"
    "liechtenstein|monaco|andorre|andorra|benin|burkina faso|niger|togo|gabon|congo|"
    "rd congo|guinee|guinea|rwanda|burundi|djibouti|mauritanie|mauritania|maurice|mauritius|"
    "comores|tchad|chad|centrafrique|iran|irak|iraq|syrie|syria|jordanie|jordan|"
    "afghanistan|pakistan|bangladesh|sri lanka|nepal|ethiopie|ethiopia|erythree|eritrea|"
    "soudan|sudan|somalie|somalia|venezuela|bolivie|bolivia|equateur|ecuador|uruguay|"
    "paraguay|cuba|guatemala|honduras|nicaragua|salvador|el salvador|costa rica|panama|"
    "republique dominicaine|dominican republic|schweiz|belgique|nederland|"
    # The United States and the United Kingdom as Spanish, Portuguese, Italian, German and
    # Dutch CVs write them: "San Francisco, EE.UU.".
    "ee\\. ?uu\\.?|eeuu|estados unidos|eua|stati uniti|vereinigte staaten|verenigde staten|"
    "reino unido|regno unito|vereinigtes konigreich|verenigd koninkrijk|"
    # Persian and Arabic names: "تهران، ایران", "الرباط، المغرب".
    "ایران|إيران|ايران|افغانستان|پاکستان|العراق|مصر|المغرب|الجزائر|تونس|لبنان|سوريا|الأردن|"
    "السعودية|الإمارات|قطر|الكويت|عمان|اليمن|ليبيا|السودان|فلسطين"
)
# A state's name alone may be a person's ("Virginia"): spelt out, it is a state when the
# country follows ("San Francisco, California, US").
US_STATE_NAMES = (
    "Alabama|Alaska|Arizona|Arkansas|California|Colorado|Connecticut|Delaware|Florida|Georgia|"
    "Hawaii|Idaho|Illinois|Indiana|Iowa|Kansas|Kentucky|Louisiana|Maine|Maryland|"
    "Massachusetts|Michigan|Minnesota|Mississippi|Missouri|Montana|Nebraska|Nevada|"
    "New Hampshire|New Jersey|New Mexico|New York|North Carolina|North Dakota|Ohio|Oklahoma|"
    "Oregon|Pennsylvania|Rhode Island|South Carolina|South Dakota|Tennessee|Texas|Utah|"
    "Vermont|Virginia|Washington|West Virginia|Wisconsin|Wyoming"
)
US_STATES = (
    "AL|AK|AZ|AR|CA|CO|CT|DE|DC|FL|GA|HI|ID|IL|IN|IA|KS|KY|LA|ME|MD|MA|MI|MN|MS|MO|MT|NE|NV|"
    "NH|NJ|NM|NY|NC|ND|OH|OK|OR|PA|RI|SC|SD|TN|TX|UT|VT|VA|WA|WV|WI|WY|"
    rf"(?:{US_STATE_NAMES}),[^\S\n]*(?:USA?|U\.S\.(?:A\.)?|United States)"
)
# One of them, longest first, so that "united states of america" is not cut at "united states".
COUNTRY = "(?:{})".format("|".join(sorted(set(COUNTRIES.split("|")), key=len, reverse=True)))
# What says a country is the candidate's nationality, not where they live ("Nationality:
# French", "née à …"), before it on its line.
NATIONALITY = re.compile(
    r"nationalit|citizenship|staatsangeh|nazionalit|nacionalidad|cittadinanza|"
    r"nationaliteit|born in|ne[e]? (?:a|en|au)\b"
)
