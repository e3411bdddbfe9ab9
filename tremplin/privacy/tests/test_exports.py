"""The candidate's copy of their data: one ZIP with data.json, the original files and a
README in their language, built by a task, holding every kind of data the model graph
says can be about a candidate, and nothing about anyone else.

The candidate here does everything a candidate can: applies on the web (CV, typed letter,
an answer) and by e-mail, writes an unsorted e-mail and replies to our acknowledgement;
staff download her CV, number, score and note her, move her and prepare a message; she
asked for a copy of her data before. Another candidate applies to the same vacancy.
"""

import hashlib
import io
import json
import tracemalloc
import zipfile
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
import time_machine
from django.core.files.base import ContentFile
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from tremplin.accounts.models import Organization, User
from tremplin.applications.correspondence import draft_prepare
from tremplin.applications.models import Application, Document, ReviewerAssignment
from tremplin.applications.notes import note_add
from tremplin.applications.services import application_move, document_download_record
from tremplin.core.models import AuditEvent
from tremplin.interviews.services import (
    interview_schedule,
    reschedule_request_make,
    scorecard_save,
)
from tremplin.messaging.inbound.store import inbound_receive
from tremplin.messaging.models import InboundMessage, OutboxMessage
from tremplin.privacy.exports import (
    EXPORT_LIFETIME,
    data_export_build,
    data_export_request,
    data_exports_expire,
)
from tremplin.privacy.models import DataExport, candidate_data_models
from tremplin.privacy.tasks import data_export_build_task
from tremplin.review.services import answer_score_save, review_save
from tremplin.testing import samples
from tremplin.testing.applying import submit
from tremplin.testing.builders import campaign_lead_make
from tremplin.testing.mail import PDF, mail
from tremplin.testing.staff import member_create
from tremplin.testing.worker import TASKS_AT_ENQUEUE, run_worker
from tremplin.vacancies.models import Criterion, CriterionText, Question

NAME = "Zephyrine Quintavalle"
EMAIL = "z.quintavalle@example.net"
OTHER_NAME = "Barnabé Ostrogradski"
OTHER_EMAIL = "barnabe.ostro@example.org"
# Every model whose rows can be about a candidate. A new one makes the graph test fail
# until someone decides how its rows are exported and erased (see shredders.py).
CANDIDATE_DATA_MODELS = {
    "applications.candidate",
    "applications.application",
    "applications.answer",
    "applications.document",
    "applications.documentdownload",
    "applications.stagechange",
    "applications.note",
    "applications.reviewerassignment",
    "messaging.outboxmessage",
    "messaging.inboundmessage",
    "messaging.draftmessage",
    "review.candidatenumber",
    "review.review",
    "review.criterionscore",
    "review.answerscore",
    "privacy.dataexport",
    "search.searchentry",
    "interviews.interview",
    "interviews.interviewslot",
    "interviews.reschedulerequest",
    "interviews.scorecard",
    "interviews.scorecardscore",
}


@dataclass(frozen=True)
class Story:
    organization: Organization
    application: Application  # her web application
    other: Application  # another candidate's, to the same vacancy
    owner: User
    reviewer: User
    cv: bytes
    raw_emails: list[bytes]


@pytest.fixture
def organization(db) -> Organization:
    return Organization.objects.create(
        name="Atelier commun",
        slug="atelier",
        email="jobs@atelier.example",
        legal_name="Association Atelier commun",
        privacy_email="donnees@atelier.example",
    )


