"""Erasure leaves nothing of the person: not in a dump of the whole database, not in the
file store (read through the decrypting storage), not in the audit log.

The candidate here does everything a candidate can: applies on the web and by e-mail, sends
an unsorted e-mail and a reply; staff download her CV, score her, reject her with a
reason naming her; a copy of her data was exported. Another candidate does less and must
come out untouched.
"""

import os
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
from django.core.files.base import ContentFile
from django.db import connection

from tremplin.accounts.models import Organization
from tremplin.applications.models import Application, Candidate, Document, private_storage
from tremplin.applications.services import application_move, document_download_record
from tremplin.core.models import AuditEvent
from tremplin.messaging.inbound.store import inbound_receive
from tremplin.messaging.models import OutboxMessage
from tremplin.privacy.erasure import shred
from tremplin.privacy.models import DataExport, candidate_data_models
from tremplin.privacy.shredders import (
    SHREDDERS,
    export_data,
    subject_for_applications,
    subject_for_candidate,
)
from tremplin.review.services import answer_score_save, review_save
from tremplin.testing import samples
from tremplin.testing.applying import submit
from tremplin.testing.builders import campaign_lead_make
from tremplin.testing.mail import PDF, mail
from tremplin.testing.staff import member_create
from tremplin.testing.worker import run_worker
from tremplin.vacancies.models import Criterion, CriterionText, Question

# The worker (extraction, sending) takes tasks queued on commit.
pytestmark = pytest.mark.django_db(transaction=True)

NAME = "Zephyrine Quintavalle"
EMAIL = "z.quintavalle@example.net"
PHONE = "+33 6 71 42 93 58"
# What must appear nowhere: her name, address and phone, also as digits only.
TRACES = ("Quintavalle", "quintavalle@example", "71 42 93 58", "671429358")


def _dump() -> str:
    """The whole database as SQL text, as a backup would hold it."""
    if connection.vendor == "sqlite":
        return "\n".join(connection.connection.iterdump())
    pg_dump = shutil.which("pg_dump")
    assert pg_dump, "pg_dump is needed to check the PostgreSQL database"
    params = connection.get_connection_params()
    command = [pg_dump, "--data-only", "--dbname", params["dbname"]]
    for option, key in (("--host", "host"), ("--port", "port"), ("--username", "user")):
        if params.get(key):
            command += [option, str(params[key])]
    environment = {**os.environ, "PGPASSWORD": str(params.get("password") or "")}
    result = subprocess.run(command, capture_output=True, check=True, env=environment)
    return result.stdout.decode("utf-8", "replace")


def _files(root: Path) -> dict[str, bytes]:
    """Every stored file, as the application reads it (decrypted) and as the disk has it."""
    storage = private_storage()
    found = {}
    for path in sorted(p for p in root.rglob("*") if p.is_file()):
        name = str(path.relative_to(root))
        with storage.open(name) as file:
            found[name] = file.read() + b"\n" + path.read_bytes()
    return found


def _traces(text: str) -> list[str]:
    lowered = text.lower()
    return [trace for trace in TRACES if trace.lower() in lowered]


@pytest.fixture
def organization(db) -> Organization:
    return Organization.objects.create(
        name="Atelier commun", slug="atelier", email="jobs@atelier.example"
    )


@pytest.fixture
def her(organization: Organization, private_files: Path, settings) -> dict[str, Any]:
    """Everything about her, and about another candidate, at one organization."""
    settings.RATELIMIT_ENABLE = False
    owner = member_create(email="owner@atelier.example", organization=organization, role="owner")
    reviewer = member_create(
        email="reviewer@atelier.example", organization=organization, role="reviewer"
    )
    vacancy = campaign_lead_make(organization, slug="coordinator")
    criterion = Criterion.objects.create(vacancy=vacancy, kind=Criterion.Kind.MUST)
    CriterionText.objects.create(criterion=criterion, language="en", text="Coordinates")
    question = Question.objects.create(vacancy=vacancy, required=False)
    campaign_lead_make(organization, slug="treasurer")  # she also applies to it by e-mail

    other = submit(vacancy, email="other@example.org", name="Other Person")
    cv = samples.pdf_bytes(f"{NAME}\n{EMAIL}\n{PHONE}\nCoordinator of things")
    application = submit(
        vacancy,
        email=EMAIL,
        name=NAME,
        phone=PHONE,
        cv=cv,
        letter_text=f"I am {NAME}; call me on {PHONE}.",
        answers={question.pk: f"{NAME} answers: because."},
        talent_pool_consent=True,
    )
    inbound_receive(
        raw=mail(
            to="jobs+treasurer@atelier.example",
            sender=f"{NAME} <{EMAIL}>",
            body=f"Hello, {NAME} here, {PHONE}.",
            attachments=[("cv.pdf", cv, PDF)],
        ),
        channel="pipe",
    )
    inbound_receive(
        raw=mail(to="jobs@atelier.example", sender=f"{NAME} <{EMAIL}>", body="Any vacancy?"),
        channel="pipe",
    )
    acknowledgement = OutboxMessage.objects.filter(application=application).first()
    assert acknowledgement is not None
    inbound_receive(
        raw=mail(
            to="jobs@atelier.example",
            sender=f"{NAME} <{EMAIL}>",
            subject="Re: your message",
            body=f"Thanks! {NAME}",
            headers={"In-Reply-To": acknowledgement.message_id},
        ),
        channel="pipe",
    )
    run_worker()  # extraction and sending

    document = application.documents.get(role=Document.Role.CV)
    assert NAME in document.text
    document_download_record(document=document, user=owner)
    vacancy.reviewers.add(reviewer)
    review_save(
        application=application,
        reviewer=reviewer,
        scores={criterion.pk: (4, f"{NAME} coordinates well")},
        recommendation="yes",
        comment=f"I would hire {NAME}.",
        submit=True,
    )
    answer_score_save(
        answer=application.answers.get(), reviewer=reviewer, score=3, note=f"{NAME}: fine"
    )
    application_move(
        application=application,
        to_stage="rejected",
        by=owner,
        reason="other",
        reason_text=f"{NAME} took another job",
    )
    export = DataExport.objects.create(
        organization=organization, candidate=application.candidate, language="en"
    )
    export.file.save("export.zip", ContentFile(f"{NAME} {EMAIL}".encode()))
    return {"application": application, "other": other, "candidate": application.candidate}


