"""Rules learnt from the seventy-second round of tuning postings (eight held-out postings drawn
at random and moved to the tuning part), each on a fictional example."""

from tremplin.vacancies.tests.wild import kinds, parse


def test_a_job_feeds_region_and_offer_page_keys_give_the_place_and_the_link() -> None:
    posting = parse(
        '---\ntitle: "Conseiller emploi"\nregion: "Essonne (91)"\n'
        'offerUrl: "https://recrutement.example.org/offre/77"\n---\n\nTexte.\n'
    )
    assert posting.location == "Essonne (91)"
    assert posting.apply_url == "https://recrutement.example.org/offre/77"


def test_a_roles_key_loses_its_working_time() -> None:
    posting = parse("---\nroles: Chargé·e de déploiement - à temps partiel\n---\n\nTexte.\n")
    assert posting.title == "Chargé·e de déploiement"


def test_what_would_be_useful_is_a_plus() -> None:
    posting = parse(
        "# Technical writer\n\n## Requirements\n\n- Clear written English\n"
        "- Experience with documentation audits would be useful\n"
    )
    assert kinds(posting)["Experience with documentation audits would be useful"] == "nice"
