"""Checks the editor runs on what recruiters write: warnings, never refusals.

- ``title_gendered_words`` / ``title_gender_warnings``: a French job title that names the
  job in one gender only ("Directeur", "Chargée de mission") instead of an inclusive form
  ("Directeur·rice", "Chargé·e", "Directeur ou directrice", "(F/H)") or an epicene word
  ("Responsable", "Juriste").
- ``pay_history_phrase`` / ``pay_history_warning``: a question that asks for the
  candidate's current or past pay, which employers may not ask (EU Pay Transparency
  Directive 2023/970, Art. 5(2)); asking for expectations is fine.

All pure functions of the text.
"""

import re
import unicodedata
from dataclasses import dataclass

from django.utils.translation import gettext as _

from tremplin.vacancies.importing.textutil import fold

MASCULINE = "masculine"
FEMININE = "feminine"

# --- Gender-neutral titles -----------------------------------------------------------------


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Masculine form -> feminine forms (the first is the one suggested). Person nouns and the
# adjectives that agree with the person holding the job.
_LEXICON: dict[str, tuple[str, ...]] = {
    # past participles and -é nouns
    "chargé": ("chargée",),
    "délégué": ("déléguée",),
    "employé": ("employée",),
    "attaché": ("attachée",),
    "associé": ("associée",),
    "salarié": ("salariée",),
    "diplômé": ("diplômée",),
    "préposé": ("préposée",),
    "député": ("députée",),
    "confirmé": ("confirmée",),
    "expérimenté": ("expérimentée",),
    "qualifié": ("qualifiée",),
    "spécialisé": ("spécialisée",),
    "certifié": ("certifiée",),
    "détaché": ("détachée",),
    "invité": ("invitée",),
    # -ant, -ent, -t
    "assistant": ("assistante",),
    "consultant": ("consultante",),
    "intervenant": ("intervenante",),
    "enseignant": ("enseignante",),
    "étudiant": ("étudiante",),
    "représentant": ("représentante",),
    "surveillant": ("surveillante",),
    "gérant": ("gérante",),
    "commerçant": ("commerçante",),
    "remplaçant": ("remplaçante",),
    "correspondant": ("correspondante",),
    "soignant": ("soignante",),
    "doctorant": ("doctorante",),
    "suppléant": ("suppléante",),
    "militant": ("militante",),
    "permanent": ("permanente",),
    "agent": ("agente",),
    "président": ("présidente",),
    "vice-président": ("vice-présidente",),
    "adhérent": ("adhérente",),
    "résident": ("résidente",),
    "expert": ("experte",),
    "adjoint": ("adjointe",),
    "candidat": ("candidate",),
    "avocat": ("avocate",),
    "magistrat": ("magistrate",),
    "lauréat": ("lauréate",),
    # -er, -ier
    "conseiller": ("conseillère",),
    "infirmier": ("infirmière",),
    "cuisinier": ("cuisinière",),
    "trésorier": ("trésorière",),
    "officier": ("officière",),
    "ouvrier": ("ouvrière",),
    "banquier": ("banquière",),
    "policier": ("policière",),
    "jardinier": ("jardinière",),
    "caissier": ("caissière",),
    "greffier": ("greffière",),
    "chancelier": ("chancelière",),
    "financier": ("financière",),
    "premier": ("première",),
    "boulanger": ("boulangère",),
    "messager": ("messagère",),
    # -if, -al, -el
    "exécutif": ("exécutive",),
    "administratif": ("administrative",),
    "créatif": ("créative",),
    "sportif": ("sportive",),
    "associatif": ("associative",),
    "général": ("générale",),
    "principal": ("principale",),
    "régional": ("régionale",),
    "national": ("nationale",),
    "international": ("internationale",),
    "territorial": ("territoriale",),
    "commercial": ("commerciale",),
    "médical": ("médicale",),
    "social": ("sociale",),
    "opérationnel": ("opérationnelle",),
    "professionnel": ("professionnelle",),
    "fonctionnel": ("fonctionnelle",),
    # -ien, -on
    "gardien": ("gardienne",),
    "comédien": ("comédienne",),
    "chirurgien": ("chirurgienne",),
    "historien": ("historienne",),
    "citoyen": ("citoyenne",),
    "doyen": ("doyenne",),
    "patron": ("patronne",),
    "champion": ("championne",),
    # -eur whose feminine is not -euse / -rice, and -teur whose feminine is -teuse
    "ingénieur": ("ingénieure",),
    "professeur": ("professeure",),
    "docteur": ("docteure", "doctoresse"),
    "auteur": ("autrice", "auteure"),
    "procureur": ("procureure",),
    "ambassadeur": ("ambassadrice",),
    "acheteur": ("acheteuse",),
    "recruteur": ("recruteuse",),
    "porteur": ("porteuse",),
    "chanteur": ("chanteuse",),
    "visiteur": ("visiteuse",),
    "conteur": ("conteuse",),
    "monteur": ("monteuse",),
    "menteur": ("menteuse",),
    # others
    "chef": ("cheffe",),
    "maître": ("maîtresse",),
}
# Suffix rules, tried after the lexicon: masculine suffix -> feminine suffixes.
_MASCULINE_SUFFIXES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("teur", ("trice", "teuse", "teure")),
    ("eur", ("euse", "eure", "rice")),
    ("icien", ("icienne",)),
)
# Feminine suffix -> the masculine suffix it comes from.
_FEMININE_SUFFIXES: tuple[tuple[str, str], ...] = (
    ("trice", "teur"),
    ("teuse", "teur"),
    ("euse", "eur"),
    ("icienne", "icien"),
)
# Words with those endings that name things, not people.
_NOT_PERSONS = _words(
    """
    secteur valeur couleur faveur hauteur largeur longueur rigueur labeur honneur bonheur
    malheur cœur coeur erreur chaleur douleur grandeur profondeur vigueur humeur peur fleur
    leur meilleur majeur mineur supérieur inférieur intérieur extérieur ultérieur antérieur
    postérieur moteur vecteur facteur ordinateur capteur compteur tracteur réacteur
    accélérateur incubateur indicateur projecteur radiateur senteur lenteur teneur ampleur
    saveur odeur splendeur vapeur primeur équateur sœur soeur
    matrice cicatrice motrice perceuse tondeuse berceuse couveuse friteuse agrafeuse
    """
)
# Feminine form -> masculine form.
_FEMININE_LEXICON: dict[str, str] = {
    feminine: masculine for masculine, feminines in _LEXICON.items() for feminine in feminines
}

