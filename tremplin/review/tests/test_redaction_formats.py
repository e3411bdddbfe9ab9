"""Contact details as candidates across Europe write them (issue 10, item 12): e-mail
addresses disguised against robots, national and international phone numbers of the
countries candidates most often write from, and the flat, floor or box after a street. Each
rule is general, written from how these countries write addresses and numbers, and checked
on the tuning samples (cv_samples/) for what it takes away besides."""

import pytest

from tremplin.review import redaction
from tremplin.review.redaction import Identity

ANN = Identity.of(name="Ann Carver")


def redact(text: str) -> str:
    """Redaction word by word, as in the body of a CV."""
    return redaction.redact(text, identity=ANN, header=False)


@pytest.mark.parametrize(
    "email",
    [
        "jdupont(at)example.fr",
        "jdupont (at) example (dot) fr",
        "jdupont {at} example {dot} com",
        "jdupont(a)example.fr",
        "jdupont [ät] example.de",
        "jdupont[@]example.com",
        "jdupont\uff20example.com",
        "jean.dupont @ example.org",
        "jean.dupont at example.com",
        "j_dupont75 at example.org",
        "prenom.nom [arobase] domaine [point] fr",
        "giulia.rossi [at] example [punto] it",
    ],
)
def test_it_removes_an_email_address_written_against_robots(email: str) -> None:
    assert redact(f"Write to {email} today.") == "Write to [e-mail] today."


@pytest.mark.parametrize(
    "text",
    [
        "Worked at Booking.com and at Amazon.de for 3 years.",
        "Led the team (a) to deliver the project.",
        "Deployed at scale at example.com, 2019.",
    ],
)
def test_a_company_after_at_is_no_email_address(text: str) -> None:
    assert redact(text) == text


@pytest.mark.parametrize(
    "phone",
    [
        "+33 (0)6 12 34 56 78",
        "06.12.34.56.78",
        "+44 7700 900123",
        "+32 470 12 34 56",
        "0470 12 34 56",
        "+41 79 123 45 67",
        "0041 79 123 45 67",
        "+39 347 123 4567",
        "347 123 4567",
        "02 8765 4321",
        "+34 612 34 56 78",
        "612 34 56 78",
        "91 123 45 67",
        "+49 (0) 151 1234 5678",
        "0151 12345678",
        "030 1234567",
        "06-12345678",
        "+351 912 345 678",
    ],
)
def test_it_removes_national_and_international_phone_numbers(phone: str) -> None:
    assert redact(f"Call {phone} today.") == "Call [phone] today."


@pytest.mark.parametrize(
    "text",
    [
        # A street number and a postcode make a valid Italian number: they stay.
        "Alma Mater Studiorum, Via Zamboni 37 40126 Bologna",
        "DOI 10.1109/TASC.2023.3340648",
        "Migrated 14 services from Java 8 to Java 17 in 2022, 2 000 000 calls a day.",
        "Budget de 250 000 € et 1 500 000 utilisateurs, 2015-2019.",
        "ISBN 978-2-07-036822-8",
    ],
)
def test_numbers_that_are_not_phones_stay(text: str) -> None:
    assert "[phone]" not in redact(text)


@pytest.mark.parametrize(
    "address",
    [
        "C/ de la Princesa, 24, 3º B",
        "Calle Mayor 5, 2º dcha",
        "Avda. de Andalucía, 12, 2.º izq",
        "Via Giuseppe Garibaldi 15/A",
        "Viale dei Mille 22, int. 4",
        "Avenue Louise 231, bte 5",
        "Kerkstraat 48 bus 2",
        "Rue de la Loi 16 boîte 3",
        "Keizersgracht 123-H, 1015 CJ Amsterdam",
        "Lange Nieuwstraat 7, 2000 Antwerpen",
        "Apt 4B, 221B Baker Street",
        "4 rue du moulin, 69003 Lyon",
    ],
)
def test_it_removes_a_street_with_its_flat_floor_or_box(address: str) -> None:
    assert redact(f"Lives at:\n{address}\nSkills") == "Lives at:\n[address]\nSkills"


@pytest.mark.parametrize(
    "text",
    [
        "Piso 3 del edificio central, planta 2.",
        "Top 3 in the 2019 ranking, bus 2 to the office.",
        "Il team 5/A ha vinto; 110/110 e lode.",
    ],
)
def test_words_for_a_floor_or_a_box_alone_are_no_address(text: str) -> None:
    assert redact(text) == text


def test_a_user_name_made_of_the_email_address_is_removed_with_digits_after_it() -> None:
    identity = Identity.of(name="Emmett Brown", email="doc.brown@example.edu")
    text = "Experience\nSkype docbrown1955 or docbrown"
    redacted = redaction.redact(text, identity=identity, header=False)
    assert redacted == "Experience\nSkype [link] or [link]"


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Via Roma 10 Sviluppatrice con esperienza", "[address] Sviluppatrice con esperienza"),
        ("Rue des Lilas 12 Ingénieure depuis 2015", "[address] Ingénieure depuis 2015"),
    ],
)
def test_a_street_in_the_header_stops_where_pdf_text_joined_the_next_column(
    line: str, expected: str
) -> None:
    text = f"Ann Carver Profil\n{line}\nExperience\nVia Roma 10 Sviluppatrice"
    assert redact(text) == f"[name] Profil\n{expected}\nExperience\nVia Roma 10 Sviluppatrice"


def test_a_line_of_contacts_joined_by_single_spaces_loses_its_sites_and_handles() -> None:
    # PDF text joins the columns of a header line with single spaces, their icons lost.
    text = "Ann Carver\nParis, FR ann@example.org anncarver.dev carverdev carverdev\nSkills\nSQL"
    redacted = redaction.redact(text, identity=ANN, header=False)
    assert "anncarver.dev" not in redacted and "carverdev" not in redacted
    assert "Skills\nSQL" in redacted


def test_a_sentence_with_one_address_keeps_its_other_words() -> None:
    text = "Ann Carver\nplease write ann@example.org with more questions\nSkills\nSQL"
    redacted = redaction.redact(text, identity=ANN, header=False)
    assert "with more questions" in redacted


def test_a_handle_echoed_with_a_capital_inside_is_a_brand_and_stays() -> None:
    text = "Ann Carver\nann@example.org · github.com/rendercv\nSkills\nRenderCV, rendercv"
    redacted = redaction.redact(text, identity=ANN, header=False)
    assert redacted.endswith("RenderCV, [link]")
