"""Rules learnt from the ninety-third round of tuning postings (eight held-out postings drawn at
random and moved to the tuning part, and the tuning part's older misses), each on a fictional
example."""

from tremplin.vacancies.importing.structure import parse_structure
from tremplin.vacancies.tests.wild import kinds, parse


def test_who_is_now_recruiting_hires() -> None:
    posting = parse(
        "---\ntitle: Civic Tech Guild Summer Internship\n---\nHave the summer off? Civic Tech "
        "Guild is now recruiting summer interns with the skills to take on big problems.\n"
    )
    assert (posting.organization, posting.title) == ("Civic Tech Guild", "Summer Internship")


def test_lines_each_ended_by_a_hard_break_are_a_list() -> None:
    posting = parse(
        "# Développeur·se\n\n## Profil recherché ?\n\nUne personne curieuse et tenace\\\n"
        "Force de proposition\\\nAisance avec git ;\\\nExpérience en tant que lead-dev\n"
    )
    assert kinds(posting) == {
        "Une personne curieuse et tenace": "must",
        "Force de proposition": "must",
        "Aisance avec git ;": "must",
        "Expérience en tant que lead-dev": "must",
    }


def test_sentences_each_ended_by_a_hard_break_stay_sentences() -> None:
    # The guard of the rule above: lines that end sentences are no list's items.
    document = parse_structure(
        "# Chargée de mission\n\n## L'équipe\n\nNous sommes six.\\\nNous aimons le vélo.\\\n"
        "Nous déjeunons ensemble.\n",
        source_name="example.md",
    )
    assert [(section.paragraphs, section.bullets) for section in document.sections] == [
        (["Nous sommes six.", "Nous aimons le vélo.", "Nous déjeunons ensemble."], [])
    ]
