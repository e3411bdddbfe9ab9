"""Acting on several applications of a vacancy at once, from the pipeline board: moving them
to a stage, or not retaining them and writing to each in their language, with a short
window to undo.

Set-based: one query loads (and locks) the selection, one INSERT records the moves, one
UPDATE moves them; what is done per application is the mail (rendered and queued through
``correspondence``, as a single rejection is) and its audit row. Rejection messages are
queued to be sent no earlier than the end of the undo window (``outbox_queue``'s
``not_before``); undoing takes them back from the outbox and restores the stages.
"""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Case, DateTimeField, F, Value, When, prefetch_related_objects
from django.db.models import CharField as CharOutput
from django.db.models.functions import Cast
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from tremplin.accounts.models import User
from tremplin.applications.correspondence import (
    application_message_send,
    draft_prepare,
    draft_render,
)
from tremplin.applications.models import Application, BulkAction, Stage, StageChange
from tremplin.applications.selectors import stage_label, stage_list
from tremplin.applications.services import Move
from tremplin.applications.signals import applications_moved
from tremplin.core.audit import log_action
from tremplin.messaging.models import DraftMessage, MessageTemplate
from tremplin.messaging.outbox import outbox_withdraw
from tremplin.messaging.selectors import message_text_for
from tremplin.vacancies.models import Vacancy

# At most this many applications in one action: a page of the board holds fewer.
BULK_MAX = 500
REJECTION = MessageTemplate.Kind.REJECTION


def bulk_undo_seconds() -> int:
    """How long a bulk action can be undone (and its messages wait): 30 s unless
    TREMPLIN_BULK_UNDO_SECONDS says otherwise."""
    return int(settings.TREMPLIN_BULK_UNDO_SECONDS)


def bulk_select(
    *, vacancy: Vacancy, pks: Sequence[int], seen: Mapping[int, str] | None = None
) -> list[Application]:
    """The selected applications of ``vacancy``, oldest first, in one query;
    ValidationError with a clear message for none, too many, one that is not the
    vacancy's, or one that changed stage since the person looked (``seen``)."""
    wanted = sorted(set(pks))
    if not wanted:
        raise ValidationError(_("Select at least one application."), code="empty")
    if len(wanted) > BULK_MAX:
        raise ValidationError(
            _(
                "You selected %(count)d applications; at most %(max)d can be changed at once. "
                "Select fewer, a stage or a page at a time."
            )
            % {"count": len(wanted), "max": BULK_MAX},
            code="too_many",
        )
    found = list(
        Application.objects.filter(vacancy=vacancy, pk__in=wanted)
        .select_related("candidate")
        .order_by("pk")
    )
    bulk_selection_check(found=found, wanted=wanted, seen=seen)
    prefetch_related_objects([vacancy], "texts")
    for application in found:
        application.vacancy = vacancy
    return found


def bulk_selection_check(
    *, found: Sequence[Application], wanted: Sequence[int], seen: Mapping[int, str] | None
) -> None:
    if len(found) != len(wanted):
        raise ValidationError(
            _(
                "Some of the selected applications are not applications to this vacancy, or "
                "no longer exist. Nothing was changed."
            ),
            code="foreign",
        )
    moved = [a for a in found if seen and a.pk in seen and seen[a.pk] != a.stage]
    if moved:
        raise ValidationError(
            ngettext(
                "%(count)d of the selected applications changed stage since you looked at "
                "it (someone else moved it). Nothing was changed: look at the pipeline again.",
                "%(count)d of the selected applications changed stage since you looked at "
                "them (someone else moved them). Nothing was changed: look at the pipeline "
                "again.",
                len(moved),
            )
            % {"count": len(moved)},
            code="stale",
        )


@dataclass(frozen=True)
class MailPreview:
    """One rejection text in one language: the stages it is for (those the applications
    leave), how many get it, and one of them as written."""

    language: str
    count: int
    example: Application
    subject: str
    body: str
    stages: tuple[str, ...] = ()  # the names of the stages left


Texts = dict[tuple[str, str], tuple[str, str]]


def _rejection_texts(*, vacancy: Vacancy, applications: Sequence[Application]) -> Texts:
    """The organization's rejection text per (language, stage left): the stage's own, else
    the general one, else Tremplin's; one lookup per pair."""
    known = {stage.key for stage in stage_list(organization=vacancy.organization)}
    texts = {}
    for language, stage in sorted({(a.language, a.stage) for a in applications}):
        with translation.override(language):
            texts[language, stage] = message_text_for(
                organization=vacancy.organization,
                kind=REJECTION,
                language=language,
                stage=stage if stage in known else "",
            )
    return texts


