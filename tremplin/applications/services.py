"""Writes on applications in the staff workspace and by the candidate after submitting:
the pipeline (stages, moves), correcting a candidate's details, withdrawing, and the
record of each document download.

Applications come in through ``intake/`` (``intake.submit.application_submit``); their
documents' text is extracted by ``documents.py``; messages to candidates are written
in ``correspondence.py``.
"""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth.base_user import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from tremplin.accounts.models import Organization, User
from tremplin.applications.correspondence import draft_prepare, drafts_discard_open
from tremplin.applications.intake.submit import candidate_email_normalize
from tremplin.applications.models import (
    Application,
    Candidate,
    Document,
    DocumentDownload,
    Stage,
    StageChange,
)
from tremplin.applications.selectors import stage_list
from tremplin.applications.signals import candidate_split
from tremplin.core.audit import Actor, log_action
from tremplin.messaging.models import MessageTemplate

RECTIFIABLE_FIELDS = ("name", "email", "phone")


def candidate_rectify(
    *, application: Application, name: str, email: str, phone: str, by: Actor
) -> list[str]:
    """Correct the name, e-mail address or phone of ``application``'s candidate (GDPR Art.
    16), as a recruiter or owner of its organization asks; return the fields changed.

    The Candidate row is the person for every application they sent from that address, so
    the correction reaches all of them. A new address must be free (ValidationError, and
    nothing changes, when another candidate has it). When the person also applied to other
    organizations, a new address is theirs to correct: this organization's applications
    move to a candidate of their own, and the others keep theirs. The audit row names the
    fields, never the old or new values.
    """
    email = candidate_email_normalize(email)
    given = {
        "name": " ".join(name.split())[:200],
        "email": email,
        "phone": " ".join(phone.split())[:50],
    }
    organization = application.vacancy.organization
    with transaction.atomic():
        candidate = Candidate.objects.select_for_update().get(pk=application.candidate_id)
        changed = [key for key in RECTIFIABLE_FIELDS if given[key] != getattr(candidate, key)]
        if not changed:
            return []
        if "email" in changed and Candidate.objects.filter(email=email).exists():
            raise ValidationError(
                _(
                    "Another candidate already has this e-mail address. If they are the same "
                    "person, correct the other application instead."
                ),
                code="email_taken",
            )
        here = Application.objects.filter(candidate=candidate, vacancy__organization=organization)
        elsewhere = Application.objects.filter(candidate=candidate).exclude(
            vacancy__organization=organization
        )
        if "email" in changed and elsewhere.exists():
            old = candidate
            candidate = Candidate.objects.create(
                email=email, name=given["name"], phone=given["phone"], language=old.language
            )
            here.update(candidate=candidate)
            candidate_split.send(
                sender=Candidate, old=old, new=candidate, organization=organization
            )
        else:
            for key in changed:
                setattr(candidate, key, given[key])
            candidate.save(update_fields=[*changed, "updated_at"])
        log_action(
            by,
            "candidate.rectify",
            application,
            {
                "fields": changed,
                "values": "redacted",
                "applications": Application.objects.filter(
                    candidate=candidate, vacancy__organization=organization
                ).count(),
            },
            label=f"application #{application.pk}",
        )
    application.refresh_from_db()
    return changed


@transaction.atomic
def application_withdraw(*, application: Application) -> Application:
    """The candidate withdraws; asking twice changes nothing more."""
    locked = Application.objects.select_for_update().get(pk=application.pk)
    if locked.stage in (Application.Stage.WITHDRAWN, Application.Stage.REJECTED):
        return locked
    StageChange.objects.create(
        application=locked,
        from_stage=locked.stage,
        to_stage=Application.Stage.WITHDRAWN,
        by_candidate=True,
    )
    locked.stage = Application.Stage.WITHDRAWN
    locked.withdrawn_at = locked.decided_at = timezone.now()
    locked.save(update_fields=["stage", "withdrawn_at", "decided_at", "updated_at"])
    return locked


