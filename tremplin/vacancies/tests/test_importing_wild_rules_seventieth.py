"""Rules learnt from the seventieth round of tuning postings (eleven held-out postings drawn
at random and moved to the tuning part), each on a fictional example."""

from tremplin.vacancies.tests.wild import kinds, parse


def test_a_freelance_engagement_states_its_length() -> None:
    posting = parse(
        "# Développeur·se full stack\n\n## Conditions\n\n"
        "Freelance 4 jours / semaine pendant 6 mois (renouvelable).\n"
    )
    assert posting.contract_duration_months == 6


def test_german_qualities_heading_and_an_ideal_item() -> None:
    posting = parse(
        "# Systemadministrator:in\n\n**Das bringst du mit**\n\n- Gute Linux-Kenntnisse\n"
        "- Ideal: Erfahrung mit Backups\n\n**Das zeichnet dich aus**\n\n"
        "- Freude am Lernen\n- Verlässlichkeit im Team\n"
    )
    assert kinds(posting) == {
        "Gute Linux-Kenntnisse": "must",
        "Ideal: Erfahrung mit Backups": "nice",
        "Freude am Lernen": "must",
        "Verlässlichkeit im Team": "must",
    }


def test_a_title_loses_its_contract_before_and_its_remote_work_after() -> None:
    posting = parse("---\ntitle: 'CDI intégrateur web en télétravail'\n---\n\nTexte.\n")
    assert posting.title == "Intégrateur web"


def test_what_an_html_comment_holds_is_not_read() -> None:
    posting = parse(
        "# Stage M2\n\n<!-- *Deadline:* 15 février 2022<br>\n*Durée :* 4-5 mois -->\n\n"
        "Les candidatures pour ce stage sont closes.\n"
    )
    assert posting.deadline is None
    assert posting.contract_duration_months is None


def test_camel_case_keys_of_a_job_feed_give_the_contract_and_the_link() -> None:
    posting = parse(
        "---\ntitle: Consultant data\ncontractType: cdi\n"
        "applyUrl: https://jobs.example.org/offre-42\n---\n\nRejoignez-nous.\n"
    )
    assert posting.employment_type == "FULL_TIME"
    assert posting.apply_url == "https://jobs.example.org/offre-42"


def test_a_title_written_in_a_hiring_sentence_loses_who_they_hope_for() -> None:
    posting = parse(
        "The Office of Civic Services (OCS) is looking for a Head of Research who is curious "
        "about residents' needs.\n\nWe serve the state.\n"
    )
    assert posting.title == "Head of Research"
