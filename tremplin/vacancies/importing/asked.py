"""What a posting asks of the candidate in words, besides its criteria: the languages it
requires and the one to apply in, and the years of experience.

Each extractor returns None (or an empty list) when the posting does not state the field:
nothing is guessed.
"""

import re

from tremplin.vacancies.importing.money import names_pay
from tremplin.vacancies.importing.textutil import NUMBER, number_value, sentences

_I = re.IGNORECASE

# --- Languages ---------------------------------------------------------------------------

LANGUAGE_NAMES = {
    "en": ("english", "anglais"),
    "fr": ("french", "français", "francais"),
    "de": ("german", "allemand"),
    "es": ("spanish", "espagnol"),
    "it": ("italian", "italien"),
    "pt": ("portuguese", "portugais"),
    "nl": ("dutch", "néerlandais"),
    "ar": ("arabic", "arabe"),
    "zh": ("chinese", "mandarin", "chinois"),
    "ru": ("russian", "russe"),
    "pl": ("polish", "polonais"),
    "uk": ("ukrainian", "ukrainien"),
    "el": ("greek", "grec"),
    "sv": ("swedish", "suédois"),
    "tr": ("turkish", "turc"),
    "ja": ("japanese", "japonais"),
    "he": ("hebrew", "hébreu"),
    "ko": ("korean", "coréen"),
    "hi": ("hindi",),
    "fa": ("persian", "farsi", "persan"),
    "da": ("danish", "danois"),
    "fi": ("finnish", "finnois"),
    "no": ("norwegian", "norvégien"),
    "cs": ("czech", "tchèque"),
    "ro": ("romanian", "roumain"),
    "hu": ("hungarian", "hongrois"),
    "ca": ("catalan",),
}
# Languages as other words name them: French adjectives ("la langue anglaise"), and German,
# Dutch, Italian, Spanish and Swedish names ("Englischkenntnisse", "Engels", "inglese").
_LANGUAGE_WORDS = {
    "anglaise": "en", "française": "fr", "allemande": "de", "espagnole": "es",
    "italienne": "it",
    "englisch": "en", "deutsch": "de", "französisch": "fr", "spanisch": "es",
    "italienisch": "it", "niederländisch": "nl", "engels": "en", "nederlands": "nl",
    "frans": "fr", "duits": "de", "inglese": "en", "italiana": "it", "italiano": "it",
    "francese": "fr", "tedesca": "de", "tedesco": "de", "spagnola": "es", "spagnolo": "es",
    # "Uitstekende beheersing van de Nederlandse taal"
    "nederlandse taal": "nl", "engelse taal": "en", "franse taal": "fr", "duitse taal": "de",
    "nederlandse": "nl", "engelse": "en", "franse": "fr", "duitse": "de",
    "inglés": "en", "ingles": "en", "francés": "fr", "alemán": "de", "portugués": "pt",
    "engelska": "en", "svenska": "sv",
}  # fmt: skip
_FOREIGN = "|".join(sorted(_LANGUAGE_WORDS, key=len, reverse=True))
_CODE_OF = {name: code for code, names in LANGUAGE_NAMES.items() for name in names}
_LANG = r"(?:" + "|".join(sorted(_CODE_OF, key=len, reverse=True)) + r")"
_LANG_LIST = (
    rf"(?P<langs>{_LANG}(?:\s*(?:,|&|/|\band\b|\bet\b)\s*"
    # "Maîtrise du français et de l'anglais", "Tu maîtrises le français et un peu l'anglais"
    rf"(?:un\s+peu\s+)?(?:in\s+|en\s+|de\s+l['’]\s*|du\s+|l['’]\s*|le\s+)?{_LANG})*)"
)
# "in French politics" names a subject, not a language: a language name is not followed
# by a noun, only by words like these.
_NOT_FOLLOWED_BY_NOUN = (
    r"(?!\s+(?!(?:and|et|or|ou|is|are|as|for|pour|with|avec|at|au|à|to|de|du|des|on|sur|in|en|both|dans"
    r"|est|sont|will|would|required|essential|indispensable|courant|skills|language|speaker"
    r"|written|spoken|communication|reading|writing|speaking"
    r"|level|fluent|native|écrit|parlé|oral|exigée?s?|requise?s?|obligatoires?|nécessaires?"
    r"|technique|technical|scientifique|scientific|professionnel|business"  # a register
    # "un niveau d'anglais opérationnel", "travailler en anglais tant à l'oral qu'à l'écrit"
    r"|opérationnel|operational|tant"
    r"|indispensables?|impératifs?|impératives?)\b)[a-zà-ÿ])"
)

