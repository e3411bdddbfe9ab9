"""On SQLite, a search asks FTS5 for one organization's matches only (each row's words
start with a token of its organization and form), then reads the organization's rows
newest first down the index on (organization, form, received_at), checking each against
those matches, rather than looking up every match's long row by its id."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tremplin.accounts.models import Membership, Organization
from tremplin.search.models import SearchEntry
from tremplin.search.selectors import entries_found
from tremplin.search.services import fts_scope
from tremplin.search.tests.conftest import vacancy_with_question_make
from tremplin.search.text import query_parse

pytestmark = pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's FTS5 only")


def finding(membership: Membership, q: str) -> dict:
    with CaptureQueriesContext(connection) as queries:
        entries_found(membership=membership, query=query_parse(q))
    return next(query for query in queries.captured_queries if "search_fts MATCH" in query["sql"])


def test_fts5_hands_over_the_organization_s_matches_only(
    apply, open_vacancy, members, organization
):
    ours = apply(open_vacancy, name="Ada", email="ada@example.org", cv="Apiary keeper.")
    elsewhere = Organization.objects.create(name="Ailleurs", slug="ailleurs")
    theirs = apply(
        vacancy_with_question_make(elsewhere, slug="x", title="Treasurer", blind=False),
        name="Bea",
        email="bea@example.org",
        cv="Apiary keeper too.",
    )
    assert theirs.search_entries.exists()
    membership = Membership.objects.get(user=members["owner"], organization=organization)
    sql = finding(membership, "apiary")["sql"]
    expression = sql.split("MATCH '", 1)[1].split("')", 1)[0].replace("''", "'")

    with connection.cursor() as cursor:
        cursor.execute("SELECT rowid FROM search_fts WHERE search_fts MATCH %s", [expression])
        handed = {row[0] for row in cursor.fetchall()}
    assert handed == {ours.search_entries.get(form=SearchEntry.Form.STAFF).pk}


def test_each_row_s_words_start_with_its_scope_which_no_query_writes(apply, open_vacancy):
    application = apply(open_vacancy, name="Ada", email="ada@example.org", cv="Apiary keeper.")
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT e.organization_id, e.form, f.body FROM search_fts f"
            " JOIN search_searchentry e ON e.id = f.rowid WHERE e.application_id = %s",
            [application.pk],
        )
        rows = cursor.fetchall()
    assert {form for _org, form, _body in rows} == {"staff", "review"}
    for organization_id, form, body in rows:
        assert body.split(" ", 1)[0] == fts_scope(organization_id, form)
    typed = query_parse(fts_scope(application.vacancy.organization_id, "staff"))
    forms = {" ".join(form) for term in typed.wanted for form in term.forms()}
    assert fts_scope(application.vacancy.organization_id, "staff") not in forms


def test_the_newest_rows_are_read_down_the_recent_index(apply, open_vacancy, members, organization):
    apply(open_vacancy, name="Ada", email="ada@example.org", cv="Apiary keeper.")
    membership = Membership.objects.get(user=members["owner"], organization=organization)
    sql = finding(membership, "apiary")["sql"]
    with connection.cursor() as cursor:
        cursor.execute("EXPLAIN QUERY PLAN " + sql)
        plan = "\n".join(str(row[-1]) for row in cursor.fetchall())
    assert "USING COVERING INDEX search_searchentry_recent" in plan, plan
    assert "INTEGER PRIMARY KEY" not in plan, plan
    assert "TEMP B-TREE" not in plan, plan  # no sort: the index's order
