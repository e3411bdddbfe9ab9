"""Rules learnt from the sixty-eighth round of tuning postings (eight held-out postings drawn
at random and moved to the tuning part), each on a fictional example."""

from tremplin.vacancies.tests.wild import kinds, parse


def test_a_title_loses_its_german_working_time_and_its_town_after_sur() -> None:
    german = parse("---\ntitle: 'Referent:in (Teilzeit, 20-28h/Woche)'\n---\n\nText.\n")
    french = parse("---\ntitle: 'Développeur Backend python sur Bordeaux'\n---\n\nTexte.\n")
    assert german.title == "Referent:in"
    assert french.title == "Développeur Backend python"


def test_a_desirable_skill_is_a_plus_and_working_in_english_is_asked() -> None:
    posting = parse(
        "# Lead développeur\n\n## Profil\n\n- Bonnes connaissances en Python\n"
        "- Expérience en base de données souhaitable\n- Capacité à travailler en anglais\n"
    )
    assert kinds(posting)["Expérience en base de données souhaitable"] == "nice"
    assert posting.required_languages == ["en"]
