"""Rules learnt from the seventy-sixth round of tuning postings (eight held-out postings drawn
at random and moved to the tuning part), each on a fictional example."""

from tremplin.vacancies.tests.wild import kinds, parse


def test_a_german_plus_that_is_no_must_is_a_plus() -> None:
    posting = parse(
        "# Buchhalter*in\n\n## Das bringst du mit\n\n- Erfahrung mit DATEV\n"
        "- Ein Plus (aber kein Muss) wären Kenntnisse im Vereinsrecht.\n"
    )
    assert kinds(posting) == {
        "Erfahrung mit DATEV": "must",
        "Ein Plus (aber kein Muss) wären Kenntnisse im Vereinsrecht.": "nice",
    }


def test_the_competences_a_german_posting_wishes_for_are_its_requirements() -> None:
    posting = parse(
        "# Referent*in\n\n## Diese Kompetenzen wünschen wir uns\n\n"
        "- Erfahrung in der Pressearbeit\n- Freude am Schreiben für junge Leute\n"
    )
    assert kinds(posting) == {
        "Erfahrung in der Pressearbeit": "must",
        "Freude am Schreiben für junge Leute": "must",
    }


def test_a_german_titles_pay_scale_hours_and_term_are_cut() -> None:
    posting = parse(
        "---\ntitle: 'Referent*in Finanzen (TVL E11 mit 30h/Woche, 2 Jahre befristet)'\n"
        "---\n\nText.\n"
    )
    assert posting.title == "Referent*in Finanzen"


def test_the_language_a_team_speaks_among_itself_is_no_requirement() -> None:
    posting = parse(
        "# Data engineer\n\nSi nous communiquons principalement en français, il nous arrive "
        "de travailler en anglais avec nos partenaires.\n"
    )
    assert posting.required_languages == []
    posting = parse("# Data engineer\n\n## Profil\n\n- Vous communiquez aisément en anglais\n")
    assert posting.required_languages == ["en"]
