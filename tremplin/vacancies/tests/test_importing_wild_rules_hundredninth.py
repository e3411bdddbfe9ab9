"""Rules learnt from the hundred-and-ninth round of tuning postings (held-out postings drawn
at random and moved to the tuning part), each on a fictional example."""

from tremplin.vacancies.tests.wild import parse


def test_a_headline_s_seeking_names_who_hires() -> None:
    posting = parse("---\ntitle: Open Tooling Alliance Seeking Treasurer\n---\n\nHello.\n")
    assert posting.organization == "Open Tooling Alliance"
    assert posting.title == "Treasurer"


def test_a_location_field_in_capitals_within_a_paragraph_of_fields_is_the_place() -> None:
    posting = parse(
        "# Content designer\n\nPOST TITLE:      Content designer\nPAYBAND:        \tB\n"
        "LOCATION:       \tLeeds\nTYPE OF POSTING:\n\nWe need a content designer.\n"
    )
    assert posting.location == "Leeds"


def test_what_the_application_is_evaluated_on_is_what_is_asked() -> None:
    posting = parse(
        "# Gestionnaire de produit\n\n**Votre candidature sera évaluée en fonction de votre** :\n\n"
        "- Expérience des équipes pluridisciplinaires\n- Capacité à hiérarchiser un backlog\n"
    )
    assert [(c.text, c.kind) for c in posting.criteria] == [
        ("Expérience des équipes pluridisciplinaires", "must"),
        ("Capacité à hiérarchiser un backlog", "must"),
    ]


def test_what_the_ideal_candidate_will_also_have_is_a_plus() -> None:
    posting = parse(
        "# Developer\n\nRequirements:\n\n- Python\n- SQL\n\n"
        "Ideal candidate will also have experience in:\n\n- Geodata\n- Public procurement\n"
    )
    assert [(c.text, c.kind) for c in posting.criteria] == [
        ("Python", "must"),
        ("SQL", "must"),
        ("Geodata", "nice"),
        ("Public procurement", "nice"),
    ]


def test_a_job_board_s_place_after_a_colon_is_no_part_of_the_title() -> None:
    posting = parse('---\ntitle: "Data Engineer : REMOTE (EU)"\n---\n\nAcme - Data Engineer.\n')
    assert posting.title == "Data Engineer"


def test_more_than_n_years_in_brackets_after_the_experience_is_the_floor() -> None:
    posting = parse(
        "# Coach\n\n## Profil\n\n* Tu as une expérience significative en coaching agile (> 4 ans)\n"
    )
    assert posting.min_years_experience == 4


def test_days_a_week_over_months_is_the_mission_s_length() -> None:
    posting = parse(
        "# Designer\n\n## Modalités\n\n"
        "* Modalités de travail : rythme de 2 à 3 jours par semaine sur 4 mois.\n"
    )
    assert posting.contract_duration_months == 4
