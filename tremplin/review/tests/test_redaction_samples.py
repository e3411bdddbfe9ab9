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
# Over-redaction of the code before this measure (commit 58388ca), on the same 453 samples:
# 948 of 85,845 words that are not identity on the whole set, 216 of 23,176 on the held-out
# 114 (contact labels in the header left out of both counts: redaction_scoring.py).
# Measured with `.venv/bin/python bench/redaction.py --before 58388ca`; measure again the
# same way when samples are added.
OVER_BEFORE, OTHER = 948, 86340
OVER_BEFORE_HELD_OUT, OTHER_HELD_OUT = 216, 23511
# Written for issue 10, item 12 by the helper who tuned the rules, before the rules, in
# Spanish, Italian and Belgian layouts (cv_samples/manifest.json, "comment_written"); held
# out then, tuning samples since the fourth round.
WRITTEN = frozenset(
    {
        *("be_dubois_cv", "be_janssens_cv", "es_lopez_carta", "es_martinez_sidebar"),
        *("it_bianchi_europass", "it_conti_onecolumn"),
    }
)


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


# Every kind on the held-out 114 (the fifth round's twenty-four, six of the seventh
# round's twelve, three of the eighth round's eight, six of the ninth round's twelve, seven of
# the tenth round's fourteen, five of the eleventh round's ten, five of the twelfth round's
# nine, two of the thirteenth round's five, three each of the fourteenth, fifteenth and
# sixteenth rounds' six, four each of the seventeenth and eighteenth rounds' eight, five of the
# nineteenth to twenty-first rounds' nine, four of the twenty-second round's eight, four of
# the twenty-third round's seven, two of the twenty-fourth round's six and three of the
# twenty-fifth round's five, three of the twelve fresh samples of and after the twenty-sixth
# round, and one more fresh sample, 5 December 2026; six of them moved to tuning at the start
# of the twenty-ninth round, five fresh samples came in after it, and six moved to tuning at
# the start of the thirtieth, three fresh samples came in after it, and six moved to tuning
# at the start of the thirty-first, four fresh samples came in after it, and six moved to
# tuning at the start of the thirty-second, four fresh samples came in after it, and six
# moved to tuning at the start of the thirty-third and six at the start of the
# thirty-fourth, seven fresh samples came in after it, and five moved to tuning at the start
# of the thirty-fifth, nineteen fresh samples came in after it, and eight moved to tuning at
# the start of the thirty-sixth and six at the start of the thirty-seventh, seventeen fresh
# samples came in after it, and eight moved at the start of the thirty-eighth, five at the
# start of the thirty-ninth, three fresh samples came in after it, and two moved at the start
# of the fortieth, one fresh sample came in after it, one moved at the start of the
# forty-first, six fresh samples came in after it, five moved at the start of the
# forty-second, four fresh samples came in after it, and three moved at the start of the
# forty-third, fifteen fresh samples came in after it, and eleven moved at the start of the
# forty-fourth, eight fresh samples came in after it, and six moved at the start of the
# forty-fifth, three fresh samples came in after the forty-sixth, and two moved at the start
# of the forty-seventh, seven fresh samples came in after it, and five moved at the start of
# the forty-eighth, eleven fresh samples came in after it, and nine moved at the start of the
# forty-ninth, five fresh samples came in after it, and three moved at the start of the
# fiftieth, one fresh sample came in after it, and one moved at the start of the
# fifty-first, nine fresh samples came in after it, and seven moved at the start of the
# fifty-second, eight fresh samples came in after it, and six moved at the start of the
# fifty-third and six at the start of the fifty-fourth, nine fresh samples came in after
# it, and two after them, and two moved at the start of the fifty-fifth, four fresh samples
# came in after it, and three moved at the start of the fifty-sixth and three at the start of
# the fifty-seventh, four fresh samples came in with it, three after it, and two moved at the
# start of the fifty-eighth, four fresh samples came in after it, three moved at the start
# of the fifty-ninth, two fresh samples came in after it, and two moved at the start of the
# sixtieth), measured once after the rules were tuned on the 341 others (cv_samples/README.md):
# e-mails (387 of 391 words) and phones (349 of 360, 0.969) reach 0.95; links (301 of 324,
# 0.929; 0.956 before the three fresh samples after the forty-sixth round, whose links read 14
# of 20, and those after the forty-eighth and forty-ninth, 61 of 68 and 21 of 27), names
# (0.940; 0.972 before the seven fresh samples of the thirty-fourth round) and addresses do not.
KINDS_HELD_OUT = _marked(
    {
        "name": "held-out names: 0.940 recall",
        "url": "held-out links: 0.929 recall",
        "address": "held-out addresses: 0.836 recall",
    }
)


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


