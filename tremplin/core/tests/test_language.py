"""Which language a text is in: English or French, or None when it cannot be told."""

from pathlib import Path

from tremplin.core.language import _clear_language, _identifier, detect_language

POSTINGS = Path(__file__).resolve().parents[3] / "tests" / "postings" / "texts"
ENGLISH = (
    "We are looking for a project coordinator to join our team in Lyon. You will work with "
    "the volunteers of the association and report to the director. The role is part time and "
    "it will start in March. Your tasks: plan the events of the year, keep the budget and "
    "write the reports for our partners. We offer a friendly team and training."
)
FRENCH = (
    "Nous recherchons une coordinatrice de projet pour rejoindre notre équipe à Lyon. Vous "
    "travaillerez avec les bénévoles de l’association et rendrez compte à la directrice. Le "
    "poste est à temps partiel et commence en mars. Vos missions : préparer les événements de "
    "l’année, suivre le budget et rédiger les rapports pour nos partenaires."
)


def test_prose_is_told_by_its_function_words() -> None:
    assert detect_language(ENGLISH) == "en"
    assert detect_language(FRENCH) == "fr"
    assert _clear_language(ENGLISH) == "en"
    assert _clear_language(FRENCH) == "fr"


def test_a_short_or_mixed_text_is_left_to_the_model() -> None:
    assert _clear_language("Chargée de projet — Lyon") is None
    assert _clear_language(ENGLISH + "\n" + FRENCH) is None
    assert _clear_language("Python Django PostgreSQL Docker Linux " * 20) is None
    assert detect_language("Chargée de mission plaidoyer, association nationale") == "fr"
    assert detect_language("Too short") is None


def test_the_function_words_agree_with_the_model_on_every_posting_they_decide() -> None:
    decided = 0
    for path in sorted(POSTINGS.iterdir()):
        sample = path.read_text(encoding="utf-8").strip()[:20_000]
        clear = _clear_language(sample)
        if clear is not None:
            decided += 1
            language, confidence = _identifier().classify(sample)
            assert (clear, confidence >= 0.9) == (language, True), path.name
    assert decided >= 55
