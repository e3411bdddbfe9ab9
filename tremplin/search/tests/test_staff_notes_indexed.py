"""Staff notes (Note rows) are in the staff's form of the index, written after the note's
commit, edited or deleted; reviewers' forms never hold them."""

from typing import Any

from tremplin.accounts.models import Membership
from tremplin.applications.notes import note_add, note_edit
from tremplin.search.selectors import entries_search
from tremplin.search.text import query_parse


def found(members: Any, organization: Any, q: str) -> list[str]:
    membership = Membership.objects.get(user=members["owner"], organization=organization)
    entries = entries_search(membership=membership, query=query_parse(q))
    return [entry.application.candidate.name for entry in entries]


def test_a_staff_note_is_found_and_follows_its_changes(
    apply, open_vacancy, members, organization, django_capture_on_commit_callbacks
):
    application = apply(open_vacancy, name="Ada", email="ada@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        note = note_add(
            application=application, body="Met her at the apiary fair.", by=members["owner"]
        )
    assert found(members, organization, "apiary") == ["Ada"]
    assert "apiary" not in application.search_entries.get(form="review").text

    with django_capture_on_commit_callbacks(execute=True):
        note_edit(note=note, body="Met her at the orchard.", by=members["owner"])
    assert found(members, organization, "apiary") == []

    with django_capture_on_commit_callbacks(execute=True):
        note.delete()
    assert found(members, organization, "orchard") == []
