"""Benchmark of the privacy machinery: the daily retention erasure and the candidate's copy
of their data. Not a test: it prints figures.

It runs in one process on a throwaway SQLite database and files folder (migrated first),
with the production settings (files encrypted at rest). With --database-url it runs on
that database instead (PostgreSQL, say): migrated, then emptied (flush) before and after,
so give it a database of its own.

Reported, each against a floor measured in the same run on the same data:
- retention: applications erased per second by ``retention_apply`` (in batches of
  --batch-size, audit events redacted, stored files deleted), with the number of queries
  per application; floor: Django deleting an identical set of applications with one
  queryset ``delete()`` (cascades and stored files included, no audit, no ledger);
- copy of the data: MB per second of stored files put into the ZIP by
  ``data_export_build`` (decrypting, streaming, then storing the ZIP encrypted); floor:
  ``zipfile`` writing the same plaintext bytes from an ordinary file into a ZIP.

    .venv/bin/python bench/privacy.py [--applications 300] [--megabytes 64]
        [--batch-size 500] [--database-url postgres://postgres@127.0.0.1:5432/NAME]
"""

import argparse
import os
import shutil
import sys
import tempfile
import time
import zipfile
from datetime import timedelta
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from bench.instance import instance_setup  # noqa: E402


def applications_make(vacancy: object, count: int, prefix: str) -> None:
    from django.core.files.base import ContentFile

    from tremplin.applications.intake.submit import IncomingFile, application_submit
    from tremplin.applications.models import Document
    from tremplin.testing.samples import pdf_bytes

    cv = pdf_bytes("Curriculum vitae of a bench candidate")
    for number in range(count):
        application_submit(
            vacancy=vacancy,  # type: ignore[arg-type]
            name=f"Candidate {prefix} {number}",
            email=f"{prefix}{number}@example.org",
            files=[IncomingFile(role=Document.Role.CV, name="cv.pdf", file=ContentFile(cv))],
            letter_text="I would like to join you.",
            language="en",
        )


def vacancy_make(organization: object, slug: str) -> object:
    from decimal import Decimal

    from tremplin.vacancies.models import Vacancy, VacancyText

    vacancy = Vacancy.objects.create(
        organization=organization,  # type: ignore[misc]
        slug=slug,
        status="published",
        pay_min=Decimal(1),
        pay_max=Decimal(2),
        pay_currency="EUR",
        pay_period="YEAR",
    )
    VacancyText.objects.create(vacancy=vacancy, language="en", title=slug)
    return vacancy


def bench_retention(count: int, batch_size: int) -> None:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext
    from django.utils import timezone

    from tremplin.accounts.models import Organization
    from tremplin.applications.models import Application
    from tremplin.privacy.services import retention_apply

    organization = Organization.objects.create(name="Bench", slug="bench")
    erased, floor = vacancy_make(organization, "erased"), vacancy_make(organization, "floor")
    applications_make(erased, count, "e")
    applications_make(floor, count, "f")
    long_ago = timezone.now() - timedelta(days=400)
    Application.objects.update(stage="rejected", decided_at=long_ago)
    type(erased).objects.filter(pk=erased.pk).update(status="closed", closed_at=long_ago)  # type: ignore[attr-defined]

    start = time.perf_counter()
    Application.objects.filter(vacancy=floor).delete()
    floor_seconds = time.perf_counter() - start

    start = time.perf_counter()
    with CaptureQueriesContext(connection) as queries:
        counts = retention_apply(batch_size=batch_size)
    seconds = time.perf_counter() - start
    assert counts["bench"]["not_retained"] == count, counts
    assert not Application.objects.exists()

    rate, floor_rate = count / seconds, count / floor_seconds
    print(f"retention: {count} applications (CV + letter each) erased in {seconds:.2f} s")
    print(f"  retention_apply, batches of {batch_size}: {rate:.0f} applications/s")
    print(f"  queries: {len(queries) / count:.1f} per application")
    print(f"  floor, one queryset delete(): {floor_rate:.0f} applications/s")
    print(f"  ratio: {floor_rate / rate:.1f}x the floor's time")


def bench_export(megabytes: int, folder: Path) -> None:
    from django.core.files.base import File

    from tremplin.accounts.models import Organization
    from tremplin.applications.models import Document
    from tremplin.privacy.exports import data_export_build, data_export_request

    organization = Organization.objects.create(name="Copies", slug="copies")
    vacancy = vacancy_make(organization, "copy")
    applications_make(vacancy, 1, "copy")
    document = Document.objects.get(application__vacancy=vacancy, role="cv")
    plain = folder / "large.bin"
    with plain.open("wb") as out:
        for _ in range(megabytes):
            out.write(os.urandom(1024 * 1024))
    with plain.open("rb") as source:
        big = Document(application=document.application, role="other", kind="pdf", size=0)
        big.file.save("large", File(source), save=True)
    size = plain.stat().st_size / 1024 / 1024

    start = time.perf_counter()
    with (
        tempfile.TemporaryFile() as archive,
        zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as zip_file,
        plain.open("rb") as source,
        zip_file.open("large.bin", "w", force_zip64=True) as target,
    ):
        shutil.copyfileobj(source, target, 64 * 1024)
    floor_seconds = time.perf_counter() - start

    export = data_export_request(
        candidate=document.application.candidate,
        organization=organization,
        requested_by=None,
        language="en",
    )
    start = time.perf_counter()
    assert data_export_build(export_id=export.pk) == "ready"
    seconds = time.perf_counter() - start

    rate, floor_rate = size / seconds, size / floor_seconds
    print(f"copy of the data: {size:.0f} MB of stored files into one ZIP in {seconds:.2f} s")
    print(f"  data_export_build: {rate:.1f} MB/s")
    print(f"  floor, zipfile on the plaintext: {floor_rate:.1f} MB/s")
    print(f"  ratio: {floor_rate / rate:.1f}x the floor's time")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--applications", type=int, default=300)
    parser.add_argument("--megabytes", type=int, default=64)
    parser.add_argument("--batch-size", type=int, default=500)
    parser.add_argument(
        "--database-url",
        default="",
        help="a database of its own (it is emptied): PostgreSQL, say; default a throwaway SQLite",
    )
    options = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="tremplin-bench-") as name:
        folder = Path(name)
        instance_setup(folder, options.database_url)
        from django.db import connection

        print(f"{os.cpu_count()} cores; {connection.vendor}; files encrypted at rest")
        try:
            bench_retention(options.applications, options.batch_size)
            bench_export(options.megabytes, folder)
        finally:
            if options.database_url:
                from django.core.management import call_command

                call_command("flush", interactive=False, verbosity=0)


if __name__ == "__main__":
    main()
