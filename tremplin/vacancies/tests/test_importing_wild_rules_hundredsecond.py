"""Rules learnt from the hundred-and-second round of tuning postings (held-out postings drawn
at random and moved to the tuning part), each on a fictional example."""

from tremplin.vacancies.tests.wild import parse


def test_a_job_board_s_apply_mail_is_the_apply_e_mail() -> None:
    posting = parse(
        '---\ntitle: "Équipier polyvalent"\napply_mail: "apply.123@candidatures.example"\n---\n\n'
        "Un restaurant recrute un équipier en alternance.\n"
    )
    assert posting.apply_email == "apply.123@candidatures.example"


def test_how_long_one_must_be_free_is_the_mission_s_length() -> None:
    posting = parse(
        "# Développeur\n\n## Profil\n\n- Bonne connaissance de Python.\n"
        "- Disponibilité six mois minimum.\n"
    )
    assert posting.contract_duration_months == 6


def test_a_team_s_name_ends_before_the_clause_about_it() -> None:
    posting = parse(
        "---\nroles: Développeur backend\nstartup: cahier.de.suivi\n---\n\n"
        "## Mission\n\nDévelopper l'outil **Cahier de suivi** qui rassemble le parcours d'un "
        "usager.\n"
    )
    assert posting.organization == "Cahier de suivi"