# "(H/F)", "F/H", "(H/F/X)", "(M/F)", "(tous genres)", "(all genders)"…
_INCLUSIVE_MARKER = re.compile(
    r"(?<![^\W\d_])[hfmxn]\s*/\s*[hfmxn](?:\s*/\s*[hfmxn])?(?![^\W\d_])"
    r"|tous\s+genres|toutes\s+et\s+tous|tous\s+et\s+toutes|all\s+genders|tout\s+genre",
    re.IGNORECASE,
)
_DOTS = re.compile(r"[•⋅∙・]")
# "Chargé(e)", "Directeur(trice)": letters in brackets glued to a word.
_BRACKETED_ENDING = re.compile(r"(?<=[^\W\d_])\(([^\W\d_]{1,6})\)")
# "Directeur.rice", "Chargé.e"
_DOTTED_ENDING = re.compile(r"(?<=[^\W\d_])\.(?=[^\W\d_])")
# "Chargé-e", "Directeur-rice"
_HYPHENATED_ENDING = re.compile(
    r"(?<=[^\W\d_])-(e|es|rice|rices|trice|trices|euse|euses|ère|ères|ne|nes|fe|ve|ive|le|te)"
    r"(?![^\W\d_])"
)
# "Directeur/trice" (a short ending) as opposed to "Directeur/Directrice" (two words).
_SLASH = re.compile(r"(?<=[^\W\d_])/([^\W\d_]+)")
_SEGMENT_BREAK = re.compile(r"\s[-–—/|]\s|[:;,()\[\]|–—]")
_WORD = re.compile(r"[^\W\d_]+(?:[·-][^\W\d_]+)*")
# Words after which a title's words name the field, not the person: "Chargé de *mission*".
_PREPOSITIONS = _words(
    "de du des d à a au aux en pour chez auprès sur dans avec par contre entre vers sous selon"
)


@dataclass(frozen=True)
class GenderedWord:
    """A word of a title written in one gender only, with an inclusive form to suggest."""

    word: str
    gender: str
    inclusive: str


