"""Rules learnt from the twenty-eighth round of tuning postings (six of the eleven fresh
postings added after the twenty-seventh round, drawn at random and moved to the tuning part:
worker co-operatives' job pages, one in French, and a start-up's), each on a fictional
example."""

from tremplin.vacancies.importing import ParsedPosting, parse_posting


def parse(text: str) -> ParsedPosting:
    return parse_posting(text, source_name="example.md")


STYLED_PAGE = """---
title: Project Manager
---

@@include('../../templates/_head.tpl')
<body>
  <main>
    <h1 class="heading-primary">Project Manager</h1>
    <section>
      <div class="h2 center-text text--uppercase">Experience and Requirements</div>
      <ul>
        <li>5+ years of project management (projects in Django or Rails a plus)</li>
        <li>Strong written communication</li>
      </ul>
    </section>
    <section>
      <div class="h2 center-text text--uppercase">Other things that are helpful</div>
      <ul>
        <li>Experience with agile processes</li>
      </ul>
    </section>
    <section>
      <div class="h2">Time Commitment</div>
      <p>Flexible project based work. Contractor agreement determined by skills.</p>
    </section>
  </main>
</body>
"""


def test_a_block_styled_as_a_heading_heads_its_list() -> None:
    criteria = [(c.text, c.kind) for c in parse(STYLED_PAGE).criteria]
    assert criteria == [
        ("5+ years of project management (projects in Django or Rails a plus)", "must"),
        ("Strong written communication", "must"),
        ("Experience with agile processes", "nice"),
    ]


def test_a_contractor_agreement_makes_a_contractor() -> None:
    assert parse(STYLED_PAGE).employment_type == "CONTRACTOR"


FRENCH_PAGE = """# Chargé·e de développement au Québec

COMPÉTENCES REQUISES

* Maîtrise du français et de l'anglais
* Capacité de réflexion stratégique

AUTRES CAPACITÉS UTILES

* Expérience en tant que membre d'une coopérative

LOCALISATION

Ce poste est ouvert aux candidats résidant dans la région du Québec.

COMPENSATION

Travaux de sous-traitance facturables, payés sur une base horaire. 10 heures par semaine.
"""


def test_french_and_english_mastered_together_are_both_asked() -> None:
    assert parse(FRENCH_PAGE).required_languages == ["fr", "en"]


def test_other_useful_abilities_are_nice_to_have() -> None:
    kinds = {c.text: c.kind for c in parse(FRENCH_PAGE).criteria}
    assert kinds["Expérience en tant que membre d'une coopérative"] == "nice"
    assert kinds["Capacité de réflexion stratégique"] == "must"


def test_where_candidates_must_reside_is_the_place_of_work() -> None:
    assert parse(FRENCH_PAGE).location == "Québec"


def test_billed_subcontracting_work_makes_a_contractor_whatever_the_hours() -> None:
    assert parse(FRENCH_PAGE).employment_type == "CONTRACTOR"


def test_an_inline_html_tag_in_a_markdown_bullet_is_not_part_of_its_words() -> None:
    posting = parse(
        "# Coordinator\n\n## Qualifications\n\n* Commitment to our "
        '<a href="https://handbook.example.org/vision.html">mission and values</a>\n'
        "* <div>\n* Clear written communication\n"
    )
    assert [c.text for c in posting.criteria] == [
        "Commitment to our mission and values",
        "Clear written communication",
    ]


def test_a_remote_position_under_a_location_heading_names_no_place() -> None:
    posting = parse(
        "# Coordinator\n\n## Location\n\n"
        "Remote position, with a preference for Toronto-based people.\n"
    )
    assert posting.location is None
