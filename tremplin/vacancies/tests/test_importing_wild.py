"""Postings from the wild: job-board HTML, front matter of static sites, mixed lists."""

import datetime as dt

from tremplin.vacancies.importing import MUST, NICE, ParsedPosting, parse_posting

BOARD_HTML = """\
---
type: Full Time
title: Data Engineer (Sr.)
company: Doximity
location: Remote
---

<p><strong>Why work at Doximity?</strong></p>
<p>Doximity is rewiring healthcare &amp; more.</p>
<p><strong>Skills &amp; Requirements:</strong></p>
<ul>
<li>At least three years experience developing data products&nbsp;using Python</li>
<li>Experience using AWS technologies is a plus.</li>
</ul>
<p><strong>Your perks</strong></p>
<ul>
<li>Full medical, vision, dental benefits</li>
</ul>
"""


def kinds(text: str) -> list[tuple[str, str]]:
    return [(c.text, c.kind) for c in parse_posting(text, source_name="t.md").criteria]


def test_a_job_board_html_copy_is_read_as_headings_and_lists() -> None:
    posting = parse_posting(BOARD_HTML, source_name="board.md")
    assert [(c.text, c.kind) for c in posting.criteria] == [
        ("At least three years experience developing data products using Python", MUST),
        ("Experience using AWS technologies is a plus.", NICE),
    ]
    assert (
        "## Skills & Requirements:" in posting.body or "### Skills & Requirements:" in posting.body
    )
    assert "<li>" not in posting.body
    assert any("The text was HTML" in warning for warning in posting.warnings)


def test_job_board_front_matter_keys_give_organization_type_and_place() -> None:
    posting = parse_posting(BOARD_HTML, source_name="board.md")
    assert posting.organization == "Doximity"
    assert posting.employment_type == "FULL_TIME"
    assert posting.location == "Remote"
    assert posting.title == "Data Engineer (Sr.)"


def test_other_front_matter_keys_in_any_case_are_read() -> None:
    text = (
        "---\nEmployer: Vélo Commun\nPoste: Mécanicien·ne vélo\nLieu: Nantes\n---\n\n"
        "Nous réparons.\n"
    )
    posting = parse_posting(text, source_name="t.md")
    assert (posting.organization, posting.title, posting.location) == (
        "Vélo Commun",
        "Mécanicien·ne vélo",
        "Nantes",
    )


def test_a_bullet_saying_it_is_a_plus_is_nice_in_a_requirements_list() -> None:
    text = (
        "# Mechanic\n\nWe repair bikes.\n\n## Requirements\n\n- Two years of repairs\n"
        "- Welding is a plus\n- Not required, but a bonus: a driving licence\n"
    )
    assert kinds(text) == [
        ("Two years of repairs", MUST),
        ("Welding is a plus", NICE),
        ("Not required, but a bonus: a driving licence", NICE),
    ]


def test_a_plus_after_the_first_sentence_leaves_the_bullet_required() -> None:
    text = (
        "# Chargée de mission\n\nNous agissons.\n\n## Profil recherché\n\n"
        "- Excellente expression écrite. Une expérience en presse est un atout.\n"
    )
    assert kinds(text) == [
        ("Excellente expression écrite. Une expérience en presse est un atout.", MUST)
    ]


def test_with_its_own_list_of_nice_to_haves_every_required_bullet_stays_required() -> None:
    text = (
        "# Mechanic\n\nWe repair bikes.\n\n## Required\n\n- Welding, a plus if certified\n\n"
        "## Nice to have\n\n- Painting\n"
    )
    assert kinds(text) == [("Welding, a plus if certified", MUST), ("Painting", NICE)]


def test_a_lead_in_bullet_saying_desired_makes_the_bullets_after_it_nice() -> None:
    text = (
        "# Developer\n\nWe build.\n\n## Skills Required\n\n- Experience with:\n- JavaScript\n"
        "- Knowledge of the following is desired, but not required:\n- XML\n- CSS\n"
    )
    assert kinds(text) == [
        ("Experience with:", MUST),
        ("JavaScript", MUST),
        ("Knowledge of the following is desired, but not required:", NICE),
        ("XML", NICE),
        ("CSS", NICE),
    ]


def test_a_heading_about_who_we_look_for_introduces_requirements() -> None:
    text = "# Engineer\n\nWe build.\n\n## We get excited about engineers who have...\n\n- Taste\n"
    assert kinds(text) == [("Taste", MUST)]


