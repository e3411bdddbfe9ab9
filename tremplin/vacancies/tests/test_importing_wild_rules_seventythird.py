"""Rules learnt from the seventy-third round of tuning postings (eight held-out postings drawn
at random and moved to the tuning part), each on a fictional example."""

from tremplin.vacancies.tests.wild import kinds, parse


def test_a_link_whose_words_wrap_onto_the_next_line_is_read_whole() -> None:
    posting = parse(
        "# Mobile developer\n\nThe Harbour Lamp team (a small non-profit charity mapping\n"
        "lighthouses, first started inside the [Coastal\nHeritage Trust](https://example.org/))"
        " is looking for a mobile developer.\n"
    )
    assert posting.organization == "Harbour Lamp"
    # Once read, a faculty's home page in a language is still no way to apply.
    posting = parse(
        "# Data manager\n\nThe [Department of Tides](https://tides.example.edu/) at [Faculty\n"
        "of Sea Science](https://sea.example.edu/en/) at Northsea University invites\n"
        "applications for the position as data manager.\n"
    )
    assert posting.apply_url is None


def test_a_headings_anchor_link_is_no_way_to_apply() -> None:
    posting = parse(
        "# Développeuse ou développeur\n\n"
        '## [](https://pad.example.net/#ta-candidature "ta-candidature")ta candidature\n\n'
        "Pour postuler, écris-nous à [equipe@example.fr](mailto:equipe@example.fr).\n"
    )
    assert posting.apply_url is None
    assert posting.apply_email == "equipe@example.fr"


def test_a_contract_bullet_stating_independent_work_makes_a_contractor() -> None:
    posting = parse("# Développeur\n\n## Modalités\n\n* Contrat : indépendant\n* Charge : 4 j\n")
    assert posting.employment_type == "CONTRACTOR"


def test_a_titles_school_years_and_its_share_of_full_time_are_cut() -> None:
    assert parse("# Alternance - Technicien méthodes 2026-2028\n\nTexte.\n").title == (
        "Alternance - Technicien méthodes"
    )
    assert parse("# Referent*in (60-80%, ab März 2027)\n\nText.\n").title == "Referent*in"


def test_a_german_cry_with_no_colon_leaves_the_role() -> None:
    posting = parse("---\ntitle: 'Wir suchen Datenjournalist*in!'\n---\n\nText.\n")
    assert posting.title == "Datenjournalist*in"
    posting = parse("---\ntitle: 'Wij zoeken een projectleider'\n---\n\nTekst.\n")
    assert posting.title == "Projectleider"


def test_a_job_feeds_town_key_gives_the_place() -> None:
    posting = parse("---\ntitle: Technicien\nlocation_city: Abbeville\n---\n\nTexte.\n")
    assert posting.location == "Abbeville"


def test_a_list_of_what_the_reader_has_and_is_states_requirements() -> None:
    posting = parse(
        "# Ingénieur\n\n## Côté technique...\n\n- Vous maîtrisez le logiciel SolidWorks\n"
        "- Vous avez le sens du travail en équipe\n- Vous êtes titulaire du permis B\n\n"
        "## Vos missions\n\n- Vous êtes en charge des essais sur banc\n"
        "- Vous avez à rédiger les rapports d'essais\n"
    )
    assert kinds(posting) == {
        "Vous maîtrisez le logiciel SolidWorks": "must",
        "Vous avez le sens du travail en équipe": "must",
        "Vous êtes titulaire du permis B": "must",
    }


def test_german_years_of_experience_written_in_words_give_the_floor() -> None:
    posting = parse(
        "# Referent*in\n\n## Profil\n\nDu bringst idealerweise zwei bis drei Jahre "
        "einschlägige Berufserfahrung mit.\n"
    )
    assert posting.min_years_experience == 2
