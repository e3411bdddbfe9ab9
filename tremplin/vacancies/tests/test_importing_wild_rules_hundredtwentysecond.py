"""Rules learnt from the hundred-and-twenty-second round of tuning postings (held-out postings
drawn at random and moved to the tuning part), each on a fictional example."""

from tremplin.vacancies.tests.wild import parse


def test_years_of_experience_abbreviated_after_the_role() -> None:
    posting = parse(
        '---\ntitle: "Plotwise : Backend Engineer (5+ YoE)"\n---\n'
        "Plotwise - Backend Engineer (5+ YoE) - Denver, CO - Full Time\n\nWe map farmland.\n"
    )
    assert posting.title == "Backend Engineer"
    assert posting.min_years_experience == 5


def test_global_remote_in_a_header_is_the_place_and_no_role() -> None:
    posting = parse(
        '---\ntitle: "Murmur : Global Remote"\n---\n'
        "Murmur - https://murmur.example - Global Remote - FT - multiple roles\n\n"
        "We build a note-taking app.\n"
    )
    assert posting.location == "Global Remote"
    assert posting.title != "Global Remote"


def test_a_role_with_its_terms_in_brackets_is_no_company() -> None:
    posting = parse(
        '---\ntitle: "Data Engineer (Contract) : Denver, CO or REMOTE (US)"\n---\n'
        "Data Engineer (Contract) - Denver, CO or REMOTE (US)\n\n"
        "We are an early-stage venture in home energy.\n"
    )
    assert posting.organization is None
    assert posting.title == "Data Engineer"
    assert posting.location == "Denver, CO or REMOTE (US)"


def test_the_roles_own_page_on_a_board_over_the_board() -> None:
    posting = parse(
        "Fernwood - Platform Engineer - Remote - "
        '<a href="https://jobs.ashbyhq.com/Fernwood">jobs.ashbyhq.com/Fernwood</a>\n\n'
        "We insure greenhouses.\n\n"
        "* Platform Engineer: "
        '<a href="https://jobs.ashbyhq.com/Fernwood/3f2a-77">jobs.ashbyhq.com/Fernwood/3f2a-77</a>\n'
    )
    assert posting.apply_url == "https://jobs.ashbyhq.com/Fernwood/3f2a-77"


def test_a_service_focused_on_its_work_is_who_hires() -> None:
    english = parse(
        "# Content Designer\n\nWe are changing how people get help.\n\n"
        "The Northern Digital Office is focused on delivering better public services.\n"
    )
    french = parse(
        "# Concepteur de contenu\n\nNous changeons la façon d'aider.\n\n"
        "Le Bureau numérique du Nord se concentre sur de meilleurs services publics.\n"
    )
    assert english.organization == "Northern Digital Office"
    assert french.organization == "Bureau numérique du Nord"


def test_the_state_start_up_after_the_role_leaves_the_title() -> None:
    posting = parse(
        "---\nstartup: Carnet vert\n"
        "title: \"Dev back-end pour la start-up d'État Carnet vert (Ministère de l'Écologie)\"\n"
        "---\n\nRejoins l'équipe de Carnet vert.\n"
    )
    assert posting.title == "Dev back-end"