def read(body: str) -> ParsedPosting:
    return parse_posting("# Chargé·e de mission\n\n" + body, source_name="t.md")


def test_a_list_of_places_is_one_location() -> None:
    posting = read("This is a full time position located in either Berlin, Toronto, or Paris.\n")
    assert posting.location == "Berlin, Toronto, or Paris"
    assert read("The role is based in Bangkok, TH.\n").location == "Bangkok, TH"


def test_preferably_is_never_a_location() -> None:
    assert read("Based in Preferably Europe, remote possible.\n").location is None


def test_the_organization_is_named_by_is_hiring_or_recrute() -> None:
    assert read("Tendermint is seeking an exceptional designer.\n").organization == "Tendermint"
    assert read("Les Amis de la Terre recrute un·e chargé·e.\n").organization == (
        "Les Amis de la Terre"
    )


def test_years_of_experience_in_its_looser_forms() -> None:
    assert (
        read("- 5+ years of web and mobile interface design experience\n").min_years_experience == 5
    )
    assert read("- 7+ years as an engineering lead\n").min_years_experience == 7
    assert read("- At least 5 years in a similar role\n").min_years_experience == 5
    assert read("- Minimum 4 ans dans un poste similaire\n").min_years_experience == 4
    assert read("- 5 ans d'expérience minimum\n").min_years_experience == 5
    assert read("- 3 à 5 ans d'expérience\n").min_years_experience == 3


def test_an_address_under_an_apply_heading_is_the_apply_email() -> None:
    posting = read("We build.\n\n# To Apply\n\nTell us about you. Write to jobs+x@example.org .\n")
    assert posting.apply_email == "jobs+x@example.org"


def test_command_of_the_english_language_is_a_required_language() -> None:
    assert read("- Exceptional command of the english language.\n").required_languages == ["en"]


def test_est_a_la_recherche_names_the_organization() -> None:
    posting = read("Terre des jeunes est à la recherche d'une ou d'un candidat.\n")
    assert posting.organization == "Terre des jeunes"


def test_a_date_in_front_and_the_organization_behind_are_cut_from_the_title() -> None:
    text = (
        "---\ntitle: 'Mars 2025 : Chargé·e de mission pour Vélo Commun'\n---\n\n"
        "Vélo Commun recrute.\n"
    )
    posting = parse_posting(text, source_name="t.md")
    assert posting.title == "Chargé·e de mission"
    text = "---\ntitle: Data Engineer at Doximity\ncompany: Doximity\n---\n\nWe build.\n"
    assert parse_posting(text, source_name="t.md").title == "Data Engineer"


def test_a_deadline_without_its_year_takes_the_year_of_the_posting() -> None:
    text = (
        "---\ndate: 2025-10-02\n---\n\n# Chargée de mission\n\nCandidatures avant le 20 novembre.\n"
    )
    assert parse_posting(text, source_name="t.md").deadline == dt.date(2025, 11, 20)
    text = "---\ndate: 2025-12-02\n---\n\n# Chargée de mission\n\nRépondre d'ici le 10 janvier.\n"
    assert parse_posting(text, source_name="t.md").deadline == dt.date(2026, 1, 10)


def test_a_profile_heading_is_not_where_to_apply() -> None:
    posting = read("## Le candidat idéal\n\n- Connaît https://example.org/guide\n")
    assert posting.apply_url is None


def test_a_form_or_ats_link_anywhere_is_the_apply_url() -> None:
    posting = read("Tout se passe ici : https://forms.gle/AbC123 (réponse sous 8 jours).\n")
    assert posting.apply_url == "https://forms.gle/AbC123"
    posting = read("More at https://boards.greenhouse.io/acme/jobs/42.\n")
    assert posting.apply_url == "https://boards.greenhouse.io/acme/jobs/42"
    assert read("Our site: https://example.org/about.\n").apply_url is None


def test_a_postuler_link_is_the_apply_url() -> None:
    assert read("[Postuler](https://example.org/candidature)\n").apply_url == (
        "https://example.org/candidature"
    )


def test_lettered_items_are_bullets() -> None:
    text = "# Chargée\n\nNous agissons.\n\n## Profil\n\na) Permis B\nb) Anglais courant\n"
    assert kinds(text) == [("Permis B", MUST), ("Anglais courant", MUST)]
