"""Rules learnt from the twenty-sixth round of tuning postings (six of the eleven fresh
postings added after the twenty-fifth round, drawn at random and moved to the tuning part: a
French cooperative's Jekyll job posts and a civic-tech non-profit's blog posts), each on a
fictional example."""

from tremplin.vacancies.importing import ParsedPosting, parse_posting


def parse(text: str) -> ParsedPosting:
    return parse_posting(text, source_name="example.md")


ADMINISTRATIVE = """---
title: Hirondelle recrute 2 postes administratifs à Lyon
---

Nous recherchons deux personnes pour la gestion et les ressources humaines.

##Profil Recherché

* Bac +2 ou équivalent
* Niveau correct d'anglais, en particulier à l'écrit
* Plus significatifs :
    - Connaissance du droit du travail
    - Engagement bénévole dans des associations

Les postes sont à pourvoir en CDI. La durée du travail est de 35 heures par semaine, mais un
temps partiel est possible.

Merci d'adresser votre CV à recrutement@hirondelle.example.org
"""


def test_two_heading_marks_run_into_a_word_still_head_a_section() -> None:
    texts = [criterion.text for criterion in parse(ADMINISTRATIVE).criteria]
    assert "Bac +2 ou équivalent" in texts


def test_a_bullet_of_pluses_over_sub_bullets_makes_each_a_nice_criterion() -> None:
    criteria = [(c.text, c.kind) for c in parse(ADMINISTRATIVE).criteria]
    assert ("Connaissance du droit du travail", "nice") in criteria
    assert ("Engagement bénévole dans des associations", "nice") in criteria


def test_a_plain_line_of_pluses_heads_nice_criteria() -> None:
    posting = parse(
        "# Chargé·e de mission\n\nProfil recherché :\n\n* Rigueur\n\n"
        "Plus significatifs :\n\n* Connaissance des SCOP\n"
    )
    assert [(c.text, c.kind) for c in posting.criteria] == [
        ("Rigueur", "must"),
        ("Connaissance des SCOP", "nice"),
    ]


def test_volunteering_asked_of_the_person_does_not_make_the_job_a_volunteers() -> None:
    assert parse(ADMINISTRATIVE).employment_type == "FULL_TIME"


def test_part_time_offered_as_a_possibility_is_not_the_hours() -> None:
    posting = parse(
        "# Comptable\n\nUn poste à 35 heures par semaine, mais un temps partiel est possible.\n"
    )
    assert posting.employment_type == "FULL_TIME"


def test_a_fair_level_of_english_asks_english() -> None:
    assert parse(ADMINISTRATIVE).required_languages == ["en"]


def test_a_hiring_title_keeps_the_count_of_posts_and_drops_the_place() -> None:
    assert parse(ADMINISTRATIVE).title == "2 postes administratifs"


def test_a_front_matter_title_that_hires_for_a_role_names_the_hirer() -> None:
    assert parse(ADMINISTRATIVE).organization == "Hirondelle"


def test_a_campaigns_title_without_a_role_does_not_outweigh_the_body() -> None:
    posting = parse(
        "---\ntitle: The Harbour Network is hiring!\n---\n\n"
        "The **Lyon Harbour Team** is looking for a **Systems Engineer**!\n"
    )
    assert posting.organization == "Lyon Harbour Team"


def test_the_place_and_its_region_after_a_role_are_not_the_role() -> None:
    posting = parse("---\ntitle: Hirondelle recrute des DBA à Lyon et en Province !\n---\n\nCDI.\n")
    assert posting.title == "DBA"


def test_a_link_for_more_information_is_not_the_way_in() -> None:
    posting = parse(
        "# Summer Internship\n\nThe unpaid summer internship is in Lyon. Find more information "
        "[here](https://harbour.example.org/intern) and [apply now below](#app). The deadline "
        "for applications is April 15.\n"
    )
    assert posting.apply_url is None
