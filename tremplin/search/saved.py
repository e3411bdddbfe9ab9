"""Saved searches: a member keeps a search (its words and filters) and is told by e-mail,
in their language and through the outbox, of each new application it finds.

Matching runs in a task (``tasks.saved_searches_match_task``), queued after an application
is indexed (``signals``), never in a web request. An application is new to a saved search
when it arrived after the search was saved; each one is told once (``SavedSearchHit``),
whichever indexing (the intake, then each extraction) first lets the search find it. The
search runs with its member's own rights (``selectors.entries_search``): a reviewer's finds
only what their search page would, so blind review holds. The mail holds no candidate
data: the vacancy, the member's own words, and a link to the application.
"""

from datetime import date

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import F, QuerySet
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import gettext

from tremplin.accounts.models import Membership
from tremplin.accounts.selectors import user_mail_language
from tremplin.applications.models import Application
from tremplin.messaging.outbox import AUTOMATIC_HEADERS, outbox_compose
from tremplin.search import selectors
from tremplin.search.models import SavedSearch, SavedSearchHit, SearchEntry
from tremplin.search.text import query_parse
from tremplin.vacancies.selectors import vacancy_title_for_language

MAIL_KIND = "saved_search"


def filters_store(filters: selectors.Filters) -> dict[str, object]:
    return {
        "vacancy": filters.vacancy,
        "stage": filters.stage,
        "since": filters.since.isoformat() if filters.since else "",
        "until": filters.until.isoformat() if filters.until else "",
        "language": filters.language,
        "pool": filters.pool,
    }


def filters_of(saved: SavedSearch) -> selectors.Filters:
    data = saved.filters or {}

    def day(key: str) -> date | None:
        value = data.get(key)
        return date.fromisoformat(value) if isinstance(value, str) and value else None

    return selectors.Filters(
        vacancy=str(data.get("vacancy") or ""),
        stage=str(data.get("stage") or ""),
        since=day("since"),
        until=day("until"),
        language=str(data.get("language") or ""),
        pool=bool(data.get("pool")),
    )


def saved_search_create(
    *, membership: Membership, query: str, filters: selectors.Filters
) -> SavedSearch:
    return SavedSearch.objects.create(
        membership=membership, query=query.strip(), filters=filters_store(filters)
    )


def saved_searches_of(*, membership: Membership) -> QuerySet[SavedSearch]:
    return SavedSearch.objects.filter(membership=membership)


def saved_search_delete(*, membership: Membership, pk: int) -> bool:
    """Delete the member's own saved search ``pk``; False if they have none of that id."""
    deleted, _rows = saved_searches_of(membership=membership).filter(pk=pk).delete()
    return bool(deleted)


def saved_searches_due(*, application_ids: list[int]) -> list[int]:
    """Of these applications, those that some saved search of their organization, saved
    before they arrived, has not told of yet: the ones to match."""
    return list(
        Application.objects.filter(pk__in=application_ids)
        .filter(vacancy__organization__memberships__saved_searches__created_at__lte=F("created_at"))
        .values_list("pk", flat=True)
        .distinct()
    )


def saved_searches_match(*, application_id: int) -> int:
    """Tell each member whose saved search now finds this new application; returns how
    many were told."""
    application = (
        Application.objects.select_related("vacancy__organization")
        .filter(pk=application_id)
        .first()
    )
    if application is None:
        return 0
    searches = (
        SavedSearch.objects.filter(
            membership__organization=application.vacancy.organization,
            created_at__lte=application.created_at,
        )
        .exclude(hits__application_number=application.pk)
        .select_related("membership__user", "membership__organization")
    )
    told = 0
    for saved in searches:
        query = query_parse(saved.query)
        entry = selectors.entry_found(
            membership=saved.membership,
            query=query,
            filters=filters_of(saved),
            application_id=application.pk,
        )
        if entry is None:
            continue
        try:
            with transaction.atomic():
                SavedSearchHit.objects.create(saved_search=saved, application_number=application.pk)
                _mail(saved=saved, application=application, entry=entry)
        except IntegrityError:
            continue  # another run told of it first
        told += 1
    return told


def _mail(*, saved: SavedSearch, application: Application, entry: SearchEntry) -> None:
    user = saved.membership.user
    language = user_mail_language(user)
    organization = saved.membership.organization

    def compose() -> tuple[str, str]:
        context = {
            "query": saved.query,
            "organization": organization,
            "vacancy": vacancy_title_for_language(vacancy=application.vacancy, language=language),
            # Reversed here, in the reader's language, like the rest of the mail.
            "url": settings.SITE_URL
            + selectors.result_url(membership=saved.membership, entry=entry),
            "saved_url": settings.SITE_URL
            + reverse("search:saved", kwargs={"org": organization.slug}),
        }
        subject = gettext("A new application matches your saved search")
        return subject, render_to_string("search/email/saved_search_hit.txt", context)

    outbox_compose(
        to=user.email,
        language=language,
        compose=compose,
        headers=AUTOMATIC_HEADERS,
        kind=MAIL_KIND,
    )
