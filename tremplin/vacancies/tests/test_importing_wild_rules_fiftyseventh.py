"""Rules learnt from the fifty-seventh round of tuning postings (five held-out postings drawn
at random and moved to the tuning part), each on a fictional example."""

from tremplin.vacancies.tests.wild import parse


def test_a_sentence_on_applying_wrapped_before_its_link_keeps_the_link() -> None:
    restructured = parse(
        "Engineer\n========\n\nWe look forward to your application. You can submit it on\n"
        "`the official job offer\n<https://jobs.example.org/offers/2021-1>`_\n"
    )
    plain = parse(
        "# Engineer\n\nPlease send your application and CV to\njobs@brightwater.example "
        "before May.\n\nPress contact: press@brightwater.example\n"
    )
    assert restructured.apply_url == "https://jobs.example.org/offers/2021-1"
    assert plain.apply_email == "jobs@brightwater.example"


def test_an_mdx_button_is_a_link_and_a_title_heading_says_who_hires() -> None:
    posting = parse(
        "---\ntitle: Volunteers\n---\n\n# Volunteering @ Lumenfold Conf\n\nJoin the crew.\n\n"
        '<ButtonWithTitle title="Interested?" text="Register your interest now!" '
        'href="https://forms.gle/abc123" />\n\n'
        "Read our [Data Privacy Policy](https://docs.google.com/forms/d/e/1FAIpXyz/viewform).\n"
    )
    assert posting.apply_url == "https://forms.gle/abc123"
    assert posting.organization == "Lumenfold Conf"


def test_a_german_dienstort_ist_names_the_town() -> None:
    posting = parse("# Stelle\n\nDie Stelle ist unbefristet, der Dienstort ist Göttingen.\n")
    assert posting.location == "Göttingen"
