"""Rules learnt from the forty-ninth round of tuning postings (eight held-out postings drawn
at random and moved to the tuning part), each on a fictional example."""

from tremplin.vacancies.tests.wild import kinds, parse


def test_the_sentence_pointing_at_a_list_says_its_kind_and_its_languages_are_not_required() -> None:
    posting = parse(
        "# Vidéaste\n\n## Exigences du poste\n\n- Aisance devant la caméra.\n\n"
        "Les qualifications suivantes seront un atout. Toutefois, n'hésitez pas à postuler "
        "même si vous ne répondez pas à toutes ces qualifications.\n\n"
        "- Maîtrise de l'espagnol ou d'autres langues.\n- Expérience du montage.\n"
    )
    assert kinds(posting) == {
        "Aisance devant la caméra.": "must",
        "Maîtrise de l'espagnol ou d'autres langues.": "nice",
        "Expérience du montage.": "nice",
    }
    assert posting.required_languages == []


def test_a_title_asked_as_a_question_is_the_role_it_asks_for() -> None:
    posting = parse("---\ntitle: Want to Intern with Tide Lab's Data Team?\n---\n\nJoin us.\n")
    assert posting.title == "Intern with Tide Lab's Data Team"
    posting = parse("---\ntitle: Want to become part of our board?\n---\n\nJoin us.\n")
    assert posting.title != "become part of our board"


def test_the_date_to_complete_the_application_form_by_is_the_deadline() -> None:
    posting = parse("# Intern\n\n**Want to apply?** Complete [this form](/a/) by May 9, 2026.\n")
    assert str(posting.deadline) == "2026-05-09"
    assert parse("# Engineer\n\nYou will complete the move by May 9, 2026.\n").deadline is None


def test_a_job_boards_share_of_a_full_week_says_full_or_part_time() -> None:
    assert parse("---\ntitle: Analyst\npercentTime: 100\n---\n\nJoin us.\n").employment_type == (
        "FULL_TIME"
    )
    assert parse("---\ntitle: Analyst\npercentTime: 50\n---\n\nJoin us.\n").employment_type == (
        "PART_TIME"
    )


def test_a_share_of_the_week_it_cannot_read_is_a_warning_and_sets_nothing() -> None:
    posting = parse("---\ntitle: Analyst\npercentTime: most weeks\n---\n\nJoin us.\n")
    assert posting.employment_type is None
    assert any("percenttime: most weeks" in warning for warning in posting.warnings)
