"""Rules learnt from the sixth round of tuning postings (sources new to the corpus: a
government digital team's job pages, a non-profit's, a French association's calls for
civic-service volunteers), each on a fictional example."""

from tremplin.vacancies.importing import MUST, NICE, ParsedPosting, parse_posting


def parse(text: str) -> ParsedPosting:
    return parse_posting(text, source_name="example.md")


# --- Who hires ---------------------------------------------------------------------------


def test_an_agency_line_names_who_hires_without_its_acronym() -> None:
    posting = parse(
        "# Architect\n\n**Agency:** [River Conservation Agency (RCA)](https://rca.example)\n\n"
        "**Location:** Springfield\n"
    )
    assert posting.organization == "River Conservation Agency"


def test_a_name_opening_with_digits_can_hire() -> None:
    posting = parse("# Tester\n\n42Lab is looking for talented testers to join our team.\n")
    assert posting.organization == "42Lab"


def test_a_community_the_text_presents_is_who_hires() -> None:
    text = (
        "# Coordinator\n\nPosting date: 1 May 2024\n\n"
        "The Tinkerers is an open, global community teaching repair skills. We seek a "
        "coordinator.\n"
    )
    assert parse(text).organization == "The Tinkerers"


def test_the_team_one_joins_names_who_hires_unless_it_is_a_department() -> None:
    text = "# Developer\n\nYou'll be part of the broader 7K team of designers and developers.\n"
    assert parse(text).organization == "7K"
    text = "# Developer\n\nYou'll join the Engineering team of designers and developers.\n"
    assert parse(text).organization is None


# --- Titles ------------------------------------------------------------------------------


def test_a_title_loses_the_acronym_of_who_hires() -> None:
    posting = parse(
        '---\ntitle: "RCA Innovation Fellow - Architect"\n---\n\n'
        "Agency: River Conservation Agency (RCA)\n"
    )
    assert posting.title == "Innovation Fellow - Architect"


def test_a_title_naming_who_hires_and_no_role_gives_way_to_the_body() -> None:
    posting = parse(
        '---\ntitle: "Rayons recrute !"\n---\n\n'
        "Rayons recrute un **volontaire en service civique**.\n\nUn texte.\n"
    )
    assert posting.title == "Volontaire en service civique"


def test_when_the_job_starts_is_not_part_of_the_title() -> None:
    posting = parse('---\ntitle: "Rayons recrute un animateur à partir de mars !"\n---\n\nTexte.\n')
    assert posting.title == "Animateur"


# --- Terms, place, applying ----------------------------------------------------------------


def test_a_civic_service_volunteer_is_a_volunteer_and_a_willing_person_is_not() -> None:
    text = "# Animation\n\nRayons recherche 2 volontaires en Service Civique. Durée : 8 mois.\n"
    assert parse(text).employment_type == "VOLUNTEER"
    text = "# Animateur\n\nVous êtes volontaire et dynamique. Contrat à temps plein.\n"
    assert parse(text).employment_type == "FULL_TIME"


def test_additional_qualifications_and_skills_one_may_wish_to_learn_are_nice() -> None:
    posting = parse(
        "# Admin\n\n**Required qualifications:**\n\n- Attention to detail\n\n"
        "**Additional qualifications:**\n\n- Experience with invoicing software\n\n"
        "### Strong candidates will have experience with, or a desire to learn:\n\n"
        "- Threat modelling\n"
    )
    kinds = {criterion.text: criterion.kind for criterion in posting.criteria}
    assert kinds == {
        "Attention to detail": MUST,
        "Experience with invoicing software": NICE,
        "Threat modelling": NICE,
    }


def test_a_place_abbreviated_with_initials_keeps_them() -> None:
    assert parse("# Architect\n\nLocation: Washington, D.C.\n").location == "Washington, D.C."


def test_who_is_paid_what_by_country_names_no_place_of_work() -> None:
    text = "# Writer\n\nThis is a remote position. For US-based candidates, pay is $60,000.\n"
    assert parse(text).location is None


def test_the_postal_address_to_send_an_application_to_is_no_place_of_work() -> None:
    text = (
        "# Volontaire\n\nEnvoyez votre candidature par mail ou par courrier à l'adresse "
        "suivante : _Rayons 12 rue des Lilas, 76000 Rouen_\n"
    )
    assert parse(text).location is None
    # The italics around an address stay out of the place.
    text = "# Volontaire\n\nNotre atelier : _12 rue des Lilas, 76000 Rouen_\n"
    assert parse(text).location == "Rouen"


def test_links_to_other_jobs_and_to_a_clock_are_not_the_way_to_apply() -> None:
    posting = parse(
        "# Manager\n\n## To Apply\n\nPlease send a CV to [jobs@tinkerers.example]"
        "(mailto:jobs@tinkerers.example). If you would like to be considered for any of our "
        "[other open positions](https://tinkerers.example/jobs), say so in your letter.\n\n"
        "Applications received before [11 December 2019](https://clock.example/?t=1) will "
        "receive full consideration.\n"
    )
    assert posting.apply_email == "jobs@tinkerers.example"
    assert posting.apply_url is None


def test_a_common_noun_hiring_loses_its_article_and_a_possessive_leads_the_role() -> None:
    # Past a paragraph's opening, only a sentence that names the role says who hires.
    text = (
        "# Poste\n\nVous aimez le code ? Vous aimez l'agilité ? Le laboratoire numérique de "
        "Vireux recherche son tech lead !\n"
    )
    assert parse(text).organization == "Laboratoire numérique de Vireux"


def test_a_town_whose_name_opens_with_an_article_is_a_place() -> None:
    text = "# Dev\n\nUne présence ponctuelle dans les locaux à La Rochelle est souhaitable.\n"
    assert parse(text).location == "La Rochelle"


def test_the_equal_opportunity_employer_is_who_hires_when_nothing_else_says() -> None:
    text = (
        "# Developer\n\nYou will build tools.\n\n"
        "Rivertown Libraries is an equal opportunity employer.\n"
    )
    assert parse(text).organization == "Rivertown Libraries"
    text = "# Developer\n\nWe are an equal opportunity employer.\n"
    assert parse(text).organization is None
