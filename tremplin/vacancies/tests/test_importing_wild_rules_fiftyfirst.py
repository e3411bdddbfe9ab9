"""Rules learnt from the fifty-first round of tuning postings (ten held-out postings drawn at
random and moved to the tuning part), each on a fictional example."""

from tremplin.vacancies.tests.wild import kinds, parse


def test_a_bullet_opening_with_atout_is_nice() -> None:
    posting = parse(
        "# Technicien·ne\n\n## Qualifications\n\n- Maîtrise de Python.\n"
        "- Atout : expérience de Docker.\n"
    )
    assert kinds(posting) == {
        "Maîtrise de Python.": "must",
        "Atout : expérience de Docker.": "nice",
    }


def test_a_canadian_language_profile_requires_its_language() -> None:
    posting = parse(
        "# Analyste\n\nCe poste de durée déterminée est au profil linguistique « anglais "
        "essentiel ».\n"
    )
    assert posting.required_languages == ["en"]


def test_years_of_xp_are_years_of_experience() -> None:
    assert parse("# Développeur\n\nDéveloppement web avec +4 ans d'xp.\n").min_years_experience == 4


def test_the_unit_after_a_dash_is_not_the_role() -> None:
    posting = parse("# Analyste des données — Équipe des services numériques\n\nRejoignez-nous.\n")
    assert posting.title == "Analyste des données"
    posting = parse("# Développeur — Notify\n\nRejoignez-nous.\n")
    assert posting.title == "Développeur — Notify"
