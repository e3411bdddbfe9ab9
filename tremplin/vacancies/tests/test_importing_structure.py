"""Recovering a posting's structure: front matter, headings in three styles, bullets."""

import pytest

from tremplin.vacancies.importing import PostingError, parse_posting
from tremplin.vacancies.importing.structure import parse_structure


def headings(text: str) -> list[tuple[str, int]]:
    document = parse_structure(text, source_name="sample.md")
    return [(s.heading, s.level) for s in document.headed_sections if s.heading]


def test_hash_headings_keep_their_level_and_lose_their_bold() -> None:
    text = "## **About us**\n\nWe fix bikes.\n\n### Hours\n\nMornings only.\n"
    assert headings(text) == [("About us", 2), ("Hours", 3)]


def test_a_line_entirely_bold_is_a_heading_but_a_bold_lead_in_is_not() -> None:
    text = (
        "**What you will do**\n\n"
        "- **Events:** run the monthly meet-ups\n\n"
        "**Skills:**\n\n"
        "- Patience\n\n"
        "**Applications close soon.**\n"
    )
    assert headings(text) == [("What you will do", 2), ("Skills:", 3)]
    document = parse_structure(text, source_name="sample.md")
    assert document.sections[0].bullets[0].text == "Events: run the monthly meet-ups"


def test_bare_lines_of_a_plain_text_are_headings_and_sentences_are_not() -> None:
    text = (
        "About Greenway Collective\n"
        "Greenway Collective restores urban rivers with local volunteers.\n"
        "Personal qualities\n"
        "You will be someone who:\n"
        "- Stays calm under pressure\n"
        "Essential:\n"
        "- Experience managing volunteers\n"
    )
    assert headings(text) == [
        ("About Greenway Collective", 2),
        ("Personal qualities", 2),
        ("Essential:", 3),
    ]


@pytest.mark.parametrize(
    "line",
    [
        "We are looking for someone who:",  # a subject pronoun opens a sentence
        "Nous recherchons une personne qui :",  # a lead-in ends on "qui"
        "The successful candidate will:",  # ... or on "will"
        "Send your CV to jobs@example.org",  # an address is never a heading
        "Founded in 2019, we work in six towns and run about forty events every year",
    ],
)
def test_a_clause_that_leads_into_a_list_is_not_a_heading(line: str) -> None:
    text = f"Context\nSome words about it.\n{line}\n- first point\n- second point\n"
    assert headings(text) == [("Context", 2)]


def test_in_markdown_a_short_line_inside_a_paragraph_is_not_a_heading() -> None:
    text = "Founded in 2019\nWe repair bikes for free.\n\nOur team is small\nand friendly.\n"
    assert headings(text) == []


def test_bullets_in_three_styles_and_their_sub_bullets() -> None:
    text = (
        "Requirements\n\n"
        "- Dash bullet\n"
        "* Star bullet\n"
        "• Round bullet\n"
        "- Languages:\n"
        "  - French\n"
        "  - English\n"
    )
    section = parse_structure(text, source_name="s.md").headed_sections[0]
    assert [bullet.full_text for bullet in section.bullets] == [
        "Dash bullet",
        "Star bullet",
        "Round bullet",
        "Languages: French; English",
    ]


def test_a_lone_title_heading_is_the_title_not_a_section() -> None:
    text = "# Bike Mechanic\n\n## The job\n\nFix bikes.\n"
    document = parse_structure(text, source_name="s.md")
    assert document.title_heading == "Bike Mechanic"
    assert headings(text) == [("The job", 2)]
    assert "Bike Mechanic" not in document.body


def test_headings_inside_code_blocks_are_left_alone() -> None:
    text = "Intro words here.\n\n```\n# not a heading\n**nor this**\n```\n"
    assert headings(text) == []


def test_a_plain_text_body_becomes_markdown_with_its_headings() -> None:
    text = "Aperçu du poste\nVous animerez le réseau.\nProfil\n- Rigueur\n- Écoute\n"
    body = parse_structure(text, source_name="s.txt").body
    assert body == (
        "## Aperçu du poste\n\nVous animerez le réseau.\n\n## Profil\n\n- Rigueur\n- Écoute\n"
    )
    # Reading the stored body again finds the same structure.
    assert parse_structure(body, source_name="s.md").body == body


def test_front_matter_is_read_as_yaml() -> None:
    document = parse_structure(
        "---\ntitle: Bike Mechanic\nSlug: bike-mechanic\n---\nFix bikes.\n", source_name="s.md"
    )
    assert document.front_matter == {"title": "Bike Mechanic", "slug": "bike-mechanic"}
    assert document.body == "Fix bikes.\n"


def test_broken_yaml_front_matter_is_refused_with_its_line() -> None:
    text = "---\ntitle: Bike Mechanic\nslug: [bike, mechanic\nremote: yes\n---\nFix bikes.\n"
    with pytest.raises(PostingError) as caught:
        parse_posting(text, source_name="broken.md")
    message = str(caught.value)
    assert message.startswith("broken.md: the YAML front matter is broken on line ")
    assert "line 4" in message


def test_a_bare_apostrophe_in_a_quoted_value_is_read_as_meant() -> None:
    # A French title single-quoted with its apostrophe left bare: YAML refuses it, the
    # writer meant the apostrophe; the other values stay as written ("l''atelier").
    text = (
        "---\ntitle: 'Chargée d'accueil de l'atelier'\nlieu: 'l''atelier'\n---\n"
        "Accueillir les visiteurs.\n"
    )
    document = parse_structure(text, source_name="accueil.md")
    assert document.front_matter == {
        "title": "Chargée d'accueil de l'atelier",
        "lieu": "l'atelier",
    }
    assert parse_posting(text, source_name="accueil.md").title == "Chargée d'accueil de l'atelier"


def test_a_block_scalars_paragraph_left_at_the_margin_is_read_as_meant() -> None:
    text = (
        "---\ntitle: Policy Advisor\ndescription: >-\n  You will shape our strategy.\n\n"
        "This role reports to the Director.\narchived: false\n---\nAdvise on policy.\n"
    )
    document = parse_structure(text, source_name="advisor.md")
    assert document.front_matter == {
        "title": "Policy Advisor",
        "description": "You will shape our strategy.\nThis role reports to the Director.",
        "archived": False,
    }


def test_yaml_broken_besides_an_apostrophe_is_still_refused_where_it_breaks() -> None:
    text = "---\ntitle: 'Chargée d'accueil'\nslug: [accueil\n---\nAccueillir.\n"
    with pytest.raises(PostingError, match="broken on line 2"):
        parse_posting(text, source_name="broken.md")


def test_front_matter_never_closed_is_refused() -> None:
    with pytest.raises(PostingError, match="never closed"):
        parse_posting("---\ntitle: Bike Mechanic\n\nFix bikes.\n", source_name="open.md")


def test_front_matter_that_is_not_key_value_lines_is_refused() -> None:
    with pytest.raises(PostingError, match="key: value"):
        parse_posting("---\n- just\n- a list\n---\nFix bikes.\n", source_name="list.md")


def test_front_matter_with_nothing_after_it_is_refused() -> None:
    with pytest.raises(PostingError, match="no text besides its title and front matter"):
        parse_posting("---\ntitle: Bike Mechanic\n---\n\n", source_name="bare.md")
