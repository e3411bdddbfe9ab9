"""Languages: which of Tremplin's languages a text is written in, what a language is called,
and words in the active language."""

import re
from functools import cache
from typing import TYPE_CHECKING

from django.utils.translation import get_language_info, ngettext

if TYPE_CHECKING:
    from py3langid.langid import LanguageIdentifier

SUPPORTED = ("en", "fr")

# Words found in nearly every English or French text and not in the other language. A text
# whose function words are nearly all of one language is in that language, and saying so
# needs no model: py3langid (numpy and a model that take seconds to load) is asked only
# when the words leave a doubt (a short text, one in both languages, or in neither).
_FUNCTION_WORDS = {
    language: frozenset(words.split())
    for language, words in {
        "en": "the and of to in for with is are be will we you our your this that from by an "
        "have has it their they which who can not",
        "fr": "le la les des du de et un une pour dans sur avec est sont au aux nous vous notre "
        "votre nos vos qui que ce cette ces par pas ou être",
    }.items()
}
_WORD = re.compile(r"[^\W\d_]+")
# Prose: at least this many function words, making this share of its words at least; and
# this share of them in one language.
_CLEAR_COUNT, _CLEAR_DENSITY, _CLEAR_SHARE = 15, 0.12, 0.97


@cache
def _identifier() -> "LanguageIdentifier":
    # Imported here: py3langid brings numpy, which only detecting a language needs.
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    identifier.set_languages(list(SUPPORTED))
    return identifier


def _clear_language(sample: str) -> str | None:
    """The language whose function words make nearly all of the sample's, if there are
    enough of them to be sure; else None."""
    counts = dict.fromkeys(SUPPORTED, 0)
    words = _WORD.findall(sample.lower())
    for word in words:
        for language, function_words in _FUNCTION_WORDS.items():
            if word in function_words:
                counts[language] += 1
    total = sum(counts.values())
    language = max(counts, key=counts.__getitem__)
    prose = total >= _CLEAR_COUNT and total >= _CLEAR_DENSITY * len(words)
    if prose and counts[language] >= _CLEAR_SHARE * total:
        return language
    return None


def detect_language(text: str, *, min_confidence: float = 0.9) -> str | None:
    """``"en"`` or ``"fr"``, or None when the text is too short or too mixed to say."""
    sample = text.strip()[:20_000]
    if len(sample) < 20:
        return None
    clear = _clear_language(sample)
    if clear is not None:
        return clear
    language, confidence = _identifier().classify(sample)
    return language if confidence >= min_confidence else None


def language_name(code: str | None) -> str:
    """The name of language ``code`` in the active language ("English", "anglais"); the
    code itself when Django does not know it, "?" for no code."""
    if not code:
        return "?"
    for known in (code, f"{code}-hans"):  # Django knows Chinese as zh-hans
        try:
            return str(get_language_info(known)["name_translated"])
        except KeyError:
            continue
    return code


def months_text(count: int) -> str:
    """ "6 months", "1 month", in the active language."""
    return ngettext("%(count)d month", "%(count)d months", count) % {"count": count}


_ELIDED = {"de": "d’", "que": "qu’", "le": "l’", "la": "l’"}


def french_elide(text: str) -> str:
    """French elision where a name was put after "de", "que", "le" or "la": "heure de
    Amsterdam" becomes "heure d’Amsterdam". For strings built around a name only known at
    run time (a city). Names of organizations follow "l’organisation" or "chez" in the
    catalogue instead, which needs neither elision nor the name's gender."""

    def elide(match: re.Match[str]) -> str:
        word = match.group(1)
        short = _ELIDED[word.lower()]
        return short.capitalize() if word[0].isupper() else short

    return re.sub(r"\b(de|que|le|la) (?=[aeiouyàâéèêëîïôöùûü])", elide, text, flags=re.IGNORECASE)
