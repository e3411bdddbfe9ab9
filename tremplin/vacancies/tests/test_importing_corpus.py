"""The importer on real public postings labelled by hand (tests/postings), and ``--score``."""

import io
import json
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command

from tremplin.vacancies.importing import parse_posting, read_posting_file
from tremplin.vacancies.importing.scoring import Score, load_labels, score_files

CORPUS = Path(settings.BASE_DIR) / "tests" / "postings"
LABELS = CORPUS / "labels.json"
FILES = sorted((CORPUS / "texts").glob("*.md"))
GOAL = 0.95
# What the importer reaches today, by part: a change that reads the corpus worse fails here.
# Measured after the hundred-and-twenty-third round and 12 fresh held-out postings, on 1,445,
# with a location label's remote work read apart and an organization's leading article left
# aside (README): held out (534), 0.892 field accuracy, 0.863 criteria recall and 0.979
# must/nice split; tuned on (911), 0.924, 0.946 and 0.988; the whole corpus 0.912, 0.923 and
# 0.985.
# (Fresh held-out postings, added round after round since the thirty-eighth, pulled the held-out
# criteria recall from 0.924 down; the floors came down with the sixty-fifth and sixty-sixth rounds'
# fresh German and Season of Docs postings, which read 0.46 and 0.47 of their criteria, the tuned
# part's criteria floor with the postings those rounds moved and the eight the seventy-third moved,
# which read 0.66 of theirs, the whole corpus's criteria floor with the twenty-one fresh postings
# before the sixty-ninth, which read 0.704 of theirs, and the held-out part's with the eleven
# postings the seventieth moved out of it, which read 0.92 of theirs, and the twelve fresh ones
# after it, 0.708; the tuned part's field floor with the sixteen postings the seventy-eighth and
# seventy-ninth rounds moved into it, which read 0.82 of their fields; the tuned part's criteria
# floor again with the eight the eighty-eighth moved, which read 0.80 of their criteria; the
# held-out part's must/nice floor with the twelve fresh ones after it, whose labels read lists under
# "atouts" headings as required and which read 0.77 of their split, and again with the twelve fresh
# ones after the ninetieth, whose labels read "tes atouts" and "Compétences appréciées" lists by
# their own words and which read 0.77 of theirs.)
FLOOR = {
    "all": {"field_accuracy": 0.87, "criteria_recall": 0.90, "kind_accuracy": 0.97},
    "tuned": {"field_accuracy": 0.90, "criteria_recall": 0.94, "kind_accuracy": 0.98},
    "held_out": {"field_accuracy": 0.80, "criteria_recall": 0.77, "kind_accuracy": 0.93},
}
NOT_REACHED = pytest.mark.xfail(
    strict=True,
    reason="held-out postings read 0.892 field accuracy and 0.863 criteria recall (README)",
)
NOT_REACHED_TUNED = pytest.mark.xfail(
    strict=True,
    reason="the tuned part reads 0.924 field accuracy and 0.946 criteria recall since the "
    "eighteenth to hundred-and-twenty-third "
    "rounds moved fresh postings into it; some of their misses are labels that older "
    "labels contradict (a remote 'Location:' kept as written, a project's length as no "
    "contract's) (README)",
)
NOT_REACHED_OVERALL = pytest.mark.xfail(
    strict=True,
    reason="the whole corpus reads 0.912 field accuracy and 0.923 criteria recall, held back "
    "by its held-out part",
)


@pytest.fixture(scope="module")
def score() -> Score:
    postings = [parse_posting(read_posting_file(path), source_name=path.name) for path in FILES]
    return score_files(labels=load_labels(LABELS), postings=postings)


def test_every_posting_of_the_corpus_is_labelled_and_a_third_is_held_out() -> None:
    labels = load_labels(LABELS)
    assert sorted(labels["postings"]) == [path.name for path in FILES]
    assert len(labels["held_out"]) * 3 >= len(FILES)
    assert all(entry["source"] and entry["licence"] for entry in labels["postings"].values())


@pytest.mark.parametrize("part", ["all", "tuned", "held_out"])
def test_the_importer_reads_the_corpus_at_least_as_well_as_measured(
    score: Score, part: str
) -> None:
    tally = getattr(score, part)
    assert tally.field_accuracy >= FLOOR[part]["field_accuracy"]
    assert tally.criteria_recall >= FLOOR[part]["criteria_recall"]
    assert tally.kind_accuracy >= FLOOR[part]["kind_accuracy"]


@pytest.mark.parametrize(
    "part",
    [
        pytest.param("tuned", marks=NOT_REACHED_TUNED),
        pytest.param("all", marks=NOT_REACHED_OVERALL),
        pytest.param("held_out", marks=NOT_REACHED),
    ],
)
def test_the_importer_reaches_the_goal_on_postings_from_the_wild(score: Score, part: str) -> None:
    tally = getattr(score, part)
    assert tally.field_accuracy >= GOAL
    assert tally.criteria_recall >= GOAL


def test_the_score_command_prints_the_figures_overall_and_held_out() -> None:
    out = io.StringIO()
    call_command("parse_vacancy", *map(str, FILES), score=str(LABELS), stdout=out)
    lines = out.getvalue().splitlines()
    assert lines[0].split() == ["all", "tuned", "held-out"]
    held_out = len(load_labels(LABELS)["held_out"])
    assert lines[1].split() == [
        "postings",
        str(len(FILES)),
        str(len(FILES) - held_out),
        str(held_out),
    ]
    assert [line.split()[0] for line in lines[2:5]] == ["field", "criteria", "must/nice"]
    assert any(line.split()[0] == "organization" for line in lines[6:])


def test_a_file_without_labels_is_reported_and_the_others_scored(tmp_path: Path) -> None:
    stray = tmp_path / "stray.md"
    stray.write_text("# Bike Mechanic\n\nWe repair bicycles in Nantes.\n", encoding="utf-8")
    out, err = io.StringIO(), io.StringIO()
    with pytest.raises(Exception, match="1 file could not be read"):
        call_command(
            "parse_vacancy", str(FILES[0]), str(stray), score=str(LABELS), stdout=out, stderr=err
        )
    assert f"error: {stray}: the labels file has no labels for it." in err.getvalue()


def test_a_salary_labelled_as_text_is_refused_with_the_posting_named(tmp_path: Path) -> None:
    labels = tmp_path / "labels.json"
    labels.write_text(
        json.dumps({"held_out": [], "postings": {FILES[0].name: {"salary": "about 40k"}}}),
        encoding="utf-8",
    )
    with pytest.raises(CommandError, match=rf"{FILES[0].name}: a salary must be null or"):
        call_command("parse_vacancy", str(FILES[0]), score=str(labels), stdout=io.StringIO())
