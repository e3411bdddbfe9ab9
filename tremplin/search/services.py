"""Writing the search index: each application's texts, in each form, to each engine.

``applications_index`` (re)writes the rows of some applications; it runs in the task that
the receivers of ``signals.py`` enqueue after the commit of whatever changed a text (an
extraction, an edit of the candidate, an answer, a note, a vacancy's title). An application
that is gone keeps no row: its rows went with it (CASCADE), and indexing it again writes
nothing.
"""

import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.db import connection, transaction
from django.db.models import Prefetch
from django.utils import timezone

from tremplin.applications.models import Answer, Application, Document
from tremplin.review.redaction import Identity, redact
from tremplin.review.selectors import identity_of
from tremplin.search import text as words
from tremplin.search.models import SearchEntry

# The PostgreSQL text search configuration of each stemming (migrations/0001_initial.py).
POSTGRESQL_CONFIGS = {
    words.FRENCH: "tremplin_french",
    words.ENGLISH: "tremplin_english",
    words.SIMPLE: "tremplin_simple",
}
# Between two parts in a row's text.
SEPARATOR = "\n\n"
# Applications indexed in one transaction.
CHUNK = 50
# Beyond this a text is not indexed further (PostgreSQL's tsvector holds at most 1 MB).
PART_LIMIT = 200_000


def fts_scope(organization_id: int, form: str) -> str:
    """The first token of a row's body in SQLite's FTS5 table: its organization and form,
    so that a search asks FTS5 for one organization's matches only. No word of a query is
    ever written so (a word holds no dot; an address holds an @)."""
    return f"scope.{organization_id}.{form}"


@dataclass(frozen=True)
class Part:
    """One text of an application, in one language; ``identity``: a name or an address;
    ``source``: for a redacted text, the fingerprint of the text it was redacted from."""

    language: str
    text: str
    identity: bool = False
    source: str = ""


class Redactor:
    """Redacts an application's texts for blind review, each text once: a text whose
    fingerprint (the text and the identity taken out of it) is that of a part of the
    previous blind row is taken from that row, not redacted again. Redaction is most of
    the cost of indexing (an extraction changes one document, not the others)."""

    def __init__(self, identity: Identity, previous: dict[str, str]) -> None:
        self.identity = identity
        self.previous = previous
        self.redacted = 0

    def fingerprint(self, text: str) -> str:
        digest = hashlib.blake2b(repr(self.identity).encode(), digest_size=16)
        digest.update(b"\0" + text.encode())
        return digest.hexdigest()

    def part(self, language: str, text: str) -> Part:
        key = self.fingerprint(text)
        if key not in self.previous:
            self.previous[key] = redact(text, identity=self.identity)
            self.redacted += 1
        return Part(language, self.previous[key], source=key)


def application_parts(
    application: Application, *, previous: dict[str, str] | None = None
) -> dict[str, list[Part]]:
    """What each form of the index holds for ``application``, in order.

    Staff: the name and e-mail, the vacancy's titles, every document's text, every answer,
    the notes (on receipt, and staff's). Review: what the review page shows (the current
    documents, the answers to questions not reviewed blind), with the name and e-mail. Blind,
    for a blind vacancy only (no one searches it on another): the same texts redacted, without
    the name
    and e-mail; ``previous`` holds the redactions already made (``Redactor``).
    """
    candidate = application.candidate
    own_language = application.language
    identity = [
        Part(words.SIMPLE, candidate.name, identity=True),
        Part(words.SIMPLE, candidate.email, identity=True),
    ]
    titles = [Part(text.language, text.title) for text in application.vacancy.texts.all()]
    documents = [(d.language or own_language, d) for d in application.documents.all() if d.text]
    current = [(language, d.text) for language, d in documents if d.superseded_at is None]
    answers = list(application.answers.all())
    reviewed = [(own_language, a.text) for a in answers if not a.question.blind_review]
    notes = [
        *(str(note.get("text", "")) for note in application.notes or [] if isinstance(note, dict)),
        *(note.body for note in application.staff_notes.all()),
    ]
    forms: dict[str, list[Part]] = {
        SearchEntry.Form.STAFF: [
            *identity,
            *titles,
            *(Part(language, d.text) for language, d in documents),
            *(Part(own_language, a.text) for a in answers),
            *(Part(own_language, note) for note in notes),
        ],
        SearchEntry.Form.REVIEW: [
            *identity,
            *titles,
            *(Part(language, text) for language, text in [*current, *reviewed]),
        ],
    }
    if application.vacancy.blind_review:
        redactor = Redactor(identity_of(application), {} if previous is None else previous)
        forms[SearchEntry.Form.BLIND] = [
            *titles,
            *(redactor.part(language, text) for language, text in [*current, *reviewed]),
        ]
    return forms


