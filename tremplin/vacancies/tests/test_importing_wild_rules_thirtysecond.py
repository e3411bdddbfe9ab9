"""Rules learnt from the thirty-second round of tuning postings (six of the twelve fresh
postings added after the thirty-first round, drawn at random and moved to the tuning part: a
research project's posts for positions at a university, a preprint server's hiring page, a
not-for-profit's blog post, a conference's calls for volunteers), each on a fictional
example."""

from tremplin.vacancies.importing import ParsedPosting, parse_posting


def parse(text: str) -> ParsedPosting:
    return parse_posting(text, source_name="example.md")


def test_a_name_opening_in_lower_case_then_capitals_hires() -> None:
    posting = parse(
        "# bioRXiv is hiring!\n\nWe are presently looking for a [Copy Editor](#copy-editor).\n\n"
        "## Requirements\n\n* Care for detail.\n"
    )
    assert posting.organization == "bioRXiv"
    assert posting.title == "Copy Editor"


def test_a_slogan_yields_to_the_role_the_body_looks_for_without_praise_or_purpose() -> None:
    posting = parse(
        '---\ntitle: "We\'re hiring! Help us make open maps a reality"\n---\n'
        "We are looking for a talented cartographer to join the mapKIT team and help make our "
        "vision a reality. [Apply now](https://mapkit.example.org/jobs/42)!\n\n"
        "mapKIT Ltd is a not-for-profit company that makes open maps.\n"
    )
    assert posting.title == "Cartographer"
    assert posting.organization == "mapKIT Ltd"


def test_an_opening_in_a_team_at_a_university_gives_the_role_and_who_hires() -> None:
    posting = parse(
        '---\ntitle: "Opening: data steward position in the Tides team @ EPFZ (group of Prof.'
        ' A. Martin)"\n---\n\n'
        "An open position for a data steward is available at EPFZ (Zurich, Switzerland) in "
        "the group of Prof. Ada Martin.\n\n"
        "Appointments at EPFZ are on a yearly renewable basis, typically for 2 to 4 years.\n"
    )
    assert posting.title == "Data steward"
    assert posting.organization == "EPFZ"
    assert posting.location == "Zurich, Switzerland"
    assert posting.contract_duration_months == 12
    assert posting.employment_type == "TEMPORARY"


def test_a_position_open_at_a_place_and_its_level_of_employment() -> None:
    posting = parse(
        '---\ntitle: "One post-doctoral position open at EPFZ, Zurich, Switzerland"\n---\n\n'
        "A candidate is sought with a background in chemistry.\n\n"
        "The initial appointment is for one year, renewable for up to 36 months. Level of "
        "employment: 100%. More information, requirements for the position, and instructions "
        "on how to apply can be found at <https://epfz.example.org/jobs/postdoc.pdf>\n"
    )
    assert posting.title == "Post-doctoral position"
    assert posting.organization == "EPFZ"
    assert posting.location == "Zurich, Switzerland"
    assert posting.contract_duration_months == 12
    assert posting.employment_type == "FULL_TIME"
    assert posting.apply_url is None


def test_a_link_to_sign_up_is_the_way_in() -> None:
    posting = parse(
        "<p>\n  Every year a band of volunteers makes the fair happen.\n</p>\n\n"
        "<p>\n  Would you like to be part of the crew? "
        '<a href="https://crew.example.org">Sign up here!</a> You could help with:\n</p>\n\n'
        "<ul>\n  <li>Setting up the venue.</li>\n  <li>Cleaning up.</li>\n</ul>\n"
    )
    assert posting.apply_url == "https://crew.example.org"


def test_a_place_label_followed_by_a_sentence_names_no_place() -> None:
    posting = parse(
        "# Volontaires\n\n## Ce que l'on vous propose\n\n"
        '- lieu : un cadre sympa car "la Fabrique, c\'est chouette",\n'
        "- les tshirts de l'événement.\n"
    )
    assert posting.location is None


def test_ideally_inside_a_criterion_leaves_it_asked() -> None:
    posting = parse(
        "# Volontaires\n\nQualités recherchées :\n\n"
        "- débrouillard(e) et endurant(e),\n- aimant le Libre et idéalement la cartographie.\n"
    )
    kinds = {criterion.text.rstrip(",. "): criterion.kind for criterion in posting.criteria}
    assert kinds == {
        "débrouillard(e) et endurant(e)": "must",
        "aimant le Libre et idéalement la cartographie": "must",
    }


def test_talks_in_a_language_do_not_ask_it_of_the_volunteers() -> None:
    posting = parse(
        "# Volontaires\n\nLe thème regroupe des conférences en langue anglaise sur la "
        "cartographie libre.\n\nNous recherchons 3 volontaires pour l'accueil.\n"
    )
    assert posting.required_languages == []


def test_mastering_a_language_named_by_its_adjective_asks_it() -> None:
    posting = parse("# Chargé·e\n\n## Profil\n\n- Maîtrise de la langue anglaise.\n")
    assert posting.required_languages == ["en"]
