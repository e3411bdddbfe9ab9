"""How the scoring reads a location label that also says remote work is offered, and an
organization's name with or without its leading article."""

import pytest

from tremplin.vacancies.importing.scoring import Tally, score_posting
from tremplin.vacancies.tests.wild import parse

PARIS_AND_REMOTE = "# Developer\n\nLocation: Paris. Remote work possible two days a week.\n"
PARIS = "# Developer\n\nLocation: Paris.\n"
REMOTE = "# Developer\n\nFully remote, anywhere in France.\n"
PARIS_OR_LYON_AND_REMOTE = "# Developer\n\nLocation: Paris or Lyon. Remote work possible.\n"


def read_right(text: str, field: str, label: str | None) -> bool:
    tally = Tally()
    score_posting(parse(text), {field: label}, tally, [])
    return tally.per_field[field] == [1, 1]


@pytest.mark.parametrize(
    ("text", "label"),
    [
        (PARIS_AND_REMOTE, "Paris (partial remote)"),
        (PARIS_AND_REMOTE, "Paris and remote"),
        (PARIS_AND_REMOTE, "Paris (weekly) and remote"),
        (PARIS_AND_REMOTE, "Paris (2 meetings a month) and remote"),
        (PARIS_AND_REMOTE, "Paris"),
        (PARIS, "Paris"),
        (REMOTE, "Remote (France)"),
        (REMOTE, "Télétravail"),
        (REMOTE, "Entièrement en télétravail"),
        (REMOTE, None),
        (PARIS_OR_LYON_AND_REMOTE, "Paris or Lyon, or remote"),
    ],
)
def test_the_place_with_remote_work_found_reads_a_label_of_both(text: str, label: str) -> None:
    assert read_right(text, "location", label)


@pytest.mark.parametrize(
    ("text", "label"),
    [
        # The remote work the label states was not found.
        (PARIS, "Paris (partial remote)"),
        # The place was not found, or another was.
        (REMOTE, "Paris (partial remote)"),
        (PARIS_AND_REMOTE, "Remote (France)"),
        (PARIS_AND_REMOTE, "Paris, Lyon or remote"),
        (PARIS_AND_REMOTE, "Lyon"),
        # An aside that says more of the place than how often one goes there.
        (PARIS_AND_REMOTE, "Paris (Ségur) and remote"),
        (PARIS_OR_LYON_AND_REMOTE, "Paris"),
    ],
)
def test_a_place_or_remote_work_missed_is_a_miss(text: str, label: str) -> None:
    assert not read_right(text, "location", label)


@pytest.mark.parametrize(
    ("label", "right"),
    [
        ("The Quillchat Project", True),
        ("Quillchat Project", True),
        ("Quillchat", False),
        ("The Quillchat Foundation", False),
    ],
)
def test_an_organization_is_read_with_or_without_its_leading_article(
    label: str, right: bool
) -> None:
    text = "# Developer\n\nThe Quillchat Project is hiring a developer.\n"
    assert read_right(text, "organization", label) is right
