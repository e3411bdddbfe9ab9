"""The contact block at the top of a CV, withheld whole in blind review: one placeholder line
in place of the lines that hold the candidate's name, address, phone, e-mail and links,
rather than their words one by one (``redaction_header.contact_block``)."""

import time

import pytest
from django.utils import translation

from tremplin.review import redaction
from tremplin.review.redaction import Identity, redact
from tremplin.review.tests.redaction_scoring import held_out_names, samples_load

ANN = Identity.of(name="Ann Carver", email="ann@example.org")
WITHHELD = "[contact details withheld]"


def test_the_contact_lines_at_the_top_become_one_placeholder_line() -> None:
    text = (
        "Ann Carver\n"
        "12 rue des Lilas\n"
        "75011 Paris\n"
        "Tél. : 06 12 34 56 78 · ann@example.org\n"
        "linkedin.com/in/anncarver\n"
        "Experience\n"
        "2019-2024 Teacher at Lycée Hoche, Versailles"
    )
    assert redact(text, identity=ANN) == (
        f"{WITHHELD}\nExperience\n2019-2024 Teacher at Lycée Hoche, Versailles"
    )


def test_a_town_or_a_flat_between_contact_lines_goes_with_them() -> None:
    text = "Ann Carver\nBâtiment C\n12 rue des Lilas\nLyon\nann@example.org\n\nSkills\nPython"
    assert redact(text, identity=ANN) == f"{WITHHELD}\n\nSkills\nPython"


def test_a_town_under_the_contact_lines_at_the_end_of_the_header_goes_with_them() -> None:
    text = "Ann Carver\nann@example.org\nHill Valley\n\nExperience\nTeacher"
    assert redact(text, identity=ANN) == f"{WITHHELD}\n\nExperience\nTeacher"


def test_a_title_or_a_motto_under_the_contact_lines_stays() -> None:
    for last in ("Data Engineer", "Motivated Team Player", "Disponible immédiatement"):
        text = f"Ann Carver\nann@example.org\n{last}\nExperience\nTeacher"
        assert redact(text, identity=ANN) == f"{WITHHELD}\n{last}\nExperience\nTeacher"


def test_the_job_title_between_contact_lines_stays_and_the_block_shows_once() -> None:
    text = "Ann Carver\nData Engineer\nann@example.org | +33 6 12 34 56 78\nSkills\nSQL"
    assert redact(text, identity=ANN) == f"{WITHHELD}\nData Engineer\nSkills\nSQL"


def test_a_sidebars_contacts_three_lines_apart_in_a_word_table_show_once() -> None:
    # A two-column layout read as a Word table: the sidebar's contacts, on rows of their
    # own, sit between the main column's rows.
    text = (
        "Ann Carver\n\tData Engineer\nContact\tI build pipelines\n"
        "\tann@example.org\nDriving licence\tEducation 2012\nSpanish\tHigh School\n"
        "Chess\tNew York\n\t+33 6 12 34 56 78\nSkills\nSQL"
    )
    assert redact(text, identity=ANN).count(WITHHELD) == 1


def test_a_line_with_more_than_contacts_is_redacted_word_by_word() -> None:
    text = "Ann Carver\nData engineer, ann@example.org, 10 years of Python\nSkills\nSQL"
    assert redact(text, identity=ANN) == (
        f"{WITHHELD}\nData engineer, [e-mail], 10 years of Python\nSkills\nSQL"
    )


def test_a_text_with_no_contact_lines_at_its_top_loses_nothing() -> None:
    text = (
        "Experience\n"
        "2019-2024 Teacher at Lycée Hoche, Versailles\n"
        "Led 12 projects with 30 students each year.\n"
        "Skills\n"
        "Python, SQL, Excel"
    )
    assert redact(text, identity=ANN) == text


def test_a_letter_or_an_answer_keeps_its_sentences() -> None:
    answer = "I am Ann Carver, reach me at ann@example.org.\nI led a team of 4."
    assert redact(answer, identity=ANN) == "I am [name], reach me at [e-mail].\nI led a team of 4."


def test_contact_lines_after_the_first_section_heading_are_redacted_word_by_word() -> None:
    text = "Ann Carver\nann@example.org\nExperience\nTeacher of 10 years.\n+33 6 12 34 56 78"
    assert redact(text, identity=ANN) == (f"{WITHHELD}\nExperience\nTeacher of 10 years.\n[phone]")


def test_the_placeholder_is_in_the_readers_language() -> None:
    with translation.override("fr"):
        redacted = redact("Ann Carver\nann@example.org\nExpérience\nProfesseur", identity=ANN)
    assert redacted == "[coordonnées masquées]\nExpérience\nProfesseur"


