"""What indexing spares itself: no redacted form where no one searches it, and no text
redacted again when neither it nor the candidate's identity changed (bench/indexing.py
measures the cost)."""

from typing import Any

from tremplin.accounts.models import Membership
from tremplin.review.selectors import identity_of
from tremplin.search.models import SearchEntry
from tremplin.search.selectors import entries_search
from tremplin.search.services import Redactor, redactions_stored
from tremplin.search.text import query_parse


def reviewer_finds(members: Any, organization: Any, q: str) -> list[str]:
    membership = Membership.objects.get(user=members["reviewer"], organization=organization)
    entries = entries_search(membership=membership, query=query_parse(q))
    return [entry.form for entry in entries]


def test_a_vacancy_made_blind_gets_its_redacted_form_and_loses_it_when_opened(
    apply, open_vacancy, members, organization, django_capture_on_commit_callbacks
):
    application = apply(open_vacancy, name="Zora Neale", email="zora@example.org", cv="Apiary.")
    assert reviewer_finds(members, organization, "zora") == ["review"]

    with django_capture_on_commit_callbacks(execute=True):
        open_vacancy.blind_review = True
        open_vacancy.save()
    blind = application.search_entries.get(form=SearchEntry.Form.BLIND)
    assert "Zora" not in blind.text and "Apiary" in blind.text
    assert reviewer_finds(members, organization, "zora") == []
    assert reviewer_finds(members, organization, "apiary") == ["blind"]

    with django_capture_on_commit_callbacks(execute=True):
        open_vacancy.blind_review = False
        open_vacancy.save()
    assert set(application.search_entries.values_list("form", flat=True)) == {"staff", "review"}
    assert reviewer_finds(members, organization, "zora") == ["review"]


def test_indexing_an_unchanged_application_again_redacts_nothing(apply, blind_vacancy):
    application = apply(
        blind_vacancy,
        name="Zora Neale",
        email="zora@example.org",
        cv="Zora Neale, beekeeper in Lyon.",
        letter="Dear team, I am Zora.",
        answer="Because of the bees.",
    )
    stored = redactions_stored(application)
    assert len(stored) == 3  # the CV, the letter, the answer
    assert all("Zora" not in text for text in stored.values())

    redactor = Redactor(identity_of(application), dict(stored))
    sources = [d.text for d in application.documents.all()] + [application.answers.get().text]
    parts = [redactor.part("en", text) for text in sources]
    row = application.search_entries.get(form=SearchEntry.Form.BLIND)
    assert all(part.text in row.text for part in parts)
    assert redactor.redacted == 0


def test_a_renamed_candidate_has_their_texts_redacted_again(
    apply, blind_vacancy, members, organization, django_capture_on_commit_callbacks
):
    application = apply(
        blind_vacancy, name="Sam Doe", email="sam@example.org", cv="Written by Zora Neale."
    )
    assert reviewer_finds(members, organization, "neale") == ["blind"]

    with django_capture_on_commit_callbacks(execute=True):
        candidate = application.candidate
        candidate.name = "Zora Neale"
        candidate.save()
    # The CV did not change, but what redaction takes out of it did.
    assert reviewer_finds(members, organization, "neale") == []
    assert "Neale" not in application.search_entries.get(form=SearchEntry.Form.BLIND).text
