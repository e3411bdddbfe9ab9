"""Candidate numbers are now given as applications arrive (review.signals), no longer when a
review page is read: give the applications that arrived before, and have none, theirs, in the
order they arrived after the vacancy's highest number."""

from django.db import migrations
from django.db.models import Max

BATCH = 1000


def number_existing(apps, schema_editor):
    Application = apps.get_model("applications", "Application")
    CandidateNumber = apps.get_model("review", "CandidateNumber")
    vacancy_ids = (
        Application.objects.filter(candidate_number__isnull=True)
        .values_list("vacancy_id", flat=True)
        .distinct()
        .order_by("vacancy_id")
    )
    for vacancy_id in list(vacancy_ids):
        top = (
            CandidateNumber.objects.filter(vacancy_id=vacancy_id).aggregate(Max("number"))[
                "number__max"
            ]
            or 0
        )
        # Only ids, read before writing: SQLite does not isolate a read from writes made on
        # the same connection while it runs.
        missing = list(
            Application.objects.filter(vacancy_id=vacancy_id, candidate_number__isnull=True)
            .order_by("created_at", "pk")
            .values_list("pk", flat=True)
        )
        CandidateNumber.objects.bulk_create(
            (
                CandidateNumber(application_id=pk, vacancy_id=vacancy_id, number=top + index)
                for index, pk in enumerate(missing, start=1)
            ),
            batch_size=BATCH,
        )


class Migration(migrations.Migration):
    dependencies = [
        ("applications", "0006_document_extraction_not_extracted"),
        ("review", "0001_initial"),
    ]

    operations = [migrations.RunPython(number_existing, migrations.RunPython.noop)]
