"""Rules learnt from the eighty-first round of tuning postings (eight held-out postings drawn at
random and moved to the tuning part), each on a fictional example."""

import datetime as dt

from tremplin.vacancies.tests.wild import kinds, parse


def test_a_job_boards_city_and_url_keys_give_the_place_and_the_way_to_apply() -> None:
    posting = parse(
        '---\njobTitle: "Alternant - Qualité H/F"\njobCity: "Sète"\n'
        'jobUrl: "https://jobs.example.org/alternance/sete/qualite-4412"\n---\n\nTexte.\n'
    )
    assert posting.location == "Sète"
    assert posting.apply_url == "https://jobs.example.org/alternance/sete/qualite-4412"


def test_what_is_ideally_added_to_a_requirement_leaves_it_asked() -> None:
    posting = parse(
        "# Alternant·e qualité\n\n## Profil\n\n"
        "- Vous êtes en Master qualité avec idéalement une expérience en atelier\n"
        "- Vous êtes rigoureux et méthodique\n"
    )
    assert (
        kinds(posting)["Vous êtes en Master qualité avec idéalement une expérience en atelier"]
        == "must"
    )


def test_a_daily_rate_is_a_freelances_pay() -> None:
    posting = parse(
        "# Data scientist\n\n## Modalités\n\n- Contrat de 4 mois\n"
        "- Taux journalier moyen à discuter\n"
    )
    assert posting.employment_type == "CONTRACTOR"


def test_the_teams_own_freelance_work_is_no_contract_of_the_post() -> None:
    posting = parse(
        "# Community Associate\n\nThis is a part-time role, 3 days a week. We are open to job "
        "shares (most of us fit our work around family, study and freelance work "
        "commitments).\n"
    )
    assert posting.employment_type == "PART_TIME"


def test_a_public_scheme_named_with_a_possessive_is_the_organization() -> None:
    posting = parse(
        "# Chef de produit\n\n## Contexte\n\nMon atelier de quartier est un dispositif qui "
        "permet aux habitants de réparer leurs objets.\n"
    )
    assert posting.organization == "Mon atelier de quartier"


def test_who_was_established_as_an_organisation_is_the_organization() -> None:
    posting = parse(
        "# Field Associate\n\n**OPEN** COMMONS was established in June 2021 as a campaigning "
        "organisation working for shared data.\n"
    )
    assert posting.organization == "OPEN COMMONS"


def test_a_range_of_years_asks_its_floor() -> None:
    french = parse(
        "# Développeur\n\n## Profil\n\n- Vous avez entre 3 et 5 années d’expérience en "
        "développement web\n"
    )
    english = parse(
        "# Developer\n\n## Requirements\n\n- You have between 2 and 4 years of experience "
        "with Django\n"
    )
    assert (french.min_years_experience, english.min_years_experience) == (3, 2)


def test_when_a_fixed_term_ends_is_no_deadline() -> None:
    posting = parse(
        "# Développeuse\n\n## Ce que nous offrons\n\n"
        "- Un CDD au sein de la direction jusqu'au 31 décembre 2027.\n"
        "- Une rémunération selon le profil.\n"
    )
    assert posting.deadline is None


def test_a_deadline_stated_beside_a_fixed_term_stays() -> None:
    # Guard: the rule above is about the contract's end, not a date to send a CV by.
    posting = parse("# Développeuse\n\nUn CDD d'un an. Envoyez votre CV jusqu'au 15 mars 2027.\n")
    assert posting.deadline == dt.date(2027, 3, 15)


def test_a_list_inside_an_item_written_with_two_markers_is_its_items() -> None:
    posting = parse(
        "# Développeur\n\n## Profil recherché\n\n"
        "- Vous avez une expérience en JavaScript\n- Idéalement :\n"
        "- - vous connaissez Svelte\n- - vous aimez l'administration système\n"
        "- Intérêt pour les politiques publiques du logement\n"
    )
    assert kinds(posting) == {
        "Vous avez une expérience en JavaScript": "must",
        "vous connaissez Svelte": "nice",
        "vous aimez l'administration système": "nice",
        "Intérêt pour les politiques publiques du logement": "must",
    }


def test_the_terms_under_a_profile_heading_are_no_criteria() -> None:
    posting = parse(
        "# Développeur\n\n## Le profil et les missions\n\n### Profil\n\n"
        "- Vous connaissez bien PostgreSQL et Django\n\n### Détails techniques\n\n"
        "- **Statut** — freelance\n- **Date de début** — mars 2027\n\n"
        "### Modalités\n\n- Télétravail possible, réunions mensuelles à Lyon\n"
    )
    assert kinds(posting) == {"Vous connaissez bien PostgreSQL et Django": "must"}


def test_a_teams_name_between_the_role_and_the_contract_is_cut_from_the_title() -> None:
    posting = parse("---\ntitle: Designer UX/UI - la Fabrique - CDD 18 mois H/F\n---\n\nTexte.\n")
    assert posting.title == "Designer UX/UI"


def test_experience_asked_in_a_paragraph_before_the_list_is_a_criterion() -> None:
    posting = parse(
        "# Chargé·e de déploiement\n\n## Profil recherché\n\n"
        "Expérience professionnelle sur une mission similaire, ou première expérience après "
        "une école de commerce.\n\nVous êtes notre futur·e collègue si :\n\n"
        "- Vous aimez le travail en petite équipe\n- Vous êtes à l'aise à l'oral\n"
    )
    assert kinds(posting) == {
        "Expérience professionnelle sur une mission similaire, ou première expérience après "
        "une école de commerce.": "must",
        "Vous aimez le travail en petite équipe": "must",
        "Vous êtes à l'aise à l'oral": "must",
    }
