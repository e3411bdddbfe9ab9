"""``tremplin import-vacancy FILE... --org SLUG [--publish]``."""

import io
from collections.abc import Callable
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from tremplin.accounts.models import Organization
from tremplin.vacancies.models import Criterion, CriterionText, Vacancy, VacancyText

pytestmark = pytest.mark.django_db

Seed = Callable[[str], Path]

GOOD = """\
---
title: Bike Mechanic
---
Velo Commun repairs bicycles for the whole neighbourhood.

## Requirements

- Two years of experience repairing bicycles

## Conditions

- Full-time, permanent contract, based in Nantes
- Salary: €2,000 to €2,300 gross per month

Apply by sending a CV to jobs@velo.example
"""


def run(*args: str) -> tuple[str, str]:
    out, err = io.StringIO(), io.StringIO()
    call_command("import_vacancy", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def run_failing(*args: str) -> tuple[str, str, CommandError]:
    out, err = io.StringIO(), io.StringIO()
    with pytest.raises(CommandError) as caught:
        call_command("import_vacancy", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue(), caught.value


def stored() -> dict[str, int]:
    return {
        model.__name__: model.objects.count()
        for model in (Organization, Vacancy, VacancyText, Criterion, CriterionText)
    }


NOTHING = {"Organization": 0, "Vacancy": 0, "VacancyText": 0, "Criterion": 0, "CriterionText": 0}


def test_the_three_seeds_import_as_two_vacancies(seed: Seed) -> None:
    out, err = run(str(seed("000")), str(seed("001")), str(seed("002")), "--org", "pauseai")
    assert err == ""
    assert "Organization pauseai created" in out
    assert "Added the text in French to vacancy pauseia-france-director." in out
    assert "Pairing: the text in French of vacancy “PauseIA France Director”" in out
    assert Vacancy.objects.count() == 2
    director = Vacancy.objects.get(slug="pauseia-france-director")
    assert sorted(director.texts.values_list("language", flat=True)) == ["en", "fr"]
    other = Vacancy.objects.exclude(pk=director.pk).get()
    assert other.texts.get().title == "Responsable des partenariats gouvernementaux"
    assert [c.kind for c in other.criteria.all()].count("quality") == 7


def test_it_prints_what_it_found_and_what_is_missing(seed: Seed) -> None:
    out, _err = run(str(seed("002")), "--org", "current-ai")
    assert "Organization current-ai created, named “Current AI”." in out
    assert "Found: language fr;" in out
    assert "18 criteria (8 must, 3 nice, 7 quality)" in out
    assert "Not stated: employment type, pay range" in out
    assert "Warning: No pay range" in out
    assert "Warning: No way to apply" in out
    assert "Pairing: new vacancy: the organization is new." in out
    assert "Status: draft." in out


def test_re_importing_updates_and_never_duplicates(tmp_path: Path) -> None:
    path = tmp_path / "mechanic.md"
    path.write_text(GOOD, encoding="utf-8")
    run(str(path), "--org", "velo")
    path.write_text(GOOD.replace("Bike Mechanic", "Bicycle Mechanic"), encoding="utf-8")
    out, _err = run(str(path), "--org", "velo")
    assert "Updated the text in English of vacancy bike-mechanic." in out
    assert "imported from the same file, mechanic.md" in out
    assert VacancyText.objects.get().title == "Bicycle Mechanic"
    assert stored() == {**NOTHING, "Organization": 1, "Vacancy": 1, "VacancyText": 1,
                        "Criterion": 1, "CriterionText": 1}  # fmt: skip


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        ("Offre : chargé de mission".encode("latin-1"), "is not UTF-8 text"),
        (b"", "the file is empty"),
        (b"x" * 1_000_001, "larger than 1 MB"),
        (b"---\ntitle: [broken\nslug: x\n---\nBody text.\n", "YAML front matter is broken"),
        (b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n", "binary file (PDF)"),
        (b"Bike\x00Mechanic", "binary file"),
    ],
)
def test_a_bad_file_gets_a_clear_error_and_stores_nothing(
    tmp_path: Path, content: bytes, problem: str
) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    _out, err, error = run_failing(str(path), "--org", "velo")
    assert f"error: {path}: " in err
    assert problem in err
    assert "nothing was stored from it" in err
    assert "1 file was not imported." in str(error)
    assert stored() == NOTHING


def test_each_file_is_its_own_transaction(tmp_path: Path) -> None:
    good = tmp_path / "good.md"
    good.write_text(GOOD, encoding="utf-8")
    # Fails while storing, after the organization was created in the same transaction.
    failing = tmp_path / "failing.md"
    failing.write_text(GOOD.replace("title: Bike Mechanic", f"title: Other\nlocation: {'x' * 250}"))
    empty = tmp_path / "empty.md"
    empty.write_bytes(b"")
    out, err, error = run_failing(str(failing), str(empty), str(good), "--org", "velo")
    assert "failing.md: it cannot be stored: location:" in err
    assert "empty.md: the file is empty" in err
    assert "2 files were not imported." in str(error)
    assert "good.md" in out
    assert stored() == {**NOTHING, "Organization": 1, "Vacancy": 1, "VacancyText": 1,
                        "Criterion": 1, "CriterionText": 1}  # fmt: skip
    assert VacancyText.objects.get().source_name == "good.md"


def test_publish_publishes_what_the_rules_allow(tmp_path: Path) -> None:
    path = tmp_path / "mechanic.md"
    path.write_text(GOOD, encoding="utf-8")
    out, _err = run(str(path), "--org", "velo", "--publish")
    assert "Status: published." in out
    assert Vacancy.objects.get().status == Vacancy.Status.PUBLISHED


def test_publish_prints_the_refusal_and_keeps_the_draft(seed: Seed) -> None:
    out, err = run(str(seed("002")), "--org", "current-ai", "--publish")
    assert "Not published: A paid job cannot be published without a pay range" in out
    assert "Status: draft." in out
    assert err == ""
    assert Vacancy.objects.get().status == Vacancy.Status.DRAFT


def test_an_invalid_organization_slug_is_refused_before_anything(seed: Seed) -> None:
    with pytest.raises(CommandError, match="not a valid slug"):
        run(str(seed("000")), "--org", "Pause AI!")
    assert stored() == NOTHING


def test_a_posting_with_an_impossible_date_is_stored_without_its_deadline(tmp_path: Path) -> None:
    posting = tmp_path / "mechanic.md"
    posting.write_text(
        GOOD.replace("title: Bike Mechanic", "title: Bike Mechanic\ndeadline: 2025-02-30")
    )

    out, err = run(str(posting), "--org", "velo")

    assert err == ""
    assert "deadline: 2025-02-30 is not a valid date" in out
    assert Vacancy.objects.get().deadline is None
