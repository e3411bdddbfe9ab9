"""The apply page: the form, every refusal through the real form, spam defences."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from tremplin.applications.models import Application, Candidate, Document
from tremplin.testing import samples
from tremplin.testing.applying import apply_url
from tremplin.testing.builders import campaign_lead_make
from tremplin.testing.worker import run_worker
from tremplin.vacancies.models import Vacancy

pytestmark = pytest.mark.django_db


def form_data(**overrides):
    data = {
        "name": "Ada Lovelace",
        "email": "ada@example.org",
        "phone": "",
        "letter_text": samples.LETTER_EN,
        "cv": SimpleUploadedFile("cv.pdf", samples.pdf_bytes(), content_type="application/pdf"),
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


def messages_of(response) -> str:
    return response.content.decode()


def tag_of(page: str, marker: str) -> str:
    """The whole HTML tag that holds marker (an attribute such as 'id="apply_name"')."""
    before, after = page.split(marker, 1)
    return before.rsplit("<", 1)[1] + marker + after.split(">", 1)[0]


class TestTheForm:
    def test_it_shows_every_field_and_the_privacy_notice(self, client, vacancy, question):
        response = client.get(apply_url(vacancy))
        assert response.status_code == 200
        page = messages_of(response)
        for field in ("name", "email", "phone", "cv", "letter_file", "letter_text"):
            assert f'name="{field}"' in page
        assert f'name="question_{question.pk}"' in page
        assert "Why this role?" in page
        assert "Open Future" in page  # who receives the data
        assert "3 months" in page and "24 months" in page
        for right in ("see your data", "correct it", "erase it", "portable", "object"):
            assert right in page
        assert "cnil.fr" in page

    def test_the_talent_pool_box_is_unchecked(self, client, vacancy):
        page = messages_of(client.get(apply_url(vacancy)))
        box = page.split('name="talent_pool_consent"')[0].rsplit("<input", 1)[1]
        box += page.split('name="talent_pool_consent"')[1].split(">", 1)[0]
        assert "checked" not in box

    def test_it_is_in_french_on_the_french_page(self, client, vacancy, question):
        page = messages_of(client.get(apply_url(vacancy, "fr")))
        assert "Pourquoi ce poste ?" in page
        assert "Responsable de campagne" in page
        assert "CNIL" in page

    def test_it_says_which_language_to_write_in(self, client, organization):
        vacancy = campaign_lead_make(organization, slug="english-only", application_language="en")
        assert "Write this in English." in messages_of(client.get(apply_url(vacancy)))
        assert "anglais" in messages_of(client.get(apply_url(vacancy, "fr")))

    def test_a_draft_vacancy_has_no_form(self, client, organization):
        draft = campaign_lead_make(organization, slug="draft", status=Vacancy.Status.DRAFT)
        assert client.get(apply_url(draft)).status_code == 404
        assert client.post(apply_url(draft), form_data()).status_code == 404

    def test_an_unknown_vacancy_has_no_form(self, client, organization):
        assert client.get("/en/open-future/nothing-here/apply/").status_code == 404

    def test_a_closed_vacancy_says_so(self, client, organization, count_stored):
        closed = campaign_lead_make(organization, slug="closed", status=Vacancy.Status.CLOSED)
        response = client.get(apply_url(closed))
        assert response.status_code == 410
        assert "This vacancy is closed" in messages_of(response)
        before = count_stored()
        assert client.post(apply_url(closed), form_data()).status_code == 410
        assert count_stored() == before

    def test_a_vacancy_past_its_deadline_is_closed(self, client, vacancy):
        import datetime

        vacancy.deadline = datetime.date(2020, 1, 1)
        vacancy.save()
        assert client.get(apply_url(vacancy)).status_code == 410


class TestAcceptedApplications:
    # Transactional: the worker runs in this process and recycles its connection.
    @pytest.mark.django_db(transaction=True)
    @pytest.mark.parametrize(
        ("name", "make", "kind"),
        [
            ("cv.pdf", samples.pdf_bytes, "pdf"),
            ("cv.docx", samples.docx_bytes, "docx"),
            ("cv.odt", samples.odt_bytes, "odt"),
        ],
    )
    def test_it_stores_a_good_cv_and_extracts_its_text(self, client, vacancy, name, make, kind):
        response = client.post(apply_url(vacancy), form_data(cv=SimpleUploadedFile(name, make())))
        assert response.status_code == 302
        application = Application.objects.get()
        assert response["Location"] == apply_url(vacancy) + "received/"
        cv = application.documents.get(role=Document.Role.CV)
        assert cv.kind == kind
        assert cv.original_name == name
        assert cv.extraction_status == Document.Extraction.PENDING
        run_worker()
        cv.refresh_from_db()
        assert cv.extraction_status == Document.Extraction.DONE
        assert "programme manager" in cv.text
        assert cv.language == "en"

    @pytest.mark.django_db(transaction=True)
    def test_it_takes_a_letter_as_a_text_file(self, client, vacancy):
        letter = SimpleUploadedFile("lettre.txt", samples.txt_bytes(samples.LETTER_FR, "cp1252"))
        response = client.post(apply_url(vacancy), form_data(letter_text="", letter_file=letter))
        assert response.status_code == 302
        run_worker()
        document = Document.objects.get(role=Document.Role.LETTER)
        assert document.kind == "txt"
        assert "mission me tient à cœur" in document.text
        assert document.language == "fr"

    def test_the_stored_file_has_a_generated_name(self, client, vacancy, private_files):
        client.post(
            apply_url(vacancy),
            form_data(cv=SimpleUploadedFile("../../Mon CV\u202e.pdf", samples.pdf_bytes())),
        )
        document = Document.objects.get(role=Document.Role.CV)
        assert document.original_name == "Mon CV.pdf"
        stored = str(document.file.name)
        assert "Mon" not in stored and stored.endswith(".pdf")
        assert (private_files / stored).exists()
        with document.file.open("rb") as stored_file:
            assert stored_file.read().startswith(b"%PDF-")

    def test_it_records_consent_only_when_the_box_is_ticked(self, client, vacancy):
        client.post(apply_url(vacancy), form_data())
        client.post(
            apply_url(vacancy), form_data(email="grace@example.org", talent_pool_consent="on")
        )
        assert not Application.objects.get(candidate__email="ada@example.org").talent_pool_consent
        consenting = Application.objects.get(candidate__email="grace@example.org")
        assert consenting.talent_pool_consent and consenting.talent_pool_consent_at

    def test_it_saves_the_answers(self, client, vacancy, question):
        field = f"question_{question.pk}"
        client.post(apply_url(vacancy), form_data(**{field: "Because the mission matters."}))
        assert Application.objects.get().answers.get().text == "Because the mission matters."


BAD_FILES = [
    ("zip bomb", "cv", "bomb.docx", samples.docx_bomb_bytes, "zip bomb", "bombe"),
    ("encrypted", "cv", "locked.pdf", samples.pdf_encrypted_bytes, "password", "mot de passe"),
    ("broken", "cv", "broken.pdf", samples.pdf_broken_bytes, "damaged", "endommagé"),
    ("polyglot", "cv", "both.pdf", samples.polyglot_pdf_zip_bytes, "two kinds", "deux types"),
    ("wrong extension", "cv", "cv.docx", samples.pdf_bytes, "what its name says", "ce que son nom"),
    ("macro docx", "cv", "macros.docx", samples.docx_macro_bytes, "macros", "macros"),
    ("macro odt", "letter_file", "macros.odt", samples.odt_macro_bytes, "macros", "macros"),
    ("empty", "cv", "empty.pdf", lambda: b"", "empty", "vide"),
    ("text as a cv", "cv", "cv.txt", samples.txt_bytes, "PDF, DOCX or ODT", "PDF, DOCX ou ODT"),
    (
        "11 MB",
        "cv",
        "huge.pdf",
        lambda: b"%PDF-1.7\n" + b"0" * (11 * 1024 * 1024),
        "too big",
        "trop",
    ),
]


@pytest.mark.parametrize("language", ["en", "fr"])
@pytest.mark.parametrize(
    ("case", "field", "name", "make", "english", "french"), BAD_FILES, ids=[c[0] for c in BAD_FILES]
)
def test_a_bad_file_is_refused_with_a_message_and_nothing_is_stored(
    client, vacancy, count_stored, language, case, field, name, make, english, french
):
    before = count_stored()
    response = client.post(
        apply_url(vacancy, language), form_data(**{field: SimpleUploadedFile(name, make())})
    )
    assert response.status_code == 400
    page = messages_of(response).replace("\u00a0", " ").replace("&#x27;", "'")
    assert name in page
    assert (english if language == "en" else french) in page
    assert count_stored() == before


def test_an_oversize_file_stops_the_upload_and_keeps_what_was_typed(client, vacancy, count_stored):
    before = count_stored()
    huge = SimpleUploadedFile("huge.pdf", b"%PDF-1.7\n" + b"0" * (11 * 1024 * 1024))
    response = client.post(apply_url(vacancy), form_data(cv=huge))
    assert response.status_code == 400
    page = messages_of(response)
    assert "too big" in page and "10.0" in page
    assert "Ada Lovelace" in page  # the fields sent before the file are kept
    assert count_stored() == before


def test_two_bad_files_each_get_their_message(client, vacancy, count_stored):
    before = count_stored()
    response = client.post(
        apply_url(vacancy),
        form_data(
            cv=SimpleUploadedFile("locked.pdf", samples.pdf_encrypted_bytes()),
            letter_file=SimpleUploadedFile("macros.docx", samples.docx_macro_bytes()),
        ),
    )
    page = messages_of(response)
    assert "locked.pdf" in page and "macros.docx" in page
    assert count_stored() == before


class TestFormErrors:
    def test_it_needs_a_cover_letter(self, client, vacancy, count_stored):
        before = count_stored()
        response = client.post(apply_url(vacancy), form_data(letter_text=""))
        assert response.status_code == 400
        assert "Please add a cover letter" in messages_of(response)
        assert count_stored() == before

    def test_it_needs_a_valid_email_address(self, client, vacancy, count_stored):
        before = count_stored()
        response = client.post(apply_url(vacancy), form_data(email="not-an-address"))
        assert response.status_code == 400
        assert count_stored() == before

    def test_an_answer_over_the_word_limit_is_refused(
        self, client, vacancy, question, count_stored
    ):
        before = count_stored()
        field = f"question_{question.pk}"
        long_answer = " ".join(["word"] * 11)
        response = client.post(apply_url(vacancy), form_data(**{field: long_answer}))
        assert response.status_code == 400
        assert "10 words at most (it has 11)" in messages_of(response)
        assert count_stored() == before
        french = client.post(apply_url(vacancy, "fr"), form_data(**{field: long_answer}))
        assert "10 mots au maximum" in messages_of(french)

    def test_an_answer_at_the_word_limit_is_taken(self, client, vacancy, question):
        field = f"question_{question.pk}"
        response = client.post(apply_url(vacancy), form_data(**{field: " ".join(["mot"] * 10)}))
        assert response.status_code == 302

    def test_a_required_question_must_be_answered(self, client, vacancy, question, count_stored):
        before = count_stored()
        response = client.post(apply_url(vacancy), form_data())
        assert response.status_code == 400
        assert count_stored() == before


class TestSpam:
    def test_a_filled_honeypot_looks_like_success_and_stores_nothing(
        self, client, vacancy, count_stored
    ):
        before = count_stored()
        response = client.post(
            apply_url(vacancy), form_data(leave_empty="http://spam.example"), follow=True
        )
        assert response.status_code == 200
        assert "was received" in messages_of(response)
        assert count_stored() == before

    def test_too_many_submissions_from_one_address_are_refused(
        self, client, vacancy, settings, count_stored
    ):
        settings.TREMPLIN_APPLY_RATE_PER_IP = "3/h"
        for number in range(3):
            response = client.post(apply_url(vacancy), form_data(email=f"p{number}@example.org"))
            assert response.status_code == 302
        before = count_stored()
        response = client.post(apply_url(vacancy), form_data(email="p9@example.org"))
        assert response.status_code == 429
        assert "Too many applications" in messages_of(response)
        assert count_stored() == before
        french = client.post(apply_url(vacancy, "fr"), form_data(email="p9@example.org"))
        assert french.status_code == 429
        assert "Trop de candidatures" in messages_of(french)

    def test_too_many_submissions_with_one_email_are_refused(
        self, client, vacancy, settings, count_stored
    ):
        settings.TREMPLIN_APPLY_RATE_PER_EMAIL = "2/h"
        for _attempt in range(2):
            assert client.post(apply_url(vacancy), form_data()).status_code == 302
        before = count_stored()
        response = client.post(apply_url(vacancy), form_data(), REMOTE_ADDR="10.1.2.3")
        assert response.status_code == 429
        assert count_stored() == before
        other = client.post(apply_url(vacancy), form_data(email="someone.else@example.org"))
        assert other.status_code == 302

    def test_the_rate_limit_can_be_switched_off(self, client, vacancy, settings):
        settings.TREMPLIN_APPLY_RATE_PER_IP = "1/h"
        settings.RATELIMIT_ENABLE = False
        for number in range(3):
            response = client.post(apply_url(vacancy), form_data(email=f"p{number}@example.org"))
            assert response.status_code == 302


def test_candidates_are_stored_by_lowercase_email(client, vacancy):
    client.post(apply_url(vacancy), form_data(email="  Ada@Example.ORG "))
    assert Candidate.objects.get().email == "ada@example.org"


def test_behind_a_proxy_each_forwarded_client_has_its_own_limit(client, vacancy, settings):
    settings.BEHIND_TLS_PROXY = True
    settings.TREMPLIN_APPLY_RATE_PER_IP = "1/h"
    first = client.post(
        apply_url(vacancy), form_data(), HTTP_X_FORWARDED_FOR="198.51.100.7, 203.0.113.1"
    )
    assert first.status_code == 302
    again = client.post(
        apply_url(vacancy),
        form_data(email="b@example.org"),
        HTTP_X_FORWARDED_FOR="10.0.0.1, 203.0.113.1",  # a made-up first entry changes nothing
    )
    assert again.status_code == 429
    other = client.post(
        apply_url(vacancy), form_data(email="c@example.org"), HTTP_X_FORWARDED_FOR="203.0.113.2"
    )
    assert other.status_code == 302


class TestTheErrorSummary:
    """GOV.UK's pattern: one summary at the top, each problem a link to its field."""

    def test_the_cover_letter_is_marked_as_needed_before_anyone_types(self, client, vacancy):
        page = messages_of(client.get(apply_url(vacancy)))
        legend = page.split("<legend")[2].split("</legend>")[0]
        assert "Cover letter" in legend and "required-mark" in legend
        assert "one of the two" in page

    def test_the_size_limit_and_formats_are_shown_before_upload(self, client, vacancy):
        page = messages_of(client.get(apply_url(vacancy))).replace("\u00a0", " ")
        assert "PDF, DOCX or ODT, 10.0 MB at most." in page
        assert "PDF, DOCX, ODT or TXT, 10.0 MB at most." in page
        french = messages_of(client.get(apply_url(vacancy, "fr"))).replace("\u00a0", " ")
        assert "PDF, DOCX ou ODT, 10,0 Mio au maximum." in french

    def test_required_fields_carry_required(self, client, vacancy):
        page = messages_of(client.get(apply_url(vacancy)))
        for name in ("name", "email", "cv"):
            assert " required" in tag_of(page, f'name="{name}"'), name
        phone = tag_of(page, 'name="phone"')
        assert "required" not in phone

    def test_each_problem_links_to_its_field_which_is_marked_invalid(self, client, vacancy):
        response = client.post(
            apply_url(vacancy), form_data(name="", email="nope", letter_text="", cv=None)
        )
        assert response.status_code == 400
        page = messages_of(response)
        summary = page.split('class="error-summary"')[1].split("</div>")[0]
        for field in ("name", "email", "letter_text", "cv"):
            assert f'href="#apply_{field}"' in summary, field
            assert 'aria-invalid="true"' in tag_of(page, f'id="apply_{field}"'), field
        assert "Please add a cover letter" in summary
        assert "aria-invalid" not in tag_of(page, 'id="apply_phone"')

    def test_the_summary_is_in_french_on_the_french_page(self, client, vacancy):
        page = messages_of(client.post(apply_url(vacancy, "fr"), form_data(name="")))
        summary = page.split('class="error-summary"')[1].split("</div>")[0]
        assert "Il y a un problème" in summary
        assert 'href="#apply_name"' in summary
