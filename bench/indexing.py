"""Benchmark of the search index's cost to intake (issue 14). Not a test: it prints figures.

It runs in one process on a throwaway SQLite database and files folder (migrated first),
with the production settings (files encrypted at rest). With --database-url it runs on
that database instead (PostgreSQL, say): migrated, then emptied (flush) before and after,
so give it a database of its own.

Each application is made by the real intake: a two-page CV (a labelled CV of
tremplin/review/tests/cv_samples, in English or French, with its header of name, e-mail,
phone and links, then prose to about 700 words, as a Word file) and a letter of about 200
words. The vacancy is open (each application indexed in two forms: staff, review), or
with --blind reviewed blind (a third form, the texts redacted for blind review). Then each
document's extraction task runs (``document_extract``), and the index is written after it
by the task the extraction enqueues (``applications_index_task``), as in production. Tasks
run here as they are enqueued, in this process (Django's ImmediateBackend): the index task
runs right after the extraction's commit, and is timed with it.

Reported, in milliseconds per extraction task (median and p95 over every task), wall-clock
and this process's CPU time (the figure that a loaded machine blurs least; on PostgreSQL
the server's work is in the wall-clock only):
- floor: the extraction task with the index not following it (its receiver disconnected);
- with the index: the same task, then the index task it enqueued;
- indexing alone: the index task of the application (``applications_index_task``: the
  index rewritten, the saved searches that may find it looked up), timed on its own;
and the difference, what indexing adds to the worker's work for each extraction (the
target: under 20 ms). The web request that made the application does not index it.

    .venv/bin/python bench/indexing.py [--applications 40]
        [--blind] [--database-url postgres://postgres@127.0.0.1:5432/NAME] [--profile]
"""

import argparse
import cProfile
import os
import pstats
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from bench.instance import instance_setup  # noqa: E402

SAMPLES = REPO / "tremplin" / "review" / "tests" / "cv_samples"
PROSE = {
    "en": (
        "Coordinated a network of volunteers across the region and organised training for new "
        "members. Managed a budget of two hundred thousand euros with the finance team. Wrote "
        "funding applications to foundations and reported to donors every quarter. Led the "
        "advocacy campaign on housing rights with partner organisations and local councils. "
        "Designed surveys, analysed the data and published the evaluation of the programme. "
        "Recruited, trained and supervised a team of six field officers. "
    ),
    "fr": (
        "Coordination d'un réseau de bénévoles dans toute la région et organisation des "
        "formations des nouveaux adhérents. Gestion d'un budget de deux cent mille euros avec "
        "l'équipe financière. Rédaction des demandes de subvention auprès des fondations et "
        "rapports trimestriels aux donateurs. Pilotage de la campagne de plaidoyer sur le droit "
        "au logement avec les associations partenaires et les collectivités. Conception des "
        "enquêtes, analyse des données et publication de l'évaluation du programme. "
    ),
}
LETTER = {
    "en": "Dear hiring team, I am writing to apply for this position. ",
    "fr": "Madame, Monsieur, je vous écris pour poser ma candidature à ce poste. ",
}


def samples() -> list[tuple[str, str, dict[str, str]]]:
    """(language, text, identity) of each English or French labelled CV."""
    import json

    found = []
    for path in sorted(SAMPLES.glob("[ef][nr]_*.json")):
        identity = json.loads(path.read_text(encoding="utf-8"))["identity"]
        text = path.with_suffix(".txt").read_text(encoding="utf-8")
        found.append((path.name[:2], text, identity))
    return found


def words_to(text: str, prose: str, count: int) -> str:
    while len(text.split()) < count:
        text += "\n" + prose
    return text


def applications_make(count: int, rng: random.Random, *, blind: bool) -> list[int]:
    from django.core.files.base import ContentFile

    from tremplin.accounts.models import Organization
    from tremplin.applications.intake.submit import IncomingFile, application_submit
    from tremplin.applications.models import Document
    from tremplin.testing.builders import vacancy_make
    from tremplin.testing.samples import docx_bytes

    organization = Organization.objects.create(name="Bench", slug="bench")
    vacancy = vacancy_make(organization, "coordinator", blind_review=blind)
    ids = []
    cvs = samples()
    for number in range(count):
        language, header, identity = cvs[number % len(cvs)]
        cv = words_to(header, PROSE[language], 700)
        letter = words_to(LETTER[language], PROSE[language], 200)
        application = application_submit(
            vacancy=vacancy,
            name=identity.get("name") or f"Candidate {number}",
            email=identity.get("email") or f"candidate{number}@example.org",
            files=[
                IncomingFile(
                    role=Document.Role.CV,
                    name="cv.docx",
                    file=ContentFile(docx_bytes(*cv.splitlines())),
                )
            ],
            letter_text=letter,
            language=language,
            acknowledge=False,
        )
        ids.append(application.pk)
    rng.shuffle(ids)
    return ids