def story_make(organization: Organization, *, language: str = "en") -> Story:
    """Her data in every model of the graph, and another candidate's beside it."""
    owner = member_create(email="owner@atelier.example", organization=organization, role="owner")
    reviewer = member_create(
        email="reviewer@atelier.example", organization=organization, role="reviewer"
    )
    vacancy = campaign_lead_make(organization, slug="coordinator")
    vacancy.reviewers.add(reviewer)
    criterion = Criterion.objects.create(vacancy=vacancy, kind=Criterion.Kind.MUST)
    CriterionText.objects.create(criterion=criterion, language="en", text="Coordinates")
    question = Question.objects.create(vacancy=vacancy, required=False)
    campaign_lead_make(organization, slug="treasurer")

    cv = samples.pdf_bytes(f"{NAME}\nCoordinator of things")
    application = submit(
        vacancy,
        email=EMAIL,
        name=NAME,
        cv=cv,
        letter_text="I coordinate things, and would love to here.",
        answers={question.pk: "Because I like commons."},
        language=language,
    )
    other = submit(
        vacancy,
        email=OTHER_EMAIL,
        name=OTHER_NAME,
        cv=samples.pdf_bytes(f"{OTHER_NAME}\nTreasurer"),
        letter_text=f"{OTHER_NAME} applies.",
    )
    by_mail = mail(
        to="jobs+treasurer@atelier.example",
        sender=f"{NAME} <{EMAIL}>",
        body="Please find my CV attached.",
        attachments=[("cv.pdf", cv, PDF)],
    )
    unsorted = mail(to="jobs@atelier.example", sender=f"{NAME} <{EMAIL}>", body="Any vacancy?")
    acknowledgement = OutboxMessage.objects.get(application=application, kind="acknowledgement")
    reply = mail(
        to="jobs@atelier.example",
        sender=f"{NAME} <{EMAIL}>",
        subject="Re: your message",
        body="Thank you!",
        headers={"In-Reply-To": acknowledgement.message_id},
    )
    for raw in (by_mail, unsorted, reply):
        inbound_receive(raw=raw, channel="pipe")

    document_download_record(document=application.documents.get(role=Document.Role.CV), user=owner)
    application_move(application=application, to_stage="review", by=owner)
    # A row as the bulk assignment writes it (its e-mail, queued for later, would need a
    # task backend that can wait; this test's runs tasks at once).
    ReviewerAssignment.objects.create(application=application, reviewer=reviewer, assigned_by=owner)
    review_save(
        application=application,
        reviewer=reviewer,
        scores={criterion.pk: (4, "Coordinates three networks")},
        recommendation="yes",
        comment="A strong profile for the role.",
        submit=True,
    )
    answer_score_save(
        answer=application.answers.get(), reviewer=reviewer, score=3, note="Short but sincere"
    )
    draft_prepare(application=application, kind="free", by=owner)
    note_add(
        application=application, body="Coordinates three networks, says her referee.", by=owner
    )
    interview = interview_schedule(
        application=application,
        by=owner,
        kind="phone",
        duration_minutes=30,
        location="",
        panel=[owner],
        starts=[timezone.now() + timedelta(days=2), timezone.now() + timedelta(days=3)],
        timezone_name="Europe/Paris",
        fixed=False,
    )
    reschedule_request_make(interview=interview, reason="An exam that week")
    interview.status, interview.start = "scheduled", timezone.now() - timedelta(hours=1)
    interview.save(update_fields=["status", "start"])  # it took place: the panel scores it
    scorecard_save(
        interview=interview,
        member=owner,
        scores={criterion.pk: (4, "Listens")},
        recommendation="yes",
        comment="Ready to lead",
        submit=True,
    )
    earlier = data_export_request(
        candidate=application.candidate,
        organization=organization,
        requested_by=owner,
        language=language,
    )
    data_export_build(export_id=earlier.pk)
    return Story(organization, application, other, owner, reviewer, cv, [by_mail, unsorted, reply])


def export_make(story: Story, *, requested_by: Any = None) -> DataExport:
    export = data_export_request(
        candidate=story.application.candidate,
        organization=story.organization,
        requested_by=requested_by,
        language=story.application.language,
    )
    assert data_export_build(export_id=export.pk) == DataExport.Status.READY
    export.refresh_from_db()
    return export


def zip_read(export: DataExport) -> dict[str, bytes]:
    """Every entry of the export's ZIP, read back through the decrypting storage."""
    with export.file.open("rb") as stored:
        data = stored.read()
    assert len(data) == export.size
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert archive.testzip() is None
        return {name: archive.read(name) for name in archive.namelist()}


def data_json(entries: dict[str, bytes]) -> dict[str, Any]:
    document: dict[str, Any] = json.loads(entries["data.json"])
    return document


def exports_on_disk(private_files: Path) -> list[Path]:
    folder = private_files / "exports"
    return sorted(folder.rglob("*.zip")) if folder.exists() else []


# --- What the copy holds ------------------------------------------------------------------


