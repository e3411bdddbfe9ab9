"""Applying twice to one vacancy with one address: each submission is kept as sent, linked
to the first as a likely duplicate; only a confirmation by the link e-mailed to the address
makes the newer documents replace the earlier ones."""

import re
from datetime import timedelta
from urllib.parse import urlsplit

import pytest
import time_machine
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from tremplin.applications import services
from tremplin.applications.intake.replacement import application_documents_replace
from tremplin.applications.intake.submit import IncomingFile, application_submit
from tremplin.applications.models import Answer, Application, Candidate, Document
from tremplin.applications.tokens import application_token
from tremplin.core.models import AuditEvent
from tremplin.messaging.models import OutboxMessage
from tremplin.privacy.erasure import shred
from tremplin.privacy.shredders import subject_for_candidate
from tremplin.testing import samples
from tremplin.testing.applying import apply_url, status_path, submit
from tremplin.testing.staff import staff_login, team_make

pytestmark = pytest.mark.django_db

FIRST_LETTER = "I have run campaigns for ten years and the first letter says so at length."


def first_and_second(vacancy, question=None, **second):
    """Ada applies; then someone applies again with her address."""
    first = application_submit(
        vacancy=vacancy,
        name="Ada Lovelace",
        email="ada@example.org",
        phone="+33 6 12 34 56 78",
        files=[IncomingFile(role="cv", name="ada-cv.pdf", file=ContentFile(samples.pdf_bytes()))],
        letter_text=FIRST_LETTER,
        answers={question.pk: "Because of the mission"} if question else None,
        language="en",
    )
    newer = application_submit(
        vacancy=vacancy,
        name=second.pop("name", "Ada Lovelace"),
        email=second.pop("email", "ADA@example.org"),
        phone=second.pop("phone", ""),
        files=[
            IncomingFile(
                role="cv",
                name="newer-cv.pdf",
                file=ContentFile(samples.pdf_bytes("A newer CV, long enough to be read.")),
            )
        ],
        letter_text="A newer letter.",
        answers={question.pk: "Another answer"} if question else None,
        language=second.pop("language", "en"),
    )
    return first, newer


def replace_link(application: Application) -> str:
    body = OutboxMessage.objects.get(application=application).body
    found = re.search(r"https?://\S+/application/replace/\S+/", body)
    assert found, body
    return urlsplit(found.group(0)).path


def test_a_second_application_is_kept_as_its_own_submission(vacancy, question):
    first, newer = first_and_second(vacancy, question)

    assert newer.pk != first.pk
    assert Candidate.objects.count() == 1
    assert newer.duplicate_of == first
    assert sorted(d.original_name for d in newer.documents.all()) == ["", "newer-cv.pdf"]
    assert Answer.objects.get(application=newer).text == "Another answer"


def test_a_second_application_never_changes_the_first_ones_files_answers_or_details(
    vacancy, question
):
    first, newer = first_and_second(
        vacancy, question, name="Mallory", phone="+1 555 0100", language="fr"
    )

    first.refresh_from_db()
    documents = list(first.documents.order_by("pk"))
    assert [d.original_name for d in documents] == ["ada-cv.pdf", ""]
    assert not any(d.is_superseded for d in documents)
    assert Answer.objects.get(application=first).text == "Because of the mission"
    assert first.language == "en" and first.submissions == 1
    candidate = Candidate.objects.get()
    assert (candidate.name, candidate.phone) == ("Ada Lovelace", "+33 6 12 34 56 78")
    notes = " ".join(note["text"] for note in newer.notes)
    assert "another name: “Mallory”" in notes and "+1 555 0100" in notes


def test_applying_again_after_withdrawing_is_a_new_application(vacancy):
    first = submit(vacancy)
    services.application_withdraw(application=first)

    again = submit(vacancy)

    assert again.pk != first.pk and again.duplicate_of == first
    first.refresh_from_db()
    assert first.stage == Application.Stage.WITHDRAWN
    assert again.stage == Application.Stage.RECEIVED
    assert "/application/replace/" not in OutboxMessage.objects.get(application=again).body


