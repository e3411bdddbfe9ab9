"""Rules learnt from the fifty-third round of tuning postings (six held-out postings drawn at
random and moved to the tuning part), each on a fictional example."""

from tremplin.vacancies.tests.wild import kinds, parse


def test_a_certifications_and_tools_heading_lists_requirements() -> None:
    posting = parse(
        "# Ingénieur\n\n## Certifications / Outils / Langages\n\n- Python 3\n- PostgreSQL\n"
    )
    assert kinds(posting) == {"Python 3": "must", "PostgreSQL": "must"}


def test_an_employers_track_record_is_no_floor_of_experience() -> None:
    posting = parse(
        "# Développeur\n\nMédiaTech possède près de 15 années d'expérience dans l'audiovisuel.\n"
    )
    assert posting.min_years_experience is None


def test_a_project_named_as_a_boards_title_gives_way_to_its_role() -> None:
    posting = parse("---\ntitle: The Tidepool Project\nrole: UX Designer\n---\n\nHelp us.\n")
    assert posting.title == "UX Designer"


def test_the_town_of_a_boards_address_unless_the_work_is_remote() -> None:
    text = '---\ntitle: Développeur\naddress: "4 rue des Lilas, 31000 Toulouse"\n---\n\n{}\n'
    assert parse(text.format("Rejoignez notre équipe.")).location == "Toulouse"
    assert parse(text.format("Poste en télétravail complet.")).location is None


def test_speaking_a_language_fluently_requires_it() -> None:
    posting = parse("# Développeur\n\nEnfin, vous parlez Anglais couramment.\n")
    assert posting.required_languages == ["en"]