def test_the_model_graph_holds_the_models_this_test_knows():
    found = {model._meta.label_lower for model in candidate_data_models()}
    assert found == CANDIDATE_DATA_MODELS, (
        "The models reachable from Candidate changed: decide how the new one is exported and "
        "erased (tremplin/privacy/shredders.py), then update CANDIDATE_DATA_MODELS."
    )


def test_the_copy_holds_rows_of_every_model_of_the_graph(
    organization, settings, django_capture_on_commit_callbacks
):
    settings.RATELIMIT_ENABLE = False
    settings.TASKS = TASKS_AT_ENQUEUE  # the search index is written by its task
    with django_capture_on_commit_callbacks(execute=True):
        story = story_make(organization)

    sections = data_json(zip_read(export_make(story)))["data"]

    for model in candidate_data_models():
        label = model._meta.label_lower
        assert sections.get(label), f"data.json has no row of {label}"
    # Both applications, the web one and the one by e-mail, and her three e-mails.
    assert len(sections["applications.application"]) == 2
    assert len(sections["messaging.inboundmessage"]) == 3


def test_the_copy_holds_the_scores_notes_and_stage_history(organization, settings):
    settings.RATELIMIT_ENABLE = False
    story = story_make(organization)

    sections = data_json(zip_read(export_make(story)))["data"]

    (score,) = sections["review.criterionscore"]
    assert (score["score"], score["note"]) == (4, "Coordinates three networks")
    (review,) = sections["review.review"]
    assert (review["recommendation"], review["comment"]) == (
        "yes",
        "A strong profile for the role.",
    )
    (answer_score,) = sections["review.answerscore"]
    assert (answer_score["score"], answer_score["note"]) == (3, "Short but sincere")
    moves = [
        (row["from_stage"], row["to_stage"])
        for row in sections["applications.stagechange"]
        if row["application"] == story.application.pk
    ]
    assert ("received", "review") in moves
    # Each of the person's applications has had its number since it arrived.
    numbered = {row["application"] for row in sections["review.candidatenumber"]}
    assert story.application.pk in numbered
    assert numbered <= {row["id"] for row in sections["applications.application"]}
    answers = [row["text"] for row in sections["applications.answer"]]
    assert answers == ["Because I like commons."]


def test_the_copy_has_a_header_saying_whose_and_when(organization, settings):
    settings.RATELIMIT_ENABLE = False
    story = story_make(organization)
    moment = timezone.now().replace(microsecond=0) + timedelta(minutes=5)
    with time_machine.travel(moment, tick=False):
        export = export_make(story)

    document = data_json(zip_read(export))

    assert document["format_version"] == 1
    assert document["generated_at"] == moment.isoformat()
    assert document["organization"]["name"] == "Atelier commun"
    assert document["organization"]["privacy_email"] == "donnees@atelier.example"
    assert (export.ready_at, export.expires_at) == (moment, moment + EXPORT_LIFETIME)


def test_the_files_are_the_ones_received_byte_for_byte(organization, settings):
    settings.RATELIMIT_ENABLE = False
    story = story_make(organization)
    received = {}
    for document in Document.objects.filter(application__candidate=story.application.candidate):
        with document.file.open("rb") as stored:
            received[document.pk] = stored.read()

    entries = zip_read(export_make(story))

    files = {name: data for name, data in entries.items() if name.startswith("files/")}
    documents = {name: data for name, data in files.items() if name.startswith("files/document-")}
    assert sorted(hashlib.sha256(d).hexdigest() for d in documents.values()) == sorted(
        hashlib.sha256(d).hexdigest() for d in received.values()
    )
    cv_pk = story.application.documents.get(role=Document.Role.CV).pk
    assert files[f"files/document-{cv_pk}-cv.pdf"] == story.cv
    emails = sorted(data for name, data in files.items() if name.endswith(".eml"))
    assert emails == sorted(story.raw_emails)
    # Each file is named in data.json, in its record.
    paths = {
        value
        for rows in data_json(entries)["data"].values()
        for row in rows
        for value in row.values()
        if isinstance(value, str) and value.startswith("files/")
    }
    assert paths == set(files)


