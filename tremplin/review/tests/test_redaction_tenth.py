"""Issue 10, item 12, tenth round: general rules for what redaction still did wrong on the
tuning samples once six fresh ones joined them, each on a made-up example: a phone spelt
partly in letters in international form, an addressee a template names by the hiring role
in Italian, French or German, a region and a postcode after the town with no country, and a
German compound job title between contact lines."""

from tremplin.review import redaction
from tremplin.review.redaction import Identity

ANN = Identity.of(name="Ann Carver", email="ann@example.org")


def redact(text: str, identity: Identity = ANN, *, header: bool = True) -> str:
    return redaction.redact(text, identity=identity, header=header)


def test_a_phone_spelt_partly_in_letters_in_international_form_goes_without_a_label() -> None:
    redacted = redact("Ann Carver\n\nExperience\nCall +1 (555) FOX-TROT 2019 - 2021 Archivist\n")
    assert "FOX-TROT" not in redacted and "555" not in redacted
    assert "2019 - 2021 Archivist" in redacted


def test_capitals_after_a_plus_and_a_number_that_are_no_phone_stay() -> None:
    redacted = redact("Ann Carver\n\nSkills\nC++ 14 and +2 ABC grades.\n")
    assert "+2 ABC" in redacted


def test_an_addressee_named_by_the_hiring_role_in_another_language_stays() -> None:
    for role, salutation in (
        ("Responsabile Assunzioni", "Gentile Responsabile Assunzioni,"),
        ("Responsable du recrutement", "Madame, Monsieur,"),
        ("Personalverantwortliche", "Sehr geehrte Damen und Herren,"),
    ):
        text = (
            f"Ann Carver\nann@example.org\n+44 20 7946 0000\n{role}\nFenwick Archives\n"
            f"Via Roma 3\n40100 Bologna\n\n{salutation}\n\nTesto.\n"
        )
        redacted = redact(text)
        assert "Via Roma 3" in redacted and "40100 Bologna" in redacted, role


def test_a_region_and_a_postcode_after_the_town_go_with_the_address() -> None:
    redacted = redact(
        "Ann Carver\nArchiviste\n8 Rue des Lilas, Paris, Île-de-France, 75011\n"
        "ann@example.org\n\nProfil\nTexte.\n",
        header=False,
    )
    assert "Île-de-France" not in redacted and "75011" not in redacted


def test_a_german_compound_job_title_between_contact_lines_stays() -> None:
    for title in ("Softwareentwickler", "Webentwicklung", "Bauingenieurin"):
        redacted = redact(f"Ann Carver\n{title}\nann@example.org\n\nProfil\nText.\n")
        assert title in redacted
