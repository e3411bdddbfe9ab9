"""Rules learnt from the seventy-ninth round of tuning postings (eight held-out postings
drawn at random and moved to the tuning part), each on a fictional example."""

from tremplin.vacancies.tests.wild import kinds, parse


def test_the_strengths_asked_of_the_person_are_requirements() -> None:
    posting = parse(
        "# Chargé·e de déploiement\n\n## Les atouts pour la personne recherchée :\n\n"
        "- Sens du service public\n- Goût du terrain\n"
    )
    assert kinds(posting) == {"Sens du service public": "must", "Goût du terrain": "must"}
    posting = parse("# Chargé·e de déploiement\n\n## Atouts\n\n- Connaissance de QGIS\n")
    assert kinds(posting) == {"Connaissance de QGIS": "nice"}


def test_a_plus_stated_on_its_own_does_not_lead_into_the_list() -> None:
    posting = parse(
        "# Designer\n\n## Votre profil nous intéresse si :\n\n"
        ">Un plus si vous avez déjà travaillé avec des communes\n\n"
        "* Si vous êtes curieux·se\n* Si vous aimez le travail en équipe\n"
    )
    assert kinds(posting) == {
        "Si vous êtes curieux·se": "must",
        "Si vous aimez le travail en équipe": "must",
    }


def test_a_job_description_label_is_no_part_of_the_title() -> None:
    posting = parse("# Fiche de poste - Designer UX UI\n\nTexte.\n")
    assert posting.title == "Designer UX UI"


def test_a_place_field_ends_at_the_next_fields_label_and_loses_its_footnote_mark() -> None:
    posting = parse(
        "# Senior Engineer\n**Location:** National\\*\n**Closing Date:** [Insert Date]\n"
        "**Interviews:** Expected soon\n\nText.\n"
    )
    assert posting.location == "National"
