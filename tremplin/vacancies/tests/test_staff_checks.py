"""The editor's warnings: one-gender French titles and questions about pay history."""

import pytest
from django.utils import translation

from tremplin.vacancies.checks import (
    FEMININE,
    MASCULINE,
    pay_history_phrase,
    pay_history_warning,
    title_gender_warnings,
    title_gendered_words,
)

INCLUSIVE_TITLES = [
    # the seeds' French titles
    "Directeur·rice Exécutif·ve de Pause IA",
    "Responsable des partenariats gouvernementaux",
    # inclusive markers
    "Directeur (H/F)",
    "Directrice (F/H)",
    "Chargé de mission H/F",
    "Chef de projet (F/H/X)",
    "Développeur web – tous genres",
    # inclusive spellings
    "Chargé·e de mission plaidoyer",
    "Chargé(e) de mission",
    "Chargé.e de communication",
    "Chargé-e de communication",
    "Directeur/trice des programmes",
    "Coordinateur•rice des bénévoles",
    "Secrétaire général·e",
    "Chef·fe de projet numérique",
    "Assistant·e de direction",
    "Développeur·euse web",
    "Technicien·ne support",
    "Ingénieur·e logiciel",
    "Conseiller·ère en insertion",
    "Responsable administratif·ve et financier·ère",
    # both forms
    "Directeur ou directrice des programmes",
    "Directrice / Directeur de la communication",
    "Directeur/Directrice des opérations",
    "Chargée ou chargé de plaidoyer",
    # epicene words, and gendered words that only name the field
    "Responsable communication",
    "Juriste",
    "Comptable",
    "Stagiaire plaidoyer",
    "Responsable du secteur public",
    "Responsable des relations avec les donateurs",
]


@pytest.mark.parametrize("title", INCLUSIVE_TITLES)
def test_an_inclusive_or_epicene_title_passes(title: str) -> None:
    assert title_gendered_words(title) == []
    assert title_gender_warnings(title) == []


ONE_GENDER_TITLES = [
    ("Directeur", [("Directeur", MASCULINE, "Directeur·rice")]),
    ("Directeur des programmes", [("Directeur", MASCULINE, "Directeur·rice")]),
    ("Directeur du secteur associatif", [("Directeur", MASCULINE, "Directeur·rice")]),
    ("Chargé de mission", [("Chargé", MASCULINE, "Chargé·e")]),
    ("Chargés de mission", [("Chargés", MASCULINE, "Chargé·es")]),
    ("Chef de projet", [("Chef", MASCULINE, "Chef·fe")]),
    ("Développeur web", [("Développeur", MASCULINE, "Développeur·euse")]),
    ("Ingénieur logiciel", [("Ingénieur", MASCULINE, "Ingénieur·e")]),
    ("Technicien support", [("Technicien", MASCULINE, "Technicien·ne")]),
    ("Assistant de direction", [("Assistant", MASCULINE, "Assistant·e")]),
    ("Coordinateur de projet", [("Coordinateur", MASCULINE, "Coordinateur·rice")]),
    ("Conseiller en insertion", [("Conseiller", MASCULINE, "Conseiller·ère")]),
    ("Secrétaire général", [("général", MASCULINE, "général·e")]),
    ("Directeur·rice adjoint", [("adjoint", MASCULINE, "adjoint·e")]),
    (
        "Délégué général",
        [("Délégué", MASCULINE, "Délégué·e"), ("général", MASCULINE, "général·e")],
    ),
    (
        "Responsable administratif et financier",
        [
            ("administratif", MASCULINE, "administratif·ve"),
            ("financier", MASCULINE, "financier·ère"),
        ],
    ),
    ("Recrutement : chargé de communication", [("chargé", MASCULINE, "chargé·e")]),
    ("Nous recrutons un directeur", [("directeur", MASCULINE, "directeur·rice")]),
    ("Directrice", [("Directrice", FEMININE, "Directeur·rice")]),
    ("Chargée de mission", [("Chargée", FEMININE, "Chargé·e")]),
    ("Assistante de direction", [("Assistante", FEMININE, "Assistant·e")]),
    ("Cheffe de projet", [("Cheffe", FEMININE, "Chef·fe")]),
    (
        "Infirmière coordinatrice",
        [
            ("Infirmière", FEMININE, "Infirmier·ère"),
            ("coordinatrice", FEMININE, "coordinateur·rice"),
        ],
    ),
]


@pytest.mark.parametrize(("title", "expected"), ONE_GENDER_TITLES)
def test_a_title_in_one_gender_only_is_caught_with_an_inclusive_suggestion(
    title: str, expected: list[tuple[str, str, str]]
) -> None:
    found = [(word.word, word.gender, word.inclusive) for word in title_gendered_words(title)]
    assert found == expected


def test_the_warning_names_the_words_and_suggests_inclusive_forms_in_the_page_language() -> None:
    with translation.override("en"):
        (warning,) = title_gender_warnings("Chargé de mission")
    assert "masculine" in warning and "“Chargé”" in warning and "“Chargé·e”" in warning

    with translation.override("en"):
        (warning,) = title_gender_warnings("Cheffe de projet")
    assert "feminine" in warning and "“Chef·fe”" in warning


PAY_HISTORY_QUESTIONS = [
    ("Quel est votre salaire actuel ?", "salaire actuel"),
    ("Indiquez votre rémunération actuelle.", "rémunération actuelle"),
    ("Quelle est votre rémunération brute annuelle actuelle ?", None),
    ("Quel était votre dernier salaire ?", "dernier salaire"),
    ("Quel est votre ancien salaire ?", "ancien salaire"),
    ("Précisez votre salaire précédent.", "salaire précédent"),
    ("Combien gagnez-vous actuellement ?", "Combien gagnez-vous"),
    ("What is your current salary?", "current salary"),
    ("Please state your previous pay.", "previous pay"),
    ("What was your salary in your last job?", "salary in your last"),
    ("Tell us your current compensation package.", "current compensation"),
    ("Give us your salary history.", "salary history"),
    ("How much do you earn today?", "How much do you earn"),
]


@pytest.mark.parametrize(("question", "phrase"), PAY_HISTORY_QUESTIONS)
def test_a_question_about_current_or_past_pay_is_caught(question: str, phrase: str | None) -> None:
    found = pay_history_phrase(question)
    assert found is not None
    if phrase is not None:
        assert found == phrase


@pytest.mark.parametrize(
    "question",
    [
        "What are your salary expectations?",
        "Quelles sont vos prétentions salariales ?",
        "Describe your current role and your pay expectations.",
        "Décrivez votre poste actuel.",
        "Why does pay transparency matter to you?",
        "Tell us about your last project.",
        "Quel salaire souhaitez-vous pour ce poste ?",
        "Please present your salary expectations.",
    ],
)
def test_questions_about_expectations_or_other_things_pass(question: str) -> None:
    assert pay_history_phrase(question) is None
    assert pay_history_warning(question) is None


def test_the_pay_history_warning_quotes_the_question_and_cites_the_directive() -> None:
    with translation.override("en"):
        warning = pay_history_warning("Quel est votre salaire actuel ?")
    assert warning is not None
    assert "“salaire actuel”" in warning and "2023/970" in warning
