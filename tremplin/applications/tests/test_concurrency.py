"""Many candidates at once, against PostgreSQL: nothing lost, nothing doubled."""

import urllib.request
import uuid
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.core.files.base import ContentFile
from django.db import connection

from tremplin.applications.intake.submit import IncomingFile, application_submit
from tremplin.applications.models import Application, Candidate, Document
from tremplin.messaging.models import OutboxMessage
from tremplin.testing import samples
from tremplin.testing.applying import apply_url
from tremplin.testing.builders import campaign_lead_make, organization_make

SUBMISSIONS = 200
CLIENTS = 8


def multipart(fields: dict[str, str], files: dict[str, tuple[str, bytes]]) -> tuple[bytes, str]:
    boundary = uuid.uuid4().hex
    parts: list[bytes] = []
    for name, value in fields.items():
        disposition = f'Content-Disposition: form-data; name="{name}"'
        parts.append(f"--{boundary}\r\n{disposition}\r\n\r\n{value}\r\n".encode())
    for name, (filename, data) in files.items():
        parts.append(
            (
                f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; '
                f'filename="{filename}"\r\nContent-Type: application/octet-stream\r\n\r\n'
            ).encode()
            + data
            + b"\r\n"
        )
    parts.append(f"--{boundary}--\r\n".encode())
    return b"".join(parts), f"multipart/form-data; boundary={boundary}"


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_200_candidates_applying_at_once_give_200_applications_and_200_acknowledgements(
    live_server, settings
):
    settings.RATELIMIT_ENABLE = False
    vacancy = campaign_lead_make(organization_make("open-future"))
    url = live_server.url + apply_url(vacancy)
    cv = samples.pdf_bytes(pages=2)

    def apply(number: int) -> int:
        body, content_type = multipart(
            {
                "name": f"Candidate {number}",
                "email": f"candidate{number}@example.org",
                "letter_text": samples.LETTER_EN,
            },
            {"cv": (f"cv-{number}.pdf", cv)},
        )
        request = urllib.request.Request(  # noqa: S310 (the live server's http:// address)
            url,
            data=body,
            # What a browser sends with the form (core.crossorigin checks it).
            headers={
                "Content-Type": content_type,
                "Origin": live_server.url,
                "Sec-Fetch-Site": "same-origin",
            },
        )
        with urllib.request.urlopen(request) as response:  # noqa: S310
            return response.status

    with ThreadPoolExecutor(max_workers=CLIENTS) as pool:
        statuses = list(pool.map(apply, range(SUBMISSIONS)))

    assert statuses == [200] * SUBMISSIONS  # each followed its redirect to the status page
    assert Candidate.objects.count() == SUBMISSIONS
    assert Application.objects.count() == SUBMISSIONS
    assert Document.objects.filter(role="cv").count() == SUBMISSIONS
    acknowledgements = OutboxMessage.objects.filter(kind="acknowledgement")
    assert acknowledgements.count() == SUBMISSIONS
    assert acknowledgements.values("application").distinct().count() == SUBMISSIONS
    assert acknowledgements.values("to").distinct().count() == SUBMISSIONS


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_one_candidate_sending_many_times_at_once_gets_each_kept_and_linked_to_the_first():
    vacancy = campaign_lead_make(organization_make("open-future"))
    times = 12

    def apply(number: int) -> int:
        try:
            application = application_submit(
                vacancy=vacancy,
                name="Ada",
                email="ada@example.org",
                files=[
                    IncomingFile(
                        role="cv", name=f"cv-{number}.pdf", file=ContentFile(samples.pdf_bytes())
                    )
                ],
                letter_text=samples.LETTER_EN,
                language="en",
            )
            return application.pk
        finally:
            connection.close()

    with ThreadPoolExecutor(max_workers=6) as pool:
        ids = set(pool.map(apply, range(times)))

    assert len(ids) == times
    assert Candidate.objects.count() == 1
    first = Application.objects.get(duplicate_of__isnull=True)
    assert first.duplicates.count() == times - 1
    assert Document.objects.filter(role="cv", superseded_at__isnull=True).count() == times
    for application in Application.objects.all():
        assert application.documents.filter(role="cv").count() == 1
        assert OutboxMessage.objects.filter(application=application).count() == 1
