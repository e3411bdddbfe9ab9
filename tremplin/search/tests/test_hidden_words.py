"""The words a recruiter hides from reviewers leave the blind index too: a reviewer cannot
find by search what they can no longer read."""

from tremplin.applications.hidden_words import hidden_words_save
from tremplin.search.models import SearchEntry
from tremplin.search.tests.test_indexing_cost import reviewer_finds


def test_hidden_words_leave_the_blind_index(
    apply, blind_vacancy, members, organization, django_capture_on_commit_callbacks
):
    application = apply(
        blind_vacancy, name="Sam Doe", email="sam@example.org", cv="Beekeeper in Trévoux."
    )
    assert reviewer_finds(members, organization, "trevoux") == ["blind"]

    with django_capture_on_commit_callbacks(execute=True):
        hidden_words_save(application=application, words=["Trévoux"], by=members["recruiter"])

    assert reviewer_finds(members, organization, "trevoux") == []
    assert reviewer_finds(members, organization, "beekeeper") == ["blind"]
    blind = application.search_entries.get(form=SearchEntry.Form.BLIND)
    assert "Trévoux" not in blind.text and "[hidden]" in blind.text
