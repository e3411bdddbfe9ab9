"""Rules learnt from the fifty-sixth round of tuning postings (four held-out postings drawn
at random and moved to the tuning part), each on a fictional example."""

from tremplin.vacancies.tests.wild import parse


def test_a_dutch_title_says_who_hires_after_bij_and_a_jaarcontract_lasts_a_year() -> None:
    posting = parse(
        "---\ntitle: Frontend Developer bij de Stichting Groene Hart\n---\n\n"
        "## Arbeidsvoorwaarden\n\n- Een jaarcontract met uitzicht op verlenging\n"
    )
    assert (posting.organization, posting.title) == ("Stichting Groene Hart", "Frontend Developer")
    assert (posting.employment_type, posting.contract_duration_months) == ("TEMPORARY", 12)


def test_a_dutch_pre_and_a_huge_asset_are_pluses() -> None:
    posting = parse(
        "# Ontwikkelaar\n\n## Dit ben jij\n\n- Ervaring met Angular\n"
        "- Kennis van Python is a huge asset\n\nPré:\n\n- Kennis van Nx\n"
    )
    kinds = {criterion.text: criterion.kind for criterion in posting.criteria}
    assert kinds == {
        "Ervaring met Angular": "must",
        "Kennis van Python is a huge asset": "nice",
        "Kennis van Nx": "nice",
    }


def test_maitrise_without_its_circumflex_asks_for_the_language() -> None:
    posting = parse("# Développeur\n\n## Profil\n\n- Maitrise de l'anglais nécessaire\n")
    assert posting.required_languages == ["en"]


def test_offices_in_a_district_of_a_town_name_the_town() -> None:
    posting = parse(
        "# Développeur\n\nLes bureaux de Brightwater sont implantés dans le 11e arrondissement "
        "de Lyon, dans un quartier vivant.\n"
    )
    assert posting.location == "Lyon"
