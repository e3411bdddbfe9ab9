"""Rules learnt from the seventy-first round of tuning postings (eight held-out postings drawn
at random and moved to the tuning part), each on a fictional example."""

from tremplin.vacancies.tests.wild import kinds, parse


def test_when_reading_of_applications_begins_is_no_deadline() -> None:
    posting = parse(
        "# Donor associate\n\nApplications will not be reviewed until May 2, 2022 and "
        "applicants will hear back on a rolling basis.\n"
    )
    assert posting.deadline is None


def test_a_headline_seeking_a_role_names_the_role() -> None:
    posting = parse("---\ntitle: Riverbank Trust Seeking Treasurer\n---\n\nText.\n")
    assert posting.title == "Treasurer"


def test_an_unpaid_internship_is_an_internship() -> None:
    posting = parse(
        "---\ntitle: Lantern Project Unpaid Internship\n---\n\n"
        "These positions are unpaid. Interns work remotely over the summer.\n"
    )
    assert posting.employment_type == "INTERN"


def test_volunteering_as_a_role_is_a_volunteer_role_and_its_title() -> None:
    posting = parse(
        "---\ntitle: 'Volunteer as a Workshop Mentor!'\n---\n\n"
        "Volunteer to be a mentor for our spring workshops: two hours a week for three "
        "months.\n"
    )
    assert posting.employment_type == "VOLUNTEER"
    assert posting.title == "Workshop Mentor"


def test_a_title_marked_volunteer_states_the_type() -> None:
    posting = parse(
        "---\ntitle: 'Responsable communication - bénévole'\n---\n\nNous animons un réseau.\n"
    )
    assert posting.employment_type == "VOLUNTEER"


def test_what_you_master_heads_requirements() -> None:
    posting = parse(
        "# Chargé·e de croissance\n\n##### Tu maîtrises :\n\n"
        "* les fondamentaux du marketing\n* le copywriting\n"
    )
    assert kinds(posting) == {"les fondamentaux du marketing": "must", "le copywriting": "must"}
