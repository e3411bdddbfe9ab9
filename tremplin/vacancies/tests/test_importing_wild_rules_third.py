"""Rules learnt from the third round of tuning postings (a public service's careers pages in
French and English, job boards' one-line copies), each on a fictional example."""

from decimal import Decimal

from tremplin.vacancies.importing import MUST, NICE, ParsedPosting, parse_posting


def parse(text: str) -> ParsedPosting:
    return parse_posting(text, source_name="example.md")


def criteria(posting: ParsedPosting) -> list[tuple[str, str]]:
    return [(criterion.kind, criterion.text) for criterion in posting.criteria]


# --- A job board's "Company : Role" copy -----------------------------------------------

BOARD_COPY = (
    '---\ntitle: "Rivet Works (non-profit) : Data Engineer"\n---\n'
    "Rivet Works (non-profit) - Data Engineer - Lisbon, Portugal (HYBRID) - Full Time - "
    "€48K-60K\n\n"
    "We&#x27;re a small team mapping repair shops. Must be fluent in Portuguese and "
    "English.\n\nDetails &amp; apply: "
    '<a href="https:&#x2F;&#x2F;rivet.example&#x2F;jobs&#x2F;data">the job page</a>\n'
)


def test_a_company_role_title_whose_company_opens_the_body_names_both() -> None:
    posting = parse(BOARD_COPY)
    assert posting.organization == "Rivet Works"
    assert posting.title == "Data Engineer"


def test_a_one_line_header_gives_the_place_without_its_work_mode() -> None:
    assert parse(BOARD_COPY).location == "Lisbon, Portugal"


def test_a_remote_part_of_a_header_is_the_place_as_written() -> None:
    posting = parse(
        '---\ntitle: "Brightmoss : Designer"\n---\n'
        "Brightmoss - Designer - Remote (EU) - Part-time\n\nWe grow moss.\n"
    )
    assert posting.location == "Remote (EU)"
    assert posting.employment_type == "PART_TIME"


def test_a_title_of_two_parts_is_left_whole_when_the_body_does_not_open_with_the_first() -> None:
    posting = parse('---\ntitle: "Lead : Garden Team"\n---\nWe grow vegetables.\n')
    assert posting.organization is None
    assert posting.title == "Lead : Garden Team"


def test_thousands_with_a_currency_sign_are_pay_without_a_word_for_it() -> None:
    salary = parse(BOARD_COPY).salary
    assert salary is not None
    assert (salary.min, salary.max, salary.currency, salary.period) == (
        Decimal(48000),
        Decimal(60000),
        "EUR",
        "YEAR",
    )


def test_html_escapes_of_a_copied_text_are_read_as_the_characters() -> None:
    posting = parse(BOARD_COPY)
    assert posting.apply_url == "https://rivet.example/jobs/data"
    assert posting.required_languages == ["pt", "en"]
    assert "We're a small team" in posting.body


def test_escaped_angle_brackets_stay_escaped() -> None:
    posting = parse("# Cook\n\nWe cook &lt;b&gt;soup&lt;/b&gt; &amp; bread.\n")
    assert "&lt;b&gt;soup&lt;/b&gt; & bread" in posting.body
    assert posting.raw_html_tags == []


# --- Who hires ---------------------------------------------------------------------------


def test_a_name_given_with_its_acronym_at_the_opening_is_the_organization() -> None:
    posting = parse(
        "# Analyste\n\nLe Bureau fédéral des cartes (BFC) dessine les cartes du pays. Au "
        "BFC, nous travaillons ouvertement.\n\n- Analyser des données\n"
    )
    assert posting.organization == "Bureau fédéral des cartes"


def test_a_role_given_with_its_acronym_is_no_organization() -> None:
    posting = parse(
        "---\ntitle: Garden Project Manager\n---\n\n"
        "The Garden Project Manager (GPM) will plan the beds.\n\n- Plan\n"
    )
    assert posting.organization is None


def test_a_team_at_an_acronym_names_the_organization_the_text_spells_out() -> None:
    posting = parse(
        "# Outreach Assistant\n\nThe Events Team at NMS is looking for an assistant.\n\n"
        "The National Map Service draws the country's maps.\n"
    )
    assert posting.organization == "National Map Service"


def test_a_french_team_of_an_acronym_names_the_organization_too() -> None:
    posting = parse(
        "# Assistant\n\nL'équipe de liaison et diffusion du BFC est à la recherche d'un "
        "assistant.\n\nLe Bureau fédéral des cartes dessine les cartes du pays.\n"
    )
    assert posting.organization == "Bureau fédéral des cartes"


def test_the_english_article_before_a_hiring_name_is_dropped() -> None:
    posting = parse("# Writer\n\nThe National Map Service is looking for a writer.\n")
    assert posting.organization == "National Map Service"


# --- Employment type and place -----------------------------------------------------------


