"""Rules learnt from the fifty-fifth round of tuning postings (the tuning part's own misses;
no held-out posting moved, the held-out part being a third already), each on a fictional
example."""

from tremplin.vacancies.tests.wild import parse


def test_a_headline_in_capitals_says_who_is_hiring() -> None:
    posting = parse(
        "---\ntitle: Brightwater is Hiring another Data Developer\n---\n\n"
        "As Brightwater's director I am glad to say that we look for a developer.\n"
    )
    assert posting.organization == "Brightwater"
    assert posting.title == "Data Developer"


def test_a_labelled_or_html_escaped_headline_says_who_is_hiring() -> None:
    announced = parse(
        "---\ntitle: 'Job announcement: Brightwater is looking for a Director'\n---\n\n"
        "Following a retirement, the board has started its search.\n"
    )
    escaped = parse(
        "---\ntitle: Lumenfold is hiring&#58; Community manager\n---\n\n"
        "We want someone to deepen ties with newsrooms.\n"
    )
    assert (announced.organization, announced.title) == ("Brightwater", "Director")
    assert (escaped.organization, escaped.title) == ("Lumenfold", "Community manager")


def test_a_name_after_the_role_in_the_heading_hires_when_the_text_writes_it_again() -> None:
    posting = parse(
        '<div class="h3">Senior Engineer, Funding Data— Lumenfold</div>\n\n'
        "<p>Lumenfold is building an open catalogue. Lumenfold already covers many papers.</p>\n"
    )
    once = parse(
        "<div>Policy Adviser — Digital Services</div>\n\n<p>You will advise ministers.</p>\n"
    )
    assert posting.organization == "Lumenfold"
    assert posting.title == "Senior Engineer, Funding Data"
    assert once.organization is None
