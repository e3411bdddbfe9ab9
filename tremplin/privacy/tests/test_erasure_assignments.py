"""Who was asked to review an application is candidate data: erasing the application
erases its reviewer assignments (ReviewShredder), and the candidate's copy holds them with
staff as pseudonyms."""

import pytest

from tremplin.applications.assignments import bulk_assign
from tremplin.applications.models import ReviewerAssignment
from tremplin.core.models import AuditEvent
from tremplin.privacy.erasure import shred
from tremplin.privacy.shredders import export_data, subject_for_applications
from tremplin.testing.applying import submit

pytestmark = pytest.mark.django_db


def test_erasing_an_application_erases_its_assignments_and_keeps_the_others(vacancy, team):
    ada = submit(vacancy, email="ada@example.org", name="Ada Lovelace")
    grace = submit(vacancy, email="grace@example.org", name="Grace Hopper")
    bulk_assign(
        vacancy=vacancy,
        pks=[ada.pk, grace.pk],
        seen={},
        reviewer_pks=[team.reviewer.pk, team.owner.pk],
        by=team.recruiter,
    )
    subject = subject_for_applications(applications=[ada])
    copy = export_data(subject=subject)["applications.reviewerassignment"]
    assert {(row["reviewer"], row["assigned_by"]) for row in copy} <= {
        (f"Member {n}", f"Member {m}") for n in range(1, 4) for m in range(1, 4)
    }
    assert len(copy) == 2

    counts = shred(subject=subject, actor=team.owner, reason="candidate", vacuum=False)

    assert counts["reviews"] >= 2
    assert set(ReviewerAssignment.objects.values_list("application_id", flat=True)) == {grace.pk}
    event = AuditEvent.objects.get(verb="application.reviewers_assign", target_id=str(ada.pk))
    assert event.data.get("redacted") is True
