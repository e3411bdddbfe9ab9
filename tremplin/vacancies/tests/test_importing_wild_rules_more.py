"""More rules learnt from the tuning postings, each on a fictional example."""

import datetime as dt

from tremplin.vacancies.importing import MUST, ParsedPosting, parse_posting


def parse(text: str) -> ParsedPosting:
    return parse_posting(text, source_name="example.md")


# --- Organization and title ----------------------------------------------------------


def test_who_recruits_a_role_later_in_the_opening_paragraph_is_the_organization() -> None:
    posting = parse(
        "# Développeur·se\n\nVous aimez le vélo ? Vous voulez être utile ? L'Atelier des "
        "Rivières recherche un·e développeur·se pour son site.\n\n- Écrire du code\n"
    )
    assert posting.organization == "Atelier des Rivières"


def test_a_later_sentence_without_a_role_names_no_organization() -> None:
    posting = parse(
        "# Développeur·se\n\nVous aimez le vélo ? Vous voulez être utile ? Paul cherche "
        "toujours ses clés.\n\n- Écrire du code\n"
    )
    assert posting.organization is None


def test_a_one_word_name_keeps_its_elided_article() -> None:
    posting = parse("# Vendeur\n\nL'Épicerie recrute un vendeur.\n\n- Vendre\n")
    assert posting.organization == "L'Épicerie"


def test_a_site_presented_as_a_platform_is_the_organization_and_leaves_the_title() -> None:
    posting = parse(
        "---\ntitle: Chargé·e de support velos.exemple.fr\n---\n\n"
        "[velos.exemple.fr](https://velos.exemple.fr) est la plateforme qui recense les "
        "ateliers de réparation.\n\n- Répondre aux usagers\n"
    )
    assert posting.organization == "velos.exemple.fr"
    assert posting.title == "Chargé·e de support"


# --- Front matter --------------------------------------------------------------------


def test_a_contact_address_and_a_closing_key_in_the_front_matter_are_read() -> None:
    posting = parse(
        "---\ntitle: Graphiste\ncontact: recrutement@exemple.org\nposte_ferme: 2031-03-15\n"
        "---\n\nNous cherchons un graphiste.\n"
    )
    assert posting.apply_email == "recrutement@exemple.org"
    assert posting.deadline == dt.date(2031, 3, 15)


def test_a_contact_key_naming_a_person_is_not_read_nor_warned_about() -> None:
    posting = parse("---\ntitle: Graphiste\ncontact: Marie Dupont\n---\n\nUn texte.\n")
    assert posting.apply_email is None
    assert not any("contact" in warning for warning in posting.warnings)


# --- Place and duration --------------------------------------------------------------


def test_offices_in_a_town_give_the_place() -> None:
    assert parse("# Dev\n\nTélétravail possible, locaux à Nantes.\n").location == "Nantes"
    assert parse("# Dev\n\nYou can work from our offices in Leeds.\n").location == "Leeds"


def test_the_town_of_a_street_address_is_the_place() -> None:
    posting = parse("# Stage\n\nLieu de travail :\n\n- au siège, 12 rue des Lilas 44000 NANTES\n")
    assert posting.location == "Nantes"


def test_a_range_of_months_gives_the_shortest() -> None:
    assert parse("# Stage\n\n- Durée du stage : 4 à 6 mois\n").contract_duration_months == 4
    assert parse("# Intern\n\nA 3-6 months internship.\n").contract_duration_months == 3


# --- Criteria ------------------------------------------------------------------------


def test_a_requirement_on_a_line_of_its_own_is_a_must() -> None:
    posting = parse("👉 **CDD temps plein**\n\n👉 **Permis B requis**\n\n## Missions\n\n- Livrer\n")
    assert [(c.text, c.kind) for c in posting.criteria] == [("Permis B requis", MUST)]


def test_no_diploma_required_is_no_criterion() -> None:
    posting = parse("**Aucun diplôme requis**\n\n## Missions\n\n- Livrer\n")
    assert posting.criteria == []
