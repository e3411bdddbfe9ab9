"""Which of Tremplin's languages a text is written in, and words in the active language."""

from functools import cache

from django.utils.translation import ngettext
from py3langid.langid import MODEL_FILE, LanguageIdentifier

SUPPORTED = ("en", "fr")


@cache
def _identifier() -> LanguageIdentifier:
    identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    identifier.set_languages(list(SUPPORTED))
    return identifier


def detect_language(text: str, *, min_confidence: float = 0.9) -> str | None:
    """``"en"`` or ``"fr"``, or None when the text is too short or too mixed to say."""
    sample = text.strip()[:20_000]
    if len(sample) < 20:
        return None
    language, confidence = _identifier().classify(sample)
    return language if confidence >= min_confidence else None


def months_text(count: int) -> str:
    """ "6 months", "1 month", in the active language."""
    return ngettext("%(count)d month", "%(count)d months", count) % {"count": count}
