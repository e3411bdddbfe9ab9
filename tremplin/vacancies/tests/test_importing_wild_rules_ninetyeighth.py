"""Rules learnt from the ninety-eighth round of tuning postings (held-out postings drawn at
random and moved to the tuning part), each on a fictional example."""

from tremplin.vacancies.tests.wild import kinds, parse


def test_a_feed_s_number_and_its_unit_give_the_contract_length() -> None:
    posting = parse(
        '---\ntitle: "Agent de quai en alternance"\ncontrat: "Apprentissage"\n'
        'duree_contrat: 18\nduree_contrat_unit: "months"\n---\n\nUn centre logistique.\n'
    )
    assert posting.contract_duration_months == 18


def test_a_run_in_requirements_paragraph_lists_its_items_ended_by_semicolons() -> None:
    posting = parse(
        "# Designer UX\n\nCompétences attendues : animer des ateliers de travail ; présenter "
        "une vision du design ; suivre des projets.\n"
    )
    assert set(kinds(posting)) == {
        "animer des ateliers de travail ;",
        "présenter une vision du design ;",
        "suivre des projets.",
    }


def test_a_run_in_paragraph_of_duties_lists_no_criteria() -> None:
    # The guard of the rule above: the label says what the items are.
    posting = parse(
        "# Designer UX\n\nMissions : animer des ateliers de travail ; présenter une vision "
        "du design ; suivre des projets.\n"
    )
    assert kinds(posting) == {}


def test_les_petits_plus_lead_into_pluses() -> None:
    posting = parse(
        "# Chargé de déploiement\n\n## Profil recherché\n\n- Goût du terrain et des usagers\n\n"
        "Les petits + :\n\n- Connaissance du monde associatif\n"
    )
    assert kinds(posting) == {
        "Goût du terrain et des usagers": "must",
        "Connaissance du monde associatif": "nice",
    }


def test_what_the_post_offers_is_no_plus_heading() -> None:
    # The guard of the rule above: "Les plus de ce poste" names what the post offers.
    posting = parse(
        "# Chargé de déploiement\n\n## Profil recherché\n\n- Goût du terrain et des usagers\n\n"
        "## Les plus de ce poste\n\n- Une équipe soudée et bienveillante\n"
    )
    assert kinds(posting) == {"Goût du terrain et des usagers": "must"}
