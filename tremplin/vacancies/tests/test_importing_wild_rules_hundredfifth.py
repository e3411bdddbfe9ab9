"""Rules learnt from the hundred-and-fifth round of tuning postings (held-out postings drawn
at random and moved to the tuning part), each on a fictional example."""

from tremplin.vacancies.tests.wild import parse


def test_a_bonus_after_a_dash_leaves_the_requirement_asked() -> None:
    posting = parse(
        "# Développeur\n\n## Profil\n\n"
        "* Bonne connaissance de Python — une connaissance de FastAPI est un plus ;\n"
        "* Goût du travail en équipe — this is a plus but not mandatory\n"
    )
    assert [c.kind for c in posting.criteria] == ["must", "nice"]