_REQUIRED_LANGUAGE = (
    # "Fluency in English", "good written English", "bilingual French/English"
    re.compile(
        r"\b(?:fluen(?:t|cy)|proficien(?:t|cy)|bilingual|bilingue|native|command\s+of"
        # "You should be able to speak some English"
        r"|knowledge\s+of|mastery\s+of|speak(?:s|ing)?(?:\s+some)?|good|excellent|strong|perfect"
        r"|working"
        # "Maitrise de l'anglais": the circumflex is often left out.
        r"|professional|written|spoken|ma[iî]trise\s+(?:de\s+l['’]|du|de\s+la|d['’])"
        # "Connaît l'anglais", "parle le néerlandais"
        r"|conna[iî]t(?:re)?\s+(?:l['’]|le\s+)|parler?\s+(?:l['’]|le\s+)"
        r"|ma[iî]tris(?:e|es|ez|er)\s+(?:l['’]|le\s+)"
        # "Niveau correct d'anglais", "Bon niveau d'anglais"
        r"|(?:(?:bon|très\s+bon|excellent)\s+)?niveau\s+(?:correct\s+|courant\s+"
        r"|professionnel\s+|avancé\s+)?(?:d['’]|de\s+l['’]|en\s+)"
        r"|pratique\s+(?:de\s+l['’]|du|courante\s+de\s+l['’]|courante\s+du))"
        r"(?:\s+(?:written|spoken|oral|and|or|level|knowledge|command)\b)*(?:\s+of)?"
        r"\s*(?:in\s+|en\s+)?(?:both\s+|the\s+)?" + _LANG_LIST + r"\b" + _NOT_FOLLOWED_BY_NOUN,
        _I,
    ),
    # "English is required", "English (fluent)", "Anglais courant indispensable"
    re.compile(
        # "English at C1/C2 level"
        _LANG_LIST + r"\s*(?:\(\s*|at\s+)?(?:language\s+skills|skills|fluency|proficiency|level"
        r"|is\s+(?:required|essential|mandatory|necessary|a\s+must)|required|essential"
        r"|mandatory|fluent|native|speaker|(?:niveau\s+)?[ABC][12]|courant|bilingue"
        r"|indispensable|exigée?"
        # Canada's language profiles: "anglais essentiel", "bilingue impératif"
        r"|requise?|obligatoire|lu,?\s+écrit|écrit|parlé|professionnel|natif|essentiel|impératif"
        r"|couramment"  # "vous parlez anglais couramment"
        r"|langue\s+maternelle)\b",
        _I,
    ),
    # "Proficient oral and written communication skills (English)"
    re.compile(r"\b(?:communication|language)\s+skills\s*\(\s*" + _LANG_LIST + r"\s*\)", _I),
    # "langue anglaise"
    re.compile(rf"\blangue\s+(?P<described>{_FOREIGN})\b", _I),
    # "interagir avec toute l'équipe dans un anglais fonctionnel"
    re.compile(
        r"\bdans\s+un\s+" + _LANG_LIST + r"\s+(?:fonctionnel|courant|opérationnel|correct)\b", _I
    ),
    # A requirements list's "Langues : Français, Anglais technique."
    re.compile(r"^\W*(?:langues?|languages?|sprachen|talen)\s*:\s*" + _LANG_LIST + r"\b", _I),
    # German, Dutch and Italian: "Gute Englischkenntnisse", "Deutsch- und Englischkenntnisse",
    # "fließend Deutsch", "Sicheres Deutsch", "Goede beheersing van het Nederlands",
    # "vloeiend Engels", "Ottima conoscenza della lingua inglese".
    re.compile(
        rf"\b(?P<foreign>(?:{_FOREIGN})(?:-?\s*(?:und|&)\s*(?:{_FOREIGN}))?kenntnisse"
        rf"|(?:fließend(?:es)?|verhandlungssicher(?:es)?|sicheres|(?:sehr\s+)?gutes|vloeiend"
        rf"|beheersing\s+van\s+(?:het|de)"
        # "nivel avanzado de inglés", "dominio del inglés", "flytande svenska"
        rf"|nivel\s+\w+\s+de|dominio\s+del|flytande)\s+(?:{_FOREIGN})"
        rf"|(?:conoscenza|padronanza)\s+(?:\w+\s+){{0,2}}?(?:della\s+)?lingua\s+(?:{_FOREIGN})"
        # "Volledige werkvaardigheid in Nederlands en Engels", "schrijfvaardigheid in het Engels"
        rf"|(?:werk|schrijf|spreek|taal)?vaardigheid\s+in\s+(?:het\s+)?(?:{_FOREIGN})"
        rf"(?:\s+en\s+(?:het\s+)?(?:{_FOREIGN}))?"
        # "Du schreibst und sprichst Deutsch auf Niveau C2", "… sprichst sehr gut Deutsch"
        rf"|(?:sprichst|schreibst)(?:\s+und\s+(?:sprichst|schreibst))?"
        rf"(?:\s+(?:sehr\s+)?(?:gut(?:es)?|fließend|sicher))?\s+(?:{_FOREIGN})"
        # "auch die Kommunikation auf Englisch fällt dir leicht"
        rf"|Kommunikation\s+auf\s+(?:{_FOREIGN})"
        # "Texte auf Deutsch (und Englisch) verfassen": what one writes or speaks in.
        rf"|auf\s+(?:{_FOREIGN})(?:\s*\(?\s*(?:und|&)\s+(?:{_FOREIGN})\s*\)?)?"
        r"(?=[^.]{0,80}?\b(?:verfass|schreib|sprech|kommunizier|formulier|verhandl))"
        # "Englisch und Deutsch verhandlungssicher", "Deutsch in Wort und Schrift"
        rf"|(?:{_FOREIGN})(?:\s+(?:und|&)\s+(?:{_FOREIGN}))?\s+(?:verhandlungssicher|fließend"
        r"|in\s+wort\s+und\s+schrift)"
        # "Je beheerst zowel de Nederlandse als Engelse taal", "beheerst het Engels"
        rf"|beheers(?:t|en)?\s+(?:zowel\s+)?(?:de\s+|het\s+)?(?:{_FOREIGN})"
        rf"(?:\s+(?:als|en)\s+(?:de\s+|het\s+)?(?:{_FOREIGN}))?"
        # "communiceren in zowel het Nederlands als in het Engels"
        rf"|(?:communiceren|spreken)\s+in\s+(?:zowel\s+)?(?:het\s+)?(?:{_FOREIGN})"
        rf"(?:\s+als\s+(?:in\s+)?(?:het\s+)?(?:{_FOREIGN}))?"
        # "inglese fluente", "Engels in woord en geschrift", "Inglés intermedio"
        rf"|(?:{_FOREIGN})\s+(?:fluente|scritto\s+e\s+parlato|in\s+woord\s+en\s+geschrift"
        r"|vloeiend|intermedio|avanzado|fluido)"
        # "auf Deutsch (Niveau C1) und Englisch (Niveau B2)": a level of the European scale.
        rf"|(?:{_FOREIGN})\s*\(?\s*(?:niveau|level|nivel|livello)?\s*[ABC][12]\b)\b",
        _I,
    ),
)
# Words that make "in English" / "en anglais" a requirement of the person.
_PROFICIENCY_CONTEXT = re.compile(
    r"compétences?|communication|ma[iî]trise|niveau|rédig|rédaction|écrit|oral|parl|expression"
    r"|aisance|courant|couramment|exprim|skills?|written|spoken|fluen|proficien|communicat"
    r"|communiqu|écrire|travailler"  # "Capacité à travailler en anglais"
    r"|speak",
    _I,
)
_IN_LANGUAGE = re.compile(rf"\b(?:in|en)\s+(?:both\s+)?{_LANG_LIST}\b{_NOT_FOLLOWED_BY_NOUN}", _I)
_APPLICATION_LANGUAGE = re.compile(
    r"\b(?:cover\s+letters?|motivation\s+letters?|letters?\s+of\s+motivation|applications?"
    r"|CVs?|résumés?|resumes?|apply|lettres?(?:\s+de\s+motivation)?|candidatures?|dossiers?)\b"
    r"[^.\n]{0,60}?\b(?:in|en|written\s+in|rédigée?s?\s+en)\s+(?P<lang>" + _LANG + r")\b"
    r"(?:\s+(?:or|ou)\s+(?:in\s+|en\s+)?(?P<alternative>" + _LANG + r")\b)?",
    _I,
)