def application_can_withdraw(*, application: Application) -> bool:
    return application.stage not in (
        Application.Stage.WITHDRAWN,
        Application.Stage.REJECTED,
        Application.Stage.HIRED,
    )


def document_download_record(
    *, document: Document, user: AbstractBaseUser, data: Mapping[str, str] | None = None
) -> DocumentDownload:
    """Record a download of ``document``; ``data`` says more (the API client's name)."""
    log_action(
        user,
        "document.download",
        document,
        data,
        organization=document.application.vacancy.organization,
    )
    return DocumentDownload.objects.create(document=document, user_id=user.pk)


# --- Stages and moves (the staff workspace) ----------------------------------------------

STAGE_LABEL_MAX_CHARS = 60


def stages_materialize(*, organization: Organization) -> list[Stage]:
    """Write out the built-in pipeline for an organization that has no stages of its own yet
    (before its first change), and return its stages in order."""
    with transaction.atomic():
        if not Stage.objects.filter(organization=organization).exists():
            Stage.objects.bulk_create(
                [
                    Stage(
                        organization=organization,
                        key=key,
                        position=position,
                        kind=Stage.BUILTIN_KINDS[key],
                    )
                    for position, key in enumerate(Application.Stage.values)
                ],
                ignore_conflicts=True,
            )
    return list(Stage.objects.filter(organization=organization).order_by("position", "pk"))


def _stages_renumber(stages: Sequence[Stage]) -> None:
    """Positions 0, 1, 2… in the order given: the first stage first, the final ones last."""
    rank: dict[str, int] = {Stage.Kind.RECEIVED: 0, Stage.Kind.IN_PROGRESS: 1}
    ordered = sorted(enumerate(stages), key=lambda pair: (rank.get(pair[1].kind, 2), pair[0]))
    for position, (_index, stage) in enumerate(ordered):
        if stage.position != position:
            stage.position = position
            stage.save(update_fields=["position"])


def _stage_labels_check(
    *, labels: Mapping[str, str], stages: Sequence[Stage], stage: Stage | None, required: bool
) -> dict[str, str]:
    languages = dict(settings.LANGUAGES)
    cleaned = {
        code: " ".join(str(text).split())
        for code, text in labels.items()
        if code in languages and str(text).strip()
    }
    if required and not cleaned:
        raise ValidationError(_("Give the stage a name in at least one language."), code="empty")
    errors = []
    for code, text in cleaned.items():
        if len(text) > STAGE_LABEL_MAX_CHARS:
            errors.append(
                ValidationError(
                    _("Keep the name to %(limit)d characters at most."),
                    code="long",
                    params={"limit": STAGE_LABEL_MAX_CHARS},
                )
            )
        for other in stages:
            if stage is not None and other.key == stage.key:
                continue
            if other.label(code).casefold() == text.casefold():
                errors.append(
                    ValidationError(
                        _("Another stage is already called “%(name)s”."),
                        code="duplicate",
                        params={"name": text},
                    )
                )
    if errors:
        raise ValidationError(errors)
    return cleaned


def _stage_key(*, labels: Mapping[str, str], taken: set[str]) -> str:
    source = labels.get(settings.LANGUAGE_CODE) or next(iter(labels.values()), "")
    base = slugify(source)[:24].strip("-") or "stage"
    key, number = base, 2
    while key in taken or key in Application.Stage.values:
        key = f"{base}-{number}"
        number += 1
    return key


