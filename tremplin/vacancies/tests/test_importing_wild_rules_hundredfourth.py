"""Rules learnt from the hundred-and-fourth round of tuning postings (held-out postings drawn
at random and moved to the tuning part), each on a fictional example."""

from tremplin.vacancies.tests.wild import parse


def test_a_sentence_on_a_location_line_names_the_place() -> None:
    posting = parse(
        "# Buchhaltung\n\n## Eckdaten\n\n* Bewerbungsfrist: 01.10.2024\n"
        "* Ort: Unser Büro ist in Leipzig.\n"
    )
    assert posting.location == "Leipzig"


def test_a_person_for_the_work_is_titled_by_the_work() -> None:
    posting = parse(
        "---\ntitle: 'Der Lernverein sucht eine Person für das Kursmanagement (Laufzeit: "
        "9 Monate)'\n---\n\nWir suchen Unterstützung.\n"
    )
    assert posting.title == "Kursmanagement"


def test_working_hours_a_week_below_full_time_are_part_time() -> None:
    posting = parse(
        "# Kursmanagement\n\n## Eckdaten\n\n* Zeitlicher Aufwand: 15 Arbeitsstunden in der Woche\n"
    )
    assert posting.employment_type == "PART_TIME"


def test_a_laufzeit_is_the_contract_s_length() -> None:
    posting = parse(
        "# Kursmanagement\n\nDa die Stelle für neun Monate Laufzeit ausgeschrieben ist, passt "
        "sie gut zu Berufseinsteigern.\n"
    )
    assert posting.contract_duration_months == 9


def test_a_semicolon_within_brackets_ends_no_clause_of_languages() -> None:
    posting = parse(
        "# Kursmanagement\n\n## Das bringst du mit\n\n"
        "* Du sprichst sehr gut Deutsch (etwa C1; ein Nachweis ist nicht nötig), auch die "
        "Kommunikation auf Englisch fällt dir leicht.\n"
    )
    assert posting.required_languages == ["de", "en"]


def test_the_contract_those_the_service_helps_look_for_is_not_the_job_s() -> None:
    posting = parse(
        "# Développeur\n\nNotre service aide les jeunes qui recherchent un contrat en alternance "
        "à trouver un artisan.\n\n## Modalités\n\nPoste ouvert pour un indépendant ou une "
        "indépendante pour 4 mois.\n"
    )
    assert posting.employment_type == "CONTRACTOR"


def test_a_location_line_with_only_spaces_before_its_stop_names_no_place() -> None:
    posting = parse('---\ntitle: Buchhaltung\naddress: "Ort:   ."\n---\n\nWir suchen Hilfe.\n')
    assert posting.location is None
