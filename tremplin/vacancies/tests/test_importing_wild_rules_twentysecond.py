"""Rules learnt from the twenty-second round of tuning postings (two of the twenty-first
round's four fresh postings, drawn at random and moved to the tuning part: a non-profit's
careers pages, written as Django templates), each on a fictional example."""

from tremplin.vacancies.importing import ParsedPosting, parse_posting


def parse(text: str) -> ParsedPosting:
    return parse_posting(text, source_name="example.md")


EDUCATOR = """{% extends 'site/_base.html' %}
{% block page-class %}join-us{% endblock %}
{% block content %}
<nav class="menu"><ul><li><a href="/volunteer">Volunteer</a></li><li>Donate</li></ul></nav>
<main>
  <h1 class="title">Science Educator</h1>
  <h2>Organization Overview</h2>
  <p>We Build Robots is a 501(c)3 nonprofit organization teaching robotics to children.</p>
  <h2>Position Overview</h2>
  <p>This position is contracted part-time with the possibility of being full time in the
  future. Expected 15 to 20 hours a week.</p>
  <h2>Duties &amp; Responsibilities</h2>
  <ul>
    <li>Teach weekend classes to groups of twenty children</li>
    <li>Must have excellent communication skills, both oral and written</li>
  </ul>
  <h2>Requirements</h2>
  <ul>
    <li>Two years of teaching experience with children</li>
    <li>A valid driver's license is preferred</li>
    {% comment %}<li>Able to lift 50 pounds</li>{% endcomment %}
  </ul>
  <h2>Bonus</h2>
  <ul><li>Speaks Spanish with the families we serve</li></ul>
  <h2>Benefits</h2>
  <ul>
    <li>Remote until further notice, based in the Detroit-area.</li>
    <li>Health insurance provided for full-time positions</li>
  </ul>
</main>
{% endblock %}
"""


def test_a_template_s_navigation_and_metadata_are_no_text_so_its_h1_is_the_title() -> None:
    posting = parse(EDUCATOR)
    assert posting.title == "Science Educator"
    assert "join-us" not in posting.body and "Donate" not in posting.body


def test_a_template_s_comment_is_not_shown_and_asks_nothing() -> None:
    texts = [criterion.text for criterion in parse(EDUCATOR).criteria]
    assert not any("lift" in text for text in texts)


def test_a_name_that_opens_with_a_pronoun_is_still_a_name() -> None:
    assert parse(EDUCATOR).organization == "We Build Robots"


def test_a_sentence_of_we_still_names_no_one() -> None:
    posting = parse("# Educator\n\nWe are a nonprofit organization teaching robotics.\n")
    assert posting.organization is None


def test_the_area_around_a_town_is_the_town() -> None:
    assert parse(EDUCATOR).location == "Detroit"


def test_a_bullet_that_says_it_is_preferred_is_nice_beside_a_list_of_bonuses() -> None:
    kinds = {c.text: c.kind for c in parse(EDUCATOR).criteria}
    assert kinds["A valid driver's license is preferred"] == "nice"
    assert kinds["Two years of teaching experience with children"] == "must"


def test_what_one_must_have_is_asked_even_among_the_duties() -> None:
    kinds = {c.text: c.kind for c in parse(EDUCATOR).criteria}
    assert kinds["Must have excellent communication skills, both oral and written"] == "must"
    assert "Teach weekend classes to groups of twenty children" not in kinds


def test_full_time_later_or_for_others_is_not_this_job_s_hours() -> None:
    assert parse(EDUCATOR).employment_type == "PART_TIME"


def test_a_full_week_of_hours_is_full_time() -> None:
    posting = parse("# Operations Manager\n\n## Benefits\n\n* 37 hour work week\n")
    assert posting.employment_type == "FULL_TIME"