def applications_index(*, application_ids: Iterable[int]) -> int:
    """(Re)write the index rows of these applications; returns how many were indexed.

    By chunks of ``CHUNK``, each one transaction that locks its applications as it loads
    them: a concurrent erasure or move waits, or this finds the application gone, and where
    each stands (stage, vacancy) is read under the lock."""
    ids = sorted(set(application_ids))
    count = 0
    for start in range(0, len(ids), CHUNK):
        with transaction.atomic():
            applications = (
                Application.objects.select_for_update(of=("self",))
                .filter(pk__in=ids[start : start + CHUNK])
                .order_by("pk")
                .select_related("candidate", "vacancy")
                .prefetch_related(
                    "vacancy__texts",
                    Prefetch("documents", queryset=Document.objects.order_by("role", "pk")),
                    Prefetch("answers", queryset=Answer.objects.select_related("question")),
                    "staff_notes",
                )
            )
            for application in applications:
                # Only a blind vacancy's applications have a redacted form to reuse.
                blind = application.vacancy.blind_review
                previous = redactions_stored(application) if blind else {}
                forms = application_parts(application, previous=previous)
                _entries_write(application, forms)
                count += 1
    return count


def redactions_stored(application: Application) -> dict[str, str]:
    """The redacted texts of the application's blind row, by the fingerprint of their
    source (``SearchEntry.parts``)."""
    row = (
        SearchEntry.objects.filter(application=application, form=SearchEntry.Form.BLIND)
        .values_list("text", "parts")
        .first()
    )
    found: dict[str, str] = {}
    layout = row[1] if row is not None else None
    if row is None or not isinstance(layout, list):
        return found
    text = row[0]
    position = 0
    for key, length in layout:
        if key:
            found[key] = text[position : position + length]
        position += length + len(SEPARATOR)
    return found


Row = tuple[str, list[Part], list[list[str | int]] | None]


def _entries_write(application: Application, forms: dict[str, list[Part]]) -> None:
    """Every form's row in one statement (inserted or updated), and the rows of the forms
    no longer written (a vacancy no longer blind) deleted."""
    rows: list[Row] = []
    for form, all_parts in forms.items():
        parts = [
            Part(part.language, part.text[:PART_LIMIT], part.identity, part.source)
            for part in all_parts
            if part.text.strip()
        ]
        # Where each part stands in the row's text, and its source's fingerprint if redacted.
        layout: list[list[str | int]] = [[part.source, len(part.text)] for part in parts]
        rows.append((form, parts, layout if any(part.source for part in parts) else None))
    now = connection.ops.adapt_datetimefield_value(timezone.now())
    # Where the application stands, copied on its rows (``SearchEntry``), in the order of
    # the columns of ``SCOPE``.
    scope = [
        application.vacancy.organization_id,
        application.vacancy_id,
        application.stage,
        application.language,
        connection.ops.adapt_datetimefield_value(application.created_at),
    ]
    if connection.vendor == "postgresql":
        _rows_write_postgresql(application.pk, scope, rows, now)
    else:
        _rows_write_sqlite(application.pk, scope, rows, now)


UPSERT = (
    "INSERT INTO search_searchentry (application_id, form, text, parts, indexed_at,"
    " organization_id, vacancy_id, stage, language, received_at{vector})"
    " VALUES {values} ON CONFLICT (application_id, form) DO UPDATE SET text = excluded.text,"
    " parts = excluded.parts, indexed_at = excluded.indexed_at,"
    " organization_id = excluded.organization_id, vacancy_id = excluded.vacancy_id,"
    " stage = excluded.stage, language = excluded.language,"
    " received_at = excluded.received_at{vector_set}"
)
SCOPE = "%s, %s, %s, %s, %s"


