"""The ``tremplin`` command run as an operator would: one clear line, never a traceback."""

import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

Seed = Callable[[str], Path]

SCRIPT = Path(sys.executable).parent / "tremplin"
IMPOSSIBLE_DATE = """\
---
title: Chargée de mission
deadline: 2025-02-30
---

Nous recrutons une chargée de mission pour notre association.
"""


def tremplin(*args: str, env: dict[str, str], cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(SCRIPT), *args],
        capture_output=True,
        text=True,
        env=env,
        cwd=cwd,
        timeout=120,
        check=False,
    )


def bare_environment() -> dict[str, str]:
    return {"PATH": os.environ["PATH"]}


def test_parse_vacancy_runs_with_nothing_but_path_in_the_environment(
    seed: Seed, tmp_path: Path
) -> None:
    result = tremplin(
        "parse-vacancy", "--json", str(seed("000")), env=bare_environment(), cwd=tmp_path
    )
    assert result.returncode == 0, result.stderr
    (parsed,) = json.loads(result.stdout)
    assert parsed["location"] == "Paris"
    assert list(tmp_path.iterdir()) == []


def test_an_impossible_front_matter_date_is_a_warning_not_a_traceback(tmp_path: Path) -> None:
    posting = tmp_path / "offre.md"
    posting.write_text(IMPOSSIBLE_DATE, encoding="utf-8")
    result = tremplin("parse-vacancy", str(posting), env=bare_environment(), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    assert "deadline: 2025-02-30 is not a valid date" in result.stdout
    assert "deadline: —" in result.stdout


def test_an_unreadable_file_is_one_line_naming_it_and_exit_status_1(tmp_path: Path) -> None:
    posting = tmp_path / "offre.md"
    posting.write_bytes(b"---\ntitle: [unclosed\n---\n\nBody text of the posting.\n")
    result = tremplin("parse-vacancy", str(posting), env=bare_environment(), cwd=tmp_path)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    first = result.stderr.splitlines()[0]
    assert first.startswith(f"error: {posting}: the YAML front matter is broken on line 2")


def test_import_vacancy_without_configuration_says_what_to_set(tmp_path: Path) -> None:
    posting = tmp_path / "offre.md"
    posting.write_text(IMPOSSIBLE_DATE, encoding="utf-8")
    result = tremplin(
        "import-vacancy", str(posting), "--org", "asso", env=bare_environment(), cwd=tmp_path
    )
    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr.splitlines() == [
        "tremplin import-vacancy: the configuration is incomplete: SECRET_KEY is not set "
        "(DEBUG=true allows a development key). Set it in the environment (see .env.example)."
    ]
