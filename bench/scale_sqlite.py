"""bench/scale.py's seed on SQLite (``--database sqlite``): what its PostgreSQL fill does in
SQL, for the pages measured on SQLite.

The applications, candidates, CVs and reviews are the ORM's, shared with PostgreSQL
(``scale.applications_make``). Here: the times spread as on PostgreSQL, the candidate
numbers, the stage history, and the search index as ``search/services.py`` writes it on
SQLite, each row in ``search_searchentry`` and its words, stemmed in Python, in the FTS5
table ``search_fts``: the staff, review and blind forms of every application, like the
PostgreSQL fill. Mail, unsorted mail and audit events are not seeded on SQLite, so only
the pages that read none of them are measured there (``PAGES``).
"""

from typing import Any

# The pages whose data this seeds (scale.page_paths names them).
PAGES = ("board", "applications", "application", "results", "vacancies", "search")
BATCH = 2000

FILL = (
    "UPDATE applications_application SET updated_at = %(now)s, created_at = datetime("
    "coalesce(datetime(decided_at, '-20 days'), %(now)s), '-' || (id %% 700) || ' hours')",
    "INSERT INTO review_candidatenumber (application_id, vacancy_id, number) SELECT id, "
    "vacancy_id, row_number() OVER (PARTITION BY vacancy_id ORDER BY id) "
    "FROM applications_application",
    "INSERT INTO applications_stagechange (application_id, from_stage, to_stage, by_label, "
    "by_candidate, at, reason, reason_text) SELECT a.id, 'received', a.stage, 'bench', 0, "
    "coalesce(a.decided_at, datetime(a.created_at, '+2 days')), CASE WHEN a.stage = "
    "'rejected' THEN 'must_haves' ELSE '' END, '' FROM applications_application a "
    "WHERE a.stage <> 'received'",
)
# Each application with its candidate, CV and vacancy's English title, by id, a batch at a time.
SOURCE = (
    "SELECT a.id, c.name, c.email, t.title, d.text, d.language, v.organization_id, "
    "a.vacancy_id, a.stage, a.language, a.created_at FROM applications_application a "
    "JOIN applications_candidate c ON c.id = a.candidate_id "
    "JOIN vacancies_vacancy v ON v.id = a.vacancy_id "
    "JOIN applications_document d ON d.application_id = a.id "
    "JOIN vacancies_vacancytext t ON t.vacancy_id = a.vacancy_id AND t.language = 'en' "
    "WHERE a.id > %s ORDER BY a.id LIMIT %s"
)
ENTRY = (
    "INSERT INTO search_searchentry (id, application_id, form, text, indexed_at, "
    "organization_id, vacancy_id, stage, language, received_at) "
    "VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s)"
)


def fill(params: dict[str, Any]) -> None:
    from django.db import connection

    from tremplin.search import text as words
    from tremplin.search.services import SEPARATOR, fts_scope

    now = connection.ops.adapt_datetimefield_value(params["now"])
    with connection.cursor() as cursor:
        for statement in FILL:
            cursor.execute(statement, {"now": now})
        last, pk = 0, 0
        while True:
            cursor.execute(SOURCE, [last, BATCH])
            batch = cursor.fetchall()
            if not batch:
                break
            entries, bodies = [], []
            for app, name, email, title, cv, language, org, vacancy, stage, lang, at in batch:
                identity = f"{words.index_tokens(name, 'simple')} {words.stem(email, 'simple')}"
                body = f"{words.index_tokens(title, language)} {words.index_tokens(cv, language)}"
                for form, text, tokens in (
                    ("staff", SEPARATOR.join([name, email, title, cv]), f"{identity} {body}"),
                    ("review", SEPARATOR.join([name, email, title, cv]), f"{identity} {body}"),
                    ("blind", SEPARATOR.join([title, cv]), body),
                ):
                    pk += 1
                    entries.append((pk, app, form, text, now, org, vacancy, stage, lang, at))
                    bodies.append((pk, f"{fts_scope(org, form)} {tokens}"))
            cursor.executemany(ENTRY, entries)
            cursor.executemany("INSERT INTO search_fts (rowid, body) VALUES (%s, %s)", bodies)
            last = batch[-1][0]
        # What a live instance's `PRAGMA optimize` would have gathered: the planner's
        # statistics.
        cursor.execute("ANALYZE")
