"""Rules learnt from the hundred-and-tenth round of tuning postings (held-out postings drawn
at random and moved to the tuning part), each on a fictional example."""

from tremplin.vacancies.tests.wild import parse


def test_work_performed_from_anywhere_in_a_country_names_it() -> None:
    posting = parse("# Developer\n\nThis role can be performed from anywhere in Belgium.\n")
    assert posting.location == "Anywhere in Belgium"


def test_work_done_from_anywhere_in_a_country_in_french_names_it() -> None:
    posting = parse("# Développeur\n\nCe travail peut être effectué de n'importe où au Québec.\n")
    assert posting.location == "N'importe où au Québec"


def test_what_is_important_to_the_team_is_asked() -> None:
    posting = parse(
        "# Designer\n\n# Profil\n\nCe qui est important pour nous :\n"
        "* Vous aimez travailler à plusieurs.\n* Vous êtes autonome.\n"
    )
    assert [(c.text, c.kind) for c in posting.criteria] == [
        ("Vous aimez travailler à plusieurs.", "must"),
        ("Vous êtes autonome.", "must"),
    ]


def test_asked_whether_one_has_some_of_these_skills_they_are_pluses() -> None:
    posting = parse(
        "# Développeur\n\n#### Ce qui nous semble indispensable\n\n- Vous aimez apprendre ;\n\n"
        "#### Avez-vous une ou plusieurs de ces compétences ?\n\n- Vous connaissez PostGIS ;\n"
    )
    assert [(c.text, c.kind) for c in posting.criteria] == [
        ("Vous aimez apprendre ;", "must"),
        ("Vous connaissez PostGIS ;", "nice"),
    ]


def test_experience_with_any_of_the_following_is_still_asked() -> None:
    posting = parse(
        "# Mentor\n\n## Requirements\n\n* Previous experience with any of the following:\n"
        "  * Reviewing packages, or\n  * Teaching workshops.\n"
    )
    assert {c.kind for c in posting.criteria} == {"must"}


def test_liking_collaborative_work_is_asked_not_a_plus() -> None:
    posting = parse(
        "# Chef de produit\n\n## Profil\n\n"
        "- De bonnes compétences relationnelles, apprécie le travail collaboratif\n"
    )
    assert [c.kind for c in posting.criteria] == ["must"]


def test_what_is_considered_an_asset_is_a_plus() -> None:
    posting = parse(
        "# Manager\n\n## Requirements\n\n- Fluent English\n"
        "- Work experience in a non-profit is considered an asset.\n"
    )
    assert [c.kind for c in posting.criteria] == ["must", "nice"]


def test_a_permanent_type_of_position_is_full_time() -> None:
    posting = parse(
        "# Delivery manager\n\nPOST TITLE:       Delivery Manager\n"
        "TYPE OF POSITION: Permanent\n\nWe are hiring.\n"
    )
    assert posting.employment_type == "FULL_TIME"


def test_a_job_feed_s_libelle_lieu_is_the_place() -> None:
    posting = parse('---\nIntitule: "Vendeur"\nLibelle_lieu: "VANNES"\n---\n\nBonjour.\n')
    assert posting.location == "VANNES"


def test_an_organization_s_office_in_a_town_is_the_place() -> None:
    posting = parse(
        "# Project manager\n\nThe person will work with our team in the OSFE's Leeds office.\n"
    )
    assert posting.location == "Leeds"


def test_a_plural_lieux_line_names_the_places() -> None:
    posting = parse("# Stagiaire\n\n## Conditions\n\n- Lieux : Lyon, France.\n")
    assert posting.location == "Lyon, France"
