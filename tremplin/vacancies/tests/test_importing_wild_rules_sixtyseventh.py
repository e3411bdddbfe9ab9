"""Rules learnt from the sixty-seventh round of tuning postings (eight held-out postings drawn
at random and moved to the tuning part), each on a fictional example."""

from tremplin.vacancies.tests.wild import kinds, parse


def test_an_internship_offer_quoted_in_a_title_that_joins_a_team_somewhere() -> None:
    posting = parse(
        "---\ntitle: \"Rejoins l'équipe Vélos Partagés à Mobilab : offre de stage "
        '« Chargé(e) de mission pour le programme Vélo »"\n---\n\nLe programme recrute.\n'
    )
    assert posting.title == "Chargé(e) de mission pour le programme Vélo"
    assert posting.organization == "Mobilab"


def test_a_work_study_contract_is_an_internship() -> None:
    posting = parse(
        '---\nIntitule: "Technicien réseau F/H"\n'
        'Type_contrat: "CDD - Alternance - Contrat d\'apprentissage"\n---\n\n'
        "Rejoignez notre équipe réseau.\n"
    )
    assert posting.employment_type == "INTERN"


def test_german_sentences_that_seek_a_person_and_say_what_helps() -> None:
    posting = parse(
        "# Pressesprecher*in\n\n## Wen wir suchen\n\nFür die Position sind wir auf der Suche "
        "nach einer teamstarken und politikinteressierten Persönlichkeit, die Radwerk "
        "weiterentwickelt. Uns ist wichtig, dass du sicher kommunizierst. Erfahrungen mit "
        "Kampagnen sind von Vorteil. Wünschenswert wäre außerdem Interesse an Videoproduktion.\n"
    )
    assert kinds(posting) == {
        "Für die Position sind wir auf der Suche nach einer teamstarken und "
        "politikinteressierten Persönlichkeit, die Radwerk weiterentwickelt.": "must",
        "Uns ist wichtig, dass du sicher kommunizierst.": "must",
        "Erfahrungen mit Kampagnen sind von Vorteil.": "nice",
        "Wünschenswert wäre außerdem Interesse an Videoproduktion.": "nice",
    }