def test_a_co_op_or_student_title_is_an_internship() -> None:
    assert parse("# Outreach Assistant (co-op)\n\nHelp us.\n").employment_type == "INTERN"
    assert parse("# Assistant de liaison (étudiant)\n\nAidez-nous.\n").employment_type == "INTERN"


def test_a_temporary_title_is_a_temporary_job() -> None:
    assert parse("# Temp Software Developer\n\nCode.\n").employment_type == "TEMPORARY"
    posting = parse("# Développeur de logiciels temporaires\n\nCoder.\n")
    assert posting.employment_type == "TEMPORARY"


def test_an_office_in_a_town_is_the_place_in_french_too() -> None:
    posting = parse("# Assistant\n\nVous travaillerez à partir de notre bureau à Gatineau.\n")
    assert posting.location == "Gatineau"


def test_hiring_in_towns_names_the_place() -> None:
    posting = parse(
        "# Writer\n\nWe're hiring people at all levels in Halifax, Moncton, and Regina.\n"
    )
    assert posting.location == "Halifax, Moncton, and Regina"


def test_offices_a_sentence_concedes_are_not_the_place_of_work() -> None:
    posting = parse(
        "# Conseiller\n\nBien que nous ayons des bureaux à Gatineau, nous travaillons de "
        "manière distribuée partout au pays.\n"
    )
    assert posting.location is None


# --- How to apply, languages ---------------------------------------------------------------


def test_an_address_for_questions_only_is_no_apply_email() -> None:
    posting = parse(
        "# Adjoint\n\nPostulez en ligne. Si vous avez des questions à ce sujet, veuillez "
        "contacter [rh@exemple.org](mailto:rh@exemple.org).\n"
    )
    assert posting.apply_email is None


def test_writing_in_both_languages_is_a_requirement_of_both() -> None:
    english = parse("# Translator\n\n- Communicate and write in both French and English\n")
    assert english.required_languages == ["fr", "en"]
    french = parse("# Concepteur\n\n- Vous pouvez écrire en français et en anglais.\n")
    assert french.required_languages == ["fr", "en"]


# --- Criteria ----------------------------------------------------------------------------


def test_a_sentence_leading_into_a_list_says_its_bullets_are_requirements() -> None:
    posting = parse(
        "# Assistant\n\nNous cherchons une personne qui saura :\n\n* Coordonner les réunions\n\n"
        "Vous êtes la bonne personne si :\n\n* Vous aimez apprendre.\n"
        "* Vous maîtrisez (idéalement) les deux langues officielles.\n"
    )
    assert criteria(posting) == [
        (MUST, "Vous aimez apprendre."),
        (NICE, "Vous maîtrisez (idéalement) les deux langues officielles."),
    ]


def test_a_lead_in_saying_what_the_person_will_do_leads_into_no_criteria() -> None:
    posting = parse(
        "# Writer\n\nWe're looking for someone who will:\n\n* Write guides\n\n"
        "The successful candidate will:\n\n* Edit posts\n\n"
        "An excellent candidate will be able to:\n\n* Explain complex things simply\n"
    )
    assert criteria(posting) == [(MUST, "Explain complex things simply")]


def test_fitting_right_in_is_a_requirements_list_and_ideally_makes_a_bullet_nice() -> None:
    posting = parse(
        "# Writer\n\n## You'll fit right in if:\n\n* You write clearly.\n"
        "* You're (ideally) fluent in Spanish\n"
    )
    assert criteria(posting) == [
        (MUST, "You write clearly."),
        (NICE, "You're (ideally) fluent in Spanish"),
    ]


def test_what_one_is_able_to_learn_is_nice() -> None:
    posting = parse(
        "# Developer\n\n## Skills Required\n\n### Must Haves\n\n* Python\n\n"
        "### Able to Learn\n\n* Terraform\n"
    )
    assert criteria(posting) == [(MUST, "Python"), (NICE, "Terraform")]


# --- Fourth look: two more job board copies ----------------------------------------------


def test_a_lone_town_with_its_work_mode_in_a_header_is_the_place() -> None:
    posting = parse(
        '---\ntitle: "Greenleaf : Principal Engineer"\n---\n'
        "Greenleaf - Principal Engineer - NYC (Onsite) - $180-210K\n\nWe plant trees.\n"
    )
    assert posting.location == "NYC"
    salary = posting.salary
    assert salary is not None
    assert (salary.min, salary.max, salary.currency) == (Decimal(180000), Decimal(210000), "USD")


def test_ft_in_capitals_is_full_time() -> None:
    posting = parse("# Engineer\n\nYou would be our first FT eng hire in the office.\n")
    assert posting.employment_type == "FULL_TIME"


def test_thriving_here_is_a_requirements_list_and_years_doing_something_are_asked() -> None:
    posting = parse(
        "# Engineer\n\nYou'll likely thrive here if you:\n\n"
        "- Have 4+ years building backend systems\n- Care about patients\n"
    )
    assert criteria(posting) == [
        (MUST, "Have 4+ years building backend systems"),
        (MUST, "Care about patients"),
    ]
    assert posting.min_years_experience == 4
