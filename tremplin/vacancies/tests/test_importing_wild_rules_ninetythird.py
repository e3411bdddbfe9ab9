"""Rules learnt from the ninety-third round of tuning postings (eight held-out postings drawn at
random and moved to the tuning part, and the tuning part's older misses), each on a fictional
example."""

from tremplin.vacancies.importing.structure import parse_structure
from tremplin.vacancies.tests.wild import kinds, parse


def test_who_is_now_recruiting_hires() -> None:
    posting = parse(
        "---\ntitle: Civic Tech Guild Summer Internship\n---\nHave the summer off? Civic Tech "
        "Guild is now recruiting summer interns with the skills to take on big problems.\n"
    )
    assert (posting.organization, posting.title) == ("Civic Tech Guild", "Summer Internship")


def test_lines_each_ended_by_a_hard_break_are_a_list() -> None:
    posting = parse(
        "# Développeur·se\n\n## Profil recherché ?\n\nUne personne curieuse et tenace\\\n"
        "Force de proposition\\\nAisance avec git ;\\\nExpérience en tant que lead-dev\n"
    )
    assert kinds(posting) == {
        "Une personne curieuse et tenace": "must",
        "Force de proposition": "must",
        "Aisance avec git ;": "must",
        "Expérience en tant que lead-dev": "must",
    }


def test_sentences_each_ended_by_a_hard_break_stay_sentences() -> None:
    # The guard of the rule above: lines that end sentences are no list's items.
    document = parse_structure(
        "# Chargée de mission\n\n## L'équipe\n\nNous sommes six.\\\nNous aimons le vélo.\\\n"
        "Nous déjeunons ensemble.\n",
        source_name="example.md",
    )
    assert [(section.paragraphs, section.bullets) for section in document.sections] == [
        (["Nous sommes six.", "Nous aimons le vélo.", "Nous déjeunons ensemble."], [])
    ]


def test_a_district_in_roman_numerals_is_the_town_s() -> None:
    posting = parse("# Développeur\n\nBasée à Lyon IIIème, notre équipe construit des outils.\n")
    assert posting.location == "Lyon"


def test_a_town_with_its_departement_s_number_is_the_place() -> None:
    posting = parse(
        "# Développeur\n\nPoste basé en Ile de France, au 3 rue des Lilas à Vitry Sur Seine (94).\n"
    )
    assert posting.location == "Vitry Sur Seine"
    posting = parse("# Développeur\n\nPoste basé en France dans le 94 à Créteil (métro 8).\n")
    assert posting.location == "Créteil"


def test_the_post_s_own_place_outweighs_a_place_named_before() -> None:
    posting = parse(
        "# Développeur\n\nVous travaillerez en anglais avec nos agences situées à Londres.\n\n"
        "Poste basé à Montrouge (métro 4).\n"
    )
    assert posting.location == "Montrouge"


def test_a_place_line_keeps_the_town_not_the_way_there() -> None:
    posting = parse(
        "# DevOps\n\nSituée dans des locaux neufs à CaenInnov, notre équipe grandit.\n\n"
        "Lieu : Hérouville-Saint-Clair, à 10 minutes de la gare en tram.\n"
    )
    assert posting.location == "Hérouville-Saint-Clair"


def test_a_sentence_on_applying_leads_into_the_link_under_it() -> None:
    posting = parse(
        "# Internship\n\nTo apply, make sure that you have a GitHub handle and follow this link:"
        "\n\n**[`https://jobs.example.org/detail/?id=42`](https://jobs.example.org/detail/?id=42)**\n"
    )
    assert posting.apply_url == "https://jobs.example.org/detail/?id=42"


def test_sentences_that_each_address_the_reader_line_after_line_are_a_list() -> None:
    posting = parse(
        "# Chargée de déploiement\n\n## Profil recherché\n\nVous aimez le service public.\n"
        "Vous savez tenir vos engagements.\nVous êtes à l’aise à l’oral.\n"
    )
    assert kinds(posting) == {
        "Vous aimez le service public.": "must",
        "Vous savez tenir vos engagements.": "must",
        "Vous êtes à l’aise à l’oral.": "must",
    }


def test_sentences_that_open_each_their_own_way_stay_one_paragraph() -> None:
    # The guard of the rule above: a paragraph of sentences is no list.
    document = parse_structure(
        "# Chargée de déploiement\n\n## L'équipe\n\nNous sommes six.\nVous serez la septième.\n"
        "Elle se réunit le lundi.\n",
        source_name="example.md",
    )
    assert [(section.paragraphs, section.bullets) for section in document.sections] == [
        (["Nous sommes six. Vous serez la septième. Elle se réunit le lundi."], [])
    ]


def test_a_place_line_loses_the_remote_work_beside_an_address() -> None:
    posting = parse(
        "# Designer\n\n- Contrat : CDD\n- Localisation : 12 rue des Arts, Nantes (44) et en "
        "télétravail\n"
    )
    assert (posting.location, posting.remote) == ("12 rue des Arts, Nantes (44)", True)


def test_a_hiring_sentence_in_capitals_names_who_hires_and_the_role() -> None:
    posting = parse(
        "---\nroles: LA MISSION NATIONALE POUR LES FORÊTS RECHERCHE UN SPÉCIALISTE DE MASTODON "
        "POUR UNE MISSION D'ACCOMPAGNEMENT SUR CE RÉSEAU\n---\nL'équipe grandit.\n"
    )
    assert (posting.organization, posting.title) == (
        "Mission nationale pour les forêts",
        "Spécialiste de mastodon",
    )


def test_a_contract_key_is_read_past_a_type_that_names_none() -> None:
    posting = parse(
        "---\ntype: friend\ncontrat: indépendent\n---\n# Développeur\n\n- Contrat de 6 mois\n"
    )
    assert posting.employment_type == "CONTRACTOR"


def test_what_a_programme_funds_for_years_is_no_contract_s_length() -> None:
    posting = parse(
        "# Chargé·e de déploiement\n\nSur une durée de 2 ans, l’État finance la formation de "
        "4 000 médiateurs.\n\nPoste ouvert pour un premier contrat de 3 mois à temps plein.\n"
    )
    assert posting.contract_duration_months == 3
