"""Rules learnt from the eightieth round of tuning postings (eight held-out postings drawn at
random and moved to the tuning part), each on a fictional example."""

from tremplin.vacancies.tests.wild import parse


def test_an_operational_level_of_english_is_asked() -> None:
    posting = parse(
        "# Ingénieur·e intégration\n\n## Profil\n\n"
        "- Vous avez un niveau d'anglais opérationnel, à l'oral comme à l'écrit\n"
    )
    assert posting.required_languages == ["en"]


def test_working_in_english_both_spoken_and_written_is_asked() -> None:
    posting = parse(
        "# Développeur·se\n\nVous êtes capable de travailler en anglais tant à l’oral qu’à "
        "l’écrit avec nos bureaux de Dublin.\n"
    )
    assert posting.required_languages == ["en"]


def test_a_front_matter_link_to_a_tracking_system_is_the_way_to_apply() -> None:
    posting = parse(
        "---\ntitle: Community Manager\n"
        "url: https://sjobs.brassring.com/TGnewUI/Search/Home/Home?partnerid=1#jobDetails=2\n"
        "---\n\nText.\n"
    )
    assert posting.apply_url == (
        "https://sjobs.brassring.com/TGnewUI/Search/Home/Home?partnerid=1#jobDetails=2"
    )
