"""Rules learnt from the sixty-ninth round of tuning postings (fourteen held-out postings drawn
at random and moved to the tuning part), each on a fictional example."""

from tremplin.vacancies.tests.wild import kinds, parse


def test_a_permanent_contract_type_offered_full_or_part_time_is_full_time() -> None:
    posting = parse(
        "# Data Engineer\n\n**Working pattern:** Full-time, Part-time, Job share\n\n"
        "**Contract type:** Permanent\n\nWe build services for the public.\n"
    )
    assert posting.employment_type == "FULL_TIME"


def test_a_role_with_no_salary_is_a_volunteer_one() -> None:
    posting = parse(
        "# Call for reviewers\n\nThe journal seeks two reviewers for a two-year term. "
        "Please note that there is no salary or stipend associated with this role.\n"
    )
    assert posting.employment_type == "VOLUNTEER"


def test_a_work_study_contract_is_an_internship_but_not_when_it_is_ruled_out() -> None:
    stated = parse(
        "# Assistant commercial en alternance\n\nContrat d'alternance (pro, apprentissage), "
        "temps plein. Vous préparez un BTS.\n"
    )
    keyed = parse(
        "---\ntitle: Chargé de communication\ncontract_type: Apprenticeship\n---\n\nTexte.\n"
    )
    titled = parse("---\ntitle: 'Alternance - Chargé de communication'\n---\n\nTexte.\n")
    ruled_out = parse(
        "# Développeur PHP\n\nType de contrat : CDI, temps plein (pas de contrat d'alternance "
        "ni d'apprentissage).\n"
    )
    assert [stated.employment_type, keyed.employment_type, titled.employment_type] == [
        "INTERN",
        "INTERN",
        "INTERN",
    ]
    assert ruled_out.employment_type == "FULL_TIME"


def test_a_title_loses_its_gender_marker_before_a_town_and_a_department_with_its_town() -> None:
    marked = parse("---\ntitle: 'Intégrateur web (H/F) - Rennes'\n---\n\nTexte.\n")
    department = parse(
        "---\ntitle: 'Alternance - Assistant RH - Bac+3 - (69 - Lyon) - H/F'\n---\n\nTexte.\n"
    )
    assert marked.title == "Intégrateur web"
    assert department.title == "Alternance – Assistant RH – Bac+3"


def test_research_and_seeking_to_do_something_name_no_hirer() -> None:
    posting = parse(
        "# Stage : outil de tests\n\nLa recherche de la qualité pousse les équipes à tester "
        "plus. Testeo cherche à simplifier ces outils.\n\n## Profil\n\n- Python\n- Java\n"
    )
    assert posting.organization is None


def test_a_salary_range_key_states_the_pay() -> None:
    posting = parse('+++\ntitle = "Product lead"\nsalary_range = "$80,000-100,000"\n+++\n\nText.\n')
    assert posting.salary is not None
    assert posting.salary.as_json() == {
        "min": 80000,
        "max": 100000,
        "currency": "USD",
        "period": "YEAR",
    }


def test_a_language_stays_required_beside_a_clause_offering_a_choice() -> None:
    posting = parse(
        "# Programme manager\n\n## Essential criteria\n\n- Experience with distributed teams\n"
        "- Fluent in English, and confident in one or both of Portuguese or Italian.\n"
    )
    assert posting.required_languages == ["en"]


def test_about_a_name_and_this_role_names_the_organization() -> None:
    posting = parse(
        "# Community lead\n\n## About Fernwood Collective and this role\n\n"
        "We support rural libraries.\n"
    )
    assert posting.organization == "Fernwood Collective"


def test_a_lone_bold_list_item_of_a_word_processor_page_heads_the_lines_under_it() -> None:
    posting = parse(
        "<h1>Ingénieurs développement</h1>\n<p>Postes en CDI.</p>\n"
        "<ul>\n<li><p><strong>Profil :</strong></p></li>\n</ul>\n"
        "<p>La personne sera titulaire d'un BAC+3.<br />\n"
        "Vous connaissez la programmation objet et les bases de données.<br />\n"
        "La connaissance de Django et de PostgreSQL seraient des plus.</p>\n"
        "<ul>\n<li><p><strong>Divers :</strong></p></li>\n</ul>\n<p>Tickets restaurant.</p>\n"
    )
    assert kinds(posting) == {
        "La personne sera titulaire d'un BAC+3.": "must",
        "Vous connaissez la programmation objet et les bases de données.": "must",
        "La connaissance de Django et de PostgreSQL seraient des plus.": "nice",
    }


def test_a_shortcode_link_to_write_to_gives_the_apply_address() -> None:
    posting = parse(
        "---\ntitle: Bénévoles\n---\n\nNous cherchons des bénévoles pour nos ateliers.\n\n"
        '{{< cta cta_text="Écris-nous"\n'
        'cta_link="mailto:ateliers@example.org?subject=Bénévolat" >}}\n'
    )
    assert posting.apply_email == "ateliers@example.org"