def _codes(names: str) -> list[str]:
    return [_CODE_OF[name.lower()] for name in re.findall(_LANG, names, _I)]


def application_language(text: str) -> str | None:
    """The one language applications must be written in, when the posting imposes one."""
    for sentence in sentences(text):
        if match := _APPLICATION_LANGUAGE.search(sentence):
            if match.group("alternative"):
                return None
            return _CODE_OF[match.group("lang").lower()]
    return None


# "En anglais, néerlandais ou allemand": one language of a choice is no requirement;
# nor is a language that "is a plus", or that is "not required".
_LANGUAGE_CHOICE = re.compile(rf"{_LANG}\s*,?\s+(?:or|ou)\s+(?:in\s+|en\s+)?{_LANG}", _I)
_OPTIONAL = re.compile(
    r"\b(?:a|un)\s+(?:plus|atout)\b|\bbonus\b|\bnice[- ]to[- ]have\b|\bpreferred\b"
    r"|\bappréciée?s?\b|\bsouhaitée?s?\b"
    r"|\bdesired\b|\bdesirable\b"  # "Other desired qualifications include … Spanish"
    # "No knowledge of German is required", "l'allemand n'est pas exigé"
    r"|\bno\s+(?:prior\s+)?(?:knowledge|command)\s+of\b|\bnot\s+(?:required|necessary|needed|mandatory)\b"
    r"|\bn['’]\s*est\s+pas\s+(?:requise?|exigée?|nécessaire|obligatoire)\b",
    _I,
)