def reset(application_ids: list[int]) -> list[int]:
    """Put every document back to pending, as intake leaves it; the ids of the documents."""
    from tremplin.applications.models import Document

    documents = Document.objects.filter(application_id__in=application_ids)
    documents.update(extraction_status=Document.Extraction.PENDING, extraction_attempts=0)
    return list(documents.order_by("pk").values_list("pk", flat=True))


Timings = tuple[list[float], list[float]]  # wall-clock and this process's CPU, in ms


def timed(run: Callable[[int], object], ids: list[int]) -> Timings:
    wall, cpu = [], []
    for pk in ids:
        started, started_cpu = time.perf_counter(), time.process_time()
        run(pk)
        wall.append((time.perf_counter() - started) * 1000)
        cpu.append((time.process_time() - started_cpu) * 1000)
    return wall, cpu


def extraction_times(document_ids: list[int]) -> Timings:
    from tremplin.applications.documents import document_extract

    return timed(lambda pk: document_extract(document_id=pk), document_ids)


def index_times(application_ids: list[int]) -> Timings:
    from tremplin.search.tasks import applications_index_task

    return timed(lambda pk: applications_index_task.call(application_ids=[pk]), application_ids)


def summary(label: str, timings: Timings) -> str:
    figures = []
    for values in timings:
        p95 = statistics.quantiles(values, n=20)[-1] if len(values) > 1 else values[0]
        figures.append(f"{statistics.median(values):7.1f} {p95:7.1f}")
    return f"  {label:<40} {figures[0]}   {figures[1]}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--applications", type=int, default=40)
    parser.add_argument(
        "--database-url",
        default="",
        help="a database of its own (it is emptied): PostgreSQL, say; default a throwaway SQLite",
    )
    parser.add_argument("--blind", action="store_true", help="a vacancy reviewed blind")
    parser.add_argument("--profile", action="store_true", help="profile indexing alone")
    options = parser.parse_args()
    # Each task runs as it is enqueued, in this process: the index task after the commit
    # of the extraction that enqueued it.
    os.environ["TASKS_BACKEND"] = "django.tasks.backends.immediate.ImmediateBackend"
    os.environ.setdefault("LOG_LEVEL", "WARNING")  # not a line per task
    with tempfile.TemporaryDirectory(prefix="tremplin-bench-") as name:
        instance_setup(Path(name), options.database_url)
        from django.db import connection

        from tremplin.applications.signals import document_text_extracted
        from tremplin.search.models import SearchEntry
        from tremplin.search.signals import index_follows_changes

        try:
            ids = applications_make(options.applications, random.Random(14), blind=options.blind)  # noqa: S311
            documents = reset(ids)
            document_text_extracted.disconnect(dispatch_uid="search_extracted")
            floor = extraction_times(documents)
            index_follows_changes()
            reset(ids)
            with_index = extraction_times(documents)
            alone = index_times(ids)  # nothing changed: each text's redaction is reused
            forms = 3 if options.blind else 2
            assert SearchEntry.objects.filter(application_id__in=ids).count() == forms * len(ids)
            if options.profile:
                profile = cProfile.Profile()
                profile.runcall(index_times, ids)
                pstats.Stats(profile).sort_stats("cumulative").print_stats(25)
            print(
                f"{os.cpu_count()} cores; {connection.vendor}; {len(ids)} applications, "
                f"{len(documents)} extraction tasks (a CV of ~700 words, a letter of ~200), "
                + ("blind vacancy" if options.blind else "open vacancy")
            )
            print(f"ms per extraction task {'':<17} wall: median p95   CPU: median p95")
            print(summary("floor: extraction, index not following", floor))
            print(summary("extraction, then its index task", with_index))
            print(summary("indexing one application alone", alone))
            for kind, column in (("wall-clock", 0), ("CPU", 1)):
                added = statistics.median(with_index[column]) - statistics.median(floor[column])
                print(f"  indexing adds {added:.1f} ms of {kind} (median) to each task")
        finally:
            if options.database_url:
                from django.core.management import call_command

                call_command("flush", interactive=False, verbosity=0)


if __name__ == "__main__":
    main()
