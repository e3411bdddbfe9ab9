"""Rules learnt from the ninety-fifth round of tuning postings (eight held-out postings drawn at
random and moved to the tuning part, and the tuning part's older misses), each on a fictional
example."""

from tremplin.vacancies.tests.wild import parse


def test_remote_work_with_meetings_in_a_town_names_the_town() -> None:
    posting = parse(
        "# Chargé de déploiement\n\nLocalisation : organisation flexible, en télétravail avec "
        "des réunions à Valence (ateliers, points hebdomadaires)\n"
    )
    assert (posting.location, posting.remote) == ("Valence", True)


def test_remote_work_with_meetings_online_names_no_place() -> None:
    # The guard of the rule above: meetings with no town after them name no place.
    posting = parse(
        "# Chargé de déploiement\n\nLocalisation : en télétravail avec des réunions en visio.\n"
    )
    assert (posting.location, posting.remote) == (None, True)


def test_a_regular_presence_at_a_place_keeps_the_article_of_its_name() -> None:
    posting = parse(
        "# Développeuse\n\n## Modalités\n\n- Télétravail, besoin de présence régulière à la "
        "Rochelle pour les démonstrations\n"
    )
    assert (posting.location, posting.remote) == ("La Rochelle", True)


def test_a_presence_at_an_unnamed_place_names_none() -> None:
    # The guard of the rule above: "la semaine" is no place.
    posting = parse("# Développeuse\n\n- Télétravail, présence à la semaine selon les besoins\n")
    assert (posting.location, posting.remote) == (None, True)
