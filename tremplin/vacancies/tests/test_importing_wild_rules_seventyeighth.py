"""Rules learnt from the seventy-eighth round of tuning postings (eight held-out postings
drawn at random and moved to the tuning part), each on a fictional example."""

from tremplin.vacancies.tests.wild import kinds, parse


def test_words_ending_with_an_article_before_recherche_name_no_hirer() -> None:
    posting = parse(
        "# Designer\n\n## Missions\n\nLa mission comprend aussi bien de la recherche "
        "utilisateur que de la conception d'interfaces.\n"
    )
    assert posting.organization is None


def test_the_team_a_static_site_names_is_who_hires_when_the_text_names_no_one() -> None:
    posting = parse(
        "---\nrole: Designer\nequipe: L'Atelier des Communes\n---\n\n## Missions\n\n"
        "Concevoir les écrans du service.\n"
    )
    assert posting.organization == "Atelier des Communes"


def test_an_acronym_is_spelled_out_from_its_own_line_not_the_heading_above() -> None:
    posting = parse(
        "## About the Lindqvist Foundation\n\n"
        "The [Lindqvist Foundation (LF)](https://lf.example.org) is a non-profit.\n\n"
        "## The Role\n\nLF seeks a full-time Director to lead the organization.\n"
    )
    assert posting.organization == "Lindqvist Foundation"


def test_a_benefits_hours_basis_is_not_the_posts_hours() -> None:
    posting = parse(
        "# Assistenz\n\nAssistenz in Teilzeit 20-28h/Woche, 1 Jahr befristet.\n\n"
        "## Was wir bieten\n\n* 30 Urlaubstage (bei 40h/Woche)\n"
    )
    assert posting.employment_type == "PART_TIME"


def test_french_years_with_a_plus_are_a_floor() -> None:
    posting = parse("# UI Designer\n\n## Profil\n\n* Tu as 4+ années d’expérience en design\n")
    assert posting.min_years_experience == 4


def test_a_role_at_a_name_with_the_sign_against_it_in_the_first_heading() -> None:
    posting = parse("## Designer UX/UI @Jardinet\n\n**Jardinet, c’est quoi ?**\n\nUne app.\n")
    assert posting.organization == "Jardinet"


def test_a_day_gone_by_is_no_deadline() -> None:
    posting = parse(
        "---\ndate: 2021-12-09\n---\n# Chargé·e de communication\n\n"
        "Lors du discours de clôture des assises le 27 et 28 septembre dernier, la ministre "
        "a annoncé le dispositif.\n"
    )
    assert posting.deadline is None


def test_a_bullet_cut_off_mid_clause_goes_on_over_the_next_line() -> None:
    posting = parse(
        "# Developer\n\nRequired skills\n---------------\n\n* HTML and CSS\n"
        "* Building apps in JavaScript (or a language that compiles to\nJavaScript)\n"
        "* Writing tests.\n"
    )
    assert kinds(posting) == {
        "HTML and CSS": "must",
        "Building apps in JavaScript (or a language that compiles to JavaScript)": "must",
        "Writing tests.": "must",
    }


def test_a_german_titles_terms_after_in_teilzeit_are_cut() -> None:
    posting = parse(
        "---\ntitle: Referent*in Finanzen in Teilzeit, Minijob möglich, ab sofort\n---\n\nText.\n"
    )
    assert posting.title == "Referent*in Finanzen"
