"""Candidates' files in S3-compatible object storage, against a real S3 API server (moto
in server mode): encrypted before they leave the machine, read back in clear, rotated to a
new key, and served to staff as from the disk."""

from typing import Any

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse

from tremplin.applications.models import Document
from tremplin.core import crypto
from tremplin.core.objectstorage import EncryptedS3Storage
from tremplin.testing.applying import submit
from tremplin.testing.builders import campaign_lead_make, organization_make
from tremplin.testing.s3server import ACCESS_KEY, REGION, SECRET_KEY, S3Server
from tremplin.testing.staff import staff_login, team_make

DISTINCTIVE = b"I once taught a parrot to recite the Universal Declaration of Human Rights."


def _options(s3_server: S3Server, bucket: str, key: str, old_keys: tuple[str, ...] = ()) -> dict:
    return {
        "key": key,
        "old_keys": old_keys,
        "bucket_name": bucket,
        "endpoint_url": s3_server.endpoint_url,
        "region_name": REGION,
        "access_key": ACCESS_KEY,
        "secret_key": SECRET_KEY,
        "location": "private",
        "file_overwrite": False,
    }


def _stored(s3_server: S3Server, bucket: str, name: str) -> bytes:
    return s3_server.client().get_object(Bucket=bucket, Key=f"private/{name}")["Body"].read()


def test_a_file_is_stored_encrypted_and_reads_back(s3_server: S3Server, s3_bucket: str) -> None:
    files = EncryptedS3Storage(**_options(s3_server, s3_bucket, crypto.key_generate()))
    plain = DISTINCTIVE * 3000  # several chunks
    name = files.save("documents/ab/cv.txt", ContentFile(plain))
    stored = _stored(s3_server, s3_bucket, name)
    assert stored.startswith(crypto.MAGIC)
    assert DISTINCTIVE[:20] not in stored
    assert files.size(name) == len(plain)
    with files.open(name) as opened:
        assert opened.read() == plain
    with files.open(name) as opened:
        opened.seek(len(plain) - 10)
        assert opened.read() == plain[-10:]


def test_a_second_file_of_the_same_name_gets_its_own_name(
    s3_server: S3Server, s3_bucket: str
) -> None:
    files = EncryptedS3Storage(**_options(s3_server, s3_bucket, crypto.key_generate()))
    first = files.save("cv.txt", ContentFile(b"first"))
    second = files.save("cv.txt", ContentFile(b"second"))
    assert first != second
    assert files.open(first).read() == b"first"
    assert files.open(second).read() == b"second"


def test_a_missing_or_deleted_file_is_not_found(s3_server: S3Server, s3_bucket: str) -> None:
    files = EncryptedS3Storage(**_options(s3_server, s3_bucket, crypto.key_generate()))
    name = files.save("cv.txt", ContentFile(b"bye"))
    files.delete(name)
    assert not files.exists(name)
    with pytest.raises(FileNotFoundError):
        files.open(name)


def test_rotating_the_key_rewraps_every_object_and_nothing_twice(
    s3_server: S3Server, s3_bucket: str
) -> None:
    old, new = crypto.key_generate(), crypto.key_generate()
    before = EncryptedS3Storage(**_options(s3_server, s3_bucket, old))
    names = [before.save(f"cv-{n}.txt", ContentFile(DISTINCTIVE * n)) for n in (1, 2)]
    rotating = EncryptedS3Storage(**_options(s3_server, s3_bucket, new, (old,)))
    report = rotating.rewrap()
    assert (report.rewrapped, report.already_current, report.failed) == (2, 0, [])
    after = EncryptedS3Storage(**_options(s3_server, s3_bucket, new))
    assert [after.open(name).read() for name in names] == [DISTINCTIVE, DISTINCTIVE * 2]
    assert after.rewrap().already_current == 2
    with pytest.raises(crypto.EncryptedFileError):
        EncryptedS3Storage(**_options(s3_server, s3_bucket, old)).open(names[0]).read()


@pytest.mark.django_db
def test_an_application_letter_goes_to_the_bucket_and_staff_download_it(
    client: Any, settings: Any, s3_server: S3Server, s3_bucket: str
) -> None:
    settings.STORAGES = {
        **settings.STORAGES,
        "private": {
            "BACKEND": "tremplin.core.objectstorage.EncryptedS3Storage",
            "OPTIONS": _options(s3_server, s3_bucket, settings.TREMPLIN_FILES_KEY),
        },
    }
    organization = organization_make("open-future")
    vacancy = campaign_lead_make(organization)
    team = team_make(organization, vacancy)
    application = submit(vacancy, letter_text=DISTINCTIVE.decode() * 2)
    letter = application.documents.get(role=Document.Role.LETTER)
    assert DISTINCTIVE not in _stored(s3_server, s3_bucket, str(letter.file.name))
    response = staff_login(client, team.recruiter).get(
        reverse(
            "staff_applications:document_download",
            kwargs={"org": organization.slug, "document": letter.pk},
        )
    )
    assert response.status_code == 200
    assert DISTINCTIVE in response.getvalue()