def test_the_copy_holds_nothing_about_another_candidate(organization, settings):
    settings.RATELIMIT_ENABLE = False
    story = story_make(organization)
    with story.other.documents.get(role=Document.Role.CV).file.open("rb") as stored:
        other_cv = stored.read()

    entries = zip_read(export_make(story))

    everything = b"\n".join(entries.values())
    for trace in (OTHER_NAME, OTHER_EMAIL, "Ostrogradski"):
        assert trace.encode() not in everything
    assert other_cv not in entries.values()
    sections = data_json(entries)["data"]
    assert {row["id"] for row in sections["applications.candidate"]} == {
        story.application.candidate_id
    }
    assert story.other.pk not in {row["id"] for row in sections["applications.application"]}
    # And her own details are there.
    assert NAME.encode() in everything and EMAIL.encode() in everything


@pytest.mark.parametrize(
    ("language", "expected", "not_expected"),
    [
        (
            "en",
            ["WHAT IS IN IT", "Your data at Atelier commun", "files/"],
            ["CONTENU DE L’ARCHIVE"],
        ),
        (
            "fr",
            ["CONTENU DE L’ARCHIVE", "Vos données chez Atelier commun", "files/"],
            ["WHAT IS IN IT"],
        ),
    ],
)
def test_the_readme_is_in_the_candidates_language(
    organization, settings, language, expected, not_expected
):
    settings.RATELIMIT_ENABLE = False
    story = story_make(organization, language=language)

    readme = zip_read(export_make(story))["README.txt"].decode()

    for text in expected:
        assert text in readme
    for text in not_expected:
        assert text not in readme
    # It explains each section of data.json, the files, and names the privacy contact.
    for label in CANDIDATE_DATA_MODELS:
        assert f"- {label} (" in readme
    assert "donnees@atelier.example" in readme
    assert "README.txt" in readme


def test_a_large_file_is_streamed_into_the_zip_not_held_in_memory(organization, settings):
    settings.RATELIMIT_ENABLE = False
    vacancy = campaign_lead_make(organization)
    application = submit(vacancy, email=EMAIL, name=NAME)
    size = 30 * 1024 * 1024
    big = Document(application=application, role=Document.Role.OTHER, kind=Document.Kind.PDF)
    big.original_name = "portfolio.pdf"
    big.file.save("upload", ContentFile(random_bytes(size)), save=False)
    big.size = size
    big.save()
    with big.file.open("rb") as stored:
        expected = hashlib.sha256()
        for chunk in iter(lambda: stored.read(1024 * 1024), b""):
            expected.update(chunk)
    export = data_export_request(
        candidate=application.candidate,
        organization=organization,
        requested_by=None,
        language="en",
    )

    tracemalloc.start()
    try:
        data_export_build(export_id=export.pk)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()

    assert peak < 8 * 1024 * 1024, f"building took {peak / 2**20:.1f} MiB at its peak"
    export.refresh_from_db()
    with export.file.open("rb") as stored, zipfile.ZipFile(stored) as archive:
        inside = hashlib.sha256()
        with archive.open(f"files/document-{big.pk}-portfolio.pdf") as member:
            for chunk in iter(lambda: member.read(1024 * 1024), b""):
                inside.update(chunk)
    assert inside.hexdigest() == expected.hexdigest()


def random_bytes(size: int) -> bytes:
    import os

    return os.urandom(size)


# --- Asking for it ------------------------------------------------------------------------


def test_asking_again_while_a_copy_is_prepared_returns_it(organization, settings):
    settings.RATELIMIT_ENABLE = False
    application = submit(campaign_lead_make(organization), email=EMAIL, name=NAME)
    candidate = application.candidate

    first = data_export_request(
        candidate=candidate, organization=organization, requested_by=None, language="en"
    )
    second = data_export_request(
        candidate=candidate, organization=organization, requested_by=None, language="fr"
    )

    assert second.pk == first.pk
    assert DataExport.objects.count() == 1
    assert AuditEvent.objects.filter(verb="export.requested").count() == 1