@pytest.fixture(scope="module")
def written() -> Score:
    return samples_score(sample for sample in samples_load() if sample.name in WRITTEN)


@pytest.fixture(scope="module")
def tuning() -> Score:
    names = held_out_names()
    return samples_score(sample for sample in samples_load() if sample.name not in names)


# On the samples the rules were tuned on, every kind but addresses: the five held-out samples
# moved to tuning at the start of the thirty-fifth round took addresses from 0.952 to 0.940
# (their placeholders and joined columns had no general rule that did not take employers'
# towns too; cv_samples/README.md), and the six moved at the start of the thirty-seventh took
# them to 0.932 (0.935 after its rule; 0.934 after the thirty-eighth's; 0.928 once the
# thirty-ninth and fortieth moved seven more; 0.926 once the forty-second moved five; 0.927
# after the forty-third's rules; 0.925 once the forty-fourth moved eleven; 0.914 once the
# forty-fifth moved six, 0.917 after its rule; 0.918 once the forty-seventh moved two; 0.916
# once the forty-eighth moved five; 0.913 once the forty-ninth moved nine, 0.918 after its
# rule; 0.919 once the fiftieth moved three; 0.906 once the fifty-second moved seven, 0.921
# after its rules; 0.918 once the fifty-third moved six; 0.920 once the fifty-seventh moved
# three; 0.918 once the fifty-ninth moved three, 0.921 after its rule; 0.920 once the sixtieth
# moved two, 0.921 after its rule).
KINDS_TUNED = _marked({"address": "tuning addresses: 0.921 recall since the sixtieth round"})


@pytest.mark.parametrize("kind", KINDS_TUNED)
def test_it_finds_each_kind_of_identity_in_nineteen_words_out_of_twenty(
    kind: str, tuning: Score
) -> None:
    recall = tuning.recall(kind)
    assert recall is not None and recall >= RECALL_FLOOR, tuning.missed


@pytest.mark.parametrize("kind", KINDS_HELD_OUT)
def test_it_finds_each_kind_as_well_in_samples_it_was_not_tuned_on(
    kind: str, held_out: Score
) -> None:
    recall = held_out.recall(kind)
    assert recall is None or recall >= RECALL_FLOOR


@pytest.mark.parametrize("kind", KINDS)
def test_it_finds_each_kind_in_the_spanish_italian_and_belgian_samples_written_for_it(
    kind: str, written: Score
) -> None:
    """Scored once, held out, at the end of the second round: every kind at 1.000,
    over-redaction 9 of 590 words. Weaker evidence than the others, as their writer also
    wrote the rules; tuning samples since the fourth round (cv_samples/README.md)."""
    recall = written.recall(kind)
    assert recall is not None and recall >= RECALL_FLOOR, kind


def test_it_takes_away_no_more_of_the_rest_than_before_on_the_samples_it_was_tuned_on(
    whole: Score, held_out: Score
) -> None:
    assert whole.other - held_out.other == OTHER - OTHER_HELD_OUT
    assert whole.over - held_out.over <= OVER_BEFORE - OVER_BEFORE_HELD_OUT, whole.overdone


def test_it_takes_away_no_more_of_the_rest_than_before(whole: Score) -> None:
    """660 of 86,340 words on the whole set, 948 before (cv_samples/README.md)."""
    assert whole.other == OTHER
    assert whole.over <= OVER_BEFORE, whole.overdone


@pytest.mark.xfail(
    strict=True, reason="held out: 245 of 23,511 words taken away, 216 at 58388ca (README)"
)
def test_it_takes_away_no_more_of_the_rest_than_before_in_samples_it_was_not_tuned_on(
    held_out: Score,
) -> None:
    """245 of 23,511 words on the held-out 114, 216 before; the two fresh samples added
    after the fifty-ninth round 3 of 495 (cv_samples/README.md)."""
    assert held_out.other == OTHER_HELD_OUT
    assert held_out.over <= OVER_BEFORE_HELD_OUT
