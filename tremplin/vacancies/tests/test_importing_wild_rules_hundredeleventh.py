"""Rules learnt from the hundred-and-eleventh round of tuning postings (held-out postings
drawn at random and moved to the tuning part), each on a fictional example."""

from tremplin.vacancies.tests.wild import parse


def test_paragraphs_ended_by_semicolons_are_a_list_however_long_one_is() -> None:
    long_item = (
        "Une connaissance et une appétence pour les méthodes de type lean startup, une "
        "expérience dans le développement d'outils numériques au service des collectivités, "
        "des associations et des services déconcentrés de l'État, idéalement dans le domaine "
        "de la donnée publique ;"
    )
    posting = parse(
        "# Chargé·e de portefeuille\n\n## Profil\n\n"
        "Une connaissance des enjeux du service public ;\n\n"
        f"{long_item}\n\n"
        "Une aisance orale en public ;\n\n"
        "Capacité à travailler en équipe.\n"
    )
    assert [c.text for c in posting.criteria] == [
        "Une connaissance des enjeux du service public ;",
        long_item,
        "Une aisance orale en public ;",
        "Capacité à travailler en équipe.",
    ]


def test_a_gender_marker_inside_a_title_goes() -> None:
    posting = parse('---\ntitle: "Développeur (H/F) senior"\n---\n\nBonjour.\n')
    assert posting.title == "Développeur senior"


def test_an_inclusive_possessive_after_the_hiring_verb_is_the_article() -> None:
    posting = parse(
        '---\ntitle: "La plateforme de l\'emploi recrute son.sa chef(fe) de produit"\n---\n\n'
        "Bonjour.\n"
    )
    assert posting.title == "Chef(fe) de produit"
