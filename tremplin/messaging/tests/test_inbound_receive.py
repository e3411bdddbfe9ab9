"""Taking an e-mail: the same application as the web form, or an unsorted or ignored message."""

import datetime

import pytest

from tremplin.applications.models import Application, Candidate, Document
from tremplin.messaging.inbound.store import inbound_raw, inbound_receive
from tremplin.messaging.models import InboundMessage, OutboxMessage
from tremplin.testing.applying import document_bytes, stored_files
from tremplin.testing.builders import vacancy_make
from tremplin.testing.mail import PDF, mail, winmail_dat
from tremplin.testing.samples import pdf_bytes
from tremplin.vacancies.models import Question, QuestionText, Vacancy

pytestmark = pytest.mark.django_db

FRENCH = (
    "Madame, Monsieur, je vous écris pour vous proposer ma candidature au poste de "
    "direction. Je travaille depuis dix ans dans le secteur associatif et je serais "
    "heureuse de rejoindre votre équipe."
)
ENGLISH = (
    "Dear hiring team, I am writing to apply for the director position. I have worked "
    "for ten years with non-profit organizations and would be glad to join your team."
)


def receive(raw: bytes, **kwargs) -> InboundMessage:
    return inbound_receive(raw=raw, channel=InboundMessage.Channel.PIPE, **kwargs).message


def test_an_email_becomes_an_application_like_the_web_form_s(vacancy, private_files):
    cv, letter = pdf_bytes("CV"), pdf_bytes("Letter")
    raw = mail(
        sender="Ada Lovelace <Ada@Example.net>",
        attachments=[("lettre-motivation.pdf", letter, PDF), ("Ada CV.pdf", cv, PDF)],
    )

    message = receive(raw)

    application = Application.objects.get()
    assert application.vacancy == vacancy
    assert application.source == Application.Source.EMAIL
    assert application.candidate.email == "ada@example.net"
    assert application.candidate.name == "Ada Lovelace"
    documents = {d.role: d for d in application.documents.all()}
    assert set(documents) == {Document.Role.CV, Document.Role.LETTER}
    assert documents[Document.Role.CV].original_name == "Ada CV.pdf"
    assert document_bytes(documents[Document.Role.CV]) == cv
    assert document_bytes(documents[Document.Role.LETTER]) == letter
    assert (message.status, message.application, message.vacancy) == (
        InboundMessage.Status.PROCESSED,
        application,
        vacancy,
    )
    assert inbound_raw(message=message) == raw
    stored_name = message.raw.name or ""
    assert "Ada" not in stored_name and stored_name.endswith(".eml")
    assert (private_files / stored_name).exists()


def test_the_body_is_the_cover_letter_when_no_letter_is_attached(vacancy):
    receive(mail(body=ENGLISH, attachments=[("cv.pdf", pdf_bytes(), PDF)]))

    letter = Document.objects.get(role=Document.Role.LETTER)
    assert letter.kind == Document.Kind.TXT
    assert document_bytes(letter).decode() == ENGLISH


def test_an_html_body_is_the_letter_as_plain_text(vacancy):
    receive(mail(html=f"<p>{ENGLISH}</p><script>alert(1)</script>"))

    letter = Document.objects.get(role=Document.Role.LETTER)
    assert document_bytes(letter).decode() == ENGLISH


def test_the_body_is_not_a_second_letter_when_a_letter_is_attached(vacancy):
    receive(
        mail(
            body=ENGLISH,
            attachments=[("cv.pdf", pdf_bytes(), PDF), ("letter.pdf", pdf_bytes(), PDF)],
        )
    )

    assert Document.objects.filter(role=Document.Role.LETTER, kind=Document.Kind.PDF).count() == 1
    assert not Document.objects.filter(kind=Document.Kind.TXT).exists()


def test_a_refused_attachment_is_dropped_with_a_note_and_the_application_kept(vacancy):
    receive(
        mail(attachments=[("cv.pdf", pdf_bytes(), PDF), ("broken.pdf", b"%PDF-1.7 broken", PDF)])
    )

    application = Application.objects.get()
    assert [d.original_name for d in application.documents.filter(role="cv")] == ["cv.pdf"]
    notes = [note["text"] for note in application.notes]
    assert len(notes) == 1
    assert "broken.pdf" in notes[0]