# Canada's federal staffing: "bilingue à nomination impérative (CCC)", "bilingual imperative
# (BBB)": English and French both required from the start. A second-language profile ("CBC")
# is three levels, each A, B or C, in capitals.
_PROFILE = r"(?-i:(?!BAC)[ABC]{3})\b"  # not the "niveau BAC+5" of a degree
_BILINGUAL_IMPERATIVE = re.compile(
    r"\bbilingue\s+(?:à\s+nomination\s+)?impérati|\bnomination\s+impérative\s+bilingue"
    r"|\bbilingual\s+imperative\b|\bimperative\s+bilingual\b"
    # "(in government terms, this role is CBC)", "this role is ‘CBC.’", "à un niveau CBC ou
    # supérieur": the role's second-language profile.
    rf"|\b(?:this\s+(?:role|position)\s+is|ce\s+(?:poste|rôle)\s+est)\s+['‘\"“]?{_PROFILE}"
    rf"|\bniveau\s+{_PROFILE}"
    rf"|\bbiling(?:ue|ual)\s*\(\s*{_PROFILE}",  # "Vous êtes bilingue (CBB)"
    _I,
)


# "A pool of qualified persons … MAY be used to fill similar positions with linguistic
# profiles (english essential, bilingual imperative BBB/BBB, …)": other posts' profiles.
_TALENT_POOL = re.compile(r"\bpool\s+of\s+qualified|\bbassin\s+de\s+personnes\s+qualifiées", _I)