def test_an_owners_copy_being_prepared_does_not_answer_the_candidates_request(
    organization, settings
):
    settings.RATELIMIT_ENABLE = False
    application = submit(campaign_lead_make(organization), email=EMAIL, name=NAME)
    owner = member_create(email="owner@atelier.example", organization=organization, role="owner")
    candidate = application.candidate

    owners = data_export_request(
        candidate=candidate, organization=organization, requested_by=owner, language="en"
    )
    theirs = data_export_request(
        candidate=candidate, organization=organization, requested_by=None, language="en"
    )
    owners_again = data_export_request(
        candidate=candidate, organization=organization, requested_by=owner, language="en"
    )

    assert theirs.pk != owners.pk
    assert theirs.requested_by is None  # so they are e-mailed when it is ready
    assert owners_again.pk in (owners.pk, theirs.pk)
    assert DataExport.objects.count() == 2


def test_a_request_is_recorded_in_the_audit_log_without_personal_data(organization, settings):
    settings.RATELIMIT_ENABLE = False
    application = submit(campaign_lead_make(organization), email=EMAIL, name=NAME)

    export = data_export_request(
        candidate=application.candidate, organization=organization, requested_by=None, language="en"
    )

    event = AuditEvent.objects.get(verb="export.requested")
    assert event.organization == organization
    assert (event.target_type, event.target_id) == ("applications.application", str(application.pk))
    assert event.data == {"export": export.pk, "by": "candidate", "language": "en"}
    assert event.actor is None


def test_the_build_is_queued_once_the_request_is_committed(
    organization, settings, django_capture_on_commit_callbacks
):
    settings.RATELIMIT_ENABLE = False
    application = submit(campaign_lead_make(organization), email=EMAIL, name=NAME)

    with django_capture_on_commit_callbacks(execute=True):
        export = data_export_request(
            candidate=application.candidate,
            organization=organization,
            requested_by=None,
            language="en",
        )

    queued = DBTaskResult.objects.filter(task_path__endswith="data_export_build_task")
    assert [task.args_kwargs["kwargs"] for task in queued] == [{"export_id": export.pk}]


def test_a_copy_pending_for_too_long_is_queued_again(
    organization, settings, django_capture_on_commit_callbacks
):
    settings.RATELIMIT_ENABLE = False
    application = submit(campaign_lead_make(organization), email=EMAIL, name=NAME)
    export = data_export_request(
        candidate=application.candidate, organization=organization, requested_by=None, language="en"
    )  # its task is lost: the callback never ran

    later = timezone.now() + timedelta(hours=1)
    with (
        time_machine.travel(later, tick=False),
        django_capture_on_commit_callbacks(execute=True),
    ):
        again = data_export_request(
            candidate=application.candidate,
            organization=organization,
            requested_by=None,
            language="en",
        )

    assert again.pk == export.pk
    queued = DBTaskResult.objects.filter(task_path__endswith="data_export_build_task")
    assert [task.args_kwargs["kwargs"] for task in queued] == [{"export_id": export.pk}]


def test_expired_copies_lose_their_files_and_keep_their_rows(organization, settings, private_files):
    settings.RATELIMIT_ENABLE = False
    application = submit(campaign_lead_make(organization), email=EMAIL, name=NAME)
    owner = member_create(email="owner@atelier.example", organization=organization, role="owner")
    old = data_export_request(
        candidate=application.candidate,
        organization=organization,
        requested_by=owner,
        language="en",
    )
    data_export_build(export_id=old.pk)
    with time_machine.travel(timezone.now() + timedelta(days=6), tick=False):
        recent = data_export_request(
            candidate=application.candidate,
            organization=organization,
            requested_by=owner,
            language="en",
        )
        data_export_build(export_id=recent.pk)
    recent.refresh_from_db()

    later = timezone.now() + EXPORT_LIFETIME + timedelta(minutes=1)
    assert data_exports_expire(now=later) == 1
    assert data_exports_expire(now=later) == 0

    old.refresh_from_db()
    assert (old.status, old.file.name, old.size) == (DataExport.Status.READY, "", 0)
    assert exports_on_disk(private_files) == [private_files / recent.file.name]


# --- The task: the e-mail, and running it again -------------------------------------------


