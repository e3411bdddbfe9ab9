"""Rules learnt from the thirty-sixth round of tuning postings (five of the nine fresh postings
added after the thirty-fifth round, drawn at random and moved to the tuning part: a Swedish
cooperative's post, an Argentine foundation's Spanish post, a data non-profit's post, a
festival's volunteer calls in Dutch and English), each on a fictional example."""

from tremplin.vacancies.importing import ParsedPosting, parse_posting


def parse(text: str) -> ParsedPosting:
    return parse_posting(text, source_name="example.md")


def test_a_spanish_post_its_hirer_requirements_pluses_language_hours_and_office() -> None:
    posting = parse(
        "Diseñador/a UX\n===\n\nEn Fundación Ríos Libres te estamos buscando para diseñar "
        "nuestras herramientas.\n\n## Requerimientos\n\n- Experiencia usando Figma.\n"
        "- Inglés intermedio.\n\n## Sumás con\n\n- Interés en prototipado.\n\n## ¡Venite!\n\n"
        "Es un trabajo a tiempo completo en nuestras oficinas en Rosario, Santa Fe.\n"
    )
    assert posting.organization == "Fundación Ríos Libres"
    kinds = {c.text.rstrip("."): c.kind for c in posting.criteria}
    assert kinds == {
        "Experiencia usando Figma": "must",
        "Inglés intermedio": "must",
        "Interés en prototipado": "nice",
    }
    assert posting.required_languages == ["en"]
    assert posting.employment_type == "FULL_TIME"
    assert posting.location == "Rosario, Santa Fe"


def test_a_swedish_post_its_title_hirer_and_lists() -> None:
    posting = parse(
        "---\ntitle: Projektledare sökes till Älvlabbet\n---\n\n## Om Älvlabbet\n"
        "Älvlabbet är ett demokratilabb.\n\n### Arbetsuppgifter (SKALL-krav)\n"
        "* Erfarenhet av projektledning.\n\n### Det är meriterande om du även har:\n"
        "* Erfarenhet av workshops.\n\nTjänsten är på 80% med lön baserat på 37 000 för heltid.\n"
    )
    assert posting.title == "Projektledare"
    assert posting.organization == "Älvlabbet"
    kinds = {c.text.rstrip("."): c.kind for c in posting.criteria}
    assert kinds == {"Erfarenhet av projektledning": "must", "Erfarenhet av workshops": "nice"}
    assert posting.employment_type != "FULL_TIME"


def test_a_festival_call_its_role_volunteers_age_and_questions_address() -> None:
    posting = parse(
        "Stewards are the biggest group of volunteers at [HarbourCon 2020](https://harbourcon."
        "example.org/). As a steward you will welcome the guests.\n\n"
        "## What is expected of you?\n\n  * You're at least 16 years of age during the "
        "festival.\n\nPlease check out the [questions](faq.html) in case anything is unclear, "
        "or reach\nout to us [by e-mail](mailto:crew@harbourcon.example.org).\n"
    )
    assert posting.title == "Steward"
    assert posting.employment_type == "VOLUNTEER"
    assert posting.min_years_experience is None
    assert posting.apply_email is None
    assert [c.text for c in posting.criteria] == [
        "You're at least 16 years of age during the festival."
    ]