def required_languages(text: str) -> list[str]:
    """The languages candidates must know, as ISO 639-1 codes in the order stated.

    A sentence offering a choice of languages, or saying a language is a plus, states none;
    "Fluent English; other languages a plus" states English (the plus comes after the ";").
    """
    found: list[str] = []
    previous = ""
    for whole in sentences(text):
        if _TALENT_POOL.search(whole):
            continue
        if _BOTH_LANGUAGES.search(whole):
            found.extend(_codes(previous))
        for clause in _CLAUSE_BREAK.split(_APPLICATION_LANGUAGE.sub(" ", whole)):
            _clause_languages(clause, found)
        previous = whole
    ordered: list[str] = []
    for sentence_code in found:
        if sentence_code not in ordered:
            ordered.append(sentence_code)
    return ordered


# "Les langues de travail sont l'anglais et le français. Un niveau d'expression
# professionnelle est demandé dans ces deux langues.": a level asked in the languages the
# sentence before names.
_BOTH_LANGUAGES = re.compile(
    r"\b(?:demandée?|exigée?|requise?|required|expected|needed)\s+(?:dans|en|in)\s+"
    r"(?:ces\s+deux\s+langues|both(?:\s+(?:of\s+)?th(?:ese|ose))?\s+languages)\b",
    _I,
)


# "Fluent in English, and confident in one or both of Spanish or French": the choice is the
# second clause's; not "English, French, and Spanish", a list. "Ce poste est désigné anglais
# essentiel et le bilinguisme est un atout": a clause with its own subject and verb.
_CLAUSE_BREAK = re.compile(
    rf",\s+(?:and|et)\s+(?!(?:the\s+|l['’]\s*|le\s+)?{_LANG}\b)"
    r"|\s+(?:and|et)\s+(?=(?:the|le|la|les)\s+\w+\s+(?:is|are|est|sont)\b)",
    _I,
)


# "Si nous communiquons principalement en français, …": the team's language, said of it.
_TEAMS_LANGUAGE = re.compile(
    r"\b(?:nous\s+(?:communiquons|travaillons|parlons)|we\s+(?:communicate|work|speak))\b", _I
)


def _clause_languages(sentence: str, found: list[str]) -> None:
    """Add the languages one clause requires to ``found``."""
    # A ";" within brackets ("sehr gut Deutsch (UNICERT C1; ein Zertifikat ist nicht
    # erforderlich), auch … auf Englisch") ends no clause.
    sentence = re.split(r";\s(?![^()]*\))", sentence, maxsplit=1)[0]
    # "Bonne maîtrise de l'anglais (l'espagnol est un atout)": the aside is the plus.
    sentence = re.sub(r"\([^()]*\)", lambda m: " " if _OPTIONAL.search(m[0]) else m[0], sentence)
    if _LANGUAGE_CHOICE.search(sentence) or _OPTIONAL.search(sentence):
        return
    if _BILINGUAL_IMPERATIVE.search(sentence):
        found.extend(("en", "fr"))
    for pattern in _REQUIRED_LANGUAGE:
        for match in pattern.finditer(sentence):
            if "langs" in pattern.groupindex:
                found.extend(_codes(match.group("langs")))
            # "Maîtrise de la langue anglaise"; not "des conférences en langue anglaise".
            elif "described" not in pattern.groupindex or _PROFICIENCY_CONTEXT.search(sentence):
                named = re.findall(_FOREIGN, match.group(0), _I)
                found.extend(_LANGUAGE_WORDS[name.lower()] for name in named)
    if _PROFICIENCY_CONTEXT.search(sentence) and not _TEAMS_LANGUAGE.search(sentence):
        for match in _IN_LANGUAGE.finditer(sentence):
            found.extend(_codes(match.group("langs")))


# --- Experience --------------------------------------------------------------------------

