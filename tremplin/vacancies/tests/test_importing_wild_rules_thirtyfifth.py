"""Rules learnt from the thirty-fifth round of tuning postings (five of the ten fresh postings
added after the thirty-fourth round, drawn at random and moved to the tuning part: a German
public body's post, two Dutch job-board vacancies, two posts of an Internet measurement
project), each on a fictional example."""

from tremplin.vacancies.importing import ParsedPosting, parse_posting


def parse(text: str) -> ParsedPosting:
    return parse_posting(text, source_name="example.md")


def test_a_german_post_its_cry_fixed_term_and_closing_date() -> None:
    posting = parse(
        '---\ntitle: "Wir suchen: Datenkurator*in"\ndate: 2022-07-26\n---\n\n'
        "Im Rahmen des Projekts Offene Daten suchen wir zum nächstmöglichen Zeitpunkt eine*n\n\n"
        "## Datenkurator*in (m/w/d)\n\n**Was Sie erwarten können…**\n\n"
        "* ein auf 24 Monate befristetes Arbeitsverhältnis\n\n"
        "Die Bewerbungsfrist endet am **10.08.2022**.\n"
    )
    assert posting.title == "Datenkurator*in"
    assert posting.organization is None
    assert posting.employment_type == "TEMPORARY"
    assert posting.contract_duration_months == 24
    assert posting.deadline is not None and posting.deadline.isoformat() == "2022-08-10"


def test_a_dutch_vacancy_its_profile_hours_office_and_language() -> None:
    posting = parse(
        "---\ntitle: Frontend Developer\n---\n\n## WAT KRIJG JE ERVOOR TERUG?\n\n"
        "- Een fijne werkplek in ons hoofdkantoor in Zaandam;\n\n"
        "## WAT STAAT ER OP JE CV?\n\n- Minimaal 5 jaar ervaring met React;\n"
        "- Ervaring met Vue is een pré;\n- .NET kennis is fijn, maar niet noodzakelijk.\n"
        "- Uitstekende beheersing van de Nederlandse taal.\n"
        "- Je bent 36 tot 40 uur per week beschikbaar.\n"
    )
    kinds = {c.text.rstrip(";."): c.kind for c in posting.criteria}
    assert kinds["Minimaal 5 jaar ervaring met React"] == "must"
    assert kinds["Ervaring met Vue is een pré"] == "nice"
    assert kinds[".NET kennis is fijn, maar niet noodzakelijk"] == "nice"
    assert posting.required_languages == ["nl"]
    assert posting.min_years_experience == 5
    assert posting.employment_type == "FULL_TIME"
    assert posting.location == "Zaandam"


def test_a_job_description_page_its_role_hirer_and_wrapped_apply_link() -> None:
    posting = parse(
        '---\ntitle: "Network Analyst Job Description"\n---\n\n'
        "**Job description:** Harbour Lab is seeking a Network Analyst to study the Internet.\n\n"
        "**Applications:** [**Apply\nhere**](https://forms.clickup.com/1/f/abc/DEF)\n"
    )
    assert posting.title == "Network Analyst"
    assert posting.organization == "Harbour Lab"
    assert posting.apply_url == "https://forms.clickup.com/1/f/abc/DEF"
