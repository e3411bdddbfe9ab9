"""Rules learnt from the hundred-and-sixteenth round of tuning postings (held-out postings
drawn at random and moved to the tuning part), each on a fictional example."""

from tremplin.vacancies.tests.wild import parse


def test_a_board_title_of_the_role_and_the_place_gives_the_role_and_the_headers_company() -> None:
    posting = parse(
        '---\ntitle: "Data Engineer : Lisbon, Portugal"\n---\n'
        "Harbour Metrics - Data Engineer - Lisbon, Portugal - Full-time - REMOTE\n\n"
        "We measure tides for ports.\n"
    )
    assert posting.organization == "Harbour Metrics"
    assert posting.title == "Data Engineer"


def test_a_place_opening_the_header_is_not_the_company() -> None:
    posting = parse(
        '---\ntitle: "Bend, OR : Pinecone Robotics Inc. (PRI)"\n---\n'
        "Bend, OR - Pinecone Robotics Inc. (PRI) - Firmware Engineer - Onsite\n\n"
        "We build tree-planting robots.\n"
    )
    assert posting.organization == "Pinecone Robotics Inc."


def test_a_work_mode_with_its_aside_is_no_role() -> None:
    posting = parse(
        '---\ntitle: "Hybrid (USA) Tulsa OK : Security clearance required"\n---\n'
        "Prairie Optics - Hybrid (USA) Tulsa OK - Full time - Security clearance required\n\n"
        "We design lenses.\n"
    )
    assert posting.location != "Security clearance required"


def test_the_paragraph_under_about_our_project_names_who_hires() -> None:
    posting = parse(
        "# Documentation writer\n\n## About our project\n\n"
        "Tidekit is a lightweight runtime for sensors. It has many contributors.\n"
    )
    assert posting.organization == "Tidekit"


def test_the_region_one_must_work_from_names_its_town_in_brackets() -> None:
    posting = parse(
        "# Analyste\n\nCe poste exige que vous travailliez de la région de la capitale "
        "nationale (Ottawa).\n"
    )
    assert posting.location == "Ottawa"


def test_a_talent_pools_language_profiles_require_nothing() -> None:
    posting = parse(
        "# Analyst\n\nThis position is English Essential.\n\nA pool of qualified persons "
        "resulting from this process MAY be used to fill similar positions with linguistic "
        "profiles (english essential, bilingual imperative BBB/BBB).\n"
    )
    assert posting.required_languages == ["en"]


def test_a_second_language_profile_in_quotes_or_as_a_level_requires_both_languages() -> None:
    quoted = parse(
        "# Analyst\n\n- Be fluent in English. In Government speak, this role is ‘CBC.’\n"
    )
    level = parse("# Analyste\n\n- Vous parlez le français et l'anglais, à un niveau CBC.\n")
    assert sorted(quoted.required_languages) == ["en", "fr"]
    assert sorted(level.required_languages) == ["en", "fr"]


def test_a_degrees_level_is_no_language_profile() -> None:
    posting = parse("# Développeur\n\n- Vous avez un diplôme de niveau BAC+5.\n")
    assert posting.required_languages == []


def test_working_remotely_said_with_a_verb_offers_remote_work() -> None:
    posting = parse("# Développeur\n\nNous sommes basés à Montreuil, mais nous télétravaillons.\n")
    assert posting.remote is True