def test_an_application_without_any_cv_is_accepted_and_noted(vacancy):
    receive(mail(body=ENGLISH))

    application = Application.objects.get()
    assert [note["text"] for note in application.notes] == [
        "No CV came with this e-mail application."
    ]


def test_the_files_in_a_winmail_dat_become_documents(vacancy):
    cv = pdf_bytes()
    receive(
        mail(attachments=[("winmail.dat", winmail_dat([("CV.pdf", cv)]), "application/ms-tnef")])
    )

    document = Document.objects.get(role=Document.Role.CV)
    assert document.original_name == "CV.pdf"
    assert document_bytes(document) == cv


def test_an_unreadable_winmail_dat_is_noted_for_the_recruiter(vacancy):
    receive(mail(attachments=[("winmail.dat", b"garbage", "application/ms-tnef")]))

    notes = " ".join(note["text"] for note in Application.objects.get().notes)
    assert "winmail.dat" in notes
    assert "could not be read" in notes


def test_the_candidate_s_language_is_the_one_they_wrote_in(vacancy):
    receive(mail(body=FRENCH, attachments=[("cv.pdf", pdf_bytes(), PDF)]))
    assert Application.objects.get().language == "fr"


def test_a_too_short_body_leaves_the_vacancy_s_language(organization):
    vacancy_make(organization, "coordinatrice", texts={"fr": "Coordinatrice"})
    receive(mail(to="jobs+coordinatrice@example.org", body="CV ci-joint"))
    assert Application.objects.get().language == "fr"


def test_the_acknowledgement_is_queued_with_the_rfc_3834_headers(vacancy):
    receive(mail(body=FRENCH))

    acknowledgement = OutboxMessage.objects.get()
    assert acknowledgement.to == "ada@example.net"
    assert acknowledgement.language == "fr"
    assert acknowledgement.headers["Auto-Submitted"] == "auto-replied"
    assert acknowledgement.headers["X-Auto-Response-Suppress"] == "All"


@pytest.mark.parametrize(
    "headers",
    [{"Auto-Submitted": "auto-generated"}, {"Precedence": "bulk"}, {"Precedence": "list"}],
)
def test_automatic_mail_becomes_an_application_without_acknowledgement(vacancy, headers):
    message = receive(mail(body=ENGLISH, headers=headers))

    assert message.status == InboundMessage.Status.PROCESSED
    assert message.acknowledge is False
    assert Application.objects.count() == 1
    assert OutboxMessage.objects.count() == 0


@pytest.mark.parametrize(
    ("raw", "sender", "reason"),
    [
        (mail(sender="MAILER-DAEMON@mx.example.net", subject="Undelivered Mail"), None, "bounce"),
        (mail(sender="postmaster@example.net"), None, "bounce"),
        (mail(), "", "bounce"),
        (mail(headers={"Return-Path": "<>"}), None, "bounce"),
        (
            mail(headers={"Auto-Submitted": "auto-replied"}, subject="Out of office"),
            None,
            "auto_reply",
        ),
    ],
    ids=["mailer-daemon", "postmaster", "empty-envelope-sender", "empty-return-path", "auto-reply"],
)
def test_bounces_and_automatic_replies_are_recorded_as_ignored(
    vacancy, private_files, raw, sender, reason
):
    message = receive(raw, envelope_sender=sender)

    assert (message.status, message.reason) == (InboundMessage.Status.IGNORED, reason)
    assert message.acknowledge is False
    assert Application.objects.count() == 0
    assert Candidate.objects.count() == 0
    assert OutboxMessage.objects.count() == 0
    assert inbound_raw(message=message) == raw


def test_an_untagged_message_waits_in_the_unsorted_list(vacancy):
    message = receive(mail(to="jobs@example.org"))

    assert (message.status, message.reason) == (InboundMessage.Status.UNSORTED, "no_tag")
    assert message.organization == vacancy.organization
    assert Application.objects.count() == 0
    assert OutboxMessage.objects.count() == 0


@pytest.mark.parametrize(
    "fields",
    [{"status": Vacancy.Status.CLOSED}, {"deadline": datetime.date(2020, 1, 31)}],
    ids=["closed", "deadline-passed"],
)
def test_a_message_for_a_vacancy_not_open_waits_in_the_unsorted_list(organization, fields):
    closed = vacancy_make(organization, "old-role", **fields)

    message = receive(mail(to="jobs+old-role@example.org"))

    assert (message.status, message.reason, message.vacancy) == (
        InboundMessage.Status.UNSORTED,
        "vacancy_not_open",
        closed,
    )
    assert Application.objects.count() == 0


