"""The organization from a posting's signature, and from the domain of the address to apply
to as the last resort, marked as a guess; each on a fictional example written for the test."""

import pytest

from tremplin.vacancies.importing import ParsedPosting, parse_posting


def parse(text: str) -> ParsedPosting:
    return parse_posting(text, source_name="example.md")


ROLE = "# Animateur·rice jeunesse\n\nTu animeras des ateliers avec des jeunes.\n\n"


@pytest.mark.parametrize(
    ("signature", "organization"),
    [
        ("L'équipe de Terre des Possibles", "Terre des Possibles"),
        ("L’équipe du Réseau Vélo Solidaire.", "Réseau Vélo Solidaire"),
        ("The Harbour Commons team", "Harbour Commons"),
        ("Bien à vous,\n\nLa Maison des Voisins asbl", "La Maison des Voisins asbl"),
        ("Cordialement,\nAssociation Les Petits Jardiniers", "Association Les Petits Jardiniers"),
        ("— Collectif Vélorution Namur", "Collectif Vélorution Namur"),
    ],
)
def test_a_signature_at_the_end_names_the_organization(signature: str, organization: str) -> None:
    posting = parse(ROLE + signature + "\n")

    assert posting.organization == organization
    assert posting.organization_guess is None


@pytest.mark.parametrize(
    "signature",
    [
        "Cordialement,\nMarie Dupont",
        "— Marie",
        "L'équipe de recrutement",
        "Merci et bonne chance !",
    ],
)
def test_a_person_or_a_team_signing_names_no_organization(signature: str) -> None:
    assert parse(ROLE + signature + "\n").organization is None


def test_a_signature_in_the_middle_of_the_text_is_not_one() -> None:
    posting = parse(
        ROLE
        + "L'équipe de Terre des Possibles\n\n"
        + "\n\n".join(f"Paragraphe {n}." for n in range(4))
    )
    assert posting.organization is None


@pytest.mark.parametrize(
    ("apply", "organization"),
    [
        ("Envoyez votre CV à emplois@maisondesvoisins.be.", "Maisondesvoisins"),
        (
            "Write to jobs@harbourcommons.org. Harbour Commons answers within a week.",
            "Harbour Commons",
        ),
        ("Apply at https://tidewater.breezy.hr/p/123-organizer.", "Tidewater"),
        ("Apply at https://boards.greenhouse.io/fieldlab/jobs/4567.", "Fieldlab"),
        ("Postulez sur https://recrutement.petits-jardiniers.fr/offre/12.", "Petits-jardiniers"),
    ],
)
def test_the_domain_of_the_apply_address_is_the_last_resort_and_a_guess(
    apply: str, organization: str
) -> None:
    posting = parse(ROLE + apply + "\n")

    assert posting.organization is None  # not stated: proposed apart, as a guess
    assert posting.organization_guess == organization


@pytest.mark.parametrize(
    "apply",
    [
        "Envoyez votre CV à tremplin.animation@gmail.com.",
        "Postulez via https://docs.google.com/forms/d/e/1FAIpQ/viewform.",
        "Apply at https://www.linkedin.com/jobs/view/123.",
    ],
)
def test_a_mail_service_or_form_host_names_no_organization(apply: str) -> None:
    posting = parse(ROLE + apply + "\n")

    assert posting.organization is None
    assert posting.organization_guess is None


def test_a_stated_organization_wins_over_the_domain_and_is_no_guess() -> None:
    posting = parse(
        "# Coordinator\n\nHarbour Commons is hiring a coordinator.\n\n"
        "Apply by writing to jobs@elsewhere-hosting.org.\n"
    )

    assert posting.organization == "Harbour Commons"
    assert posting.organization_guess is None