def _rows_write_postgresql(
    application_id: int, scope: list[Any], rows: list[Row], now: Any
) -> None:
    """One statement. Each distinct text is sent once and each distinct (text, stemming,
    weight) turned into a vector once (``p`` and ``v``), though the staff and review rows
    share most of their texts. Only names of columns (t0, v1…) are written into the SQL:
    every text and setting is a parameter."""
    texts: dict[str, int] = {}
    vectors: dict[tuple[int, str, str], int] = {}
    values: list[str] = []
    params: list[Any] = []
    for form, parts, stored in rows:
        row_texts, row_vectors = [], ["''::tsvector"]
        for part in parts:
            text = texts.setdefault(part.text, len(texts))
            config = POSTGRESQL_CONFIGS[words.language_of(part.language)]
            key = (text, config, "A" if part.identity else "D")
            row_texts.append(f"t{text}")
            row_vectors.append(f"v{vectors.setdefault(key, len(vectors))}")
        text_sql = f"(SELECT concat_ws(%s, {', '.join(row_texts)}) FROM p)" if parts else "''"  # noqa: S608
        vector_sql = f"(SELECT {' || '.join(row_vectors)} FROM v)"  # noqa: S608
        values.append(f"(%s, %s, {text_sql}, %s::jsonb, %s, {SCOPE}, {vector_sql})")
        parts_json = None if stored is None else json.dumps(stored)
        separator = [SEPARATOR] if parts else []
        params += [application_id, form, *separator, parts_json, now, *scope]
    text_columns = [f"%s::text AS t{n}" for n in texts.values()] or ["NULL AS t0"]
    vector_columns = [
        f"setweight(to_tsvector(%s::regconfig, t{text}), %s) AS v{n}"
        for (text, _config, _weight), n in vectors.items()
    ] or ["NULL AS v0"]
    forms = ", ".join(["%s"] * len(rows))
    # The rows of the forms no longer written go (a vacancy no longer blind).
    gone = f"DELETE FROM search_searchentry WHERE application_id = %s AND form NOT IN ({forms})"  # noqa: S608
    texts_sql = f"SELECT {', '.join(text_columns)}"
    vectors_sql = f"SELECT {', '.join(vector_columns)} FROM p"  # noqa: S608
    upsert = UPSERT.format(
        vector=", vector", values=", ".join(values), vector_set=", vector = excluded.vector"
    )
    sql = f"WITH gone AS ({gone}), p AS ({texts_sql}), v AS ({vectors_sql}) {upsert}"
    head = [*texts] + [value for (_t, config, weight) in vectors for value in (config, weight)]
    with connection.cursor() as cursor:
        cursor.execute(sql, [application_id, *(form for form, *_ in rows), *head, *params])


def _rows_write_sqlite(application_id: int, scope: list[Any], rows: list[Row], now: Any) -> None:
    params: list[Any] = []
    for form, parts, stored in rows:
        text = SEPARATOR.join(part.text for part in parts)
        parts_json = None if stored is None else json.dumps(stored)
        params += [application_id, form, text, parts_json, now, *scope]
    values = ", ".join([f"(%s, %s, %s, %s, %s, {SCOPE})"] * len(rows))
    sql = UPSERT.format(vector="", values=values, vector_set="") + " RETURNING id, form"
    tokens: dict[tuple[str, str], str] = {}  # the staff and review rows share most texts

    def body(parts: list[Part]) -> str:
        for part in parts:
            key = (part.language, part.text)
            if key not in tokens:
                tokens[key] = words.index_tokens(part.text, part.language)
        return " ".join(tokens[(part.language, part.text)] for part in parts)

    with connection.cursor() as cursor:
        # The rows of the forms no longer written go (a vacancy no longer blind).
        cursor.execute(
            "DELETE FROM search_searchentry WHERE application_id = %s"  # noqa: S608
            f" AND form NOT IN ({', '.join(['%s'] * len(rows))})",
            [application_id, *(form for form, *_ in rows)],
        )
        cursor.execute(sql, params)
        ids = dict((form, pk) for pk, form in cursor.fetchall())
        # The organization's id is the first of ``scope``.
        bodies = [
            (ids[form], f"{fts_scope(scope[0], form)} {body(parts)}") for form, parts, _ in rows
        ]
        cursor.execute(
            f"DELETE FROM search_fts WHERE rowid IN ({', '.join(['%s'] * len(bodies))})",  # noqa: S608
            [pk for pk, _body in bodies],
        )
        cursor.execute(
            "INSERT INTO search_fts (rowid, body) VALUES "  # noqa: S608
            + ", ".join(["(%s, %s)"] * len(bodies)),
            [value for pair in bodies for value in pair],
        )


def search_index_purge() -> None:
    """Leave no trace of deleted rows in the engine's own structures. SQLite's FTS5 keeps a
    deleted row's words in its older segments until they are merged: merge them all now.
    PostgreSQL's dead rows are VACUUMed after an erasure (privacy.vacuum)."""
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute("INSERT INTO search_fts (search_fts) VALUES ('optimize')")
