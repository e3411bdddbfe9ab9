"""Rules learnt from the sixty-third round of tuning postings (three held-out postings drawn at
random and moved to the tuning part), each on a fictional example."""

from tremplin.vacancies.tests.wild import parse


def test_a_german_association_introduced_with_its_seat_and_what_it_expects() -> None:
    posting = parse(
        "---\ntitle: Entwickler*in (20h)\n---\n\n"
        "Die Offene Werkstatt Brandenburg ist ein gemeinnütziger Verein mit Sitz in Potsdam, "
        "der sich für offenes Wissen einsetzt.\n\n"
        "### Was wir erwarten\n"
        "* Erfahrung in der Entwicklung von Webseiten mit HTML und CSS\n"
        "* Interesse an der Open Source Entwicklung\n"
    )
    assert posting.organization == "Offene Werkstatt Brandenburg"
    assert posting.location == "Potsdam"
    assert [criterion.text for criterion in posting.criteria] == [
        "Erfahrung in der Entwicklung von Webseiten mit HTML und CSS",
        "Interesse an der Open Source Entwicklung",
    ]


def test_a_lead_in_line_over_unmarked_items_in_one_paragraph() -> None:
    posting = parse(
        "### Data Curator\n\nWe are seeking to hire a data curator.\n\n"
        "Role requirements:\n"
        "Strong oral and written communication skills\n"
        "Extensive experience in data curation\n"
        "Bioinformatic or programming experience is preferred\n"
    )
    assert [(c.text, c.kind) for c in posting.criteria] == [
        ("Strong oral and written communication skills", "must"),
        ("Extensive experience in data curation", "must"),
        ("Bioinformatic or programming experience is preferred", "nice"),
    ]


def test_a_plus_named_in_an_aside_leaves_the_criterion_required() -> None:
    posting = parse(
        "# DevOps\n\n## Profil\n\n"
        "- Vous maîtrisez l’un des langages suivants : Python (Django apprécié), Go, Bash\n"
        "- Docker (apprécié)\n"
        "- Vous êtes curieux\n"
    )
    kinds = {c.text: c.kind for c in posting.criteria}
    assert (
        kinds["Vous maîtrisez l’un des langages suivants : Python (Django apprécié), Go, Bash"]
        == "must"
    )
    assert kinds["Docker (apprécié)"] == "nice"
