"""Benchmark of blind-review redaction on the labelled CV samples of
tremplin/review/tests/cv_samples/. Not a test: it prints figures.

Reported:
- recall per kind of identity (name, e-mail, phone, link, address): the share of labelled
  words that redaction covers, on all samples, on the tuning ones and on the held-out ones;
- over-redaction: the share of the other words that it touches (its complement is the
  precision a reviewer cares about: what is left of the CV that is not identity);
- time: milliseconds to redact one sample, the median of all samples over several runs.

With ``--before REV``, the same figures for redaction as it was at git revision REV
(``redaction.py`` and the ``redaction_*`` modules beside it then): how the floor in
test_redaction_samples.py was measured.

    .venv/bin/python bench/redaction.py [--before 58388ca] [--runs 20]
    .venv/bin/python bench/redaction.py --mistakes   # the tuning samples' misses, to tune on
"""

import argparse
import importlib
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from types import ModuleType

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from tremplin.review import redaction  # noqa: E402
from tremplin.review.tests import redaction_scoring as scoring  # noqa: E402


def module_at(revision: str) -> ModuleType:
    """``tremplin/review/redaction.py`` as it was at ``revision``, with the ``redaction_*``
    modules beside it as they were then (a package of their own; other imports are today's)."""

    def git(*command: str) -> str:
        return subprocess.run(
            ["git", *command], cwd=REPO, check=True, capture_output=True, text=True
        ).stdout

    package = Path(tempfile.mkdtemp()) / "redaction_before"
    package.mkdir()
    (package / "__init__.py").write_text("", encoding="utf-8")
    for name in git("ls-tree", "--name-only", revision, "tremplin/review/").split():
        base = Path(name).name
        if base.startswith("redaction") and base.endswith(".py"):
            source = git("show", f"{revision}:{name}")
            source = source.replace("tremplin.review.redaction", "redaction_before.redaction")
            (package / base).write_text(source, encoding="utf-8")
    sys.path.insert(0, str(package.parent))
    return importlib.import_module("redaction_before.redaction")


def score(module: ModuleType, samples: list[scoring.Sample]) -> scoring.Score:
    total = scoring.Score()
    for sample in samples:
        identity = module.Identity(
            names=sample.identity.names,
            emails=sample.identity.emails,
            phones=sample.identity.phones,
        )
        total.add(scoring.sample_score(sample, module.find(sample.text, identity=identity)))
    return total


def milliseconds(module: ModuleType, samples: list[scoring.Sample], runs: int) -> float:
    timings = []
    for sample in samples:
        identity = module.Identity(
            names=sample.identity.names,
            emails=sample.identity.emails,
            phones=sample.identity.phones,
        )
        for _ in range(runs):
            started = time.perf_counter()
            module.find(sample.text, identity=identity)
            timings.append((time.perf_counter() - started) * 1000)
    return statistics.median(timings)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--before", help="also score redaction.py at this git revision")
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument(
        "--mistakes",
        action="store_true",
        help="list the tuning samples' missed words and over-redacted words (never held out)",
    )
    arguments = parser.parse_args()
    samples = scoring.samples_load()
    held_out_names = scoring.held_out_names()
    held_out = [sample for sample in samples if sample.name in held_out_names]
    tuning = [sample for sample in samples if sample.name not in held_out_names]
    size = sum(len(sample.text) for sample in samples) / len(samples)
    if arguments.mistakes:
        mistakes(tuning)
        return
    modules = [("now", redaction)]
    if arguments.before:
        modules.append((arguments.before, module_at(arguments.before)))
    for label, module in modules:
        print(scoring.report(score(module, samples), title=f"[{label}] all {len(samples)}"))
        print(scoring.report(score(module, tuning), title=f"[{label}] tuning {len(tuning)}"))
        print(scoring.report(score(module, held_out), title=f"[{label}] held out {len(held_out)}"))
        print(
            f"  time: {milliseconds(module, samples, arguments.runs):.2f} ms per sample"
            f" (median; samples average {size:,.0f} characters)"
        )


def mistakes(tuning: list[scoring.Sample]) -> None:
    """What redaction misses and what it takes that is not identity, on the tuning samples
    alone: the held-out ones' mistakes are not to be looked at."""
    total = scoring.samples_score(tuning)
    print(scoring.report(total, title=f"tuning {len(tuning)}"))
    for name, kind, word in total.missed:
        print(f"  missed {kind:<8} {name}: {word}")
    for name, word in total.overdone:
        print(f"  over             {name}: {word}")


if __name__ == "__main__":
    main()
