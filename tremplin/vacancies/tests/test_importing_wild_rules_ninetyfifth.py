"""Rules learnt from the ninety-fifth round of tuning postings (eight held-out postings drawn at
random and moved to the tuning part, and the tuning part's older misses), each on a fictional
example."""

from tremplin.vacancies.tests.wild import kinds, parse


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


def test_sentences_addressing_the_reader_are_a_list_with_prose_around_them() -> None:
    posting = parse(
        "# Conseillère\n\n## Profil\n\nVous aimez le contact avec le public.\n"
        "Vous êtes à l'aise à l'écrit.\nVous savez prendre des initiatives.\n"
        "Alors, n'hésitez pas et postulez !\n"
    )
    assert kinds(posting) == {
        "Vous aimez le contact avec le public.": "must",
        "Vous êtes à l'aise à l'écrit.": "must",
        "Vous savez prendre des initiatives.": "must",
    }


def test_two_sentences_addressing_the_reader_stay_prose() -> None:
    # The guard of the rule above: two such lines among prose are no list.
    posting = parse(
        "# Conseillère\n\nVous aimez le contact avec le public.\nVous êtes curieuse.\n"
        "Alors, n'hésitez pas et postulez !\n"
    )
    assert kinds(posting) == {}


def test_a_hirer_named_after_a_link_to_the_sentence_before() -> None:
    posting = parse(
        "# Offre\n\nL'agence se dote d'un laboratoire. Dans ce cadre, l'ANSN recrute un(e) "
        "coach UX, pour développer la recherche utilisateur.\n"
    )
    assert posting.organization == "ANSN"


def test_a_title_loses_the_hirer_after_a() -> None:
    posting = parse(
        "---\ntitle: Coach UX à l'ANSN\n---\n\nDans ce cadre, l'ANSN recrute un coach.\n"
    )
    assert (posting.organization, posting.title) == ("ANSN", "Coach UX")


def test_a_mail_link_gives_the_address_it_sends_to() -> None:
    posting = parse(
        "# Chargée de mission\n\nPour postuler, écrivez à [ana.doe@example.org]"
        "(mailto:ana.do-e@example.org).\n"
    )
    assert posting.apply_email == "ana.do-e@example.org"


def test_a_mail_link_to_another_mailbox_gives_the_address_it_states() -> None:
    # The guard of the rule above: the words name the address the posting states.
    posting = parse(
        "# Chargée de mission\n\nPour postuler, écrivez à [jobs@example.org]"
        "(mailto:ana@example.org).\n"
    )
    assert posting.apply_email == "jobs@example.org"


def test_an_italian_hirer_keeps_no_article() -> None:
    posting = parse(
        "# Esperto\n\nIl dipartimento per la cultura digitale è alla ricerca di esperti "
        "**data engineer**.\n"
    )
    assert posting.organization == "dipartimento per la cultura digitale"


def test_a_french_pronoun_names_no_hirer() -> None:
    # The guard of the rule above: in French, "Il" is who seeks, not an article.
    posting = parse("# Stage\n\nIl est à la recherche d'un stage en design graphique.\n")
    assert posting.organization is None
