"""Rules learnt from the fifteenth round of tuning postings (five of the fourteenth round's
eleven fresh postings, drawn at random and moved to the tuning part: a foundation's careers
page, a research community's blog and a relayed contract job), each on a fictional
example."""

from tremplin.vacancies.importing import ParsedPosting, parse_posting


def parse(text: str) -> ParsedPosting:
    return parse_posting(text, source_name="example.md")


CAREERS_PAGE = """<section class="container">
    <h1>Careers at the Riverlang Foundation</h1>
   <h2>Vacancies</h2>
<div class="job">
<center><h3>Marketing Specialist</h3></center>
<p>We will scale our marketing efforts.</p>
  <ul>
    <li>Compensation: $70k-$85k USD (experience-based).</li>
    <li>This role will be full-time (independent contractor status considered).</li>
  </ul>
<p>Staff may join a secondment, part-time or full-time, on a Foundation project.</p>
</div>
</section>
"""


def test_a_careers_page_s_heading_gives_way_to_the_role_s_own() -> None:
    posting = parse(CAREERS_PAGE)
    assert posting.title == "Marketing Specialist"


def test_the_role_s_own_hours_beat_other_hours_the_page_mentions() -> None:
    assert parse(CAREERS_PAGE).employment_type == "FULL_TIME"


def test_hiring_our_next_role_gives_the_role() -> None:
    posting = parse("---\ntitle: Hiring our next Community Manager\n---\n\nJoin us.\n")
    assert posting.title == "Community Manager"


def test_a_volunteer_role_that_will_be_part_time_stays_a_volunteer_call() -> None:
    posting = parse("# Mentor\n\nWe are looking for volunteers. This role is part-time.\n")
    assert posting.employment_type == "VOLUNTEER"


def test_a_language_among_desired_qualifications_is_not_required() -> None:
    posting = parse(
        "# Community Manager\n\nOther desired qualifications include written and spoken "
        "proficiency in Spanish, as Spanish-speaking communities are a key constituency.\n"
    )
    assert posting.required_languages == []
