"""On PostgreSQL, a search can be answered from its indexes rather than every row: the GIN
index on (organization, vector) for the matches of a rarer word, the btree index on
(organization, form, received_at) to read the newest rows first for a word in most texts.

On a thousand small rows a sequential scan, or a walk of the application index, is
cheaper, and the planner rightly takes it. With both turned off, the plan shows whether
the query is written so that the GIN index can answer it (a column wrapped in a function,
or a query the operator class does not know, could not use it). Whether the planner picks
it at 100,000 applications is for the benchmark to show."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tremplin.accounts.models import Membership, Organization, User
from tremplin.applications.models import Application, Candidate
from tremplin.search.models import SearchEntry
from tremplin.search.selectors import (
    RANKED_AT_MOST,
    entries_for_page,
    entries_found,
    entries_search,
)
from tremplin.search.text import query_parse
from tremplin.vacancies.models import Vacancy

ROWS = 1000


def row(application: Application) -> SearchEntry:
    """An index row of ``application`` without text (its vector is set by the test)."""
    return SearchEntry(
        application=application,
        form=SearchEntry.Form.STAFF,
        text="",
        organization_id=application.vacancy.organization_id,
        vacancy=application.vacancy,
        stage=application.stage,
        language=application.language,
        received_at=application.created_at,
    )


def explain(queries: CaptureQueriesContext) -> str:
    """The plan of the captured query that finds the matches."""
    sql = next(query["sql"] for query in queries.captured_queries if "@@" in query["sql"])
    with connection.cursor() as cursor:
        cursor.execute("EXPLAIN " + sql)
        return "\n".join(row[0] for row in cursor.fetchall())


@pytest.mark.postgres
def test_a_search_can_use_the_gin_index(
    open_vacancy: Vacancy, members: dict[str, User], organization: Organization
) -> None:
    candidates = Candidate.objects.bulk_create(
        Candidate(email=f"c{n}@example.org", name=f"Person {n}", language="en") for n in range(ROWS)
    )
    applications = Application.objects.bulk_create(
        Application(candidate=candidate, vacancy=open_vacancy, language="en")
        for candidate in candidates
    )
    entries = SearchEntry.objects.bulk_create(row(application) for application in applications)
    with connection.cursor() as cursor:
        cursor.execute(
            "UPDATE search_searchentry SET vector = to_tsvector('tremplin_english',"
            " 'volunteer coordinator ' || CASE WHEN id = %s THEN 'beekeeping' ELSE "
            "'gardening number ' || id::text END)",
            [entries[7].pk],
        )
        # New entries wait in the GIN index's pending list until a VACUUM (as autovacuum
        # would do on a live table) moves them into the index proper.
        cursor.execute("SELECT gin_clean_pending_list('search_searchentry_scope'::regclass)")
        for table in ("search_searchentry", "applications_application", "vacancies_vacancy"):
            cursor.execute(f"ANALYZE {table}")
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("SET LOCAL enable_indexscan = off")
    membership = Membership.objects.get(user=members["owner"], organization=organization)
    with CaptureQueriesContext(connection) as queries:
        found = list(entries_search(membership=membership, query=query_parse("beekeepers")))

    assert [entry.pk for entry in found] == [entries[7].pk]
    plan = explain(queries)
    # The words are found in the index; the organization and the form are the row's own,
    # so no application is read to scope or order the matches.
    assert "Bitmap Index Scan on search_searchentry_scope" in plan, plan
    assert "applications_application" not in plan, plan

    # A reviewer's search too, whose rows are scoped by their vacancies and stages: read
    # down an index by the organization (there are no review rows here to match).
    reviewer = Membership.objects.get(user=members["reviewer"], organization=organization)
    with CaptureQueriesContext(connection) as queries:
        assert list(entries_search(membership=reviewer, query=query_parse("beekeepers"))) == []
    plan = explain(queries)
    assert f"Index Cond: ((organization_id = {organization.pk})" in plan, plan
    assert "applications_application" not in plan, plan


@pytest.mark.postgres
def test_a_word_in_most_texts_reads_the_newest_rows_first(
    open_vacancy: Vacancy, members: dict[str, User], organization: Organization
) -> None:
    candidates = Candidate.objects.bulk_create(
        Candidate(email=f"c{n}@example.org", name=f"Person {n}", language="en") for n in range(ROWS)
    )
    applications = Application.objects.bulk_create(
        Application(candidate=candidate, vacancy=open_vacancy, language="en")
        for candidate in candidates
    )
    SearchEntry.objects.bulk_create(row(application) for application in applications)
    with connection.cursor() as cursor:
        cursor.execute(
            "UPDATE search_searchentry SET vector = to_tsvector('tremplin_english',"
            " 'volunteer coordinator number ' || id::text)"
        )
        cursor.execute("ANALYZE search_searchentry")
        cursor.execute("SET LOCAL enable_seqscan = off")
    membership = Membership.objects.get(user=members["owner"], organization=organization)
    with CaptureQueriesContext(connection) as queries:
        found = list(entries_search(membership=membership, query=query_parse("volunteers")))

    assert len(found) == RANKED_AT_MOST
    plan = explain(queries)
    # Not every match sorted: the newest rows of the organization, in order, until enough.
    assert "Index Scan using search_searchentry_recent" in plan, plan
    assert "Sort" not in plan, plan


@pytest.mark.postgres
def test_the_newest_matches_are_found_and_ranked_in_one_query(
    open_vacancy: Vacancy, members: dict[str, User], organization: Organization
) -> None:
    candidates = Candidate.objects.bulk_create(
        Candidate(email=f"c{n}@example.org", name=f"Person {n}", language="en") for n in range(30)
    )
    applications = Application.objects.bulk_create(
        Application(candidate=candidate, vacancy=open_vacancy, language="en")
        for candidate in candidates
    )
    SearchEntry.objects.bulk_create(row(application) for application in applications)
    with connection.cursor() as cursor:
        cursor.execute(
            "UPDATE search_searchentry SET vector = to_tsvector('tremplin_english', 'orchard')"
        )
    membership = Membership.objects.get(user=members["owner"], organization=organization)

    with CaptureQueriesContext(connection) as queries:
        ranked, more = entries_found(membership=membership, query=query_parse("orchard"))
        found = entries_for_page(ranked[:20])
    assert len(found) == 20 and not more
    # The matches are found and ranked by one scan, at most RANKED_AT_MOST of them (and one
    # to tell whether there are more): ts_rank reads the vectors of those rows only. The
    # page then loads its own rows by id, neither matching nor ranking again.
    sqls = [query["sql"] for query in queries.captured_queries]
    [finding] = [sql for sql in sqls if "@@" in sql]
    assert "ts_rank" in finding and f"LIMIT {RANKED_AT_MOST + 1}" in finding
    assert [sql for sql in sqls if "ts_rank" in sql] == [finding]
