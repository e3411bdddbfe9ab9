"""A deleted row takes its stored files with it, whatever deleted it."""

from pathlib import Path

import pytest

from tremplin.accounts.models import Organization
from tremplin.testing.applying import submit
from tremplin.testing.builders import campaign_lead_make, organization_make

pytestmark = pytest.mark.django_db


def _stored(root: Path) -> list[Path]:
    return [path for path in root.rglob("*") if path.is_file()]


def test_deleting_an_organization_deletes_its_candidates_files(private_files: Path) -> None:
    kept = submit(campaign_lead_make(organization_make("kept")), email="kept@example.org")
    gone = organization_make("gone")
    submit(campaign_lead_make(gone), email="gone@example.org")
    assert len(_stored(private_files)) == 4  # a CV and a typed letter each

    Organization.objects.filter(pk=gone.pk).delete()

    names = {str(path.relative_to(private_files)) for path in _stored(private_files)}
    assert names == {document.file.name for document in kept.documents.all()}


def test_deleting_a_document_deletes_its_file(private_files: Path) -> None:
    application = submit(campaign_lead_make(organization_make("open-future")))
    document = application.documents.first()
    assert document is not None
    path = private_files / str(document.file.name)
    assert path.exists()

    document.delete()

    assert not path.exists()
