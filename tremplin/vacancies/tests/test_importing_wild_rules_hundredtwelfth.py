"""Rules learnt from the hundred-and-twelfth round of tuning postings (held-out postings
drawn at random and moved to the tuning part), each on a fictional example."""

from tremplin.vacancies.tests.wild import kinds, parse


def test_a_friend_job_of_a_static_site_is_the_friends() -> None:
    posting = parse(
        "---\ntitle: Chargé·e de mission\ntype: friend\nfriend: Atelier des Jardins\n---\n\n"
        "L'atelier numérique du Ministère des Sports recrute une personne pour lancer "
        "l'atelier.\n"
    )
    assert posting.organization == "Atelier des Jardins"


def test_the_hirers_site_after_the_role_goes_with_its_name() -> None:
    posting = parse(
        "---\ntitle: Développeur·se web pour VÉLO.fr\ncompany: VÉLO\n---\n\nRejoignez l'équipe.\n"
    )
    assert posting.title == "Développeur·se web"


def test_a_board_title_naming_a_later_part_of_the_header_gives_way_to_the_role() -> None:
    posting = parse(
        '---\ntitle: "Tidewater Labs : Portland"\n---\n'
        "Tidewater Labs (YC-backed - W21) - Backend Engineer - Portland - Full-time - $150k\n\n"
        "We build tide prediction software for harbours.\n"
    )
    assert posting.organization == "Tidewater Labs"
    assert posting.title == "Backend Engineer"


def test_data_entrusted_to_a_provider_are_the_clients_terms() -> None:
    posting = parse(
        "# Développeur Python\n\nCDI à Lyon. Nos clients gèrent des données confiées à un "
        "prestataire externe, et notre logiciel les protège.\n"
    )
    assert posting.employment_type == "FULL_TIME"


def test_the_town_of_work_in_brackets_after_the_title_goes() -> None:
    posting = parse('---\ntitle: "Développeur Python (Nantes)"\n---\n\nPoste basé à Nantes.\n')
    assert posting.location == "Nantes"
    assert posting.title == "Développeur Python"


def test_a_pair_of_possessives_after_the_hiring_verb_is_the_article() -> None:
    posting = parse(
        '---\ntitle: "Le futur laboratoire recherche : son ou sa responsable"\n---\n\nBonjour.\n'
    )
    assert posting.title == "Responsable"


def test_a_post_open_full_time_outweighs_others_hours() -> None:
    posting = parse(
        "# Responsable de l'atelier\n\nLes agents qui le souhaitent s'engagent à temps partiel et "
        "à temps plein dans les projets.\n\n## Modalités\n\nPoste ouvert à temps plein, sous "
        "forme de CDD.\n"
    )
    assert posting.employment_type == "FULL_TIME"


def test_addresses_listed_under_a_candidater_heading_are_the_way_in() -> None:
    posting = parse(
        "# Responsable de l'atelier\n\nBonjour.\n\n## Candidater\n\n"
        "Vous pouvez écrire aux adresses suivantes :\n\n"
        "- Jeanne Martin, directrice – jeanne.martin@atelier.example\n"
        "- Paul Durand, adjoint – paul.durand@atelier.example\n"
    )
    assert posting.apply_email == "jeanne.martin@atelier.example"


def test_a_job_description_filed_elsewhere_is_no_apply_link() -> None:
    posting = parse(
        "# Stage de déploiement\n\nBonjour.\n\n## Candidature\n\n"
        "Envoyez-nous votre CV à stage@atelier.example.\n\n"
        "Fiche de poste sur la bourse de l'emploi : https://emploi.example/offre?id=42\n"
    )
    assert posting.apply_email == "stage@atelier.example"
    assert posting.apply_url is None


def test_an_unnamed_hirer_described_with_an_indefinite_article_is_none() -> None:
    posting = parse(
        "---\nroles: UNE NOUVELLE ÉQUIPE RECRUTE UN DÉVELOPPEUR\n---\n\n"
        "# Une nouvelle équipe recrute un développeur\n\nBonjour.\n"
    )
    assert posting.organization is None


def test_the_name_opening_the_paragraph_under_who_we_are_hires() -> None:
    posting = parse(
        "# Développeur\n\nEt si on changeait la donne ?\n\n## Qui sommes-nous ?\n\n"
        "La mission interministérielle des jardins partagés, créée en 2019, aide les villes.\n"
    )
    assert posting.organization == "Mission interministérielle des jardins partagés"


def test_the_hirers_own_years_are_not_asked() -> None:
    posting = parse(
        "# Founding Engineer\n\nWe are newly incorporated, backed by 24+ years of field "
        "expertise.\n\n## Who you are\n\n- A senior engineer who ships.\n"
    )
    assert posting.min_years_experience is None


def test_a_teams_trailing_department_is_no_part_of_the_hirers_name() -> None:
    posting = parse(
        "# Engagement Manager\n\nAs a member of the 29Q Consulting team, you will guide clients.\n"
    )
    assert posting.organization == "29Q"


def test_paragraphs_asking_for_studies_or_qualities_to_the_reader_are_criteria() -> None:
    studies = (
        "Vous êtes diplômé(e) d'une grande école ou d'un master 2 a minima, en droit, sciences "
        "humaines et sociales, aménagement du territoire, urbanisme ou économie, science des "
        "données, etc. et vous avez une première expérience d'au moins deux années."
    )
    qualities = "Autonome et polyvalent, vous faites preuve de rigueur dans vos projets."
    posting = parse(
        "# Chargé de projet\n\n## Profil recherché\n\n"
        "Les territoires connectés vous passionnent ?\n\n"
        f"{studies}\n\nVous avez :\n\n- Une bonne compréhension des enjeux\n\n"
        f"{qualities}\n\nIdéalement, vous connaissez déjà le secteur public.\n"
    )
    found = kinds(posting)
    assert found[studies] == "must"
    assert found[qualities] == "must"
    assert found["Idéalement, vous connaissez déjà le secteur public."] == "nice"
