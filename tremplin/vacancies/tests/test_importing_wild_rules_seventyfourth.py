"""Rules learnt from the seventy-fourth round of tuning postings (eight held-out postings drawn
at random and moved to the tuning part), each on a fictional example."""

from tremplin.vacancies.tests.wild import kinds, parse


def test_a_skills_list_whose_marks_were_lost_may_hold_labelled_items() -> None:
    posting = parse(
        "# Développeur embarqué\n\nCompétences:\n\n"
        "Programmation Rust : bonne maîtrise du langage\n"
        "Avoir une bonne connaissance de FreeRTOS\n"
        "Savoir lire une fiche technique\n"
        "Très autonome\n"
        "Bonus: connaître Yocto, Buildroot …\n"
    )
    assert kinds(posting) == {
        "Programmation Rust : bonne maîtrise du langage": "must",
        "Avoir une bonne connaissance de FreeRTOS": "must",
        "Savoir lire une fiche technique": "must",
        "Très autonome": "must",
        "Bonus: connaître Yocto, Buildroot …": "nice",
    }


def test_a_block_of_terms_is_still_no_list() -> None:
    posting = parse(
        "# Animateur\n\nModalités:\n\nDurée: 6 mois\nLieu: Brest\nRémunération: 1 900 €\n"
    )
    assert kinds(posting) == {}


def test_french_job_feeds_keys_give_the_hirer_the_place_the_pay_and_the_type() -> None:
    posting = parse(
        '---\nIntitule: "Vendeur (F/H)"\nNom_entreprise: "LIBRAIRIE DU PORT"\n'
        'Salaire_affiche: "19 - 21 k€ brut annuel"\n---\n\nTexte.\n'
    )
    assert posting.organization == "LIBRAIRIE DU PORT"
    assert posting.salary is not None
    assert (posting.salary.min, posting.salary.max) == (19000, 21000)
    posting = parse(
        '---\ntitle: "Vendeur (F/H)"\nsociete: "Librairie du Port"\n'
        'location_ville: "Quimper"\ncontrat: "Apprentissage"\n---\n\nTexte.\n'
    )
    assert posting.organization == "Librairie du Port"
    assert posting.location == "Quimper"
    assert posting.employment_type == "INTERN"


def test_a_town_and_its_department_ending_a_title_give_the_place() -> None:
    posting = parse('---\ntitle: "Développeur Python à Saint-Malo (35)"\n---\n\nTexte.\n')
    assert posting.location == "Saint-Malo (35)"


def test_a_title_opening_with_both_articles_loses_them() -> None:
    posting = parse("---\nroles: une / un développeuse, développeur\n---\n\nTexte.\n")
    assert posting.title == "Développeuse, développeur"
