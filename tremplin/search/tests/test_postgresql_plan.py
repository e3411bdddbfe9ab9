"""On PostgreSQL, a search can be answered from the GIN index rather than every row.

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
from tremplin.search.selectors import RANKED_AT_MOST, entries_search, matches_beyond_ranked
from tremplin.search.text import query_parse
from tremplin.vacancies.models import Vacancy

ROWS = 1000


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
    entries = SearchEntry.objects.bulk_create(
        SearchEntry(application=application, form=SearchEntry.Form.STAFF, text="")
        for application in applications
    )
    with connection.cursor() as cursor:
        cursor.execute(
            "UPDATE search_searchentry SET vector = to_tsvector('tremplin_english',"
            " 'volunteer coordinator ' || CASE WHEN id = %s THEN 'beekeeping' ELSE "
            "'gardening number ' || id::text END)",
            [entries[7].pk],
        )
        for table in ("search_searchentry", "applications_application", "vacancies_vacancy"):
            cursor.execute(f"ANALYZE {table}")
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("SET LOCAL enable_indexscan = off")
    membership = Membership.objects.get(user=members["owner"], organization=organization)
    with CaptureQueriesContext(connection) as queries:
        found = list(entries_search(membership=membership, query=query_parse("beekeepers")))

    assert [entry.pk for entry in found] == [entries[7].pk]
    assert "Bitmap Index Scan on search_searchentry_vector" in explain(queries), explain(queries)

    # Whether more match than are ranked: answered from the index too.
    with CaptureQueriesContext(connection) as queries:
        assert not matches_beyond_ranked(membership=membership, query=query_parse("beekeepers"))
    plan = explain(queries)
    assert "Bitmap Index Scan on search_searchentry_vector" in plan, plan


@pytest.mark.postgres
def test_only_the_newest_matches_are_ranked(
    open_vacancy: Vacancy, members: dict[str, User], organization: Organization
) -> None:
    candidates = Candidate.objects.bulk_create(
        Candidate(email=f"c{n}@example.org", name=f"Person {n}", language="en") for n in range(30)
    )
    applications = Application.objects.bulk_create(
        Application(candidate=candidate, vacancy=open_vacancy, language="en")
        for candidate in candidates
    )
    SearchEntry.objects.bulk_create(
        SearchEntry(application=application, form=SearchEntry.Form.STAFF, text="")
        for application in applications
    )
    with connection.cursor() as cursor:
        cursor.execute(
            "UPDATE search_searchentry SET vector = to_tsvector('tremplin_english', 'orchard')"
        )
    membership = Membership.objects.get(user=members["owner"], organization=organization)

    with CaptureQueriesContext(connection) as queries:
        found = list(entries_search(membership=membership, query=query_parse("orchard"))[:20])
    assert len(found) == 20
    finding, ranking = (query["sql"] for query in queries.captured_queries[-2:])
    # The matches are found first, at most RANKED_AT_MOST of them and without ranking;
    # ts_rank reads the vectors of those rows only.
    assert "ts_rank" not in finding and f"LIMIT {RANKED_AT_MOST}" in finding
    assert "ts_rank" in ranking and "@@" not in ranking
