"""Rules learnt from the twenty-fifth round of tuning postings (six of the held-out postings
added from the twentieth round on, drawn at random and moved to the tuning part: a
fellowship call, a research group's PhD vacancy, a foundation's job board, a teaching
company's call and two calls of a movement), and from a German job page of the tuning part,
each on a fictional example."""

import datetime as dt

from tremplin.vacancies.importing import ParsedPosting, parse_posting


def parse(text: str) -> ParsedPosting:
    return parse_posting(text, source_name="example.md")


FELLOWSHIP = """---
title: Apply Now - become a Harbour Open Science Fellow
date: 2025-03-01
---

Fellows receive a stipend during the six-month long Fellowship.

We welcome applications using this [form](https://forms.example.org/fellows) from 3rd March
until 30th March 2025. Questions? Please read the [FAQ](https://fellows.example.org/apply),
and feel free to email us (fellows@harbour.example.org) if your question is not answered.
The fellowship is run by [Harbour Open Science](https://harbour.example.org/).
"""


def test_a_call_to_apply_in_front_of_the_title_is_not_the_role() -> None:
    assert parse(FELLOWSHIP).title == "Harbour Open Science Fellow"


def test_the_end_of_a_range_of_dates_for_applications_is_the_deadline() -> None:
    assert parse(FELLOWSHIP).deadline == dt.date(2025, 3, 30)


def test_a_fellowships_length_in_words_is_its_duration() -> None:
    assert parse(FELLOWSHIP).contract_duration_months == 6


def test_an_address_for_questions_is_not_the_way_in_even_beside_a_link_that_says_apply() -> None:
    posting = parse(FELLOWSHIP)
    assert posting.apply_email is None
    assert posting.apply_url == "https://forms.example.org/fellows"


def test_the_site_of_the_address_for_questions_names_the_hirer() -> None:
    assert parse(FELLOWSHIP).organization == "Harbour Open Science"


def test_queries_that_can_be_sent_to_an_address_are_questions() -> None:
    posting = parse(
        "# Technical Writer\n\n## How to apply\n\nApply with [this form]"
        "(https://forms.example.org/writer). Any additional queries about the role can be "
        "sent to ada@harbour.example.org.\n"
    )
    assert posting.apply_email is None


def test_addresses_under_a_heading_for_more_information_are_not_the_way_in() -> None:
    posting = parse(
        "---\ntitle: PhD student\napplication_link: https://jobs.example.org/2915\n---\n\n"
        "### How to apply?\n\nSubmit your CV on the [application page]"
        "(https://jobs.example.org/2915).\n\n"
        "For additional information about this vacancy, you can contact:\n\n"
        "* dr. Ada Lovelace, email: ada@harbour.example.org\n"
    )
    assert posting.apply_email is None


def test_asking_for_further_information_at_the_only_address_still_names_it() -> None:
    posting = parse(
        "# Taskforce members\n\nTo express your interest or ask for further information, "
        "contact us at <team@harbour.example.org> by 31 January 2025.\n"
    )
    assert posting.apply_email == "team@harbour.example.org"


GERMAN_PAGE = """<!doctype html>
<html><body>
<p style="text-align: right">Stand: 18.04.2025</p>
<h1>Softwareentwickler (m/w/d)</h1>
<p>Die Hafen Software GmbH sucht ab sofort einen Softwareentwickler.</p>
<p><b>Deine Aufgaben:</b></p>
<ul>
    <li>Pflege unserer Website
    <li>Betreuung der Nutzer
</ul>
<p><b>Unsere Anforderungen:</b></p>
<ul>
    <li>Studium der Informatik oder ähnliches
    <li>erste Erfahrungen mit Python
    <li>es ist von Vorteil, wenn Du an Open-Source-Projekten mitgewirkt hast
</ul>
<p><b>Was wir bieten:</b></p>
<ul>
    <li>ein kleines Team
</ul>
</body></html>
"""


def test_the_pages_one_h1_is_its_title_whatever_stands_above_it() -> None:
    assert parse(GERMAN_PAGE).title == "Softwareentwickler"


def test_an_unclosed_list_item_ends_with_its_list() -> None:
    texts = [criterion.text for criterion in parse(GERMAN_PAGE).criteria]
    assert "Pflege unserer Website" not in texts
    assert "ein kleines Team" not in texts


def test_a_german_requirements_list_gives_the_criteria_and_what_is_an_advantage_is_nice() -> None:
    criteria = [(c.text, c.kind) for c in parse(GERMAN_PAGE).criteria]
    assert criteria == [
        ("Studium der Informatik oder ähnliches", "must"),
        ("erste Erfahrungen mit Python", "must"),
        ("es ist von Vorteil, wenn Du an Open-Source-Projekten mitgewirkt hast", "nice"),
    ]