def test_each_submission_gets_one_mail_and_the_second_says_nothing_of_the_first(vacancy, question):
    first, newer = first_and_second(vacancy, question)

    assert OutboxMessage.objects.filter(application=first).count() == 1
    mail = OutboxMessage.objects.get(application=newer)
    assert mail.to == "ada@example.org" and mail.kind == "acknowledgement"
    assert OutboxMessage.objects.count() == 2
    assert "already applied to this vacancy" in mail.body
    assert "/application/replace/" in mail.body
    assert urlsplit(status_path(newer)).path.split("/", 2)[2] in mail.body
    for secret in (
        application_token(public_id=first.public_id),
        "ada-cv.pdf",
        FIRST_LETTER,
        "Because of the mission",
    ):
        assert secret not in mail.body


def test_the_second_mail_is_in_the_language_of_the_second_submission(vacancy):
    _first, newer = first_and_second(vacancy, language="fr")

    mail = OutboxMessage.objects.get(application=newer)
    assert mail.language == "fr"
    assert "/fr/application/replace/" in mail.body
    assert "Cette adresse avait déjà postulé" in mail.body


def test_the_web_form_answers_the_same_whether_or_not_the_address_applied_before(client, vacancy):
    def post():
        cv = SimpleUploadedFile("cv.pdf", samples.pdf_bytes(), content_type="application/pdf")
        data = {"name": "Ada", "email": "ada@example.org", "letter_text": "Hello", "cv": cv}
        return client.post(apply_url(vacancy), data, follow=True)

    first, second = post(), post()

    assert first.redirect_chain == second.redirect_chain
    assert first.redirect_chain[-1][0].endswith(f"/{vacancy.slug}/apply/received/")
    for page in (first.content.decode(), second.content.decode()):
        assert "was received" in page and "/application/" not in page
    assert Application.objects.count() == 2


def test_the_replace_link_asks_first_and_changes_nothing_on_get(client, vacancy):
    _first, newer = first_and_second(vacancy)
    before = list(Document.objects.values_list("pk", "application_id", "superseded_at"))

    page = client.get(replace_link(newer))

    assert page.status_code == 200
    content = page.content.decode()
    assert "newer-cv.pdf" in content and "ada-cv.pdf" not in content
    assert 'method="post"' in content and "Replace my earlier documents" in content
    assert list(Document.objects.values_list("pk", "application_id", "superseded_at")) == before
    assert Application.objects.count() == 2


def test_confirming_makes_the_newer_documents_replace_the_earlier_ones(client, vacancy, question):
    first, newer = first_and_second(vacancy, question)
    link = replace_link(newer)

    response = client.post(link, follow=True)

    assert response.redirect_chain[-1][0] == status_path(first)
    assert "newer documents replace the earlier ones" in response.content.decode()
    assert not Application.objects.filter(pk=newer.pk).exists()
    first.refresh_from_db()
    assert first.submissions == 2
    current = first.documents.filter(superseded_at__isnull=True)
    assert sorted(d.original_name for d in current) == ["", "newer-cv.pdf"]
    superseded = first.documents.filter(superseded_at__isnull=False)
    assert sorted(d.original_name for d in superseded) == ["", "ada-cv.pdf"]
    assert all(d.file.storage.exists(str(d.file.name)) for d in first.documents.all())
    assert Answer.objects.get().text == "Because of the mission"  # the earlier answers stay
    assert OutboxMessage.objects.filter(application=first).count() == 2  # the mail record too
    event = AuditEvent.objects.get(verb="application.documents_replace")
    assert event.target_id == str(first.pk)
    assert client.get(link).status_code == 404  # used: the newer submission is no more


def test_answers_the_earlier_application_lacked_come_from_the_newer_one(vacancy, question):
    first = submit(vacancy, source=Application.Source.EMAIL)
    newer = submit(vacancy, answers={question.pk: "The web form asked me"})

    application_documents_replace(application=newer)

    assert Answer.objects.get(application=first).text == "The web form asked me"