def test_after_erasure_nothing_of_her_is_left_in_the_database_or_the_files(
    her: dict[str, Any], organization: Organization, private_files: Path
) -> None:
    candidate = her["candidate"]
    assert Application.objects.filter(candidate=candidate).count() == 2
    before_dump, before_files = _dump(), _files(private_files)
    assert set(TRACES[:3]) <= set(_traces(before_dump))  # the check can see her
    assert any(_traces(content.decode("latin-1")) for content in before_files.values())
    other_files = {
        document.file.name for document in Document.objects.filter(application=her["other"])
    }

    counts = shred(
        subject=subject_for_candidate(candidate=candidate, organization=organization),
        actor=None,
        reason="candidate",
    )

    assert _traces(_dump()) == []
    left = _files(private_files)
    assert [name for name, content in left.items() if _traces(content.decode("latin-1"))] == []
    assert set(left) == other_files  # the other candidate's files, and nothing else
    assert not Candidate.objects.filter(email=EMAIL).exists()
    assert Application.objects.filter(pk=her["other"].pk).exists()
    assert counts["documents"] >= 3 and counts["emails"] == 3 and counts["exports"] == 1
    erased = AuditEvent.objects.get(verb="candidate.erased")
    assert erased.data["counts"] == counts and erased.data["reason"] == "candidate"
    # The audit trail still says what staff did, not to whom.
    stage_event = AuditEvent.objects.get(verb="application.stage")
    assert stage_event.data == {
        "from": "received",
        "to": "rejected",
        "reason": "other",
        "redacted": True,
    }


def test_the_shredders_cover_every_model_that_holds_candidate_data(
    her: dict[str, Any], organization: Organization
) -> None:
    subject = subject_for_candidate(candidate=her["candidate"], organization=organization)
    covered = {queryset.model for shredder in SHREDDERS for queryset in shredder.querysets(subject)}
    assert set(candidate_data_models()) <= covered
    exported = export_data(subject=subject)
    assert {model._meta.label_lower for model in candidate_data_models()} <= set(exported)


def test_erasing_one_application_keeps_the_candidates_others(
    her: dict[str, Any], organization: Organization
) -> None:
    application, candidate = her["application"], her["candidate"]
    subject = subject_for_applications(applications=[application])
    assert not subject.whole

    shred(subject=subject, actor=None, reason="retention")

    assert not Application.objects.filter(pk=application.pk).exists()
    remaining = Application.objects.get(candidate=candidate)
    assert remaining.vacancy.slug == "treasurer"
    assert Candidate.objects.get(pk=candidate.pk).name == NAME
    assert AuditEvent.objects.filter(verb="application.erased").count() == 1


def test_her_applications_at_another_organization_are_not_erased(
    her: dict[str, Any], organization: Organization
) -> None:
    elsewhere = Organization.objects.create(name="Ailleurs", slug="ailleurs")
    kept = submit(campaign_lead_make(elsewhere, slug="gardener"), email=EMAIL, name=NAME)

    shred(
        subject=subject_for_candidate(candidate=her["candidate"], organization=organization),
        actor=None,
        reason="owner",
    )

    kept.refresh_from_db()
    assert kept.candidate.email == EMAIL
    assert kept.documents.count() == 2
    assert not Application.objects.filter(
        vacancy__organization=organization, candidate=kept.candidate
    ).exists()


def test_applications_of_two_candidates_are_refused_as_one_subject(
    her: dict[str, Any],
) -> None:
    with pytest.raises(ValueError, match="one candidate"):
        subject_for_applications(applications=[her["application"], her["other"]])
    with pytest.raises(ValueError, match="no applications"):
        subject_for_applications(applications=[])