def _gender(word: str) -> tuple[str, str, tuple[str, ...]] | None:
    """(gender, masculine form, feminine forms) of a lower-case word; None if it is neutral.

    For a feminine word, the word itself comes first among the feminine forms.
    """
    if word in _NOT_PERSONS:
        return None
    if word in _LEXICON:
        return MASCULINE, word, _LEXICON[word]
    if word in _FEMININE_LEXICON:
        masculine = _FEMININE_LEXICON[word]
        return FEMININE, masculine, (word, *(f for f in _LEXICON[masculine] if f != word))
    for suffix, endings in _MASCULINE_SUFFIXES:
        if word.endswith(suffix) and len(word) > len(suffix) + 2:
            stem = word[: -len(suffix)]
            return MASCULINE, word, tuple(stem + ending for ending in endings)
    for suffix, masculine_suffix in _FEMININE_SUFFIXES:
        if word.endswith(suffix) and len(word) > len(suffix) + 2:
            masculine = word[: -len(suffix)] + masculine_suffix
            of_masculine = _gender(masculine)
            if of_masculine is None:
                return None
            return FEMININE, masculine, (word, *(f for f in of_masculine[2] if f != word))
    if word.endswith(("s", "x")) and len(word) > 4:
        singular = _gender(word[:-1])
        if singular is not None:
            gender, masculine, feminines = singular
            return gender, masculine + "s", tuple(feminine + "s" for feminine in feminines)
    return None


def _inclusive_form(masculine: str, feminine: str) -> str:
    """ "directeur" and "directrice" make "directeur·rice"; "chargés", "chargées" "chargé·es"."""
    if masculine.endswith("s") and feminine.endswith("s"):
        return _inclusive_form(masculine[:-1], feminine[:-1]) + "s"
    if masculine.endswith("eur") and feminine.endswith("euse"):
        return f"{masculine}·euse"
    common = 0
    while common < min(len(masculine), len(feminine)) and masculine[common] == feminine[common]:
        common += 1
    return f"{masculine}·{feminine[common:]}"


def _slash_replacement(match: re.Match[str]) -> str:
    ending = match[1]
    return f"·{ending}" if len(ending) <= 5 and ending.islower() else f" / {ending}"


def _normalised(title: str) -> str:
    text = unicodedata.normalize("NFC", title).replace("’", "'")
    text = _DOTS.sub("·", text)
    text = _BRACKETED_ENDING.sub(r"·\1", text)
    text = _DOTTED_ENDING.sub("·", text)
    text = _HYPHENATED_ENDING.sub(r"·\1", text)
    return _SLASH.sub(_slash_replacement, text)


def title_gendered_words(title: str) -> list[GenderedWord]:
    """The words of French job title ``title`` that name the person in one gender only.

    Empty when the title is inclusive: an inclusive marker ("(H/F)", "F/H", "tous genres"),
    inclusive spellings ("Directeur·rice", "Chargé(e)", "Chargé.e", "Directeur/trice"),
    both forms ("Directeur ou directrice") or epicene words ("Responsable"). Only the words
    naming the job are checked, not its field: in "Chargé de mission auprès des
    donateurs" only "Chargé" is.
    """
    if _INCLUSIVE_MARKER.search(title):
        return []
    text = _normalised(title)
    present = {word.lower() for word in _WORD.findall(text)}
    found: list[GenderedWord] = []
    for segment in _SEGMENT_BREAK.split(text):
        for word in _WORD.findall(segment):
            lower = word.lower()
            if lower in _PREPOSITIONS:
                break
            if "·" in word:
                continue
            gender = _gender(lower)
            if gender is None:
                continue
            kind, masculine, feminines = gender
            other_forms = feminines if kind == MASCULINE else (masculine,)
            if present.intersection(other_forms):
                continue
            inclusive = _inclusive_form(masculine, feminines[0])
            if word[0].isupper():
                inclusive = inclusive[0].upper() + inclusive[1:]
            found.append(GenderedWord(word=word, gender=kind, inclusive=inclusive))
    return found