def stage_add(
    *, organization: Organization, labels: Mapping[str, str], after: str, by: Actor
) -> Stage:
    """Add a stage in progress after stage ``after`` (the first stage or one in progress).

    ValidationError (changing nothing) without a name, with a name another stage has, or
    with a place that is not allowed.
    """
    with transaction.atomic():
        stages = stages_materialize(organization=organization)
        cleaned = _stage_labels_check(labels=labels, stages=stages, stage=None, required=True)
        index = next((i for i, stage in enumerate(stages) if stage.key == after), None)
        if index is None or stages[index].is_final:
            raise ValidationError(
                _("Choose the stage the new one comes after (not a final stage)."), code="place"
            )
        stage = Stage.objects.create(
            organization=organization,
            key=_stage_key(labels=cleaned, taken={stage.key for stage in stages}),
            labels=cleaned,
            kind=Stage.Kind.IN_PROGRESS,
            position=len(stages),
        )
        _stages_renumber([*stages[: index + 1], stage, *stages[index + 1 :]])
        log_action(by, "stage.add", stage, {"key": stage.key, "labels": cleaned, "after": after})
    return stage


def _stage_locked(*, organization: Organization, key: str) -> tuple[list[Stage], Stage]:
    stages = stages_materialize(organization=organization)
    list(Stage.objects.select_for_update().filter(organization=organization))
    for stage in stages:
        if stage.key == key:
            return stages, stage
    raise Stage.DoesNotExist(key)


def stage_rename(
    *, organization: Organization, key: str, labels: Mapping[str, str], by: Actor
) -> Stage:
    """Name a stage per language. A built-in stage left without a name in a language keeps
    its usual name there; a stage of the organization's own needs one name at least."""
    with transaction.atomic():
        stages, stage = _stage_locked(organization=organization, key=key)
        cleaned = _stage_labels_check(
            labels=labels, stages=stages, stage=stage, required=not stage.builtin
        )
        before = dict(stage.labels)
        stage.labels = cleaned
        stage.save(update_fields=["labels"])
        log_action(by, "stage.rename", stage, {"key": key, "from": before, "to": cleaned})
    return stage


def stage_move(*, organization: Organization, key: str, up: bool, by: Actor) -> Stage:
    """Move a stage in progress one place earlier (``up``) or later, among those in progress."""
    with transaction.atomic():
        stages, stage = _stage_locked(organization=organization, key=key)
        index = stages.index(stage)
        other = index - 1 if up else index + 1
        if (
            not stage.editable_place
            or not 0 <= other < len(stages)
            or not stages[other].editable_place
        ):
            raise ValidationError(
                _("This stage cannot move further that way: the first and final stages stay put."),
                code="place",
            )
        stages[index], stages[other] = stages[other], stages[index]
        _stages_renumber(stages)
        log_action(by, "stage.move", stage, {"key": key, "direction": "up" if up else "down"})
    return stage


def stage_remove(*, organization: Organization, key: str, by: Actor) -> None:
    """Remove a stage in progress that no application is at; ValidationError otherwise."""
    with transaction.atomic():
        stages, stage = _stage_locked(organization=organization, key=key)
        if not stage.editable_place:
            raise ValidationError(
                _("The first stage and the final stages (hired, not retained, withdrawn) stay."),
                code="fixed",
            )
        count = Application.objects.filter(vacancy__organization=organization, stage=key).count()
        if count:
            raise ValidationError(
                ngettext(
                    "%(count)d application is at this stage: move it first.",
                    "%(count)d applications are at this stage: move them first.",
                    count,
                )
                % {"count": count},
                code="used",
            )
        log_action(by, "stage.remove", stage, {"key": key, "labels": stage.labels})
        stage.delete()
        _stages_renumber([other for other in stages if other.pk != stage.pk])


@dataclass(frozen=True)
class Move:
    """A checked move: where to, and why (a StageChange.Reason value and free text)."""

    stage: Stage
    reason: str
    reason_text: str