def bulk_rejection_preview(
    *, vacancy: Vacancy, applications: Sequence[Application], by: User | None
) -> list[MailPreview]:
    """Per language and text (a stage's own, or the general one for the other stages):
    how many messages, the stages they leave, and the first one as it will go."""
    texts = _rejection_texts(vacancy=vacancy, applications=applications)
    groups: dict[tuple[str, str, str], list[Application]] = {}
    for application in applications:
        subject, body = texts[application.language, application.stage]
        groups.setdefault((application.language, subject, body), []).append(application)
    stages = stage_list(organization=vacancy.organization)
    previews = []
    for (language, subject, body), members in groups.items():
        example = members[0]
        shown = draft_render(application=example, subject=subject, body=body, by=by)
        left = dict.fromkeys(a.stage for a in members)
        names = tuple(stage_label(stages=stages, key=key) for key in left)
        previews.append(MailPreview(language, len(members), example, *shown, stages=names))
    return sorted(previews, key=lambda preview: (preview.language, -preview.count))


def bulk_apply(
    *,
    vacancy: Vacancy,
    pks: Sequence[int],
    seen: Mapping[int, str],
    move: Move,
    kind: str,
    by: User | None,
) -> BulkAction:
    """Move the selected applications (those not already there) to ``move.stage``, all or
    none, each move recorded and audited. A ``reject`` writes to each candidate in their
    language, queued until the undo window ends; a ``move`` to "not retained" prepares the
    drafts as a single move does."""
    if kind == BulkAction.Kind.REJECT and move.stage.kind != Stage.Kind.REJECTED:
        raise ValueError("a bulk rejection goes to the stage of those not retained")
    now = timezone.now()
    prefetch_related_objects([vacancy], "texts")
    with transaction.atomic():
        locked = list(
            Application.objects.select_for_update()
            .filter(vacancy=vacancy, pk__in=sorted(set(pks)))
            .select_related("candidate")
            .order_by("pk")
        )
        bulk_selection_check(found=locked, wanted=sorted(set(pks)), seen=seen)
        moving = [application for application in locked if application.stage != move.stage.key]
        if not moving:
            raise ValidationError(
                _("Every selected application is already at “%(stage)s”: nothing to do.")
                % {"stage": move.stage.label()},
                code="same",
            )
        action = BulkAction.objects.create(
            vacancy=vacancy,
            kind=kind,
            to_stage=move.stage.key,
            by=by,
            created_at=now,
            undo_until=now + timedelta(seconds=bulk_undo_seconds()),
            moves=[
                {
                    "application": a.pk,
                    "from": a.stage,
                    "decided_at": a.decided_at.isoformat() if a.decided_at else None,
                    "withdrawn_at": a.withdrawn_at.isoformat() if a.withdrawn_at else None,
                }
                for a in moving
            ],
        )
        left = {application.pk: application.stage for application in moving}
        texts: Texts = {}  # a rejection's texts, for the stages they leave
        if kind == BulkAction.Kind.REJECT:
            texts = _rejection_texts(vacancy=vacancy, applications=moving)
        _moves_write(moving=moving, move=move, by=by, now=now)
        for application in moving:
            application.vacancy = vacancy
            log_action(
                by,
                "application.stage",
                application,
                {
                    "from": application.stage,
                    "to": move.stage.key,
                    "reason": move.reason,
                    "details": move.reason_text,
                    "bulk": action.pk,
                },
            )
            application.stage = move.stage.key
        if kind == BulkAction.Kind.REJECT:
            action.outbox_messages = _rejections_queue(
                applications=moving, texts=texts, left=left, by=by, not_before=action.undo_until
            )
            action.save(update_fields=["outbox_messages"])
        elif move.stage.kind == Stage.Kind.REJECTED:
            for application in moving:
                draft_prepare(
                    application=application, kind=REJECTION, by=by, stage=left[application.pk]
                )
    return action


def _moves_write(
    *, moving: Sequence[Application], move: Move, by: User | None, now: datetime
) -> None:
    """One INSERT of the moves, one UPDATE of the applications; open rejection drafts of
    those leaving "not retained" are discarded."""
    StageChange.objects.bulk_create(
        StageChange(
            application=application,
            from_stage=application.stage,
            to_stage=move.stage.key,
            by=by,
            by_label=str(by) if by is not None else "",
            at=now,
            reason=move.reason,
            reason_text=move.reason_text,
        )
        for application in moving
    )
    withdrawn = Application.Stage.WITHDRAWN
    Application.objects.filter(pk__in=[a.pk for a in moving]).update(
        stage=move.stage.key,
        decided_at=now if move.stage.is_final else None,
        withdrawn_at=now
        if move.stage.kind == Stage.Kind.WITHDRAWN
        else Case(When(stage=withdrawn, then=Value(None)), default=F("withdrawn_at")),
        updated_at=now,
    )
    applications_moved.send(sender=Application, application_ids=[a.pk for a in moving])
    DraftMessage.objects.filter(
        application__in=[a.pk for a in moving if a.stage == Application.Stage.REJECTED],
        kind=REJECTION,
        status=DraftMessage.Status.DRAFT,
    ).update(status=DraftMessage.Status.DISCARDED, updated_at=now)


