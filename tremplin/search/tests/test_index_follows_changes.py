"""The index follows the texts: after the commit of a change, the search sees it."""

from typing import Any

from tremplin.accounts.models import Membership
from tremplin.applications.bulk import bulk_apply, bulk_undo
from tremplin.applications.services import application_move, move_check
from tremplin.search.selectors import entries_search
from tremplin.search.text import query_parse
from tremplin.testing.builders import vacancy_make
from tremplin.vacancies.models import VacancyText


def found(members: Any, organization: Any, q: str) -> list[str]:
    membership = Membership.objects.get(user=members["owner"], organization=organization)
    entries = entries_search(membership=membership, query=query_parse(q))
    return [entry.application.candidate.name for entry in entries]


def test_the_extracted_text_is_indexed_once_extracted(apply, open_vacancy, members, organization):
    application = apply(open_vacancy, name="Ada", email="ada@example.org", cv="Beekeeper.")
    assert "Beekeeper" in application.search_entries.get(form="staff").text
    assert found(members, organization, "beekeeper") == ["Ada"]


def test_a_submission_is_indexed_once_per_form(apply, open_vacancy, blind_vacancy):
    application = apply(open_vacancy, name="Ada", email="ada@example.org", answer="Bees.")
    blind = apply(blind_vacancy, name="Ada", email="ada@example.org", answer="Bees.")
    # No one searches a redacted form on a vacancy that is not blind: none is written.
    assert set(application.search_entries.values_list("form", flat=True)) == {"staff", "review"}
    assert blind.search_entries.count() == 3


def test_a_note_is_found_after_it_is_saved(
    apply, open_vacancy, members, organization, django_capture_on_commit_callbacks
):
    application = apply(open_vacancy, name="Ada", email="ada@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        application.notes = [{"at": "2026-12-03", "text": "Met her at the apiary fair."}]
        application.save(update_fields=["notes"])
    assert found(members, organization, "apiary") == ["Ada"]


def test_a_renamed_vacancy_is_found_by_its_new_title(
    apply, open_vacancy, members, organization, django_capture_on_commit_callbacks
):
    apply(open_vacancy, name="Ada", email="ada@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        VacancyText.objects.filter(vacancy=open_vacancy).get().save()
        text = VacancyText.objects.get(vacancy=open_vacancy)
        text.title = "Bursar"
        text.save()
    assert found(members, organization, "bursar") == ["Ada"]
    assert found(members, organization, "treasurer") == []


def test_a_change_rolled_back_indexes_nothing(apply, open_vacancy, members, organization):
    from django.db import transaction

    application = apply(open_vacancy, name="Ada", email="ada@example.org")
    try:
        with transaction.atomic():
            candidate = application.candidate
            candidate.name = "Zeno"
            candidate.save()
            raise RuntimeError("rolled back")
    except RuntimeError:
        pass
    assert found(members, organization, "zeno") == []


def reviewer_found(members: Any, organization: Any, q: str) -> list[str]:
    membership = Membership.objects.get(user=members["reviewer"], organization=organization)
    entries = entries_search(membership=membership, query=query_parse(q))
    return [entry.application.candidate.name or entry.form for entry in entries]


def test_a_move_to_another_stage_is_followed_at_once(apply, open_vacancy, members, organization):
    application = apply(open_vacancy, name="Ada", email="ada@example.org", cv="Beekeeper.")
    assert reviewer_found(members, organization, "beekeeper") == ["Ada"]

    # Reviewers search the applications in review only: not one that was not retained.
    application_move(application=application, to_stage="rejected", by=None, reason="must_haves")
    assert set(application.search_entries.values_list("stage", flat=True)) == {"rejected"}
    assert reviewer_found(members, organization, "beekeeper") == []
    assert found(members, organization, "beekeeper") == ["Ada"]

    application_move(application=application, to_stage="screening", by=None)
    assert reviewer_found(members, organization, "beekeeper") == ["Ada"]


def test_a_move_to_another_vacancy_is_followed(
    apply, open_vacancy, blind_vacancy, members, organization, django_capture_on_commit_callbacks
):
    application = apply(open_vacancy, name="Ada", email="ada@example.org", cv="Beekeeper.")
    other = vacancy_make(organization, "gardener", texts={"en": "Gardener"})
    with django_capture_on_commit_callbacks(execute=True):
        application.vacancy = other
        application.save()
    # The reviewer reviews the first vacancy, not this one; staff find it under its new one.
    assert reviewer_found(members, organization, "beekeeper") == []
    assert set(application.search_entries.values_list("vacancy", flat=True)) == {other.pk}
    assert found(members, organization, "gardener") == ["Ada"]

    with django_capture_on_commit_callbacks(execute=True):
        application.vacancy = blind_vacancy
        application.save(update_fields=["vacancy"])
    # On a blind vacancy, the reviewer finds the redacted form only, by its words.
    assert reviewer_found(members, organization, "beekeeper") == ["Ada"]
    assert reviewer_found(members, organization, "ada") == []
    blind = application.search_entries.get(form="blind")
    assert blind.vacancy_id == blind_vacancy.pk and "Ada" not in blind.text


def test_a_bulk_move_and_its_undo_are_followed(apply, open_vacancy, members, organization):
    ada = apply(open_vacancy, name="Ada", email="ada@example.org", cv="Beekeeper.")
    bob = apply(open_vacancy, name="Bob", email="bob@example.org", cv="Beekeeper too.")
    move = move_check(organization=organization, to_stage="rejected", reason="must_haves")

    action = bulk_apply(
        vacancy=open_vacancy, pks=[ada.pk, bob.pk], seen={}, move=move, kind="move", by=None
    )
    assert set(ada.search_entries.values_list("stage", flat=True)) == {"rejected"}
    assert reviewer_found(members, organization, "beekeeper") == []

    bulk_undo(action=action, by=None)
    assert set(bob.search_entries.values_list("stage", flat=True)) == {bob.stage}
    assert sorted(reviewer_found(members, organization, "beekeeper")) == ["Ada", "Bob"]
