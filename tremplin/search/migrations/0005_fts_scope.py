"""On SQLite, each row's words in the FTS5 table start with a token of its organization and
form (``services.fts_scope``), so that a search asks FTS5 for one organization's matches
rather than every organization's. Nothing changes on PostgreSQL, whose GIN index is on
(organization, vector) already."""

from importlib import import_module

from django.db import migrations

RunSQLOn = import_module("tremplin.search.migrations.0001_initial").RunSQLOn

FORWARD = [
    "UPDATE search_fts SET body = (SELECT 'scope.' || e.organization_id || '.' || e.form"
    " FROM search_searchentry e WHERE e.id = search_fts.rowid) || ' ' || body"
    " WHERE rowid IN (SELECT id FROM search_searchentry)"
]
BACKWARD = [
    "UPDATE search_fts SET body = substr(body, instr(body, ' ') + 1)"
    " WHERE body LIKE 'scope.%'"
]


class Migration(migrations.Migration):

    dependencies = [("search", "0004_searchentry_scope")]

    operations = [RunSQLOn("sqlite", FORWARD, BACKWARD)]
