"""The audit log in words: each recorded action as a sentence in the reader's language, the
kinds of event an owner filters by, and links to the objects that still exist.

The apps above fill ``AUDIT_LINKS`` in their ``AppConfig.ready`` (this floor knows no
vacancy and no application): for a kind of object, a function that takes the organization
and the ids of a page of events and returns the URL of each object still there."""

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from django.utils.functional import Promise
from django.utils.html import format_html
from django.utils.safestring import SafeString
from django.utils.translation import gettext_lazy as _

from tremplin.accounts.models import Organization
from tremplin.core.models import AuditEvent

READ, CHANGE, EXPORT, ERASURE, SECURITY = "read", "change", "export", "erasure", "security"
KINDS: dict[str, Promise] = {
    READ: _("Reads of candidates’ data"),
    CHANGE: _("Changes"),
    EXPORT: _("Exports"),
    ERASURE: _("Erasures"),
    SECURITY: _("Logins and security"),
}

# Each action: its kind and its sentence; {actor} and {object} are filled in, the object
# being a link when it still exists.
VERBS: dict[str, tuple[str, Promise]] = {
    "document.view": (READ, _("{actor} read the application {object}")),
    "document.download": (READ, _("{actor} downloaded the document {object}")),
    "application.notes_view": (READ, _("{actor} read the notes on the application {object}")),
    "export.downloaded": (READ, _("{actor} downloaded the copy of a candidate’s data {object}")),
    "application.stage": (CHANGE, _("{actor} moved the application {object}")),
    "application.reviewers_assign": (
        CHANGE,
        _("{actor} assigned reviewers to the application {object}"),
    ),
    "application.reviewers_unassign": (
        CHANGE,
        _("{actor} took back the reviewers assigned to the application {object}"),
    ),
    "application.documents_replace": (
        CHANGE,
        _("{actor} replaced the documents of the application {object}"),
    ),
    "application.note": (CHANGE, _("{actor} wrote a note on the application {object}")),
    "application.note_edit": (
        CHANGE,
        _("{actor} corrected a note on the application {object}"),
    ),
    "candidate.rectify": (CHANGE, _("{actor} corrected a candidate’s details ({object})")),
    "application.identity_reported": (
        CHANGE,
        _("{actor} reported a text that still shows who the candidate is ({object})"),
    ),
    "application.hidden_words": (
        CHANGE,
        _("{actor} listed the words hidden from reviewers ({object})"),
    ),
    "inbound.assign": (CHANGE, _("{actor} filed an e-mail as the application {object}")),
    "message.send": (CHANGE, _("{actor} sent a message about the application {object}")),
    "message.discard": (CHANGE, _("{actor} discarded a message about the application {object}")),
    "message_template.create": (CHANGE, _("{actor} created the message template {object}")),
    "message_template.change": (CHANGE, _("{actor} changed the message template {object}")),
    "message_template.delete": (CHANGE, _("{actor} deleted the message template {object}")),
    "review.submit": (CHANGE, _("{actor} submitted a review of {object}")),
    "review.answer_score": (CHANGE, _("{actor} scored an answer of {object}")),
    "review.blind_lift": (CHANGE, _("{actor} showed candidates’ names to reviewers ({object})")),
    "review.blind_restore": (CHANGE, _("{actor} hid candidates’ names again ({object})")),
    "review.reminder": (CHANGE, _("{actor} reminded a reviewer ({object})")),
    "vacancy.create": (CHANGE, _("{actor} created the vacancy {object}")),
    "vacancy.import": (CHANGE, _("{actor} imported the vacancy {object}")),
    "vacancy.update": (CHANGE, _("{actor} edited the vacancy {object}")),
    "vacancy.publish": (CHANGE, _("{actor} published the vacancy {object}")),
    "vacancy.close": (CHANGE, _("{actor} closed the vacancy {object}")),
    "vacancy.reviewers": (CHANGE, _("{actor} changed the reviewers of {object}")),
    "criterion.create": (CHANGE, _("{actor} added the criterion {object}")),
    "criterion.update": (CHANGE, _("{actor} edited the criterion {object}")),
    "criterion.move": (CHANGE, _("{actor} moved the criterion {object}")),
    "criterion.delete": (CHANGE, _("{actor} deleted the criterion {object}")),
    "question.create": (CHANGE, _("{actor} added the question {object}")),
    "question.update": (CHANGE, _("{actor} edited the question {object}")),
    "question.move": (CHANGE, _("{actor} moved the question {object}")),
    "question.delete": (CHANGE, _("{actor} deleted the question {object}")),
    "stage.add": (CHANGE, _("{actor} added the stage {object}")),
    "stage.rename": (CHANGE, _("{actor} renamed the stage {object}")),
    "stage.move": (CHANGE, _("{actor} moved the stage {object}")),
    "stage.remove": (CHANGE, _("{actor} removed the stage {object}")),
    "privacy.settings": (CHANGE, _("{actor} changed the privacy settings")),
    "talent_pool.renewed": (CHANGE, _("{actor} kept a candidate in the talent pool ({object})")),
    "talent_pool.left": (CHANGE, _("A candidate left the talent pool ({object})")),
    "export.requested": (EXPORT, _("{actor} asked for a copy of a candidate’s data ({object})")),
    "audit.export": (EXPORT, _("{actor} exported the audit log")),
    "application.erased": (ERASURE, _("{actor} erased the application {object}")),
    "candidate.erased": (ERASURE, _("{actor} erased a candidate’s data ({object})")),
    "erasure.refused": (ERASURE, _("{actor} refused an erasure request ({object})")),
    "erasure.reapplied": (ERASURE, _("{actor} erased again, after a restore, {object}")),
    "retention.applied": (ERASURE, _("The retention rules erased {object}")),
    "retention.run": (ERASURE, _("The retention rules ran")),
    "auth.login": (SECURITY, _("{actor} logged in")),
    "auth.logout": (SECURITY, _("{actor} logged out")),
    "auth.login_failed": (SECURITY, _("Someone failed to log in to the account {object}")),
    "login.failed": (SECURITY, _("Someone failed to log in to the account {object}")),
    "member.invite": (SECURITY, _("{actor} invited {object}")),
    "member.add": (SECURITY, _("{actor} added the member {object}")),
    "member.role": (SECURITY, _("{actor} changed the role of {object}")),
    "member.remove": (SECURITY, _("{actor} removed the member {object}")),
    "organization.reviewers_two_factor": (
        SECURITY,
        _("{actor} changed whether reviewers must use a second factor"),
    ),
}
UNKNOWN = _("{actor} did “{verb}” ({object})")
SYSTEM = _("Tremplin")

