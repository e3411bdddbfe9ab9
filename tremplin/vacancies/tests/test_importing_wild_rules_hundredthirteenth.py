"""Rules learnt from the hundred-and-thirteenth round of tuning postings (held-out postings
drawn at random and moved to the tuning part), each on a fictional example."""

from tremplin.vacancies.tests.wild import kinds, parse


def test_lines_ending_with_three_dots_are_still_a_lists_items() -> None:
    posting = parse(
        "# Développeur\n\n## Compétences\n\n"
        "Au moins 3 ans d'expérience en développement web\n"
        "Une connaissance de plusieurs frameworks comme react, nodejs ...\n"
        "Une pratique DevOps\n"
    )
    assert [c.text for c in posting.criteria] == [
        "Au moins 3 ans d'expérience en développement web",
        "Une connaissance de plusieurs frameworks comme react, nodejs ...",
        "Une pratique DevOps",
    ]


def test_years_written_as_a_slash_range_ask_the_first() -> None:
    posting = parse("# Développeur\n\n## Profil\n\n- Au moins 4/5 ans d'expérience en web\n")
    assert posting.min_years_experience == 4


def test_a_link_to_the_teams_page_with_reading_words_names_no_one() -> None:
    posting = parse(
        "---\nroles: Développeur\nstartup: jardins.partages\n---\n\n"
        "**Jardins Partagés** est un projet en expérimentation.\n\n"
        "[Le détail de la fiche produit ici](https://incubateur.example/startups/"
        "jardins.partages.html)\n"
    )
    assert posting.organization == "Jardins Partagés"


def test_a_role_at_l_apostrophe_a_name_names_the_hirer() -> None:
    posting = parse("---\nroles: Product Manager à l'Atelier des Communes\n---\n\nBonjour.\n")
    assert posting.organization == "Atelier des Communes"
    assert posting.title == "Product Manager"


def test_days_spread_between_two_months_last_those_months() -> None:
    posting = parse(
        "# Développeur freelance\n\nEngagement : 96 jours environ à répartir entre juillet et "
        "décembre 2031.\n"
    )
    assert posting.contract_duration_months == 6


def test_the_town_a_board_put_in_the_title_is_the_place_of_work() -> None:
    posting = parse(
        '---\ntitle: "Tidewater Labs : Tacoma Bay Area"\n---\n'
        "Tidewater Labs - Backend Engineer - Tacoma Bay Area - $120-140k\n\n"
        "We build tide prediction software for harbours.\n"
    )
    assert posting.title == "Backend Engineer"
    assert posting.location == "Tacoma Bay Area"


def test_an_asset_a_priority_a_preference_and_preferable_are_hoped_for() -> None:
    posting = parse(
        "# Concepteur\n\n## Qualifications\n\n"
        "- Sait rédiger en langage clair\n"
        "- Aura comme atout une compréhension du logiciel libre\n"
        "- La priorité sera accordée aux candidats qui écrivent dans les deux langues\n"
        "- Nous privilégions les candidatures qui montrent des travaux antérieurs\n"
        "- Back-end experience preferable\n"
    )
    assert kinds(posting) == {
        "Sait rédiger en langage clair": "must",
        "Aura comme atout une compréhension du logiciel libre": "nice",
        "La priorité sera accordée aux candidats qui écrivent dans les deux langues": "nice",
        "Nous privilégions les candidatures qui montrent des travaux antérieurs": "nice",
        "Back-end experience preferable": "nice",
    }


def test_a_role_assumed_from_anywhere_in_a_country_is_there() -> None:
    posting = parse("# Concepteur\n\nCe rôle peut être assumé de n’importe où au Canada.\n")
    assert posting.location == "N’importe où au Canada"


def test_who_hires_is_the_association_named_after_a_scheme_described() -> None:
    posting = parse(
        "# Volontaires en service civique\n\n## À propos du Service Civique\n\n"
        "Le Service Civique est un engagement volontaire.\n\n"
        "## À propos de l'association RBE\n\n"
        "L'association Rivières Boisées et Estuaires (RBE) accompagne les jeunes.\n"
    )
    assert posting.organization == "Rivières Boisées et Estuaires"


def test_about_du_names_the_hirer_when_no_other_heading_does() -> None:
    posting = parse(
        "# Concepteur\n\n## À propos du Service numérique des Marais\n\n"
        "Le Service numérique des Marais (SNM) change la façon dont on conçoit les services.\n\n"
        "## Le poste\n\nLe SNM est une équipe entièrement décentralisée.\n"
    )
    assert posting.organization == "Service numérique des Marais"


def test_a_labelled_agency_on_a_bold_line_of_its_own_hires() -> None:
    posting = parse(
        "# Developer\n\n**Agency:** Bureau of Tidal Records\n\n"
        "**Position Type:** term appointment\n\nThe Tide Portfolio builds tools.\n"
    )
    assert posting.organization == "Bureau of Tidal Records"


def test_a_sentence_under_key_requirements_saying_what_is_required_is_a_criterion() -> None:
    posting = parse(
        "# Developer\n\n**Key Requirements:**\nU.S. Citizenship is required.\n\n"
        "**Benefits:**\nHealth insurance.\n"
    )
    assert kinds(posting) == {"U.S. Citizenship is required.": "must"}
