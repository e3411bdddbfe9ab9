"""Candidates' files and raw e-mails are encrypted on disk and read back in clear."""

from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import TemporaryUploadedFile
from django.urls import reverse

from tremplin.applications.models import Document
from tremplin.core import crypto
from tremplin.core.storage import EncryptedFileSystemStorage, private_storage
from tremplin.messaging.inbound.store import inbound_raw, inbound_receive
from tremplin.messaging.models import InboundMessage
from tremplin.testing.applying import submit
from tremplin.testing.builders import campaign_lead_make, organization_make
from tremplin.testing.mail import mail
from tremplin.testing.staff import staff_login, team_make

DISTINCTIVE = "I once taught a parrot to recite the Universal Declaration of Human Rights."


def storage(root: Path, key: str, **options) -> EncryptedFileSystemStorage:
    return EncryptedFileSystemStorage(location=root, key=key, **options)


def test_a_saved_file_reads_back_and_is_not_in_clear_on_disk(tmp_path):
    files = storage(tmp_path, crypto.key_generate(), chunk_size=10)
    plain = DISTINCTIVE.encode() * 3
    name = files.save("documents/ab/cv.txt", ContentFile(plain))
    assert DISTINCTIVE.encode()[:20] not in (tmp_path / name).read_bytes()
    assert files.size(name) == len(plain)
    with files.open(name) as opened:
        assert opened.read() == plain
        assert opened.size == len(plain)
    with files.open(name) as opened:
        assert b"".join(opened.chunks(chunk_size=7)) == plain


def test_a_temporary_upload_is_encrypted_not_moved_into_place(tmp_path):
    files = storage(tmp_path / "store", crypto.key_generate())
    upload = TemporaryUploadedFile("cv.txt", "text/plain", 0, None)
    upload.write(DISTINCTIVE.encode())
    upload.seek(0)
    name = files.save("cv.txt", upload)
    assert Path(upload.temporary_file_path()).exists()
    upload.close()
    assert DISTINCTIVE.encode() not in (tmp_path / "store" / name).read_bytes()
    assert files.open(name).read() == DISTINCTIVE.encode()


def test_a_second_file_of_the_same_name_gets_its_own_name_and_key(tmp_path):
    files = storage(tmp_path, crypto.key_generate())
    first = files.save("a.txt", ContentFile(b"one"))
    second = files.save("a.txt", ContentFile(b"two"))
    assert first != second
    assert files.open(first).read() == b"one"
    assert files.open(second).read() == b"two"


def test_a_reopened_file_is_decrypted_again(tmp_path):
    files = storage(tmp_path, crypto.key_generate())
    name = files.save("a.txt", ContentFile(b"hello"))
    opened = files.open(name)
    opened.close()
    with opened.open() as again:
        assert again.read() == b"hello"


def test_files_are_opened_for_reading_only(tmp_path):
    files = storage(tmp_path, crypto.key_generate())
    name = files.save("a.txt", ContentFile(b"hello"))
    with pytest.raises(ValueError, match="reading only"):
        files.open(name, "wb")
    assert files.open(name).read() == b"hello"


def test_another_key_gets_a_clear_error(tmp_path):
    name = storage(tmp_path, crypto.key_generate()).save("a.txt", ContentFile(b"hello"))
    with pytest.raises(crypto.EncryptedFileError, match="neither TREMPLIN_FILES_KEY"):
        storage(tmp_path, crypto.key_generate()).open(name)


def test_the_storage_needs_a_key(tmp_path):
    with pytest.raises(ImproperlyConfigured, match="needs a key"):
        EncryptedFileSystemStorage(location=tmp_path)


def test_a_content_that_fails_midway_leaves_no_file(tmp_path):
    class Broken(ContentFile):
        def chunks(self, chunk_size=None):
            yield b"start"
            raise OSError("the upload was interrupted")

    files = storage(tmp_path, crypto.key_generate())
    with pytest.raises(OSError, match="interrupted"):
        files.save("a.txt", Broken(b""))
    assert not (tmp_path / "a.txt").exists()


@pytest.mark.django_db
def test_a_letter_is_unreadable_on_disk_but_the_download_gives_it(client, private_files):
    organization = organization_make("open-future")
    vacancy = campaign_lead_make(organization)
    team = team_make(organization, vacancy)
    application = submit(vacancy, letter_text=DISTINCTIVE * 2)
    letter = application.documents.get(role=Document.Role.LETTER)
    on_disk = (private_files / str(letter.file.name)).read_bytes()
    assert DISTINCTIVE.encode() not in on_disk
    assert b"parrot" not in on_disk
    response = staff_login(client, team.recruiter).get(
        reverse(
            "staff_applications:document_download",
            kwargs={"org": organization.slug, "document": letter.pk},
        )
    )
    assert response.status_code == 200
    body = response.getvalue()
    assert DISTINCTIVE.encode() in body
    assert int(response["Content-Length"]) == len(body) == letter.size


@pytest.mark.django_db
def test_a_raw_email_is_encrypted_on_disk_and_read_back(private_files):
    raw = mail(body=DISTINCTIVE)
    message = inbound_receive(raw=raw, channel=InboundMessage.Channel.PIPE).message
    assert DISTINCTIVE.encode() not in (private_files / str(message.raw.name)).read_bytes()
    assert inbound_raw(message=message) == raw
    assert private_storage().open(str(message.raw.name)).read() == raw