def test_recruiters_see_the_replaced_documents_as_superseded(client, vacancy, organization):
    first, newer = first_and_second(vacancy)
    application_documents_replace(application=newer)
    team = team_make(organization, vacancy)

    page = staff_login(client, team.recruiter).get(
        reverse(
            "staff_applications:detail", kwargs={"org": organization.slug, "application": first.pk}
        )
    )

    content = page.content.decode()
    assert content.count("superseded: replaced by a newer version") == 2
    assert "newer-cv.pdf" in content and "ada-cv.pdf" in content


def test_the_shredders_erase_the_replaced_documents_too(
    vacancy, organization, private_files, django_capture_on_commit_callbacks
):
    first, newer = first_and_second(vacancy)
    application_documents_replace(application=newer)
    files = [str(d.file.name) for d in Document.objects.all()]
    assert len(files) == 4

    with django_capture_on_commit_callbacks(execute=True):  # the files go after the commit
        shred(
            subject=subject_for_candidate(candidate=first.candidate, organization=organization),
            actor=None,
            reason="test",
        )

    assert not Document.objects.exists()
    assert not [path for path in private_files.rglob("*") if path.is_file()]


def test_the_link_is_refused_once_the_organization_moved_either_application(client, vacancy):
    first, newer = first_and_second(vacancy)
    services.application_move(
        application=first, to_stage="rejected", by=None, reason="other", reason_text="x"
    )
    before = list(Document.objects.values_list("pk", "application_id", "superseded_at"))

    page = client.get(replace_link(newer))
    post = client.post(replace_link(newer))

    assert page.status_code == post.status_code == 409
    assert "can no longer replace" in post.content.decode()
    assert list(Document.objects.values_list("pk", "application_id", "superseded_at")) == before


@pytest.mark.parametrize(
    "make_link",
    [
        lambda newer: replace_link(newer)[:-3] + "xx/",
        lambda newer: f"/en/application/replace/{application_token(public_id=newer.public_id)}/",
        lambda newer: "/en/application/replace/not:a-token/",
    ],
    ids=["tampered", "a status link", "garbage"],
)
def test_a_bad_replace_link_gets_a_clear_page_and_changes_nothing(client, vacancy, make_link):
    _first, newer = first_and_second(vacancy)

    for response in (client.get(make_link(newer)), client.post(make_link(newer))):
        assert response.status_code == 404
        assert "Link not valid" in response.content.decode()
    assert Application.objects.count() == 2


def test_the_replace_link_expires_after_two_weeks(client, vacancy):
    _first, newer = first_and_second(vacancy)
    link = replace_link(newer)

    with time_machine.travel(timezone.now() + timedelta(days=15)):
        response = client.post(link)

    assert response.status_code == 404
    assert Application.objects.count() == 2


def test_recruiters_see_the_two_submissions_linked_both_ways(client, vacancy, organization):
    first, newer = first_and_second(vacancy)
    recruiter = staff_login(client, team_make(organization, vacancy).recruiter)

    def detail(application):
        url = reverse(
            "staff_applications:detail",
            kwargs={"org": organization.slug, "application": application.pk},
        )
        return recruiter.get(url).content.decode()

    def link(application):
        return reverse(
            "staff_applications:detail",
            kwargs={"org": organization.slug, "application": application.pk},
        )

    assert f"in application #{first.pk}" in detail(newer)
    assert link(first) in detail(newer)
    assert "applied again after this application" in detail(first)
    assert link(newer) in detail(first)
    board = recruiter.get(
        reverse(
            "staff_applications:board", kwargs={"org": organization.slug, "vacancy": vacancy.slug}
        )
    ).content.decode()
    assert f"Likely duplicate of #{first.pk}" in board
    assert f"Applied again: #{newer.pk}" in board
    index = recruiter.get(reverse("staff_applications:index", kwargs={"org": organization.slug}))
    assert "(1 likely duplicate)" in index.content.decode()
