"""Staff notes on an application: written in Markdown, shown sanitised (core's Markdown, as
vacancy texts are), editable by their author for a short time, with ``@name`` mentions of
colleagues of the same organization.

A mention is found by the member's display name (first and last name) or the local part of
their e-mail address, after an ``@`` that does not sit inside a word (so an e-mail address
in a note mentions no one); an unknown name stays plain text. Each colleague mentioned is
handed to the floors above by the ``note_mentioned`` signal (the notifications app connects
to it): nothing of the note's text goes with it.
"""

import re
from dataclasses import dataclass
from datetime import timedelta
from functools import partial

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _

from tremplin.accounts.models import Organization, User
from tremplin.applications.models import Application, Note
from tremplin.applications.signals import note_mentioned
from tremplin.core.audit import Actor, log_action, log_read
from tremplin.core.markdown import render_markdown

NOTE_MAX_CHARS = 5000
# How long the author may still correct a note; the text before each change is kept in
# the audit log (redacted with the application when the candidate is erased).
NOTE_EDIT_WINDOW = timedelta(minutes=15)
_WORD = re.compile(r"[\w-]")


@dataclass(frozen=True)
class Mention:
    start: int  # where the "@" is
    end: int
    user: User


def _handles(user: User) -> list[str]:
    names = [user.email.partition("@")[0], user.get_full_name()]
    return [name.strip().casefold() for name in names if name and name.strip()]


def _members(organization: Organization) -> list[User]:
    return list(User.objects.filter(memberships__organization=organization, is_active=True))


def mentions_find(*, organization: Organization, text: str) -> list[Mention]:
    """The ``@name`` mentions in ``text`` of members of ``organization``, in order; the
    longest name wins ("@Marie Dupont" before "@marie")."""
    if "@" not in text:
        return []
    handles = sorted(
        ((handle, user) for user in _members(organization) for handle in _handles(user)),
        key=lambda pair: -len(pair[0]),
    )
    folded = text.casefold()
    found: list[Mention] = []
    for at in (i for i, char in enumerate(text) if char == "@"):
        if at and (_WORD.match(text[at - 1]) or text[at - 1] in ".@"):
            continue
        for handle, user in handles:
            end = at + 1 + len(handle)
            if folded[at + 1 : end] == handle and not (end < len(text) and _WORD.match(text[end])):
                found.append(Mention(at, end, user))
                break
    return found


def note_html(note: Note, *, organization: Organization) -> SafeString:
    """The note as sanitised HTML, its mentions in bold."""
    body = note.body
    for mention in reversed(mentions_find(organization=organization, text=body)):
        body = (
            f"{body[: mention.start]}**{body[mention.start : mention.end]}**{body[mention.end :]}"
        )
    return render_markdown(body, top_heading_level=3)


def note_clean(body: str) -> str:
    """``body`` stripped; refused (ValidationError) when empty or too long."""
    body = body.strip()
    if not body:
        raise ValidationError(_("Write the note first: it is empty."), code="note_empty")
    if len(body) > NOTE_MAX_CHARS:
        raise ValidationError(
            _("A note holds at most %(max)s characters.") % {"max": NOTE_MAX_CHARS},
            code="note_long",
        )
    return body


def _notify(note: Note, organization: Organization, by: User | None, before: str = "") -> None:
    """Send ``note_mentioned`` for each colleague newly mentioned (not the author)."""
    earlier = {m.user.pk for m in mentions_find(organization=organization, text=before)}
    users = {m.user.pk: m.user for m in mentions_find(organization=organization, text=note.body)}
    for pk, user in users.items():
        if pk in earlier or (by is not None and pk == by.pk):
            continue
        transaction.on_commit(partial(note_mentioned.send, Note, note=note, user=user, by=by))


@transaction.atomic
def note_add(*, application: Application, body: str, by: User | None) -> Note:
    """Write a note on ``application``; the colleagues it mentions are notified after the
    commit."""
    body = note_clean(body)
    note = Note.objects.create(
        application=application, author=by, author_label=str(by) if by else "", body=body
    )
    log_action(by, "application.note", application, {"note": note.pk, "length": len(body)})
    _notify(note, application.vacancy.organization, by)
    return note


def note_editable(*, note: Note, by: Actor) -> bool:
    return (
        by is not None
        and note.author_id == by.pk
        and timezone.now() - note.created_at <= NOTE_EDIT_WINDOW
    )


@transaction.atomic
def note_edit(*, note: Note, body: str, by: User) -> Note:
    """Correct a note: its author only, within NOTE_EDIT_WINDOW; the text before goes to
    the audit log."""
    if not note_editable(note=note, by=by):
        raise PermissionDenied(_("Only its author may correct a note, and only for a short time."))
    body = note_clean(body)
    before = note.body
    if body == before:
        return note
    note.body, note.edited_at = body, timezone.now()
    note.save(update_fields=["body", "edited_at"])
    log_action(by, "application.note_edit", note.application, {"note": note.pk, "before": before})
    _notify(note, note.application.vacancy.organization, by, before)
    return note


@dataclass(frozen=True)
class NoteView:
    note: Note
    html: SafeString
    editable: bool


def notes_read(*, application: Application, by: Actor) -> list[NoteView]:
    """The notes on ``application``, oldest first, as HTML; the read is audited as the
    application page's documents are (once within the audit's read window)."""
    notes = list(application.staff_notes.select_related("author").order_by("created_at", "pk"))
    if notes:
        log_read(by, "application.notes_view", application, {"notes": [n.pk for n in notes]})
    organization = application.vacancy.organization
    return [
        NoteView(n, note_html(n, organization=organization), note_editable(note=n, by=by))
        for n in notes
    ]


def note_as_json(note: Note) -> dict[str, str]:
    """A note in the shape the API has always given: ``at``, ``text``, ``by``."""
    by = note.author.email if note.author else note.author_label
    return {"at": note.created_at.isoformat(), "text": note.body, "by": by}
