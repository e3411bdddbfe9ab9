"""Rules learnt from the forty-fifth round of tuning postings (eight fresh held-out postings
drawn at random and moved to the tuning part: a civic-tech programme's German calls, a Dutch
foundation's vacancy, a ministry's published job descriptions, a city's data team and
others), each on a fictional example."""

from tremplin.vacancies.importing.scoring import score_files
from tremplin.vacancies.tests.wild import kinds, parse


def test_markdown_bullets_inside_an_html_page_stay_bullets() -> None:
    posting = parse(
        "<h2>Wer wir sind</h2>\n<p>Ein Verein.</p>\n<h3>Aufgaben</h3>\n<p>Vieles.</p>\n"
        "**Profil:**<br>\n\n*\tDu schreibst gern\n*\tDu kennst Git\n<br>\n"
    )
    assert kinds(posting) == {"Du schreibst gern": "must", "Du kennst Git": "must"}


def test_what_matters_to_us_asks_and_a_plus_is_a_plus() -> None:
    posting = parse(
        "# Projektassistenz\n\n**Wichtig für uns ist**\n\n* Du organisierst gern\n"
        "* Plus: Du kennst Grafikprogramme\n"
    )
    assert kinds(posting) == {
        "Du organisierst gern": "must",
        "Plus: Du kennst Grafikprogramme": "nice",
    }


def test_what_is_hoped_after_a_comma_leaves_the_bullet_asked() -> None:
    posting = parse(
        "# Developer\n\n## Requirements\n\n"
        "- An interest in software, ideally with some experience of Rust\n"
        "- Du liest Code und idealerweise schreibst du ihn\n- Ideally, a degree\n"
    )
    assert kinds(posting) == {
        "An interest in software, ideally with some experience of Rust": "must",
        "Du liest Code und idealerweise schreibst du ihn": "must",
        "Ideally, a degree": "nice",
    }


def test_german_fields_on_lines_ended_by_br() -> None:
    posting = parse(
        "# Projektassistenz\n\nLaufzeit: sechs Monate<br>\nAufwand: 20h/Woche<br>\n"
        "Ort: Leipzig\n\nSchick uns deine Bewerbung bis zum 27. März 2026 per E-Mail.\n"
    )
    assert posting.location == "Leipzig"
    assert posting.employment_type == "PART_TIME"
    assert str(posting.deadline) == "2026-03-27"


def test_a_dutch_deadline_and_office() -> None:
    posting = parse(
        "# Adviseur\n\nOns kantoor is gevestigd in Zwolle.\n\n"
        "Deze vacature staat online tot en met 01-08-2026.\n"
    )
    assert posting.location == "Zwolle"
    assert str(posting.deadline) == "2026-08-01"


def test_a_german_hirer_loses_its_article_and_we_hire_no_one() -> None:
    named = parse("# Kurs\n\nDie Offene Karten Stiftung sucht eine Projektassistenz.\n")
    assert named.organization == "Offene Karten Stiftung"
    unnamed = parse("# Kurs\n\nWir suchen ab 1. Januar eine Projektassistenz.\n")
    assert unnamed.organization is None


def test_what_a_role_is_wanted_for_goes_with_the_cry() -> None:
    posting = parse('---\ntitle: "Projektassistenz für “Offene Daten” gesucht!"\n---\n\nText.\n')
    assert posting.title == "Projektassistenz"


def test_skills_wanted_against_skills_expected() -> None:
    posting = parse(
        "# Engineer\n\n## Skills we expect\n\n- Python\n\n## Skills we want\n\n- Drupal\n"
    )
    assert kinds(posting) == {"Python": "must", "Drupal": "nice"}


def test_a_reserve_list_and_a_learning_budget_say_nothing_of_the_contract() -> None:
    posting = parse(
        "# Junior Developer\n\n## Benefits\n\n- A £1k per person learning budget\n"
        "- Bike loans up to £2500\n\n"
        "A reserve list may be held for a period of up to 12 months.\n"
    )
    assert posting.salary is None
    assert posting.contract_duration_months is None
    assert posting.employment_type is None


def test_a_willingness_asked_after_the_list() -> None:
    posting = parse(
        "# Developer\n\n## Requirements\n\n- Enjoy learning\n\n"
        "Willingness to be assessed against [the rules](https://example.org/vetting) for "
        "security clearance\n\n"
        "We welcome applicants from every background.\n"
    )
    assert kinds(posting) == {
        "Willingness to be assessed against the rules for security clearance": "must",
        "Enjoy learning": "must",
    }


def test_a_role_under_its_job_title_label_on_a_vacancies_page() -> None:
    posting = parse(
        "---\ntitle: Vacatures\n---\n\n#### Functietitel\n\nDataverkenner (0.8 fte)\n\n"
        "Kom werken bij ons.\n\n#### Wat zoeken wij?\n\n* Ervaring met data\n"
    )
    assert posting.title == "Dataverkenner"


def test_a_labels_markdown_link_is_scored_as_its_words() -> None:
    posting = parse("# Developer\n\n## Requirements\n\n- Adhere to our code of conduct\n")
    labels = {
        "held_out": [],
        "postings": {
            posting.source_name: {
                "criteria": [
                    {
                        "text": "Adhere to our [code of conduct](https://example.org/coc)",
                        "kind": "must",
                    }
                ]
            }
        },
    }
    assert score_files(labels=labels, postings=[posting]).all.criteria_found == 1
