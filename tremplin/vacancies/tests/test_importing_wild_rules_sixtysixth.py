"""Rules learnt from the sixty-sixth round of tuning postings (eight held-out postings drawn
at random and moved to the tuning part), each on a fictional example."""

from tremplin.vacancies.tests.wild import kinds, parse


def test_a_call_for_the_programme_a_heading_presents() -> None:
    posting = parse(
        "---\ntitle: 'Ausschreibung: Kommunikation und Projektmanagement für den Radfonds'\n"
        "---\n\nIm Radfonds suchen wir eine Person für unsere Kommunikation.\n\n"
        "#### Der Radfonds\n\nDer Radfonds ist ein Förderprogramm für offene Fahrradtechnik.\n\n"
        "#### Organisatorisches\n\n- **Zeitlicher Aufwand**: 24 bis 32 h/Woche\n"
    )
    assert posting.organization == "Radfonds"
    assert posting.title == "Kommunikation und Projektmanagement"
    assert posting.employment_type == "PART_TIME"


def test_german_requirements_a_writer_brings_and_those_that_delight() -> None:
    posting = parse(
        "# Redakteur*in\n\n## Über uns\n\nRadwerk repariert Fahrräder.\n\n"
        "Du bringst ein gutes Gefühl für Prioritäten mit. Wir sind begeistert, wenn du "
        "Erfahrung mit Podcasts mitbringst.\n\n## Wichtig für uns ist:\n\n"
        "- Du schreibst und sprichst Deutsch auf Niveau C2.\n"
        "- Wir freuen uns besonders, wenn du Presseerfahrung mitbringst!\n"
    )
    assert posting.required_languages == ["de"]
    assert kinds(posting) == {
        "Du bringst ein gutes Gefühl für Prioritäten mit.": "must",
        "Wir sind begeistert, wenn du Erfahrung mit Podcasts mitbringst.": "nice",
        "Du schreibst und sprichst Deutsch auf Niveau C2.": "must",
        "Wir freuen uns besonders, wenn du Presseerfahrung mitbringst!": "nice",
    }


def test_an_empty_requirements_heading_heads_the_skills_after_it_not_the_stack() -> None:
    posting = parse(
        "# Développeur back-end\n\n## Profil recherché\n\n## Les compétences requises\n\n"
        "## Python\n\n- Vous maîtrisez Python 3\n\n## NodeJS\n\n- Vous maîtrisez NodeJS\n\n"
        "## Notre stack\n\n- Debian\n- Nginx\n"
    )
    assert kinds(posting) == {
        "Vous maîtrisez Python 3": "must",
        "Vous maîtrisez NodeJS": "must",
    }


def test_a_french_heading_presents_the_association() -> None:
    posting = parse(
        "---\ntitle: 'We are hiring ! / Nous recrutons !'\n---\n\n"
        "## Présentation de la structure Les Paniers Ouverts\n\n"
        "Le projet Circuit Court est porté par l'association.\n"
    )
    assert posting.organization == "Les Paniers Ouverts"


def test_a_rate_in_zloty_english_at_a_level_and_someone_with_experience() -> None:
    posting = parse(
        "# Senior Engineer\n\n## Requirements\n\nWe are looking for someone with strong "
        "senior-level experience across engineering and delivery.\n\n"
        "- English at C1/C2 level\n- TypeScript\n\n## What we offer\n\n"
        "- **Rate:** 180 PLN net / hour\n"
    )
    assert posting.salary is not None
    assert (posting.salary.min, posting.salary.currency, posting.salary.period) == (
        180,
        "PLN",
        "HOUR",
    )
    assert posting.required_languages == ["en"]
    assert (
        kinds(posting)[
            "We are looking for someone with strong senior-level experience across engineering "
            "and delivery."
        ]
        == "must"
    )