_YEARS_OF_EXPERIENCE = (
    re.compile(
        # "2 or more years related experience"
        # "Three (3) years": the number written again in brackets.
        # "between 3 and 5 years of experience", "entre 3 et 5 années d'expérience": the floor.
        rf"\b(?P<n>{NUMBER})(?:\s*\(\d{{1,2}}\))?\s*\+?\s*(?:(?:-|–|to|à|and)\s*\d{{1,2}}\s*|or\s+more\s+)?"
        r"\+?\s*"
        # "One year’s experience", "two years' experience"
        r"(?:years?|yrs?)(?:['’]s?)?\s+(?:of\s+)?(?:[\w/-]+\s+){0,5}?experience",
        _I,
    ),
    re.compile(
        rf"\b(?P<n>{NUMBER})\s*\+?\s*(?:(?:-|–|à|et|/)\s*\d{{1,2}}\s*)?(?:ans?|années?)\s+"
        # "+3 ans d'xp": the short form job boards write; "3+ années d'expérience"; "5 ans ou
        # plus d'expérience"; "4/5 ans d'expérience", the floor
        r"(?:minimum\s+|ou\s+plus\s+)?"
        r"(?:d['’]\s*|de\s+)(?:[\w-]+\s+){0,2}?(?:expérience|xp\b)",
        _I,
    ),
    # "Senior Engineer (4+ YoE)", "(5-10 y/o/e)": years of experience, abbreviated.
    re.compile(rf"\b(?P<n>{NUMBER})\s*(?:[-–]\s*\d{{1,2}}\s*)?\+?\s*y/?o/?e\b", _I),
    # "Experience building backends (3+ years)", "expérience en coaching (> 5 ans)": the
    # years in brackets after the experience.
    re.compile(
        r"\bexp[ée]rience\b[^.()]{0,80}\(\s*(?:>|≥|plus\s+de\s+|more\s+than\s+)?\s*"
        rf"(?P<n>{NUMBER})\s*\+?\s*(?:years?|yrs?|ans?|années?)"
        r"(?:\s+minimum)?\+?\)",
        _I,
    ),
    re.compile(
        r"\bexperience\s+(?:of\s+)?(?:at\s+least\s+|minimum\s+(?:of\s+)?|over\s+|more\s+than\s+)?"
        rf"(?P<n>{NUMBER})\s*\+?\s*years?",
        _I,
    ),
    # "Expérience : > 3 ans", "Experience: 5+ years", "EXPERIENCE - 3 à 5 ans": a field of a
    # list of terms; of a range, the floor.
    re.compile(
        r"\bexp[ée]rience\s*(?::|\s[-–])\s*(?:>|≥|plus\s+de|more\s+than|at\s+least|au\s+moins"
        rf"|min(?:imum)?\.?)?\s*(?P<n>{NUMBER})\s*(?:(?:-|–|à|to)\s*\d{{1,2}}\s*)?\+?\s*"
        r"(?:ans?|années?|years?)\b",
        _I,
    ),
    # "une expérience probante (5 ans)", "experience (3 years)"
    re.compile(
        r"\bexp[ée]rience(?:\s+[\w-]+){0,2}\s*\(\s*(?:minimum\s+|at\s+least\s+|au\s+moins\s+)?"
        rf"(?P<n>{NUMBER})\s*\+?\s*(?:ans?|années?|years?)\b",
        _I,
    ),
    # "Mindestens 3 Jahre Berufserfahrung", "Minimaal 5 jaar werkervaring", "Almeno 2 anni
    # di esperienza", "comprovata esperienza, non inferiore a 3 anni".
    re.compile(
        r"\b(?:mindestens|minimaal|minstens|almeno)\s+(?P<n>\d{1,2})\s*\+?\s*(?:jahre?n?|jaar|anni)"
        r"\s+(?:\w+\s+){0,2}?(?:berufs|werk)?(?:erfahrung|ervaring|di\s+esperienza)",
        _I,
    ),
    re.compile(r"\besperienza\b[^.]{0,40}?\bnon\s+inferiore\s+a\s+(?P<n>\d{1,2})\s+anni\b", _I),
    # "ein bis zwei Jahre anwaltliche Vorerfahrung", "drei Jahre Berufserfahrung": the floor.
    re.compile(
        rf"\b(?P<n>{NUMBER})\s*(?:(?:-|–|bis)\s*\w+\s+)?Jahre?n?\s+(?:[\w-]+\s+)?"
        r"(?:Berufs|Vor|Arbeits|Praxis)?[Ee]rfahrung",
    ),
    re.compile(
        r"\bexpérience\s+(?:professionnelle\s+)?(?:de\s+|d['’]au\s+moins\s+|minimum\s+(?:de\s+)?"
        rf"|d['’]au\s+minimum\s+|de\s+plus\s+de\s+)(?P<n>{NUMBER})\s*(?:ans?|années?)\b",
        _I,
    ),
)