type LinkFinder = Callable[[Organization, list[str]], dict[str, str]]
# "app_label.model_name" → the URLs of the objects of that kind that still exist, by id.
AUDIT_LINKS: dict[str, LinkFinder] = {}


def audit_link_register(target_type: str, finder: LinkFinder) -> None:
    AUDIT_LINKS[target_type] = finder


def kind_verbs(kind: str) -> list[str]:
    """The actions of one kind of event."""
    return sorted(verb for verb, (verb_kind, _sentence) in VERBS.items() if verb_kind == kind)


def verb_label(verb: str) -> str:
    """An action's name in words, for the filter: its sentence with nobody in it."""
    sentence = VERBS.get(verb, (CHANGE, UNKNOWN))[1]
    text = str(sentence).format(actor="…", object="…", verb=verb)
    return text.replace("… ", "", 1) if text.startswith("… ") else text


@dataclass(frozen=True)
class AuditLine:
    event: AuditEvent
    kind: str
    sentence: SafeString


def audit_lines(*, organization: Organization, events: Iterable[AuditEvent]) -> list[AuditLine]:
    """A page of events as sentences, with one query per kind of object for the links."""
    events = list(events)
    ids: dict[str, list[str]] = {}
    for event in events:
        if event.target_type in AUDIT_LINKS and event.target_id:
            ids.setdefault(event.target_type, []).append(event.target_id)
    links = {
        target_type: AUDIT_LINKS[target_type](organization, found)
        for target_type, found in ids.items()
    }
    lines = []
    for event in events:
        kind, sentence = VERBS.get(event.verb, (CHANGE, UNKNOWN))
        # A failed login names the account tried in its details.
        email = event.data.get("email") if isinstance(event.data, dict) else None
        label = event.target_label or email or (f"#{event.target_id}" if event.target_id else "—")
        url = links.get(event.target_type, {}).get(event.target_id)
        target: Any = format_html('<a href="{}">{}</a>', url, label) if url else label
        actor = event.actor_label if event.actor_label not in ("", "system") else str(SYSTEM)
        lines.append(
            AuditLine(
                event=event,
                kind=str(KINDS[kind]),
                sentence=format_html(str(sentence), actor=actor, object=target, verb=event.verb),
            )
        )
    return lines
