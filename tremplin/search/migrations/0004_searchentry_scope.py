"""The application's organization, vacancy, stage, language and date of receipt on each
index row, so that a search scopes, filters and orders its rows without reading the
applications; on PostgreSQL one GIN index on (organization, vector) (``btree_gin`` for the
integer column) in place of the index on the vector alone, so that the matches of one
organization are found in the index, and a btree index on (organization, form, received_at)
to read the newest rows first when the words are common. The application's own index goes:
the unique (application, form) index serves its lookups.

On SQLite, altering the table rebuilds it, which drops its trigger: it is made again.
"""

from importlib import import_module

import django.db.models.deletion
from django.contrib.postgres.operations import BtreeGinExtension
from django.db import migrations, models

RunSQLOn = import_module("tremplin.search.migrations.0001_initial").RunSQLOn

BACKFILL = (
    "UPDATE search_searchentry SET organization_id = v.organization_id,"
    " vacancy_id = a.vacancy_id, stage = a.stage, language = a.language,"
    " received_at = a.created_at"
    " FROM applications_application a JOIN vacancies_vacancy v ON v.id = a.vacancy_id"
    " WHERE a.id = search_searchentry.application_id"
)
POSTGRESQL = [
    "CREATE INDEX search_searchentry_scope ON search_searchentry"
    " USING gin (organization_id, vector)",
    "DROP INDEX search_searchentry_vector",
]
POSTGRESQL_REVERSE = [
    "CREATE INDEX search_searchentry_vector ON search_searchentry USING gin (vector)",
    "DROP INDEX search_searchentry_scope",
]
TRIGGER = [
    "DROP TRIGGER IF EXISTS search_fts_follows_rows",
    "CREATE TRIGGER search_fts_follows_rows AFTER DELETE ON search_searchentry"
    " BEGIN DELETE FROM search_fts WHERE rowid = old.id; END",
]


class Migration(migrations.Migration):

    dependencies = [
        ("accounts", "0004_organization_review_reminder_days"),
        ("applications", "0008_board_and_funnel_indexes"),
        ("search", "0003_saved_searches"),
        ("vacancies", "0009_import_corrections"),
    ]

    operations = [
        BtreeGinExtension(),
        migrations.AddField(
            model_name="searchentry",
            name="organization",
            field=models.ForeignKey(
                db_index=False,
                null=True,
                on_delete=django.db.models.deletion.CASCADE,
                related_name="+",
                to="accounts.organization",
            ),
        ),
        migrations.AddField(
            model_name="searchentry",
            name="vacancy",
            field=models.ForeignKey(
                db_index=False,
                null=True,
                on_delete=django.db.models.deletion.CASCADE,
                related_name="+",
                to="vacancies.vacancy",
            ),
        ),
        migrations.AddField(
            model_name="searchentry",
            name="stage",
            field=models.CharField(default="", max_length=32, verbose_name="stage"),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name="searchentry",
            name="language",
            field=models.CharField(blank=True, default="", max_length=8, verbose_name="language"),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name="searchentry",
            name="received_at",
            field=models.DateTimeField(null=True, verbose_name="received at"),
        ),
        # Checked now, not at the commit: a table with pending checks cannot be altered.
        RunSQLOn("postgresql", ["SET CONSTRAINTS ALL IMMEDIATE"], []),
        migrations.RunSQL(BACKFILL, migrations.RunSQL.noop),
        migrations.AlterField(
            model_name="searchentry",
            name="organization",
            field=models.ForeignKey(
                db_index=False,
                on_delete=django.db.models.deletion.CASCADE,
                related_name="+",
                to="accounts.organization",
            ),
        ),
        migrations.AlterField(
            model_name="searchentry",
            name="vacancy",
            field=models.ForeignKey(
                db_index=False,
                on_delete=django.db.models.deletion.CASCADE,
                related_name="+",
                to="vacancies.vacancy",
            ),
        ),
        migrations.AlterField(
            model_name="searchentry",
            name="received_at",
            field=models.DateTimeField(verbose_name="received at"),
        ),
        migrations.AlterField(
            model_name="searchentry",
            name="application",
            field=models.ForeignKey(
                db_index=False,
                on_delete=django.db.models.deletion.CASCADE,
                related_name="search_entries",
                to="applications.application",
            ),
        ),
        migrations.AddIndex(
            model_name="searchentry",
            index=models.Index(
                fields=["organization", "form", "-received_at", "-id"],
                name="search_searchentry_recent",
            ),
        ),
        RunSQLOn("postgresql", POSTGRESQL, POSTGRESQL_REVERSE),
        RunSQLOn("sqlite", TRIGGER, []),
    ]