def test_an_envelope_recipient_routes_before_the_headers(vacancy):
    message = receive(
        mail(to="jobs@example.org"), envelope_recipients=["jobs+director@example.org"]
    )
    assert message.application is not None


def test_the_same_message_twice_is_taken_once(vacancy, private_files):
    raw = mail(message_id="<same@example.net>")
    first = inbound_receive(raw=raw, channel="pipe")
    again = inbound_receive(raw=raw, channel="imap")
    # The same message delivered again with one more header, e.g. through another alias.
    resent = inbound_receive(raw=b"Delivered-To: jobs@example.org\r\n" + raw, channel="imap")

    assert first.created and not again.created and not resent.created
    assert again.message == resent.message == first.message
    assert InboundMessage.objects.count() == 1
    assert Application.objects.get().submissions == 1
    assert len(stored_files(private_files)) == 2  # the raw message and its CV-less letter


def test_a_message_without_a_sender_is_kept_as_refused_with_no_application(vacancy):
    raw = b"From: undisclosed\r\nTo: jobs+director@example.org\r\n\r\nhello\r\n"

    message = receive(raw)

    assert (message.status, message.reason) == (InboundMessage.Status.REFUSED, "no_sender")
    assert inbound_raw(message=message) == raw
    assert Application.objects.count() == 0


def test_an_unreadable_message_is_kept_as_refused(private_files):
    raw = b"nothing like an e-mail"

    message = inbound_receive(raw=raw, channel="imap").message

    assert (message.status, message.reason) == (InboundMessage.Status.REFUSED, "unreadable")
    assert "no header fields" in message.detail
    assert inbound_raw(message=message) == raw


def test_a_vacancy_s_questions_do_not_stop_an_e_mail_application_they_are_noted(vacancy):
    # The form's questions cannot be answered by e-mail: the recruiter is told instead.
    question = Question.objects.create(vacancy=vacancy, required=True)
    QuestionText.objects.create(question=question, language="en", text="Why us?")

    message = receive(mail(body=ENGLISH))

    assert message.status == InboundMessage.Status.PROCESSED
    application = Application.objects.get()
    assert application.answers.count() == 0
    assert any("questions are unanswered" in note["text"] for note in application.notes)
    assert OutboxMessage.objects.count() == 1


def test_a_reply_to_our_acknowledgement_goes_on_the_application_s_thread_and_keeps_the_letter(
    vacancy,
):
    receive(mail(body=ENGLISH))
    acknowledgement = OutboxMessage.objects.get()

    reply = receive(
        mail(
            subject="Re: Application received",
            body="Thank you!",
            headers={
                "In-Reply-To": acknowledgement.message_id,
                "References": acknowledgement.message_id,
            },
        )
    )

    application = Application.objects.get()
    assert (reply.status, reply.reason) == (InboundMessage.Status.THREADED, "reply")
    assert (reply.application, reply.vacancy) == (application, vacancy)
    assert application.submissions == 1
    letter = application.documents.get(role=Document.Role.LETTER, superseded_at__isnull=True)
    assert document_bytes(letter).decode() == ENGLISH


def test_a_second_email_application_to_the_same_vacancy_is_kept_apart_like_the_web_form_s(
    vacancy, private_files
):
    receive(mail(attachments=[("Ada CV.pdf", pdf_bytes("CV"), PDF)]))
    receive(
        mail(
            attachments=[("Ada CV 2.pdf", pdf_bytes("CV again"), PDF)],
            message_id="<second@example.net>",
        )
    )

    first, second = Application.objects.order_by("pk")
    assert second.duplicate_of == first
    assert [d.original_name for d in first.documents.filter(role="cv")] == ["Ada CV.pdf"]
    assert not first.documents.filter(superseded_at__isnull=False).exists()
    assert OutboxMessage.objects.filter(application=first).count() == 1
    acknowledgement = OutboxMessage.objects.get(application=second)
    assert "/application/replace/" in acknowledgement.body
    assert "Ada CV.pdf" not in acknowledgement.body
