"""Rules learnt from the forty-eighth round of tuning postings (the tuning part's misses:
volunteer calls and small teams that name themselves only in passing), each on a fictional
example."""

from tremplin.vacancies.tests.wild import parse


def test_the_name_the_apply_domain_spells_written_twice_is_the_organization() -> None:
    posting = parse(
        "# Video Editor\n\nWe make free courses; every one carries the Lumen Works logo.\n\n"
        "You will edit the videos Lumen Works publishes every week.\n\n"
        "To apply, write to jobs@lumenworks.org.\n"
    )
    assert posting.organization == "Lumen Works"


def test_a_name_the_apply_domain_spells_written_once_stays_a_guess() -> None:
    posting = parse(
        "# Video Editor\n\nYou will edit the videos Lumen Works publishes every week.\n\n"
        "To apply, write to jobs@lumenworks.org.\n"
    )
    assert posting.organization is None
    assert posting.organization_guess == "Lumen Works"


def test_a_name_its_branches_share_names_no_one_hirer() -> None:
    posting = parse(
        "# Chapter Lead\n\nYou will work with the Lumen Works Global team.\n\n"
        "Start new Lumen Works groups in your town.\n\nWrite to jobs@lumenworks.org.\n"
    )
    assert posting.organization is None
