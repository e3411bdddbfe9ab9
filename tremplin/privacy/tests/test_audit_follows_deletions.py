"""Whatever deletes a candidate's rows, the audit events about them are redacted."""

import pytest

from tremplin.applications.services import application_move, document_download_record
from tremplin.core.models import AuditEvent
from tremplin.testing.applying import submit
from tremplin.testing.staff import member_create
from tremplin.vacancies.models import Vacancy

pytestmark = pytest.mark.django_db


def test_deleting_a_vacancy_redacts_the_events_about_its_candidates(organization, vacancy):
    owner = member_create(email="olga@example.org", organization=organization, role="owner")
    application = submit(vacancy, name="Ada Lovelace", email="ada@example.org")
    document_download_record(document=application.documents.get(role="cv"), user=owner)
    application_move(
        application=application,
        to_stage="rejected",
        by=owner,
        reason="other",
        reason_text="Ada Lovelace took another job",
    )
    about_her = AuditEvent.objects.exclude(target_type="")
    assert any("Ada Lovelace" in str(e.target_label) + str(e.data) for e in about_her)

    Vacancy.objects.filter(pk=vacancy.pk).delete()  # as the admin would

    events = list(AuditEvent.objects.filter(verb__in=["document.download", "application.stage"]))
    assert len(events) == 2
    for event in events:
        assert "Ada" not in event.target_label and "Ada" not in str(event.data)
        assert event.target_label.endswith("(erased)") and event.data["redacted"] is True
    stage = next(e for e in events if e.verb == "application.stage")
    assert stage.data["to"] == "rejected" and stage.actor == owner