@pytest.mark.django_db(transaction=True)
def test_the_candidate_is_emailed_when_the_copy_they_asked_for_is_ready(settings):
    settings.RATELIMIT_ENABLE = False
    organization = Organization.objects.create(name="Atelier", slug="atelier", email="j@a.example")
    vacancy = campaign_lead_make(organization)
    first = submit(vacancy, email=EMAIL, name=NAME, language="fr")
    latest = submit(campaign_lead_make(organization, slug="treasurer"), email=EMAIL, name=NAME)

    export = data_export_request(
        candidate=first.candidate, organization=organization, requested_by=None, language="fr"
    )
    run_worker()

    export.refresh_from_db()
    assert export.status == DataExport.Status.READY
    message = OutboxMessage.objects.get(kind="data_export")
    assert message.to == EMAIL
    assert message.application == latest  # erasing her applications finds it
    assert message.language == "fr"
    assert "/fr/application/" in message.body  # her status link, in French
    assert message.status == OutboxMessage.Status.SENT


@pytest.mark.django_db(transaction=True)
def test_no_email_when_an_owner_asked(settings):
    settings.RATELIMIT_ENABLE = False
    organization = Organization.objects.create(name="Atelier", slug="atelier", email="j@a.example")
    application = submit(campaign_lead_make(organization), email=EMAIL, name=NAME)
    owner = member_create(email="owner@atelier.example", organization=organization, role="owner")

    data_export_request(
        candidate=application.candidate,
        organization=organization,
        requested_by=owner,
        language="en",
    )
    run_worker()

    assert DataExport.objects.get().status == DataExport.Status.READY
    assert not OutboxMessage.objects.filter(kind="data_export").exists()


@pytest.mark.django_db(transaction=True)
def test_the_task_run_twice_leaves_one_file_with_the_same_content(settings, private_files):
    settings.RATELIMIT_ENABLE = False
    organization = Organization.objects.create(name="Atelier", slug="atelier", email="j@a.example")
    application = submit(campaign_lead_make(organization), email=EMAIL, name=NAME)
    owner = member_create(email="owner@atelier.example", organization=organization, role="owner")
    export = data_export_request(
        candidate=application.candidate,
        organization=organization,
        requested_by=owner,
        language="en",
    )
    run_worker()
    export.refresh_from_db()
    before = zip_read(export)
    ready_at = export.ready_at

    data_export_build_task.enqueue(export_id=export.pk)
    run_worker()

    export.refresh_from_db()
    assert zip_read(export) == before
    assert export.ready_at == ready_at
    assert exports_on_disk(private_files) == [private_files / export.file.name]
    results = DBTaskResult.objects.filter(task_path__endswith="data_export_build_task")
    assert sorted(r.status for r in results) == ["SUCCESSFUL", "SUCCESSFUL"]


@pytest.mark.django_db(transaction=True)
def test_a_failed_build_succeeds_when_run_again(settings, private_files):
    settings.RATELIMIT_ENABLE = False
    organization = Organization.objects.create(name="Atelier", slug="atelier", email="j@a.example")
    application = submit(campaign_lead_make(organization), email=EMAIL, name=NAME)
    cv = application.documents.get(role=Document.Role.CV)
    with cv.file.open("rb") as file:
        cv_bytes = file.read()
    stored = private_files / cv.file.name
    hidden = stored.with_name("hidden")
    stored.rename(hidden)  # the disk lost it for a moment

    export = data_export_request(
        candidate=application.candidate, organization=organization, requested_by=None, language="en"
    )
    run_worker()

    export.refresh_from_db()
    assert export.status == DataExport.Status.FAILED
    assert export.error == "FileNotFoundError while building the export"
    assert not export.file
    assert exports_on_disk(private_files) == []
    (result,) = DBTaskResult.objects.filter(task_path__endswith="data_export_build_task")
    assert result.status == "FAILED"
    assert not OutboxMessage.objects.filter(kind="data_export").exists()

    hidden.rename(stored)
    data_export_build_task.enqueue(export_id=export.pk)
    run_worker()

    export.refresh_from_db()
    assert (export.status, export.error) == (DataExport.Status.READY, "")
    assert zip_read(export)[f"files/document-{cv.pk}-cv.pdf"] == cv_bytes
    assert OutboxMessage.objects.filter(kind="data_export").count() == 1


def test_the_inbound_messages_of_the_story_are_hers(organization, settings):
    """The story's e-mails went where a candidate's go (a check of this file's builder)."""
    settings.RATELIMIT_ENABLE = False
    story_make(organization)
    statuses = sorted(InboundMessage.objects.values_list("status", flat=True))
    assert statuses == ["processed", "threaded", "unsorted"]
