"""Rules learnt from the forty-first round of tuning postings (four fresh held-out postings
drawn at random and moved to the tuning part: a bioinformatics core's post, a research
registry's contract, a postdoc call and a non-profit's developer post), each on a fictional
example."""

from tremplin.vacancies.tests.wild import kinds, parse


def test_lines_whose_bullets_were_lost_are_a_list_and_beneficial_is_a_plus() -> None:
    posting = parse(
        "# Data Analyst\n\n#### Skills required:\nKnowledge of statistics\n"
        "Experience with R and Python\nExperience with cloud computing is beneficial\n"
        "Attentive to detail\n\n#### Details\nDeadline: 1 June\nStart: July\n"
        "Duration: 6 months\n"
    )
    assert kinds(posting) == {
        "Knowledge of statistics": "must",
        "Experience with R and Python": "must",
        "Experience with cloud computing is beneficial": "nice",
        "Attentive to detail": "must",
    }


def test_a_wrapped_sentence_is_no_list() -> None:
    posting = parse(
        "# Postdoc\n\n### Qualifications\n\nA PhD in ecology and a record of publications in\n"
        "Population dynamics or a related field, with\nStrong skills in R.\n"
    )
    assert "Strong skills in R." not in kinds(posting)
