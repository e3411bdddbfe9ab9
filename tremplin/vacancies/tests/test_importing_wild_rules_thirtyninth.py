"""Rules learnt from the thirty-ninth round of tuning postings (eight held-out postings drawn
at random and moved to the tuning part: a Nordic collaboration's coordinator post, research
groups' postdoc and PhD calls, an open-source society's call for editors, a German institute's
developer post, a conference's director post, and others), each on a fictional example."""

from tremplin.vacancies.tests.wild import kinds, parse


def test_a_paragraph_ending_unfinished_leads_into_its_list_and_what_it_asks_before_counts() -> None:
    posting = parse(
        "# Coordinator\n\nYour main tasks include\n- keeping the budget,\n- writing reports.\n\n"
        "We are looking for someone who has good command of written English. You have a "
        "master's degree and three years of work experience. We also appreciate\n"
        "- experience of research funding,\n- knowledge of research policy.\n\n"
        "This vacancy is for four years with the possibility of extension.\n"
    )
    assert kinds(posting) == {
        "We are looking for someone who has good command of written English.": "must",
        "You have a master's degree and three years of work experience.": "must",
        "experience of research funding,": "nice",
        "knowledge of research policy.": "nice",
    }
    assert posting.contract_duration_months == 48
    assert posting.employment_type == "TEMPORARY"


def test_a_bullet_that_is_a_requirements_heading_heads_its_sub_bullets() -> None:
    posting = parse(
        "---\ntitle: PhD positions\n---\n\nWe are seeking PhD candidates.\n\n"
        "- Qualifications\n  - Fluent in English, written and spoken.\n"
        "  - Proficient in R programming.\n- Contact\n  - Write to the lab.\n"
        "- Accounts payable experience\n  - You will pay the vendors on time.\n"
    )
    assert kinds(posting) == {
        "Fluent in English, written and spoken.": "must",
        "Proficient in R programming.": "must",
    }


def test_a_heading_run_into_its_paragraph_says_what_its_sentences_are() -> None:
    posting = parse(
        "# Postdoc\n\n**Responsibilities:** Lead a project. Supervise students.\n\n"
        "**Selection criteria:** Ph.D. in ecology or related fields. Strong team player. "
        "Experience with field work is a strong plus.\n"
    )
    assert kinds(posting) == {
        "Ph.D. in ecology or related fields.": "must",
        "Strong team player.": "must",
        "Experience with field work is a strong plus.": "nice",
    }


def test_position_available_and_a_comma_before_the_hirer_leave_the_title() -> None:
    posting = parse(
        '---\ntitle: "Position Available: Director, Open Science Lab, Harbour"\n---\n\n'
        "Harbour is hiring a director.\n"
    )
    assert posting.title == "Director, Open Science Lab"


def test_package_reviews_are_no_pay_and_a_german_place_of_work_is_read() -> None:
    posting = parse(
        "# Editor\n\nYou will handle 3-4 package reviews a year.\n\n"
        "* auf Wunsch Remote-Arbeit möglich, sonst Dienstort Bremen\n"
        "* Sicheres Deutsch und Freude an Teamarbeit\n"
    )
    assert posting.salary is None
    assert posting.location == "Bremen"
    assert posting.required_languages == ["de"]
