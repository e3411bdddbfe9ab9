"""Saved searches: saved from the search page, listed and deleted on their own page, and
matched against each new application in a task after its indexing, the member told by
e-mail through the outbox, in their language, once, with a link and no candidate data."""

from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import translation
from django_tasks_db.models import DBTaskResult

from tremplin.messaging.models import OutboxMessage
from tremplin.search.models import SavedSearch
from tremplin.testing.staff import staff_login
from tremplin.testing.worker import run_worker

SAVED = "/en/staff/communs/search/saved/"
# The worker runs its tasks in transactions of its own.
worker_db = pytest.mark.django_db(transaction=True)
CV = "Ada Quintavalle, ada@example.net. Beekeeper of the Lyon apiary cooperative."


def save(user: Any, **fields: str) -> Any:
    return staff_login(Client(), user).post(SAVED, fields)


def mails_to(user: Any) -> list[OutboxMessage]:
    return list(OutboxMessage.objects.filter(to=user.email, kind="saved_search"))


@worker_db
def test_a_recruiter_saves_a_search_and_is_told_once_of_a_new_application_that_matches(
    apply, open_vacancy, members
):
    recruiter = members["recruiter"]
    recruiter.language = "fr"
    recruiter.save()
    before = apply(open_vacancy, name="Old", email="old@example.org", cv="Beekeeper.")

    response = save(recruiter, q="beekeeper", vacancy="treasurer")
    assert response.status_code == 302 and response["Location"].endswith(SAVED)
    saved = SavedSearch.objects.get()
    assert saved.query == "beekeeper" and saved.filters["vacancy"] == "treasurer"

    ada = apply(open_vacancy, name="Ada Quintavalle", email="ada@example.net", cv=CV)
    # Indexing, then matching, run in the worker, not in what made the application.
    assert mails_to(recruiter) == []
    assert not ada.search_entries.exists()
    assert DBTaskResult.objects.filter(task_path__endswith="applications_index_task").exists()
    run_worker()
    assert DBTaskResult.objects.filter(task_path__endswith="saved_searches_match_task").exists()

    [mail] = mails_to(recruiter)
    assert mail.language == "fr"
    assert mail.subject == "Une nouvelle candidature correspond à votre recherche enregistrée"
    with translation.override("fr"):
        staff_page = reverse(
            "staff_applications:detail", kwargs={"org": "communs", "application": ada.pk}
        )
    assert staff_page in mail.body
    assert "beekeeper" in mail.body and "Treasurer" in mail.body
    assert "Ada" not in mail.body and "ada@example.net" not in mail.body
    assert "Lyon" not in mail.body
    # The application that came before the search is not "new" to it.
    assert f"/applications/{before.pk}/" not in mail.body

    # Indexed again (a note), it is not told of again.
    ada.notes = [{"text": "Call back."}]
    ada.save(update_fields=["notes"])
    run_worker()
    assert len(mails_to(recruiter)) == 1


@worker_db
def test_an_application_the_search_does_not_find_sends_nothing(apply, open_vacancy, members):
    save(members["recruiter"], q="python")
    apply(open_vacancy, name="Ada", email="ada@example.net", cv=CV)
    run_worker()
    assert mails_to(members["recruiter"]) == []


@worker_db
def test_a_reviewer_s_saved_search_keeps_to_blind_review(apply, blind_vacancy, members):
    reviewer = members["reviewer"]
    save(reviewer, q="quintavalle")
    save(reviewer, q="apiary")
    application = apply(blind_vacancy, name="Ada Quintavalle", email="ada@example.net", cv=CV)
    run_worker()

    [mail] = mails_to(reviewer)  # the CV's words, not the name
    assert "apiary" in mail.body and "quintavalle" not in mail.body.lower()
    assert (
        f"/review/facilitator/applications/{application.pk}/"
        in mail.body.replace("/en/staff/communs", "")
        or f"/applications/{application.pk}/" in mail.body
    )


def test_a_search_with_nothing_to_find_is_not_saved(members):
    response = save(members["recruiter"], q="-python")
    assert response.status_code == 400
    assert "Only a valid search with words to find can be saved." in response.content.decode()
    assert not SavedSearch.objects.exists()


def test_the_saved_searches_page_lists_and_deletes_the_member_s_own(members):
    save(members["recruiter"], q="beekeeper", language="fr")
    save(members["owner"], q="orchard")
    mine = SavedSearch.objects.get(query="beekeeper")
    theirs = SavedSearch.objects.get(query="orchard")
    client = staff_login(Client(), members["recruiter"])

    page = client.get(SAVED).content.decode()
    assert "beekeeper" in page and "orchard" not in page
    assert "?q=beekeeper&amp;language=fr" in page

    response = client.post(f"{SAVED}delete/", {"saved": theirs.pk}, follow=True)
    assert "You have no such saved search: nothing was deleted." in response.content.decode()
    assert client.post(f"{SAVED}delete/", {"saved": mine.pk}).status_code == 302
    assert list(SavedSearch.objects.values_list("query", flat=True)) == ["orchard"]


@pytest.mark.parametrize("role", ["owner", "recruiter", "reviewer"])
def test_the_search_page_offers_to_save_the_search(role, members):
    page = staff_login(Client(), members[role]).get("/en/staff/communs/search/?q=bees&stage=")
    text = page.content.decode()
    assert "Save this search" in text
    assert '<input type="hidden" name="q" value="bees">' in text
