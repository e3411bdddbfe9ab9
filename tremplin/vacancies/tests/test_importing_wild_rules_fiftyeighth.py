"""Rules learnt from the fifty-eighth round of tuning postings (the tuning part's own misses;
no held-out posting moved), each on a fictional example."""

from tremplin.vacancies.tests.wild import parse


def test_an_application_window_from_one_weekday_to_another_closes_on_the_second() -> None:
    posting = parse(
        "---\ndate: 2022-05-01\n---\n# Hydrologist\n\nThe application window will be open on "
        "the federal jobs site from Monday May 9 to Monday May 23.\n"
    )
    assert posting.deadline is not None and posting.deadline.isoformat() == "2022-05-23"


def test_a_link_to_a_sites_home_page_gives_way_to_its_page_for_the_post() -> None:
    posting = parse(
        "# Hydrologist\n\nApply online at [FedJobs](https://www.fedjobs.example/): "
        "[Hydrologist, Water Lab](https://www.fedjobs.example/job/4242)\n"
    )
    assert posting.apply_url == "https://www.fedjobs.example/job/4242"


def test_canadas_bilingual_imperative_staffing_asks_for_english_and_french() -> None:
    posting = parse(
        "# Analyste\n\nCe poste est classé EC-04 et le profil linguistique est bilingue à "
        "nomination impérative (CBC).\n"
    )
    assert posting.required_languages == ["en", "fr"]
