"""The redaction of blind review, on its own: what goes, and what stays."""

import pytest
from django.utils import translation

from tremplin.review.redaction import Identity, redact

JEANNE = Identity.of(
    name="Jeanne Dupont-Lefèvre", email="jeanne.dupont@example.org", phone="06 12 34 56 78"
)


@pytest.mark.parametrize(
    "written",
    [
        "Jeanne Dupont-Lefèvre",
        "JEANNE DUPONT-LEFEVRE",
        "jeanne dupont-lefèvre",
        "Jeanne  Dupont-Lefevre",
    ],
)
def test_it_removes_the_candidates_full_name_in_any_case_and_with_or_without_accents(
    written: str,
) -> None:
    assert redact(f"CV of {written}, 2024", identity=JEANNE) == "CV of [name], 2024"


def test_it_removes_each_part_of_the_name_written_with_a_capital() -> None:
    text = "Je m'appelle Jeanne. Madame Lefèvre recommande Dupont; LEFEVRE aussi."
    assert redact(text, identity=JEANNE) == (
        "Je m'appelle [name]. Madame [name] recommande [name]; [name] aussi."
    )


def test_it_leaves_name_parts_that_are_common_words_when_not_capitalised() -> None:
    rose = Identity.of(name="Rose Pierre de la Tour")
    text = "Une rose, une pierre et la tour de Babel. Rose Pierre a écrit. Tour de France."
    assert redact(text, identity=rose) == (
        "Une rose, une pierre et la tour de Babel. [name] a écrit. [name] de France."
    )


def test_it_does_not_cut_a_name_out_of_a_longer_word() -> None:
    martin = Identity.of(name="Paul Martin")
    assert redact("Born in Martinique; Martin's work", identity=martin) == (
        "Born in Martinique; [name]'s work"
    )


@pytest.mark.parametrize(
    "email",
    [
        "jeanne.dupont@example.org",
        "JD-2024+jobs@mail.example.co.uk",
        "jdupont [at] gmail [dot] com",
        "jdupont(at)gmail.com",
    ],
)
def test_it_removes_e_mail_addresses(email: str) -> None:
    assert redact(f"Write to {email}.", identity=JEANNE) == "Write to [e-mail]."


@pytest.mark.parametrize(
    "phone",
    [
        "06 12 34 56 78",
        "06.12.34.56.78",
        "0612345678",
        "+33 6 12 34 56 78",
        "+33 (0)6 12 34 56 78",
        "0033 6 12 34 56 78",
        "01 44 55 66 77",
        "+44 20 7946 0958",
        "+1 415 555 2671",
        "(415) 555-2671",
        "+32 2 123 45 67",
        "+49 30 12345678",
    ],
)
def test_it_removes_french_and_international_phone_numbers(phone: str) -> None:
    assert redact(f"Tél. : {phone} (soir)", identity=JEANNE) == "Tél. : [phone] (soir)"


def test_it_removes_the_candidates_own_number_however_it_is_spaced() -> None:
    odd = Identity.of(name="A B", phone="+33 6 98 76 54 32")
    assert redact("mobile 069-876-5432 / 6 98 76 54 32", identity=odd) == (
        "mobile [phone] / [phone]"
    )


@pytest.mark.parametrize(
    "link",
    [
        "https://www.linkedin.com/in/jeanne-dupont-123/",
        "linkedin.com/in/jdupont",
        "fr.linkedin.com/in/jeanne-dupont",
        "github.com/jdupont",
        "https://jdupont.github.io/portfolio",
        "www.example-portfolio.fr",
        "http://example.org/~jd?x=1",
        "jeannedupont.fr",
        "@jdupont_fr",
    ],
)
def test_it_removes_links_and_handles(link: str) -> None:
    assert redact(f"See {link}. Thanks", identity=JEANNE) == "See [link]. Thanks"


@pytest.mark.parametrize(
    "address",
    [
        "12 rue des Lilas",
        "12 bis rue des Lilas, 75011 Paris",
        "3, avenue Jean-Jaurès",
        "4-6 place de la République 69003 Lyon Cedex 03",
        "8 boulevard Saint-Michel",
        "F-13001 Marseille",
        "92100 Boulogne-Billancourt",
        "221B Baker Street, London NW1 6XE",
        "1600 Pennsylvania Avenue NW, Washington, DC 20500",
        "10 Downing St.",
    ],
)
def test_it_removes_postal_addresses(address: str) -> None:
    redacted = redact(f"Address:\n{address}\nNext line", identity=JEANNE)
    assert redacted.startswith("Address:\n") and redacted.endswith("\nNext line")
    middle = redacted.removeprefix("Address:\n").removesuffix("\nNext line")
    assert not any(char.isdigit() for char in middle), middle
    assert "[address]" in middle


def test_it_keeps_an_ordinary_cv_as_it_is() -> None:
    clean = (
        "Master 2 Droit public, Université Paris 1 Panthéon-Sorbonne (2015-2017).\n"
        "J'ai donné 3 cours de droit européen; la route 66. Place aux jeunes.\n"
        "Chargée de mission, 2019 – 2023 : 15 partenariats, budget de 250 000 €.\n"
        "Skills: Python 3.12, Django 5, Node.js/React, ISO 27001, GDPR Art. 22.\n"
        "Led a team of 5 at Data For Good; raised €1.2M in 2021; 12 000 downloads.\n"
        "SIRET 123 456 789 00012. Langues : anglais (C1), espagnol (B2)."
    )
    assert redact(clean, identity=JEANNE) == clean


def test_a_whole_cv_header_loses_every_identifying_detail() -> None:
    header = (
        "JEANNE DUPONT-LEFÈVRE\n"
        "12 bis rue des Lilas, 75011 Paris\n"
        "+33 6 12 34 56 78 · jeanne.dupont@example.org\n"
        "linkedin.com/in/jeanne-dupont · github.com/jdupont\n"
        "Chargée de plaidoyer"
    )
    assert redact(header, identity=JEANNE) == (
        "[name]\n[address]\n[phone] · [e-mail]\n[link] · [link]\nChargée de plaidoyer"
    )


def test_the_markers_are_in_the_readers_language() -> None:
    with translation.override("fr"):
        redacted = redact("Jeanne Dupont, jeanne.dupont@example.org", identity=JEANNE)
    assert redacted == "[nom], [e-mail]"


def test_nothing_to_redact_in_an_empty_text() -> None:
    assert redact("", identity=JEANNE) == ""
    assert redact("Bonjour", identity=Identity()) == "Bonjour"
