"""Contact details of more European countries, blank templates' placeholders, and spans of
months that are not phone numbers (issue "Hold against attackers", item 12, fourth round).
Each rule is general, written from how these countries write addresses and numbers and
how CV templates ask for them, and checked on the tuning samples (cv_samples/) for what it
takes away besides."""

import pytest

from tremplin.review import redaction
from tremplin.review.redaction import Identity

ANN = Identity.of(name="Ann Carver")


def redact(text: str) -> str:
    """Redaction word by word, as in the body of a CV."""
    return redaction.redact(text, identity=ANN, header=False)


@pytest.mark.parametrize(
    "dates",
    ["02/2014 - 08/2018", "09/2018 – 07/2021", "01.2008 - 05.2011", "12.02.2014 - 08/2018"],
)
def test_a_span_of_months_is_no_phone_number(dates: str) -> None:
    text = f"Ann Carver\nDeveloper\n\nExperience\n{dates} Musterfirma, Developer"
    assert redact(text) == f"[name]\nDeveloper\n\nExperience\n{dates} Musterfirma, Developer"


@pytest.mark.parametrize(
    ("number", "country"),
    [
        ("22 123 45 67", "Poland"),
        ("210 123 4567", "Greece"),
        ("0721 123 456", "Romania"),
        ("08-123 456 78", "Sweden"),
        ("0912 345 678", "Slovakia"),
        ("01 234 5678", "Ireland"),
    ],
)
def test_it_removes_national_numbers_of_more_european_countries(number: str, country: str) -> None:
    assert redact(f"Ann Carver\nDeveloper\n\nContact\n{number}\n") == (
        "[name]\nDeveloper\n\nContact\n[phone]\n"
    ), country


@pytest.mark.parametrize(
    "address",
    [
        "Hoofdstraat 12, 1012AB Amsterdam",
        "Strada Florilor 7, 010101 București",
        "Calea Victoriei 12",
        "Bulevardul Unirii 5",
        "ul. Kwiatowa 5",
        "Storgatan 12",
        "Kungsvägen 3",
        "Vesterbrogade 12",
        "Aleksanterinkatu 5",
    ],
)
def test_it_removes_addresses_of_more_european_countries(address: str) -> None:
    text = f"Ann Carver\nDeveloper\n\nExperience\nCook\n\nContact\n{address}\n"
    assert redact(text) == "[name]\nDeveloper\n\nExperience\nCook\n\nContact\n[address]\n"


def test_a_town_beside_its_country_after_a_slash_goes() -> None:
    text = "Ann Carver\nSevilla / Spain | +34 600 000 000\n\nExperience\nCook at Bar / Grill"
    assert redact(text) == (
        "[name]\n[address] / [address] | [phone]\n\nExperience\nCook at Bar / Grill"
    )


@pytest.mark.parametrize(
    ("placeholder", "marker"),
    [
        ("Replace with house number, street name, city, postcode, country", "[address]"),
        ("Replace with mobile number", "[phone]"),
        ("State e-mail address", "[e-mail]"),
        ("Sostituire con indirizzo e-mail", "[e-mail]"),
        ("Remplacer par votre numéro de téléphone", "[phone]"),
        ("Navedite svoje prezime(na) i ime(na)", "[name]"),
        ('LinkedIn public profile URL without "http://"', "[link]"),
    ],
)
def test_a_templates_instruction_for_a_contact_field_goes_as_what_it_stands_for(
    placeholder: str, marker: str
) -> None:
    text = f"Ann Carver\n{placeholder}\nWORK EXPERIENCE\nReplace with employer's name\n"
    assert redact(text) == f"[name]\n{marker}\nWORK EXPERIENCE\nReplace with employer's name\n"


def test_instructions_for_other_fields_and_after_the_personal_details_stay() -> None:
    text = (
        "PERSONAL INFORMATION Ann Carver\nGender Enter sex | Nationality Enter nationality\n"
        "JOB APPLIED FOR Replace with job applied for\nReplace with mobile number\n"
    )
    assert redact(text) == text.replace("Ann Carver", "[name]")


@pytest.mark.parametrize(
    "place", ["Greater London Area", "Rotterdam area", "Milano (MI)", "Région de Lyon"]
)
def test_a_towns_surroundings_or_province_next_to_the_contacts_go(place: str) -> None:
    text = f"Ann Carver\nData Engineer\n{place}\nann@example.org\n\nExperience\nCook, Lyon"
    assert redact(text) == ("[name]\nData Engineer\n[address]\n[e-mail]\n\nExperience\nCook, Lyon")


def test_a_word_alone_over_the_contacts_under_a_title_stays() -> None:
    # "Python" or "Hamburg": without a list of towns, a word alone next to one contact line
    # is as often a skill as a town.
    text = "Ann Carver\nData Engineer\nPython\nann@example.org\n\nExperience\nCook"
    assert redact(text) == "[name]\nData Engineer\nPython\n[e-mail]\n\nExperience\nCook"


def test_a_letters_inside_address_under_the_senders_contacts_stays_without_a_blank() -> None:
    # PDF text loses the blank line between the sender's block and the addressee's: the
    # sender's last contact line sets them apart.
    text = (
        "Ann Carver\n4 rue des Lilas\n69003 Lyon\nTél. : 06 12 34 56 78\nann@example.org\n"
        "Hôtel du Parc\nService du personnel\n12 avenue Foch\n75016 Paris\n"
        "Lyon, le 3 mars 2026\nObjet : candidature\nMadame, Monsieur,\nJe postule."
    )
    redacted = redact(text)
    assert "Hôtel du Parc\nService du personnel\n12 avenue Foch\n75016 Paris\n" in redacted
    assert "rue des Lilas" not in redacted and "ann@example.org" not in redacted


def test_a_reference_line_under_the_senders_contacts_is_no_inside_address() -> None:
    text = (
        "Ann Carver\nann@example.org\nIhr Zeichen Unser Zeichen Telefon Datum\n"
        "HGK 0800 1231231 20.10.2010\nBetreff\nSehr geehrte Damen und Herren,\nText"
    )
    assert "1231231" not in redact(text)


def test_a_german_career_heading_ends_the_header() -> None:
    # Two columns' headings joined by PDF text: the employer's site below is not a link of
    # the header, whose user names would be the candidate's.
    text = (
        "Ann Carver\nann@example.org\nBerufslaufbahn Motivation\n"
        "2014 - 2018 Musterfirma, Musterstadt\nhttps://www.musterfirma.de/\n"
    )
    assert redact(text).endswith(
        "2014 - 2018 Musterfirma, Musterstadt\nhttps://www.musterfirma.de/\n"
    )
