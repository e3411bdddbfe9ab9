"""Writing the search index: each application's texts, in each form, to each engine.

``applications_index`` (re)writes the rows of some applications; the receivers of
``signals.py`` call it after the commit of whatever changed a text (an extraction, an edit
of the candidate, an answer, a note, a vacancy's title). An application that is gone keeps
no row: its rows went with it (CASCADE), and indexing it again writes nothing.
"""

from collections.abc import Iterable
from dataclasses import dataclass

from django.db import connection, transaction
from django.db.models import Prefetch

from tremplin.applications.models import Answer, Application, Document
from tremplin.review.redaction import Identity, redact
from tremplin.search import text as words
from tremplin.search.models import SearchEntry

# The PostgreSQL text search configuration of each stemming (migrations/0001_initial.py).
POSTGRESQL_CONFIGS = {
    words.FRENCH: "tremplin_french",
    words.ENGLISH: "tremplin_english",
    words.SIMPLE: "tremplin_simple",
}
# Beyond this a text is not indexed further (PostgreSQL's tsvector holds at most 1 MB).
PART_LIMIT = 200_000


@dataclass(frozen=True)
class Part:
    """One text of an application, in one language; ``identity``: a name or an address."""

    language: str
    text: str
    identity: bool = False


def application_parts(application: Application) -> dict[str, list[Part]]:
    """What each form of the index holds for ``application``, in order.

    Staff: the name and e-mail, the vacancy's titles, every document's text, every answer,
    the notes on receipt. Review: what the review page shows (the current documents, the
    answers to questions not reviewed blind), with the name and e-mail. Blind: the same
    texts redacted, without the name and e-mail.
    """
    candidate = application.candidate
    own_language = application.language
    identity = [
        Part(words.SIMPLE, candidate.name, identity=True),
        Part(words.SIMPLE, candidate.email, identity=True),
    ]
    titles = [Part(text.language, text.title) for text in application.vacancy.texts.all()]
    documents = [d for d in application.documents.all() if d.text]
    current = [d for d in documents if d.superseded_at is None]
    answers = list(application.answers.all())
    reviewed_answers = [a for a in answers if not a.question.blind_review]
    notes = [
        str(note.get("text", "")) for note in application.notes or [] if isinstance(note, dict)
    ]

    sealed = Identity.of(name=candidate.name, email=candidate.email, phone=candidate.phone)

    def shown(text: str, blind: bool) -> str:
        return redact(text, identity=sealed) if blind else text

    def document_parts(chosen: list[Document], blind: bool = False) -> list[Part]:
        return [Part(d.language or own_language, shown(d.text, blind)) for d in chosen]

    def answer_parts(chosen: list[Answer], blind: bool = False) -> list[Part]:
        return [Part(own_language, shown(a.text, blind)) for a in chosen]

    return {
        SearchEntry.Form.STAFF: [
            *identity,
            *titles,
            *document_parts(documents),
            *answer_parts(answers),
            *(Part(own_language, note) for note in notes),
        ],
        SearchEntry.Form.REVIEW: [
            *identity,
            *titles,
            *document_parts(current),
            *answer_parts(reviewed_answers),
        ],
        SearchEntry.Form.BLIND: [
            *titles,
            *document_parts(current, blind=True),
            *answer_parts(reviewed_answers, blind=True),
        ],
    }


def applications_index(*, application_ids: Iterable[int]) -> int:
    """(Re)write the index rows of these applications; returns how many were indexed."""
    applications = (
        Application.objects.filter(pk__in=list(application_ids))
        .select_related("candidate", "vacancy")
        .prefetch_related(
            "vacancy__texts",
            Prefetch("documents", queryset=Document.objects.order_by("role", "pk")),
            Prefetch("answers", queryset=Answer.objects.select_related("question")),
        )
    )
    count = 0
    for application in applications:
        with transaction.atomic():
            # Lock the application: a concurrent erasure waits, or this finds it gone.
            if not Application.objects.select_for_update().filter(pk=application.pk).exists():
                continue
            for form, parts in application_parts(application).items():
                _entry_write(application=application, form=form, parts=parts)
        count += 1
    return count


def _entry_write(*, application: Application, form: str, parts: list[Part]) -> None:
    parts = [
        Part(part.language, part.text[:PART_LIMIT], part.identity)
        for part in parts
        if part.text.strip()
    ]
    entry, _created = SearchEntry.objects.update_or_create(
        application=application,
        form=form,
        defaults={"text": "\n\n".join(part.text for part in parts)},
    )
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            vectors = ["''::tsvector"]
            params: list[str | int] = []
            for part in parts:
                vectors.append("setweight(to_tsvector(%s::regconfig, %s), %s)")
                config = POSTGRESQL_CONFIGS[words.language_of(part.language)]
                params += [config, part.text, "A" if part.identity else "D"]
            cursor.execute(
                f"UPDATE search_searchentry SET vector = {' || '.join(vectors)} WHERE id = %s",  # noqa: S608
                [*params, entry.pk],
            )
        elif connection.vendor == "sqlite":
            body = " ".join(words.index_tokens(part.text, part.language) for part in parts)
            cursor.execute("DELETE FROM search_fts WHERE rowid = %s", [entry.pk])
            cursor.execute("INSERT INTO search_fts (rowid, body) VALUES (%s, %s)", [entry.pk, body])


def search_index_purge() -> None:
    """Leave no trace of deleted rows in the engine's own structures. SQLite's FTS5 keeps a
    deleted row's words in its older segments until they are merged: merge them all now.
    PostgreSQL's dead rows are VACUUMed after an erasure (privacy.vacuum)."""
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute("INSERT INTO search_fts (search_fts) VALUES ('optimize')")