def _rejections_queue(
    *,
    applications: Sequence[Application],
    texts: Texts,
    left: Mapping[int, str],
    by: User | None,
    not_before: datetime,
) -> list[int]:
    """Write the rejection to each candidate in their language, with the text of the stage
    it left (``texts`` by language and stage), and queue it for ``not_before``; return the
    outbox rows' ids."""
    queued = []
    for application in applications:
        subject, body = texts[application.language, left[application.pk]]
        with translation.override(application.language):
            subject, body = draft_render(application=application, subject=subject, body=body, by=by)
            message = application_message_send(
                application=application,
                subject=subject,
                body=body,
                kind=REJECTION,
                sender=by,
                not_before=not_before,
            )
        queued.append(message.pk)
    return queued


def bulk_recent(*, vacancy: Vacancy, limit: int = 10) -> list[BulkAction]:
    """The vacancy's latest bulk actions, newest first."""
    return list(
        BulkAction.objects.filter(vacancy=vacancy)
        .select_related("by")
        .order_by("-created_at")[:limit]
    )


def bulk_action_get(*, vacancy: Vacancy, pk: int) -> BulkAction:
    """One of the vacancy's bulk actions; DoesNotExist for another vacancy's."""
    return BulkAction.objects.get(vacancy=vacancy, pk=pk)


def bulk_can_undo(action: BulkAction) -> bool:
    return action.undone_at is None and timezone.now() < action.undo_until


def bulk_undo_begin(*, action: BulkAction, now: datetime) -> None:
    """Inside the transaction that undoes ``action`` (locked): refuse once it is undone or
    too late, else take its messages back from the outbox."""
    if action.undone_at is not None:
        raise ValidationError(_("This was already undone."), code="undone")
    too_late = ValidationError(
        _("Too late to undo: the time to undo is over and the messages are on their way."),
        code="late",
    )
    if now >= action.undo_until:
        raise too_late
    if outbox_withdraw(pks=action.outbox_messages) != len(action.outbox_messages):
        raise too_late


def bulk_undo(*, action: BulkAction, by: User | None) -> int:
    """Undo a bulk action inside its window: take its messages back from the outbox and put
    the applications back where they were (those moved again since stay where they are).
    Return how many went back; ValidationError once it is too late, changing nothing."""
    now = timezone.now()
    with transaction.atomic():
        locked = BulkAction.objects.select_for_update().get(pk=action.pk)
        if locked.kind == BulkAction.Kind.ASSIGN:
            raise ValueError("an assignment is undone by assignments.bulk_assign_undo")
        bulk_undo_begin(action=locked, now=now)
        before = {int(item["application"]): item for item in locked.moves}
        back = list(
            Application.objects.select_for_update()
            .filter(pk__in=list(before), stage=locked.to_stage)
            .select_related("candidate")
            .order_by("pk")
        )
        vacancy = Vacancy.objects.select_related("organization").get(pk=locked.vacancy_id)
        prefetch_related_objects([vacancy], "texts")
        for application in back:
            application.vacancy = vacancy  # one vacancy, its texts read once (audit labels)
        _moves_restore(back=back, before=before, action=locked, by=by, now=now)
        locked.undone_at = now
        locked.save(update_fields=["undone_at"])
    action.refresh_from_db()
    return len(back)


def _moves_restore(
    *,
    back: Sequence[Application],
    before: Mapping[int, Mapping[str, str | None]],
    action: BulkAction,
    by: User | None,
    now: datetime,
) -> None:
    def when(key: str, output: CharOutput | DateTimeField) -> Cast:
        def value(text: str | None) -> object:
            return datetime.fromisoformat(text) if text and key != "from" else text

        # Cast: PostgreSQL reads a CASE of NULLs alone as text.
        return Cast(
            Case(*(When(pk=a.pk, then=Value(value(before[a.pk][key]), output)) for a in back)),
            output_field=output,
        )

    StageChange.objects.bulk_create(
        StageChange(
            application=a,
            from_stage=action.to_stage,
            to_stage=str(before[a.pk]["from"]),
            by=by,
            by_label=str(by) if by is not None else "",
            at=now,
        )
        for a in back
    )
    if back:
        Application.objects.filter(pk__in=[a.pk for a in back]).update(
            stage=when("from", CharOutput()),
            decided_at=when("decided_at", DateTimeField()),
            withdrawn_at=when("withdrawn_at", DateTimeField()),
            updated_at=now,
        )
        applications_moved.send(sender=Application, application_ids=[a.pk for a in back])
    if action.kind == BulkAction.Kind.MOVE:
        DraftMessage.objects.filter(
            application__in=[a.pk for a in back], kind=REJECTION, status=DraftMessage.Status.DRAFT
        ).update(status=DraftMessage.Status.DISCARDED, updated_at=now)
    for application in back:
        log_action(
            by,
            "application.stage",
            application,
            {
                "from": action.to_stage,
                "to": before[application.pk]["from"],
                "undo": action.pk,
                "message_withdrawn": action.kind == BulkAction.Kind.REJECT,
            },
        )