def _losing_their_body(held_out: bool) -> list[str]:
    """The samples (held out or tuning) whose redaction keeps fewer than half of their
    lines that hold no labelled identity, or withholds more than two runs of contact lines
    (a CV of little but its contacts, as Odoo's demo one, loses most of its lines rightly).
    Only names are returned: a failure shows no held-out sample's redacted text."""
    names = held_out_names()
    losing = []
    for sample in samples_load():
        if (sample.name in names) != held_out:
            continue
        redacted = redact(sample.text, identity=sample.identity)
        identity = [text for spans in sample.labels.values() for text, _first in spans]
        body = [
            line.strip()
            for line in sample.text.split("\n")
            if line.strip() and not any(text in line for text in identity)
        ]
        kept = [line for line in body if line in redacted]
        if len(kept) < len(body) / 2 or redacted.count(WITHHELD) > 2:
            losing.append(sample.name)
    return losing


def test_no_sample_loses_its_body_to_the_contact_block() -> None:
    """On every tuning sample, at least half of each text's lines stay, and the contact
    block is withheld in two runs at most."""
    assert _losing_their_body(held_out=False) == []


def test_no_held_out_sample_loses_its_body_to_the_contact_block() -> None:
    """Held out until the forty-second round, a sample whose contact block showed three
    placeholders failed here (4 December 2026, and de_mustermann_satz before it): a sidebar's
    contacts three lines apart in a Word table. It is a tuning sample now, and such runs make
    one block (``BLOCK_GAP_LINES``). A fresh sample added after that round failed here until
    the fifty-fourth moved it to tuning: Odoo's demo CV, which is little but its contacts, so
    that only the lines holding no labelled identity are counted since."""
    assert _losing_their_body(held_out=True) == []


def test_a_sender_block_of_up_to_three_short_lines_under_the_name_goes_with_it() -> None:
    # A letter's sender block: a placeholder street, town and room, none of them shaped
    # like an address, between the name and the phone line.
    text = "Ann Carver\nMy Street\nMy Town\nRoom B 12\nTel: 06 12 34 56 78\n\nDear Sir,\nText"
    assert redact(text, identity=ANN) == f"{WITHHELD}\n\nDear Sir,\nText"


def test_four_short_lines_or_a_title_between_name_and_contacts_stay() -> None:
    four = "Ann Carver\nOne\nTwo\nThree\nFour\nann@example.org\nSkills\nSQL"
    assert "One\nTwo\nThree\nFour" in redact(four, identity=ANN)
    title = "Ann Carver\nLyon\nData Engineer\nann@example.org\nSkills\nSQL"
    assert "Data Engineer" in redact(title, identity=ANN)


def test_a_letters_return_address_line_and_the_sender_lines_it_repeats_go() -> None:
    # DIN 5008: the sender's name, street and town on one line over the window, and the
    # same street and town in the sender's block above it, beside a logo.
    text = (
        "Ann Carver                    Logo\n"
        "Lange Gasse 4\n"
        "Springfield\n"
        "Ann Carver, Lange Gasse 4, Springfield\n"
        "Ms Smith\nMain Road 1\nShelbyville\n\nDear Ms Smith,\nText"
    )
    redacted = redaction.redact(text, identity=ANN, header=False)
    assert "Lange" not in redacted and "Springfield" not in redacted
    assert "Main Road 1\nShelbyville" in redacted


def test_a_line_that_starts_with_the_name_and_goes_on_with_a_sentence_keeps_it() -> None:
    text = "Ann Carver, engineer with ten years in bridges and tunnels, Paris\nSkills\nSQL"
    redacted = redaction.redact(text, identity=ANN, header=False)
    assert "engineer with ten years in bridges and tunnels" in redacted


@pytest.mark.parametrize(
    "address",
    [
        "Jl. Sudirman No. 5, Jakarta 10220, Indonesia",
        "Flat 5B, Tower 2, Sha Tin, N.T.",
        "Odos Drosopoulou 152, Athina - GR-11256",
    ],
)
def test_a_longer_address_line_of_any_country_goes_with_the_letterhead(address: str) -> None:
    text = f"Ann Carver\n{address}\n+33 6 12 34 56 78 • ann@example.org\n\nDear Sir,\nI apply.\n"
    redacted = redact(text, identity=Identity.of(name="Ann Carver"))
    assert redacted == "[contact details withheld]\n\nDear Sir,\nI apply.\n"


@pytest.mark.parametrize(
    "line",
    ["5 years in data, Python, SQL", "Open to work, 3 days a week", "Team of 12, Lyon office"],
)
def test_a_longer_line_that_is_no_address_stays_in_the_letterhead(line: str) -> None:
    text = f"Ann Carver\n{line}\nann@example.org\n\nExperience\n"
    assert line in redact(text, identity=Identity.of(name="Ann Carver"))


def test_a_hostile_line_in_the_letterhead_is_read_in_linear_time() -> None:
    started = time.perf_counter()
    redact(
        "Ann Carver\n" + "1," * 50_000 + "\nann@example.org\n",
        identity=Identity.of(name="Ann Carver"),
    )
    assert time.perf_counter() - started < 10
