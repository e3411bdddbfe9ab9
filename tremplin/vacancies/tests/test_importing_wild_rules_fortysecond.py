"""Rules learnt from the forty-second round of tuning postings (two fresh held-out postings
drawn at random and moved to the tuning part: a postdoc call and a civic-tech contract), and
from misses the tuning part still had, each on a fictional example."""

from tremplin.vacancies.tests.wild import kinds, parse


def test_desired_qualifications_after_basic_ones_are_pluses() -> None:
    posting = parse(
        "# Platform Engineer\n\n### Basic Qualifications\n\n- 5+ years of Linux administration\n"
        "- Experience with Ansible\n\n### Desired Qualifications\n\n"
        "- Experience with Kubernetes operators\n- Knowledge of Terraform\n"
    )
    assert kinds(posting) == {
        "5+ years of Linux administration": "must",
        "Experience with Ansible": "must",
        "Experience with Kubernetes operators": "nice",
        "Knowledge of Terraform": "nice",
    }


def test_sentences_that_hope_or_ask_in_an_overview() -> None:
    posting = parse(
        "# Data Engineer\n\n## Overview\n\nThe Harbour Lab is seeking a data engineer. An ideal "
        "candidate should also be familiar with message queues. Prior experience with Rust is "
        "preferred but not required. To be successful in this role, you must be curious and "
        "patient. The ideal candidate will work closely with our partners.\n"
    )
    assert kinds(posting) == {
        "An ideal candidate should also be familiar with message queues.": "nice",
        "Prior experience with Rust is preferred but not required.": "nice",
        "To be successful in this role, you must be curious and patient.": "must",
    }


def test_a_requirements_paragraph_that_encourages_candidates_with_training() -> None:
    posting = parse(
        "# Research Fellow\n\n#### Qualifications\n\nCandidates that have training in ecology "
        "or a closely related field are encouraged to apply. Other backgrounds are welcome "
        "too.\n\n#### Contact\n\nWrite to the lab.\n"
    )
    assert kinds(posting) == {
        "Candidates that have training in ecology or a closely related field are encouraged "
        "to apply.": "must"
    }


def test_bullets_that_ask_under_no_heading_with_their_plus() -> None:
    posting = parse(
        "Vi söker en utvecklare.\n\n* Du bör ha erfarenhet av Python.\n\n"
        "* Vi använder Docker, så du bör ha arbetat med containrar.\n\n"
        "* Vi ser det som ett extra plus om du har bidragit till öppen källkod.\n\n"
        "* Kontoret ligger i Malmö.\n"
    )
    assert kinds(posting) == {
        "Du bör ha erfarenhet av Python.": "must",
        "Vi använder Docker, så du bör ha arbetat med containrar.": "must",
        "Vi ser det som ett extra plus om du har bidragit till öppen källkod.": "nice",
    }


def test_a_value_with_a_word_on_it_is_no_requirement() -> None:
    posting = parse(
        "# Engineer\n\n## What we value\n\n- **Care.** You should have a high bar for your "
        "work.\n- **Candour.** We say what we think.\n"
    )
    assert kinds(posting) == {}


def test_beneficial_at_the_end_is_a_plus_and_the_highest_floor_of_years_is_asked() -> None:
    posting = parse(
        "# Django Developer (Contract)\n\n### Requirements\n\n"
        "- At least two years Django experience\n"
        "- At least four years software development experience\n"
        "- Familiarity with Celery beneficial\n"
    )
    assert kinds(posting)["Familiarity with Celery beneficial"] == "nice"
    assert posting.min_years_experience == 4
