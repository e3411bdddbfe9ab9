"""Rules learnt from the hundred-and-twenty-first round of tuning postings (held-out postings
drawn at random and moved to the tuning part), each on a fictional example."""

from decimal import Decimal

from tremplin.vacancies.tests.wild import parse


def test_an_address_spelt_out_with_dots_in_the_user_name() -> None:
    posting = parse(
        "# Data Engineer\n\nWe keep river gauges online.\n\n"
        'Reach out to me directly at "ana dot perez at riverwatch dot org".\n'
    )
    assert posting.apply_email == "ana.perez@riverwatch.org"


def test_a_header_place_of_two_towns_with_its_work_mode_is_no_role() -> None:
    posting = parse(
        '---\ntitle: "Quillmark : Backend Engineer"\n---\n'
        "Quillmark - Oakland/San Jose, CA (onsite/hybrid) - Backend Engineer - Full Time\n\n"
        "We typeset court records.\n"
    )
    assert posting.title == "Backend Engineer"
    assert posting.location == "Oakland/San Jose, CA"


def test_a_board_title_of_the_company_alone_gives_the_headers_role() -> None:
    posting = parse(
        '---\ntitle: "Mendwell"\n---\n'
        "Mendwell - Nurse Practitioner - Virtual Care - Remote\n\nWe treat migraines online.\n"
    )
    assert posting.title == "Nurse Practitioner"


def test_a_range_of_full_amounts_in_a_header_is_the_pay() -> None:
    posting = parse(
        '---\ntitle: "Tallybook : Platform Engineer"\n---\n'
        "Tallybook - Platform Engineer - US Remote - FT - $140,000 - $175,000\n\n"
        "We build bookkeeping software for farms and co-operatives across the country.\n"
    )
    assert posting.salary is not None
    assert (posting.salary.min, posting.salary.max) == (Decimal(140000), Decimal(175000))
    assert posting.salary.currency == "USD"
    assert posting.location == "US Remote"


def test_contract_to_hire_in_a_header_is_a_contractors_post() -> None:
    posting = parse(
        '---\ntitle: "Helix Clinics : Remote"\n---\n'
        "Helix Clinics - Remote - Contract-to-hire\n\nSenior Data Engineer\n\nWe run clinics.\n"
    )
    assert posting.employment_type == "CONTRACTOR"


def test_a_mission_for_a_freelance_without_an_article() -> None:
    posting = parse(
        "# Administrateur système\n\n## Modalités\n\n"
        "* Mission initiale pour indépendant, avec un essai de six semaines\n"
        "* Télétravail possible\n"
    )
    assert posting.employment_type == "CONTRACTOR"


def test_being_carried_by_a_contractor_company_is_a_contractors_post() -> None:
    posting = parse(
        "# Développeuse ou développeur\n\n## Modalités\n\n"
        "- L'entreprise titulaire du marché est Acmé. Si vous êtes indépendant·e, vous serez "
        "porté·e par Acmé\n"
    )
    assert posting.employment_type == "CONTRACTOR"


def test_an_internship_word_before_the_role_leaves_the_title() -> None:
    posting = parse(
        "---\nrole: Stage chargé·e de communication\ncontrat: stagiaire\n---\n\n"
        "L'incubateur recherche un ou une stagiaire.\n"
    )
    assert posting.title == "Chargé·e de communication"
    assert posting.employment_type == "INTERN"


def test_a_feeds_brand_is_who_hires_over_its_site_and_a_bare_range_of_months() -> None:
    posting = parse(
        '---\ntitle: "Technicien maintenance H/F"\nbrand: "Voilerie Dupont"\n'
        'entity: "Lorient - Atelier voiles"\ncontract_duration: "6 - 12"\n---\n\n'
        "Tu assures la maintenance de l'atelier.\n"
    )
    assert posting.organization == "Voilerie Dupont"
    assert posting.contract_duration_months == 6


def test_a_preformatted_list_of_requirements_is_read() -> None:
    posting = parse(
        "Skyloom - Firmware Engineer - Denver, CO - Full-time\n\nWe fly weather balloons.\n\n"
        "We're looking for:\n\n"
        "<pre><code>  - 5+ years of embedded C experience.\n"
        "  - Someone calm when a launch window closes.\n"
        "</code></pre>\nApply on our site.\n"
    )
    found = [criterion.text for criterion in posting.criteria]
    assert "5+ years of embedded C experience." in found
    assert "Someone calm when a launch window closes." in found


def test_the_first_address_under_a_heading_offering_more_information() -> None:
    posting = parse(
        "# Développeuse ou développeur\n\nNous construisons un service public.\n\n"
        "## Nous écrire\n\nPour en savoir plus et échanger avec nous :\n\n"
        "- lea.martin@exemple.gouv.fr - (produit)\n- paul.roux@exemple.gouv.fr - (technique)\n"
    )
    assert posting.apply_email == "lea.martin@exemple.gouv.fr"
