"""Rules learnt from the ninety-seventh round of tuning postings (held-out postings drawn at
random and moved to the tuning part, and the tuning part's older misses), each on a fictional
example."""

from tremplin.vacancies.tests.wild import parse


def test_a_schema_org_job_location_gives_its_town() -> None:
    posting = parse(
        "---\ntitle: Data analyst\njobLocation:\n  '@type': Place\n  address:\n"
        "    addressLocality: Besançon\n    addressCountry: FR\n---\n\nAnalyse de données.\n"
    )
    assert posting.location == "Besançon"


def test_a_schema_org_hirer_s_address_gives_the_town_when_no_place_of_work_is_given() -> None:
    posting = parse(
        "---\ntitle: Data analyst\nhiringOrganization:\n  name: Exemplia\n  address:\n"
        "    addressLocality: Caen\n    postalCode: '14000'\n---\n\nAnalyse de données.\n"
    )
    assert (posting.organization, posting.location) == ("Exemplia", "Caen")


def test_a_schema_org_job_location_outweighs_the_hirer_s_address() -> None:
    # The guard of the rule above: where the work is comes before where the hirer sits.
    posting = parse(
        "---\ntitle: Data analyst\nhiringOrganization:\n  name: Exemplia\n  address:\n"
        "    addressLocality: Caen\njobLocation:\n  - address:\n      addressLocality: Rouen\n"
        "---\n\nAnalyse de données.\n"
    )
    assert posting.location == "Rouen"


def test_a_written_location_outweighs_a_schema_org_address() -> None:
    posting = parse(
        "---\ntitle: Data analyst\nlocation: Remote (Europe)\nhiringOrganization:\n"
        "  name: Exemplia\n  address:\n    addressLocality: Caen\n---\n\nAnalyse de données.\n"
    )
    assert posting.location == "Remote (Europe)"


def test_an_address_in_a_passage_gives_its_town() -> None:
    posting = parse(
        '---\ntitle: Développeur web\naddress: "12 passage des Tisserands 69002 LYON"\n---\n\n'
        "Une agence web.\n"
    )
    assert posting.location and posting.location.lower() == "lyon"


def test_the_time_to_a_promotion_is_no_contract_length() -> None:
    posting = parse(
        "# Développeur web\n\nChez nous chacun progresse : en 24 mois, tu seras promu au poste "
        "de Lead.\n"
    )
    assert (posting.contract_duration_months, posting.employment_type) == (None, None)


def test_a_term_beside_a_promotion_s_prospect_is_still_a_term() -> None:
    # The guard of the rule above: the promotion's sentence alone is set aside.
    posting = parse(
        "# Développeur web\n\nCDD de 12 mois.\n\nEn 24 mois, tu seras promu au poste de Lead.\n"
    )
    assert posting.contract_duration_months == 12


def test_a_german_office_sentence_names_the_town() -> None:
    posting = parse(
        "# Projektleitung\n\n- **Ort**: Unser Büro ist in Leipzig, wir arbeiten dort "
        "mindestens einmal die Woche gemeinsam.\n"
    )
    assert posting.location == "Leipzig"


def test_a_swedish_place_of_work_names_the_town() -> None:
    for sentence in (
        "Tjänsten är i huvudsak förlagd till Malmö men resor förekommer.",
        "Tjänsten är på 80% i ett år. Arbete sker huvudsakligen från Malmö.",
    ):
        assert parse(f"# Projektledare\n\n{sentence}\n").location == "Malmö"
