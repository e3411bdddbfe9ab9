"""On PostgreSQL, a search can be answered from the GIN index rather than every row.

On a thousand small rows a sequential scan, or a walk of the application index, is
cheaper, and the planner rightly takes it. With both turned off, the plan shows whether
the query is written so that the GIN index can answer it (a column wrapped in a function,
or a query the operator class does not know, could not use it). Whether the planner picks
it at 100,000 applications is for the benchmark to show."""

import pytest
from django.db import connection

from tremplin.accounts.models import Membership, Organization, User
from tremplin.applications.models import Application, Candidate
from tremplin.search.models import SearchEntry
from tremplin.search.selectors import entries_search
from tremplin.search.text import query_parse
from tremplin.vacancies.models import Vacancy

ROWS = 1000


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
    found = entries_search(membership=membership, query=query_parse("beekeepers"))

    plan = found.explain()

    assert [entry.pk for entry in found] == [entries[7].pk]
    assert "Bitmap Index Scan on search_searchentry_vector" in plan, plan
