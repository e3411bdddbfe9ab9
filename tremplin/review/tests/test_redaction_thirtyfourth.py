"""Issue 10, item 12, thirty-fourth round: general rules for what redaction still did wrong on
the tuning samples once six held-out samples joined them, on made-up examples: a letter's own
block above its date, an addressee who shares the candidate's surname, an unlabelled
subject, a weekday before the date, a key's fingerprint, Nordic labels and "Tel. no.:"."""

from tremplin.review import redaction
from tremplin.review.redaction import Identity

LETTER = (
    "Garden Club\nNorth Wing\nSomewhere Lane 4\nLakeside 4321\n\n"
    "March 3, 2026\n\nHiring Manager\nRoe & Co\n35 Harbour Road\nPortsmouth PO1 2AB\n\n"
    "Dear Sir or Madam,\n\nI am applying for the post of gardener advertised last week.\n\n"
    "Yours faithfully,\nAnn Roe\n"
)


def test_a_letters_own_block_above_the_date_goes_without_a_name_in_it() -> None:
    redacted = redaction.redact(LETTER, identity=Identity.of(name="Ann Roe"))
    assert "Somewhere Lane 4" not in redacted
    assert "Lakeside 4321" not in redacted


def test_an_addressee_who_shares_the_candidates_surname_keeps_their_address() -> None:
    redacted = redaction.redact(LETTER, identity=Identity.of(name="Ann Roe"))
    assert "35 Harbour Road" in redacted
    assert "Portsmouth PO1 2AB" in redacted


def test_an_initial_and_the_surname_still_make_a_return_address_the_candidates() -> None:
    text = (
        "A. Roe, Somewhere Lane 4, 4321 Lakeside\n\nGarden Club\nHarbour Road 35\n"
        "1234 Portsmouth\n\nDear Sir or Madam,\n\nI am applying for the post.\n\nAnn Roe\n"
    )
    redacted = redaction.redact(text, identity=Identity.of(name="Ann Roe"))
    assert "Somewhere Lane 4" not in redacted


def test_the_addressee_stays_above_an_unlabelled_application_subject() -> None:
    text = (
        "ANN ROE\nGardener\n12 Elm Street\nLakeside, Ireland\n\nMonday, March 2nd 2026\n"
        "Hiring Manager\nGreen Gardens Ltd\n1234 Park Avenue\nDublin, Ireland\n\n\n"
        "Application for Head Gardener Position\n\nDear Hiring Manager,\n\n"
        "I am applying for the post.\n\nBest regards,\nAnn Roe\n"
    )
    redacted = redaction.redact(text, identity=Identity.of(name="Ann Roe"))
    assert "1234 Park Avenue" in redacted
    assert "Monday" in redacted
    assert "12 Elm Street" not in redacted


def test_a_key_fingerprint_goes_and_years_or_a_bank_account_stay() -> None:
    text = (
        "Contact\nann@example.org\nPGP 3F2A 9C1B 0D4E 7A65\n\nExperience\n"
        "2019 2020 2021 2022 seasons at the club\nIBAN DE95 1007 0848 0512 6206\n"
    )
    redacted = redaction.redact(text, identity=Identity.of(name="Ann Roe"), header=False)
    assert "3F2A" not in redacted
    assert "2019 2020 2021 2022" in redacted
    assert "DE95 1007 0848" in redacted


def test_swedish_labels_and_a_numbered_phone_label_keep_their_words() -> None:
    text = (
        "Ann Roe\n\nPERSONLIGA UPPGIFTER\nAdress   Storgatan 5, Uppsala\n"
        "Telefon no.: +46 70 123 45 67\n\nUTBILDNING\n2015 Uppsala universitet\n"
    )
    redacted = redaction.redact(text, identity=Identity.of(name="Ann Roe"), header=False)
    assert "Storgatan 5" not in redacted
    assert "+46 70" not in redacted
    assert "PERSONLIGA UPPGIFTER" in redacted
    assert "Telefon no.:" in redacted
