"""Reading the search index: who may find what, and the results as the page shows them.

Owners and recruiters search their organization's applications, everything of them.
Reviewers search the applications in review (not at a final stage) of the vacancies they
are assigned to, as the review pages show them; on a blind vacancy, unless blind mode is
lifted at the application's stage, the redacted texts only, and the results show no name
and no e-mail. Another organization's applications are never in the query.

Both engines get the same terms from ``text.query_parse``: PostgreSQL parses each with
``websearch_to_tsquery`` in each of its configurations, SQLite's FTS5 matches the forms
``text`` computed.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, Protocol

from django.core.exceptions import ImproperlyConfigured
from django.db import connection
from django.db.models import BooleanField, Exists, FloatField, OuterRef, Q, QuerySet
from django.db.models.expressions import RawSQL
from django.urls import reverse
from django.utils import timezone
from django.utils.safestring import SafeString

from tremplin.accounts.models import Membership, Organization
from tremplin.accounts.policy import MANAGERS
from tremplin.applications.models import Application, Stage
from tremplin.applications.selectors import stage_label, stage_list
from tremplin.review.models import BlindLift
from tremplin.review.selectors import candidate_label
from tremplin.search import text
from tremplin.search.models import SearchEntry
from tremplin.search.services import POSTGRESQL_CONFIGS, fts_scope
from tremplin.vacancies.models import Vacancy

# Ranking costs a read of each match's whole text vector: at most this many are ranked.
RANKED_AT_MOST = 200


@dataclass(frozen=True)
class Filters:
    """What narrows the search, beside the words: all optional."""

    vacancy: str = ""  # a vacancy's slug
    stage: str = ""
    since: date | None = None
    until: date | None = None
    language: str = ""  # the candidate's language
    pool: bool = False  # the talent pool: closed vacancies, candidates who consented


class TalentPool(Protocol):
    def __call__(self, *, organization: Organization, now: datetime) -> QuerySet[Application]: ...


# What the talent pool holds is privacy's to say (consent, retention): a floor above, it
# registers it here in its AppConfig.ready.
_talent_pool: list[TalentPool] = []


def talent_pool_register(pool: TalentPool) -> None:
    _talent_pool[:] = [pool]


def searchable_stages(*, membership: Membership, stages: list[Stage] | None = None) -> list[Stage]:
    """The stages whose applications the member may find: all, or those in review
    (among ``stages``, the organization's, when they are read already)."""
    if stages is None:
        stages = stage_list(organization=membership.organization)
    if membership.role in MANAGERS:
        return stages
    return [stage for stage in stages if not stage.is_final]


def searchable_vacancies(*, membership: Membership) -> QuerySet[Vacancy]:
    """The vacancies whose applications the member may find: all, or a reviewer's own."""
    vacancies = Vacancy.objects.filter(organization=membership.organization)
    if membership.role not in MANAGERS:
        vacancies = vacancies.filter(reviewers=membership.user)
    return vacancies.prefetch_related("texts").order_by("-created_at", "pk")


def _scope(membership: Membership) -> QuerySet[SearchEntry]:
    """The rows the member may find: read on the rows alone (their organization, vacancy
    and stage), never through the applications."""
    entries = SearchEntry.objects.filter(organization=membership.organization)
    if membership.role in MANAGERS:
        return entries.filter(form=SearchEntry.Form.STAFF)
    lifted = Exists(
        BlindLift.objects.filter(vacancy=OuterRef("vacancy_id"), stage=OuterRef("stage"))
    )
    visible = Q(vacancy__blind_review=False) | Q(lifted)
    reviewed = Vacancy.objects.filter(
        organization=membership.organization, reviewers=membership.user
    )
    return entries.filter(
        (Q(form=SearchEntry.Form.REVIEW) & visible) | (Q(form=SearchEntry.Form.BLIND) & ~visible),
        vacancy__in=reviewed.values("pk"),
        stage__in=[stage.key for stage in searchable_stages(membership=membership)],
    )


def _filtered(
    entries: QuerySet[SearchEntry], filters: Filters, organization: Organization
) -> QuerySet[SearchEntry]:
    if filters.pool:
        if not _talent_pool:
            raise ImproperlyConfigured("No talent pool is registered (tremplin.privacy does).")
        pool = _talent_pool[0](organization=organization, now=timezone.now())
        entries = entries.filter(
            vacancy__status=Vacancy.Status.CLOSED, application_id__in=pool.values("pk")
        )
    if filters.vacancy:
        entries = entries.filter(vacancy__slug=filters.vacancy)
    if filters.stage:
        entries = entries.filter(stage=filters.stage)
    if filters.since:
        entries = entries.filter(received_at__date__gte=filters.since)
    if filters.until:
        entries = entries.filter(received_at__date__lte=filters.until)
    if filters.language:
        entries = entries.filter(language=filters.language)
    return entries


def _tsquery(query: text.Query) -> tuple[str, list[str]]:
    """The query as a PostgreSQL tsquery expression, and its parameters."""
    params: list[str] = []

    def term_sql(term: text.Term) -> str:
        quoted = '"' + term.text.replace('"', " ") + '"'
        parts = []
        for config in POSTGRESQL_CONFIGS.values():
            parts.append(f"websearch_to_tsquery('{config}', %s)")
            params.append(quoted)
        return "(" + " || ".join(parts) + ")"

    groups = ["(" + " || ".join(term_sql(t) for t in group) + ")" for group in query.groups]
    excluded = [f"!!{term_sql(term)}" for term in query.excluded]
    return "(" + " && ".join([*groups, *excluded]) + ")", params


def _matching(
    entries: QuerySet[SearchEntry], query: text.Query, scopes: list[str]
) -> QuerySet[SearchEntry]:
    """The rows that match: on PostgreSQL through the GIN index of ``vector``, on SQLite
    through the FTS5 table, asked for the rows of ``scopes`` only (``services.fts_scope``:
    the organization's rows of one form), so that it hands over the matches of one
    organization rather than of every organization on the instance."""
    if connection.vendor == "postgresql":
        # Only constants are written into the SQL: the query's words are parameters.
        tsquery, params = _tsquery(query)
        return entries.filter(
            RawSQL(f"search_searchentry.vector @@ {tsquery}", params, BooleanField())  # noqa: S611
        )
    within = " OR ".join(f'"{scope}"' for scope in scopes)
    # "+id": not looked up by its primary key, one row at a time (the table's rows are
    # long, their texts in overflow pages), but checked against the matches while the
    # index on (organization, form, received_at) is read newest first, until enough.
    return entries.filter(
        RawSQL(
            "+search_searchentry.id IN (SELECT rowid FROM search_fts WHERE search_fts MATCH %s)",
            [f"({within}) AND ({text.fts5_expression(query)})"],
            output_field=BooleanField(),
        )
    )


def _scopes(membership: Membership) -> list[str]:
    """The FTS5 scope tokens of the rows the member may find (``_scope`` narrows further)."""
    organization = membership.organization_id
    if membership.role in MANAGERS:
        return [fts_scope(organization, SearchEntry.Form.STAFF)]
    forms = (SearchEntry.Form.REVIEW, SearchEntry.Form.BLIND)
    return [fts_scope(organization, form) for form in forms]


def _matches(membership: Membership, query: text.Query, filters: Filters) -> QuerySet[SearchEntry]:
    entries = _filtered(_scope(membership), filters, membership.organization)
    return _matching(entries, query, _scopes(membership))


def _newest(entries: QuerySet[SearchEntry], query: text.Query) -> list[tuple[int, Any, float]]:
    """The newest ``RANKED_AT_MOST`` + 1 of the matching ``entries``, each with its
    relevance (higher is better), in one query on PostgreSQL: ``ts_rank`` is computed for
    the rows the scan returns, not for every match."""
    newest = entries.order_by("-received_at", "-pk")
    if connection.vendor == "postgresql":
        tsquery, params = _tsquery(query)
        rank = RawSQL(f"ts_rank(search_searchentry.vector, {tsquery})", params, FloatField())  # noqa: S611
        ranked = newest.annotate(rank=rank).values_list("pk", "received_at", "rank")
        return list(ranked[: RANKED_AT_MOST + 1])
    found = list(newest.values_list("pk", "received_at")[: RANKED_AT_MOST + 1])
    # FTS5's bm25 counts, for each phrase, its rows on the whole table at every query: a
    # cost that grows with the instance. The rank here is read from the rows' own words
    # (the FTS5 table's stored bodies, by rowid), as PostgreSQL's ts_rank reads only the
    # row's vector.
    ids = [pk for pk, _at in found[:RANKED_AT_MOST]]
    bodies: dict[int, str] = {}
    if ids:
        with connection.cursor() as cursor:
            marks = ", ".join(["%s"] * len(ids))
            cursor.execute(f"SELECT id, c0 FROM search_fts_content WHERE id IN ({marks})", ids)  # noqa: S608
            bodies = dict(cursor.fetchall())
    return [(pk, at, text.relevance(bodies.get(pk, ""), query)) for pk, at in found]


def entries_found(
    *, membership: Membership, query: text.Query, filters: Filters = Filters()
) -> tuple[list[int], bool]:
    """The ids of the index rows the member may find that match ``query``, the most
    relevant first, and whether more match than are ranked.

    Ranking reads each row's whole ``vector`` (or its words on SQLite), where finding the
    matches reads only the indexes: so the newest ``RANKED_AT_MOST`` matches are ranked,
    not every one of tens of thousands. They are found and ranked in one query, with one
    more to tell whether there are more: the page costs the same queries whatever it finds.
    """
    if not query:
        return [], False
    newest = _newest(_matches(membership, query, filters), query)
    ranked = sorted(newest[:RANKED_AT_MOST], key=lambda row: (row[2], row[1], row[0]))
    return [pk for pk, _at, _rank in reversed(ranked)], len(newest) > RANKED_AT_MOST


def entries_search(
    *, membership: Membership, query: text.Query, filters: Filters = Filters()
) -> list[SearchEntry]:
    """The index rows the member may find that match ``query``, the most relevant first
    (the newest ``RANKED_AT_MOST`` matches: ``entries_found``)."""
    return entries_for_page(entries_found(membership=membership, query=query, filters=filters)[0])


@dataclass(frozen=True)
class Result:
    """One application found, as the page shows it."""

    application_id: int
    who: str  # the name and e-mail, or "Candidate 7" in blind review
    vacancy: str
    stage: str
    received_at: datetime
    passage: SafeString
    url: str


def results_show(
    *,
    membership: Membership,
    entries: list[SearchEntry],
    query: text.Query,
    vacancies: Sequence[Vacancy] = (),
    stages: list[Stage] | None = None,
) -> list[Result]:
    """A page of rows as results: the passage highlighted, the link to the application's
    staff page, or to its review page for a reviewer. The vacancies (with their texts) and
    the stages the page has read already are taken from ``vacancies`` and ``stages``; the
    stage and the date are the row's own (``SearchEntry``)."""
    if stages is None:
        stages = stage_list(organization=membership.organization)
    known = {vacancy.pk: vacancy for vacancy in vacancies}
    missing = {entry.vacancy_id for entry in entries} - set(known)
    if missing:
        known.update(Vacancy.objects.prefetch_related("texts").in_bulk(missing))
    shown = []
    for entry in entries:
        application = entry.application
        candidate = application.candidate
        vacancy = known[entry.vacancy_id]
        if entry.form == SearchEntry.Form.BLIND:
            who = candidate_label(application)
        else:
            who = f"{candidate.name} <{candidate.email}>" if candidate.name else candidate.email
        url = result_url(membership=membership, entry=entry, vacancy=vacancy)
        shown.append(
            Result(
                application_id=application.pk,
                who=who,
                vacancy=str(vacancy),
                stage=stage_label(stages=stages, key=entry.stage),
                received_at=entry.received_at,
                passage=text.passage(entry.text, query),
                url=url,
            )
        )
    return shown


def result_url(
    *, membership: Membership, entry: SearchEntry, vacancy: Vacancy | None = None
) -> str:
    """The application's staff page, or its review page for what a reviewer found
    (``vacancy``: the entry's, when it is read already)."""
    org = membership.organization.slug
    application = entry.application
    if entry.form == SearchEntry.Form.STAFF:
        return reverse(
            "staff_applications:detail", kwargs={"org": org, "application": application.pk}
        )
    slug = (vacancy or application.vacancy).slug
    return reverse(
        "staff_review:application",
        kwargs={"org": org, "vacancy": slug, "application": application.pk},
    )


def entry_found(
    *, membership: Membership, query: text.Query, filters: Filters, application_id: int
) -> SearchEntry | None:
    """The index row by which ``membership`` finds this application with this search, if
    they do (for a saved search: the rights are those of its member)."""
    if not query:
        return None
    matches = _matches(membership, query, filters).filter(application_id=application_id)
    return matches.select_related("application__vacancy").first()


def entries_for_page(ids: list[int]) -> list[SearchEntry]:
    """The rows of ``ids`` in that order, with what ``results_show`` reads of their
    applications (the candidate's name, address and number), and nothing more."""
    rows = (
        SearchEntry.objects.filter(pk__in=ids)
        .select_related("application__candidate", "application__candidate_number")
        .only(
            "form",
            "text",
            "vacancy_id",
            "stage",
            "received_at",
            "application__candidate__name",
            "application__candidate__email",
            "application__candidate_number__number",
        )
    )
    found = {row.pk: row for row in rows}
    return [found[pk] for pk in ids if pk in found]
