"""Benchmark of the ``tremplin`` command's start (issue 13, P5). Not a test: it prints figures.

    .venv/bin/python bench/cli.py [--runs 7] [--json]

Each command is started --runs times in a row, as an operator would start it (what the
installed ``tremplin`` script runs, from this checkout, in a fresh interpreter each time); the
median wall time is reported, and as
ratios against two floors measured in the same run: ``python -c pass`` (the interpreter alone)
and ``python -c "import django"``. ``--help`` runs with a production configuration in the
environment (as it would on a server); ``parse-vacancy`` with nothing but PATH (it needs no
configuration). The target is under 0.5 s for both.
"""

import argparse
import base64
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
PYTHON = Path(sys.executable)
# What the installed script runs, with this checkout's code whatever the venv was built from.
TREMPLIN = [str(PYTHON), "-c", "import sys; from tremplin.cli import main; sys.exit(main())"]
POSTING = REPO / "tests" / "postings" / "texts" / "fr_dinum_communautes-logiciels-libres.md"


def start_time(command: list[str], env: dict[str, str], runs: int) -> float:
    """The median wall time of ``command``, in seconds."""
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run(command, env=env, cwd=REPO, check=True, capture_output=True)
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=7, help="starts of each command (7)")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    args = parser.parse_args()
    bare = {"PATH": os.environ["PATH"], "PYTHONPATH": str(REPO)}
    with tempfile.TemporaryDirectory(prefix="tremplin-bench-cli-") as var:
        production = {
            **bare,
            "DEBUG": "false",
            "SECRET_KEY": "bench-only-not-secret",
            "TREMPLIN_FILES_KEY": base64.b64encode(os.urandom(32)).decode(),
            "ALLOWED_HOSTS": "jobs.example.org",
            "DATABASE_URL": "postgres://tremplin@127.0.0.1:5432/tremplin",
            "TREMPLIN_VAR_DIR": var,
        }
        commands = {
            "python -c pass": ([str(PYTHON), "-c", "pass"], bare),
            "python -c 'import django'": ([str(PYTHON), "-c", "import django"], bare),
            "tremplin --help": ([*TREMPLIN, "--help"], production),
            "tremplin parse-vacancy FILE": ([*TREMPLIN, "parse-vacancy", str(POSTING)], bare),
        }
        seconds = {name: start_time(cmd, env, args.runs) for name, (cmd, env) in commands.items()}
    interpreter, django = seconds["python -c pass"], seconds["python -c 'import django'"]
    result = {
        name: {
            "median_s": round(value, 3),
            "x_python": round(value / interpreter, 1),
            "x_django": round(value / django, 2),
        }
        for name, value in seconds.items()
    }
    if args.json:
        print(json.dumps(result))
        return 0
    print(f"{'command':<30} {'median s':>9} {'× python':>9} {'× django':>9}")
    for name, figures in result.items():
        print(
            f"{name:<30} {figures['median_s']:>9.3f} {figures['x_python']:>9.1f} "
            f"{figures['x_django']:>9.2f}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
