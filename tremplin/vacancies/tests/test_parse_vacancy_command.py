"""``tremplin parse-vacancy FILE... [--json]``: reads postings and stores nothing."""

import io
import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from tremplin.accounts.models import Organization
from tremplin.vacancies.models import Vacancy

pytestmark = pytest.mark.django_db

Seed = Callable[[str], Path]

KEYS = {
    "file",
    "language",
    "title",
    "organization",
    "employment_type",
    "contract_duration_months",
    "salary",
    "location",
    "remote",
    "apply_email",
    "apply_url",
    "deadline",
    "required_languages",
    "application_language",
    "min_years_experience",
    "sections",
    "criteria",
    "warnings",
}


def parse_json(*files: str) -> list[dict]:
    out = io.StringIO()
    call_command("parse_vacancy", *files, "--json", stdout=out, stderr=io.StringIO())
    return json.loads(out.getvalue())


def test_json_has_one_object_per_file_with_exactly_the_documented_keys(seed: Seed) -> None:
    files = [str(seed(prefix)) for prefix in ("000", "001", "002")]
    result = parse_json(*files)
    assert [item["file"] for item in result] == files
    for item in result:
        assert set(item) == KEYS
        for section in item["sections"]:
            assert set(section) == {"heading", "level"}
        for criterion in item["criteria"]:
            assert set(criterion) == {"text", "kind"}
    assert Organization.objects.count() == 0
    assert Vacancy.objects.count() == 0


def test_json_values_have_json_types(seed: Seed) -> None:
    first, _second, third = parse_json(str(seed("000")), str(seed("001")), str(seed("002")))
    assert first["salary"] == {"min": 45000, "max": 60000, "currency": "EUR", "period": "YEAR"}
    assert first["remote"] is None
    assert first["deadline"] is None
    assert first["contract_duration_months"] == 12
    assert first["required_languages"] == ["en"]
    assert third["salary"] is None
    assert third["min_years_experience"] == 8
    assert {c["kind"] for c in third["criteria"]} == {"must", "nice", "quality"}


def test_a_bad_file_is_reported_on_stderr_and_the_others_still_are(
    seed: Seed, tmp_path: Path
) -> None:
    bad = tmp_path / "letter.txt"
    bad.write_bytes("Candidature spontanée".encode("cp1252"))
    out, err = io.StringIO(), io.StringIO()
    with pytest.raises(CommandError, match="1 file could not be read"):
        call_command("parse_vacancy", str(seed("000")), str(bad), "--json", stdout=out, stderr=err)
    assert f"error: {bad}: the file is not UTF-8 text" in err.getvalue()
    result = json.loads(out.getvalue())
    assert [item["title"] for item in result] == ["PauseIA France Director"]


def test_without_json_it_prints_a_readable_summary(seed: Seed) -> None:
    out = io.StringIO()
    call_command("parse_vacancy", str(seed("002")), stdout=out)
    text = out.getvalue()
    assert "title: Responsable des partenariats gouvernementaux" in text
    assert "organization: Current AI" in text
    assert "pay range: —" in text
    assert "### Atouts appréciés :" in text
    assert "18 criteria (8 must, 3 nice, 7 quality):" in text
    assert "[nice] " in text
    assert "warning: No way to apply" in text


def test_the_tremplin_console_script_runs_parse_vacancy(seed: Seed, tmp_path: Path) -> None:
    script = Path(sys.executable).parent / "tremplin"
    bad = tmp_path / "empty.md"
    bad.write_bytes(b"")
    environment = {
        **os.environ,
        "DEBUG": "true",
        "TREMPLIN_VAR_DIR": str(tmp_path / "var"),
        "DJANGO_SETTINGS_MODULE": "tremplin.settings",
    }
    environment.pop("DATABASE_URL", None)
    completed = subprocess.run(
        [str(script), "parse-vacancy", str(seed("001")), str(bad), "--json"],
        capture_output=True,
        text=True,
        env=environment,
        timeout=120,
        check=False,
    )
    assert completed.returncode == 1
    assert f"error: {bad}: the file is empty." in completed.stderr
    result = json.loads(completed.stdout)
    assert len(result) == 1
    assert set(result[0]) == KEYS
    assert result[0]["title"] == "Directeur·rice Exécutif·ve de Pause IA"
    assert result[0]["application_language"] == "en"
