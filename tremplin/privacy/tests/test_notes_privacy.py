"""Staff notes are the candidate's data: in their copy (Art. 15), with staff named by
pseudonym, and erased with them, leaving no trace of their text anywhere in the database
(the notes, the notifications of mentions, the mails that told colleagues, the audit log of
corrections, the search index)."""

import pytest

from tremplin.applications.models import Note
from tremplin.applications.notes import note_add, note_edit
from tremplin.messaging.models import OutboxMessage
from tremplin.notifications.models import Notification
from tremplin.privacy.erasure import shred
from tremplin.privacy.shredders import export_data, subject_for_candidate
from tremplin.privacy.tests.test_shredders import _dump
from tremplin.testing.applying import submit
from tremplin.testing.staff import team_make

# Mentions are told, and the index written, once the note's transaction commits.
pytestmark = pytest.mark.django_db(transaction=True)

FIRST = "Xanthippe negotiates hard, wants Zanzibar relocation"
SECOND = "Quokka-level enthusiasm about the beehives"


@pytest.fixture
def noted(organization, vacancy):
    team = team_make(organization, vacancy)
    application = submit(vacancy, email="ada@example.org", name="Ada Lovelace")
    other = submit(vacancy, email="grace@example.org", name="Grace Hopper")
    note = note_add(application=application, body=f"{FIRST}, says @rita", by=team.owner)
    note_edit(note=note, body=f"{FIRST}, says @rita and @remi", by=team.owner)
    note_add(application=application, body=SECOND, by=team.recruiter)
    note_add(application=other, body="Grace's own note, @rita", by=team.owner)
    return team, application, other


def test_the_candidates_copy_holds_the_notes_with_staff_by_pseudonym(organization, noted):
    _team, application, _other = noted
    subject = subject_for_candidate(candidate=application.candidate, organization=organization)

    exported = export_data(subject=subject)

    rows = exported["applications.note"]
    assert [row["body"] for row in rows] == [f"{FIRST}, says @rita and @remi", SECOND]
    assert {row["author"] for row in rows} <= {"Member 1", "Member 2", "Member 3"}
    assert not any("@example.org" in str(row) for row in rows)  # staff addresses: no
    assert "Grace" not in str(exported)
    assert "notifications.notification" not in exported  # staff's, holding only a link


def test_erasure_leaves_no_note_text_anywhere(organization, noted):
    team, application, other = noted
    assert Notification.objects.filter(application_ref=application.pk).count() == 2
    assert OutboxMessage.objects.filter(kind="notification").count() == 3
    assert FIRST in _dump()  # the check below can see it

    counts = shred(
        subject=subject_for_candidate(candidate=application.candidate, organization=organization),
        actor=team.owner,
        reason="candidate",
    )

    dump = _dump()
    for text in (FIRST, "Xanthippe", "Zanzibar", SECOND, "Quokka"):
        assert text not in dump, text
    assert not Note.objects.filter(application_id=application.pk).exists()
    assert not Notification.objects.filter(application_ref=application.pk).exists()
    assert counts["notes"] == 4  # two notes, two notifications
    # The other candidate's note and its notification stay.
    assert Note.objects.get(application=other).body == "Grace's own note, @rita"
    assert Notification.objects.filter(application_ref=other.pk).count() == 1
