"""Rules learnt from the thirty-fourth round of tuning postings (five of the ten fresh postings
added after the thirty-third round, drawn at random and moved to the tuning part: an Italian
public department's post, a Dutch volunteer project's call, a German research project's call
for student assistants, a US non-profit's and a conference's calls), each on a fictional
example. Postings in Italian, Dutch and German: their requirement lists, languages, years and
pay."""

import pytest

from tremplin.vacancies.importing import ParsedPosting, parse_posting


def parse(text: str) -> ParsedPosting:
    return parse_posting(text, source_name="example.md")


def test_an_italian_posting_its_organization_requirements_years_language_and_pay() -> None:
    posting = parse(
        "---\ntitle: Analista di dati\n---\n\n"
        "Il Consorzio Fiumi Liberi è alla ricerca di esperti **analisti di dati**.\n\n"
        "## Requisiti\n\n- Esperienza con Python e R\n- Ottima conoscenza della lingua inglese\n"
        "- Esperienza con QGIS costituisce titolo preferenziale\n\n"
        "## Esperienza richiesta\n\nEsperti in possesso di comprovata esperienza, non inferiore "
        "a 4 anni, nella gestione di dati ambientali.\n\n## Compenso\n\nFino a 60.000 euro\n"
    )
    assert posting.organization == "Consorzio Fiumi Liberi"
    kinds = {criterion.text: criterion.kind for criterion in posting.criteria}
    assert kinds["Esperienza con Python e R"] == "must"
    assert kinds["Esperienza con QGIS costituisce titolo preferenziale"] == "nice"
    assert any(text.startswith("Esperti in possesso di comprovata esperienza") for text in kinds)
    assert posting.required_languages == ["en"]
    assert posting.min_years_experience == 4
    assert posting.salary is not None
    assert (posting.salary.max, posting.salary.currency) == (60000, "EUR")


def test_a_dutch_call_its_requirements_and_what_is_a_plus() -> None:
    posting = parse(
        "# **Fietsherstel zoekt PHP programmeurs!**\n\n**Je hebt**\n\n"
        "- Ervaring met HTML, CSS en PHP.\n- Ervaring met Laravel is een pré.\n"
        "- Goede beheersing van het Nederlands.\n\n**Wij bieden**\n\n- Een fijn team.\n"
    )
    assert posting.organization == "Fietsherstel"
    kinds = {criterion.text.rstrip("."): criterion.kind for criterion in posting.criteria}
    assert kinds == {
        "Ervaring met HTML, CSS en PHP": "must",
        "Ervaring met Laravel is een pré": "nice",
        "Goede beheersing van het Nederlands": "must",
    }
    assert posting.required_languages == ["nl"]


def test_a_german_call_its_hours_optional_bullet_language_and_contact_list() -> None:
    posting = parse(
        "# Hilfskräfte gesucht!\n\n"
        "Das Projekt Offene Karten sucht **Studentische Hilfskräfte**. Der wöchentliche "
        "Arbeitsumfang beträgt 10 bis 19 Stunden.\n\n## Profil\n\n- Student/in ab dem 3. "
        "Semester\n- Optional: Erfahrung mit Docker\n- Gute Englischkenntnisse in Wort und "
        "Schrift\n\nDann sende bitte ein kurzes Anschreiben per E-Mail an die unten genannten "
        "Adressen.\n\n## Kontakt\n\n- Ada Muster > ada.muster@uni.example.org\n"
        "- Max Muster > max.muster@uni.example.org\n"
    )
    assert posting.organization == "Offene Karten"
    assert posting.employment_type == "PART_TIME"
    kinds = {criterion.text: criterion.kind for criterion in posting.criteria}
    assert kinds["Optional: Erfahrung mit Docker"] == "nice"
    assert kinds["Student/in ab dem 3. Semester"] == "must"
    assert posting.required_languages == ["en"]
    assert posting.apply_email == "ada.muster@uni.example.org"


@pytest.mark.parametrize(
    ("sentence", "years"),
    [
        ("Mindestens 3 Jahre Berufserfahrung in der Softwareentwicklung.", 3),
        ("Minimaal 5 jaar werkervaring als ontwikkelaar.", 5),
        ("Almeno 2 anni di esperienza nello sviluppo web.", 2),
    ],
)
def test_years_asked_in_german_dutch_and_italian(sentence: str, years: int) -> None:
    assert parse(f"# Developer\n\n## Profil\n\n- {sentence}\n").min_years_experience == years


def test_a_title_hiring_with_a_colon_gives_the_role_and_who_hires() -> None:
    posting = parse("---\ntitle: 'Harbour News is hiring: Community manager'\n---\n\nWe write.\n")
    assert posting.title == "Community manager"
    assert posting.organization == "Harbour News"


def test_a_team_named_as_the_hirer_is_its_organization() -> None:
    posting = parse(
        "# Volunteer for the Harbour Day Committee\n\n"
        "The Harbour Day team is looking for volunteers to plan the day.\n"
    )
    assert posting.organization == "Harbour Day"


def test_experience_that_is_a_plus_stated_apart_is_hoped_for() -> None:
    posting = parse(
        "# Community manager\n\n## About you\n\n* You love local news.\n\n"
        "If you have experience with facilitation or event organizing, those are all pluses.\n"
    )
    kinds = {criterion.text: criterion.kind for criterion in posting.criteria}
    assert (
        kinds["If you have experience with facilitation or event organizing, those are all pluses."]
        == "nice"
    )
