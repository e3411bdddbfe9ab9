"""Redaction measured on CV templates and examples that nobody on the team wrote, each about
a fictional person (``cv_samples/``, sources and licences in its README): what it finds, on
the whole set and on the held-out quarter, and what it takes away that is not identity."""

import pytest

from tremplin.review.tests.redaction_scoring import (
    KINDS,
    Score,
    held_out_names,
    samples_load,
    samples_score,
)

RECALL_FLOOR = 0.95
# Over-redaction of the code before this measure (commit 58388ca), on the same 20 samples:
# 44 of 3,425 words that are not identity on the whole set, 0 of 703 on the held-out five.
# Measured with `.venv/bin/python bench/redaction.py --before 58388ca`; measure again the
# same way when samples are added.
OVER_BEFORE, OTHER = 44, 3425
OVER_BEFORE_HELD_OUT, OTHER_HELD_OUT = 0, 703


def _marked(below_floor: dict[str, str]) -> list[object]:
    """The kinds, those still below the floor marked as expected failures (strict: the day
    they pass, drop the mark). Their mistakes on held-out samples are not looked at, so that
    the figure stays honest."""
    return [
        pytest.param(kind, marks=pytest.mark.xfail(strict=True, reason=below_floor[kind]))
        if kind in below_floor
        else kind
        for kind in KINDS
    ]


# Addresses: 0.942 of their words on the whole set, 0.647 on the held-out five (measured
# before tuning and after it; the same figures).
KINDS_WHOLE = _marked({"address": "addresses: 0.942 recall, see cv_samples/README.md"})
KINDS_HELD_OUT = _marked({"address": "held-out addresses: 0.647 recall, see cv_samples/README.md"})


@pytest.fixture(scope="module")
def whole() -> Score:
    return samples_score(samples_load())


@pytest.fixture(scope="module")
def held_out() -> Score:
    names = held_out_names()
    return samples_score(sample for sample in samples_load() if sample.name in names)


def test_the_sample_set_keeps_a_quarter_of_its_samples_out_of_tuning() -> None:
    samples = samples_load()
    names = held_out_names()
    assert names <= {sample.name for sample in samples}
    assert 4 * len(names) >= len(samples)


@pytest.mark.parametrize("kind", KINDS_WHOLE)
def test_it_finds_each_kind_of_identity_in_nineteen_words_out_of_twenty(
    kind: str, whole: Score
) -> None:
    recall = whole.recall(kind)
    assert recall is not None and recall >= RECALL_FLOOR, whole.missed


@pytest.mark.parametrize("kind", KINDS_HELD_OUT)
def test_it_finds_each_kind_as_well_in_samples_it_was_not_tuned_on(
    kind: str, held_out: Score
) -> None:
    recall = held_out.recall(kind)
    assert recall is None or recall >= RECALL_FLOOR


def test_it_takes_away_no_more_of_the_rest_than_before_on_the_samples_it_was_tuned_on(
    whole: Score, held_out: Score
) -> None:
    assert whole.other - held_out.other == OTHER - OTHER_HELD_OUT
    assert whole.over - held_out.over <= OVER_BEFORE - OVER_BEFORE_HELD_OUT, whole.overdone


def test_it_takes_away_no_more_of_the_rest_than_before(whole: Score) -> None:
    assert whole.other == OTHER
    assert whole.over <= OVER_BEFORE, whole.overdone


@pytest.mark.xfail(
    strict=True,
    reason="5 of 703 words on the held-out five, 0 before: see cv_samples/README.md",
)
def test_it_takes_away_no_more_of_the_rest_than_before_in_samples_it_was_not_tuned_on(
    held_out: Score,
) -> None:
    assert held_out.other == OTHER_HELD_OUT
    assert held_out.over <= OVER_BEFORE_HELD_OUT
