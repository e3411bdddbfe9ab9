"""Which attachment is the CV and which the letter; refused ones are left out with a note."""

from tremplin.applications.intake.attachments import attachments_sort, name_hint
from tremplin.applications.models import Document
from tremplin.messaging.inbound.parsing import Attachment
from tremplin.testing.mail import PDF
from tremplin.testing.samples import pdf_bytes

CV, LETTER, OTHER = Document.Role.CV, Document.Role.LETTER, Document.Role.OTHER


def roles(*names: str, data: dict[str, bytes] | None = None) -> list[tuple[str, str]]:
    attachments = [
        Attachment(name=name, data=(data or {}).get(name, pdf_bytes(name)), content_type=PDF)
        for name in names
    ]
    return [(incoming.name, incoming.role) for incoming in attachments_sort(attachments).files]


def test_names_tell_the_cv_from_the_letter_whatever_their_order():
    assert roles("Lettre_de_motivation.pdf", "Ada_CV.pdf") == [
        ("Lettre_de_motivation.pdf", LETTER),
        ("Ada_CV.pdf", CV),
    ]
    assert roles("cover-letter.pdf", "resume2025.pdf") == [
        ("cover-letter.pdf", LETTER),
        ("resume2025.pdf", CV),
    ]


def test_without_hints_the_first_file_is_the_cv_and_the_next_the_letter():
    assert roles("a.pdf", "b.pdf", "c.pdf") == [("a.pdf", CV), ("b.pdf", LETTER), ("c.pdf", OTHER)]


def test_a_hinted_letter_leaves_the_cv_role_to_the_first_other_file():
    assert roles("motivation.pdf", "ada.pdf") == [("motivation.pdf", LETTER), ("ada.pdf", CV)]


def test_name_hints_read_accents_case_and_glued_words():
    assert name_hint("AdaLovelaceCV.pdf") == CV
    assert name_hint("Curriculum Vitæ.pdf") == CV
    assert name_hint("Résumé.pdf") == CV
    assert name_hint("LM_Ada.pdf") == LETTER
    assert name_hint("CoverLetter.pdf") == LETTER
    assert name_hint("diploma.pdf") == ""


def test_a_plain_text_file_is_taken_as_the_letter_only():
    text = "Madame, Monsieur, je souhaite rejoindre votre équipe.".encode()
    sorted_ = attachments_sort(
        [
            Attachment(name="notes.txt", data=text, content_type="text/plain"),
            Attachment(name="ada.pdf", data=pdf_bytes(), content_type=PDF),
            Attachment(name="more.txt", data=text, content_type="text/plain"),
        ]
    )
    assert [(f.name, f.role) for f in sorted_.files] == [("notes.txt", LETTER), ("ada.pdf", CV)]
    assert any("more.txt" in note for note in sorted_.notes)


def test_a_refused_attachment_is_left_out_with_a_note_and_the_rest_kept():
    sorted_ = attachments_sort(
        [
            Attachment(
                name="photo.jpg", data=b"\xff\xd8\xff\xe0" + b"\0" * 64, content_type="image/jpeg"
            ),
            Attachment(name="empty.pdf", data=b"", content_type=PDF),
            Attachment(name="ada.pdf", data=pdf_bytes(), content_type=PDF),
        ]
    )

    assert [(f.name, f.role) for f in sorted_.files] == [("ada.pdf", CV)]
    assert len(sorted_.notes) == 2
    assert "photo.jpg" in sorted_.notes[0]
    assert "empty.pdf" in sorted_.notes[1]


def test_an_application_without_a_cv_is_noted():
    sorted_ = attachments_sort([])
    assert sorted_.files == []
    assert sorted_.notes == ["No CV came with this e-mail application."]