# Weaker forms, read only when none of the above is stated: "5+ years as a lead",
# "at least 5 years in", "minimum 4 ans".
_YEARS_ASKED = (
    re.compile(
        rf"(?:\bat\s+least\s+|\bminimum\s+(?:of\s+)?|\b)(?P<n>{NUMBER})\s*\+\s*(?:years?|yrs?)"
        r"\s+(?:as|of|in|working|doing|leading|[a-z]+ing)\b"
        # not "a full-time position for at least one year", which is how long it lasts
        # "at least 16 years of age": how old, not how experienced
        rf"|(?<!for )\b(?:at\s+least|minimum(?:\s+of)?)\s+(?P<m>{NUMBER})\s*(?:years?|yrs?)\b"
        r"(?!\s+(?:of\s+age|old)\b)",
        _I,
    ),
    re.compile(
        # not "Au minimum 2 ans d'étude en programmation", years of study
        rf"(?<!pour )(?<!durant )\b(?:au\s+moins|minimum)\s+(?P<n>{NUMBER})\s*(?:ans?|années?)\b"
        r"(?!\s*d['’]\s*études?\b)"
        rf"|\b(?P<m>{NUMBER})\s*(?:ans?|années?)\s+minimum\b",
        _I,
    ),
)


# "(ideal but not required)": years a posting does not ask for.
_NOT_ASKED = re.compile(
    r"\bnot\s+(?:required|necessary|mandatory)\b|\bpas\s+(?:obligatoire|exigée?s?|requise?s?"
    r"|indispensable)\b|\bnon\s+(?:requise?s?|obligatoire|exigée?s?)\b|\boptional\b|\bfacultati"
    # "possédant près de 20 années d'expérience": a track record; a floor is never "nearly"
    r"|\bprès\s+de\s+\d+\s+(?:ans|années)\b|\b(?:nearly|almost)\s+\d+\s+years\b"
    r"|\bcumulant\b"  # "Judith et Fanny (cumulant 5 ans d'expérience chacune)": theirs
    # "We are … backed by 24+ years of … expertise", "we bring 20 years of": the hirer's own
    r"|\bbacked\s+by\s+\d+|\bwe\s+(?:have|bring)\s+(?:over\s+|more\s+than\s+)?\d+\+?\s+years\b",
    _I,
)


def min_years_experience(text: str) -> int | None:
    """The fewest years of experience asked ("Plus de 8 ans d'expérience" gives 8)."""
    unpaid = "\n".join(line for line in text.split("\n") if not names_pay(line))
    asked = [sentence for sentence in sentences(unpaid) if not _NOT_ASKED.search(sentence)]
    text = "\n".join(asked)
    # Each requirement is a floor the candidate must reach: "At least two years of Django
    # experience" and "At least three years of software development experience" ask three.
    stated = [
        years
        for sentence in sentences(text)
        for pattern in _YEARS_OF_EXPERIENCE
        if (match := pattern.search(sentence))
        and (years := number_value(match.group("n"))) is not None
        and 0 < years <= 50
    ]
    if stated:
        return max(stated)
    for sentence in sentences(text):
        for pattern in _YEARS_ASKED:
            if match := pattern.search(sentence):
                years = number_value(match.group("n") or match.group("m"))
                if years is not None and 0 < years <= 50:
                    return years
    return None