def title_gender_warnings(title: str) -> list[str]:
    """Sentences (in the active language) warning about ``title``'s one-gender words."""
    words = title_gendered_words(title)
    warnings: list[str] = []
    for gender in (MASCULINE, FEMININE):
        of_gender = [word for word in words if word.gender == gender]
        if not of_gender:
            continue
        values = {
            "title": title,
            "words": ", ".join(f"“{word.word}”" for word in of_gender),
            "suggestions": ", ".join(f"“{word.inclusive}”" for word in of_gender),
        }
        if gender == MASCULINE:
            message = _(
                "The French title “%(title)s” names the job in the masculine only "
                "(%(words)s): write an inclusive form such as %(suggestions)s, or add “(F/H)”."
            )
        else:
            message = _(
                "The French title “%(title)s” names the job in the feminine only "
                "(%(words)s): write an inclusive form such as %(suggestions)s, or add “(F/H)”."
            )
        warnings.append(message % values)
    return warnings


# --- Questions about pay history -----------------------------------------------------------

_PAY = (
    r"(?:salaires?|remunerations?|paie|paye|revenus?|salary|salaries|pay|compensation"
    r"|remuneration|wages?|earnings|income|package)"
)
_PAST_OR_CURRENT = (
    r"(?:actuel(?:le)?s?|actuellement|precedent(?:e)?s?|dernier(?:e)?s?|derniere?s?"
    r"|ancien(?:ne)?s?|anterieur(?:e)?s?|passe(?:e)?s?|current(?:ly)?|previous|past|last"
    r"|prior|former|existing|most\s+recent)"
)
# Pay words followed by these are about the future or the vacancy: "pay expectations".
_NOT_HISTORY = (
    r"(?!\W+(?:expectations?|expected|requirements?|range|band|scale|grid|transparency"
    r"|attentes?|pretentions?|souhaite?e?s?|grille|fourchette|transparence|envisage))"
)
_GAP = r"(?:\W+[\w-]+){0,2}?\W+"
_PAY_HISTORY = re.compile(
    rf"\b{_PAY}{_NOT_HISTORY}{_GAP}{_PAST_OR_CURRENT}\b"
    rf"|\b{_PAST_OR_CURRENT}{_GAP}{_PAY}\b{_NOT_HISTORY}"
    r"|\b(?:salary|pay|compensation|earnings|wage|remuneration)\s+history\b"
    r"|\bhistorique\s+(?:de\s+(?:vos\s+|votre\s+)?|des\s+)?(?:salaires?|remunerations?)\b"
    r"|\bhistorique\s+salarial\b"
    r"|\bhow\s+much\s+(?:do|did)\s+you\s+(?:currently\s+)?(?:earn|make|get\s+paid)\b"
    r"|\bhow\s+much\s+(?:are|were)\s+you\s+(?:currently\s+)?(?:paid|earning|making)\b"
    r"|\bwhat\s+(?:do|did)\s+you\s+(?:currently\s+)?(?:earn|make)\b"
    r"|\bcombien\s+(?:gagnez|gagniez|touchez|touchiez)[\s-]+vous\b"
    r"|\bcombien\s+(?:etes|etiez)[\s-]+vous\s+(?:paye|remunere)e?s?\b"
    r"|\bvous\s+(?:gagnez|gagniez|touchez|touchiez)\s+combien\b",
    re.IGNORECASE,
)


def pay_history_phrase(text: str) -> str | None:
    """The words of ``text`` that ask for current or past pay, or None.

    Matched without accents or case: "votre salaire actuel", "dernier salaire",
    "rémunération brute actuelle", "current salary", "previous pay", "salary history",
    "how much do you earn". Expectations ("prétentions salariales", "expected salary") are
    not pay history.
    """
    folded = fold(text)
    match = _PAY_HISTORY.search(folded)
    if match is None:
        return None
    # fold() keeps one character per character of ``text`` for Latin text: quote the original.
    if len(folded) == len(text):
        return text[match.start() : match.end()]
    return match.group(0)


def pay_history_warning(text: str) -> str | None:
    """A sentence (in the active language) when question ``text`` asks for pay history."""
    phrase = pay_history_phrase(text)
    if phrase is None:
        return None
    return _(
        "This question seems to ask for the candidate’s current or past pay (“%(phrase)s”). "
        "Employers may not ask for pay history (EU Pay Transparency Directive 2023/970, "
        "Art. 5): ask for their expectations instead, or remove the question."
    ) % {"phrase": phrase}
