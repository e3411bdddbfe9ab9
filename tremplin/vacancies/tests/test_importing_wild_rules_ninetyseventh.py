"""Rules learnt from the ninety-seventh round of tuning postings (held-out postings drawn at
random and moved to the tuning part, and the tuning part's older misses), each on a fictional
example."""

from tremplin.vacancies.tests.wild import kinds, parse


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


_REQUIREMENTS_AS_DUTIES = (
    "**Responsibilities include:**\n\n* 4+ years working with Go\n* Experience with Kafka\n"
    "* Strong writing skills\n* Ability to mentor others\n\n"
)


def test_requirements_headed_as_duties_before_a_nice_to_have_list_are_required() -> None:
    posting = parse(
        f"# Backend developer\n\nAcme builds tools.\n\n{_REQUIREMENTS_AS_DUTIES}"
        "**Nice to have:**\n\n* Experience with Rust\n"
    )
    assert kinds(posting) == {
        "4+ years working with Go": "must",
        "Experience with Kafka": "must",
        "Strong writing skills": "must",
        "Ability to mentor others": "must",
        "Experience with Rust": "nice",
    }


def test_duties_before_a_nice_to_have_list_stay_duties() -> None:
    # The guards of the rule above: duties that read as duties, and requirement-like lines
    # headed as duties with nothing nice after them.
    posting = parse(
        "# Backend developer\n\n**Responsibilities include:**\n\n* Build the billing service\n"
        "* Review pull requests\n* Experience with Kafka\n\n**Nice to have:**\n\n"
        "* Experience with Rust\n"
    )
    assert kinds(posting) == {"Experience with Rust": "nice"}
    alone = parse(f"# Backend developer\n\n{_REQUIREMENTS_AS_DUTIES}**Benefits:**\n\n* Lunch\n")
    assert kinds(alone) == {}


def test_a_first_line_with_a_job_board_s_terms_is_the_title_under_untitled_front_matter() -> None:
    posting = parse(
        "---\nlayout: job\nname: Acme\n---\n\n**Backend Developer - Remote**\n\n"
        "*Anywhere in Europe*\n\nAcme builds tools for libraries.\n"
    )
    assert posting.title == "Backend Developer"


def test_a_first_heading_without_terms_under_front_matter_is_no_title() -> None:
    # The guard of the rule above: "Contexte" opens a part of the text.
    posting = parse("---\nlayout: job\n---\n\n**Contexte**\n\nL'agence numérise ses services.\n")
    assert posting.title is None


def test_short_paragraphs_to_the_reader_before_a_list_are_criteria_too() -> None:
    posting = parse(
        "# Développeur\n\n## Compétences\n\nVous avez une bonne culture du logiciel libre.\n\n"
        "Vous savez expliquer un choix technique à des profils non techniques.\n\n"
        "La pédagogie est une qualité forte pour vous.\n\nVous connaissez Git et Markdown.\n\n"
        "Vous cochez plusieurs cases parmi ces technologies :\n\n- Python, Django ;\n"
        "- Vue ou React ;\n"
    )
    assert kinds(posting) == {
        "Vous avez une bonne culture du logiciel libre.": "must",
        "Vous savez expliquer un choix technique à des profils non techniques.": "must",
        "La pédagogie est une qualité forte pour vous.": "must",
        "Vous connaissez Git et Markdown.": "must",
        "Python, Django ;": "must",
        "Vue ou React ;": "must",
    }


def test_paragraphs_that_do_not_address_the_reader_before_a_list_are_no_criteria() -> None:
    # The guard of the rule above: an introduction, the terms, a contact.
    posting = parse(
        "# Développeur\n\n## Profil\n\nNous recherchons une personne autonome.\n\n"
        "Le travail à distance est possible.\n\nSi vous êtes intéressé, écrivez-nous.\n\n"
        "- Python, Django ;\n- Vue ou React ;\n"
    )
    assert kinds(posting) == {"Python, Django ;": "must", "Vue ou React ;": "must"}


def test_a_role_at_the_acronym_of_a_directorate_names_the_hirer() -> None:
    for title, hirer, role in (
        ("Chargé·e de projets numériques à la DGXYZ", "DGXYZ", "Chargé·e de projets numériques"),
        ("Ingénieur·e de recherche au CNRX", "CNRX", "Ingénieur·e de recherche"),
    ):
        posting = parse(f"---\ntitle: {title}\n---\n\nUn projet numérique.\n")
        assert (posting.organization, posting.title) == (hirer, role)