def move_check(
    *, organization: Organization, to_stage: str, reason: str = "", reason_text: str = ""
) -> Move:
    """The move to ``to_stage``, once it is allowed; ValidationError with a clear message.

    Not retaining someone needs a reason from the list (and words, for "another reason").
    """
    stage = next(
        (stage for stage in stage_list(organization=organization) if stage.key == to_stage), None
    )
    if stage is None:
        raise ValidationError(_("Choose a stage of your pipeline."), code="stage")
    reason_text = reason_text.strip()[:2000]
    if stage.kind == Stage.Kind.REJECTED:
        if reason not in StageChange.Reason.values:
            raise ValidationError(
                _("Choose why the application is not retained: a reason is required."),
                code="reason_required",
            )
        if reason == StageChange.Reason.OTHER and not reason_text:
            raise ValidationError(
                _("You chose “another reason”: say which in the details."),
                code="reason_text_required",
            )
    else:
        reason = ""
    return Move(stage=stage, reason=reason, reason_text=reason_text)


def _move_apply(*, application: Application, move: Move, by: User | None) -> StageChange:
    previous = application.stage
    change = StageChange.objects.create(
        application=application,
        from_stage=previous,
        to_stage=move.stage.key,
        by=by,
        by_label=str(by) if by is not None else "",
        reason=move.reason,
        reason_text=move.reason_text,
    )
    application.stage = move.stage.key
    application.decided_at = change.at if move.stage.is_final else None
    if move.stage.kind == Stage.Kind.WITHDRAWN:
        application.withdrawn_at = change.at
    elif previous == Application.Stage.WITHDRAWN:
        application.withdrawn_at = None
    application.save(update_fields=["stage", "withdrawn_at", "decided_at", "updated_at"])
    if previous == Application.Stage.REJECTED:
        drafts_discard_open(application=application, kind=MessageTemplate.Kind.REJECTION)
    if move.stage.kind == Stage.Kind.REJECTED:
        draft_prepare(
            application=application, kind=MessageTemplate.Kind.REJECTION, by=by, stage=previous
        )
    log_action(
        by,
        "application.stage",
        application,
        {
            "from": previous,
            "to": move.stage.key,
            "reason": move.reason,
            "details": move.reason_text,
        },
    )
    return change


def application_move(
    *,
    application: Application,
    to_stage: str,
    by: User | None,
    reason: str = "",
    reason_text: str = "",
) -> StageChange:
    """Move ``application`` to ``to_stage``, recorded (who, when, from, to, why).

    Not retaining needs a reason; it prepares the rejection message as a draft in the
    candidate's language, which a recruiter reviews and sends: nothing is sent here.
    ValidationError (changing nothing) when the move is not allowed.
    """
    organization = application.vacancy.organization
    move = move_check(
        organization=organization, to_stage=to_stage, reason=reason, reason_text=reason_text
    )
    with transaction.atomic():
        locked = (
            Application.objects.select_for_update()
            .select_related("candidate", "vacancy__organization")
            .get(pk=application.pk)
        )
        if locked.stage == move.stage.key:
            raise ValidationError(_("The application is already at this stage."), code="same")
        change = _move_apply(application=locked, move=move, by=by)
    application.refresh_from_db()
    return change


def applications_move(
    *,
    applications: Sequence[Application],
    to_stage: str,
    by: User | None,
    reason: str = "",
    reason_text: str = "",
) -> list[StageChange]:
    """Move several applications of one organization at once, all or none; those already at
    ``to_stage`` are left as they are. Returns the moves made."""
    if not applications:
        raise ValidationError(_("Select at least one application."), code="empty")
    organization = applications[0].vacancy.organization
    if any(application.vacancy.organization_id != organization.pk for application in applications):
        raise ValueError("applications of several organizations")
    move = move_check(
        organization=organization, to_stage=to_stage, reason=reason, reason_text=reason_text
    )
    changes = []
    with transaction.atomic():
        locked = (
            Application.objects.select_for_update()
            .select_related("candidate", "vacancy__organization")
            .filter(pk__in=[application.pk for application in applications])
            .order_by("pk")
        )
        for application in locked:
            if application.stage != move.stage.key:
                changes.append(_move_apply(application=application, move=move, by=by))
    return changes
