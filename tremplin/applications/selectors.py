"""Reads on applications: the status page, questions and their limits, and the staff side:
stages, an application's history, documents for staff (the pipeline board and funnel are in
``pipeline``)."""

import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import datetime

from django.db.models import Count, QuerySet
from django.http import Http404
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from tremplin.accounts.models import Membership, Organization
from tremplin.accounts.policy import MANAGERS
from tremplin.applications.models import Application, Candidate, Document, Stage
from tremplin.applications.tokens import application_token_read, replace_token_read
from tremplin.vacancies.models import Question, Vacancy

WORD = re.compile(r"\S+")


def answer_word_count(text: str) -> int:
    """Words as a reader counts them: runs of characters between spaces."""
    return len(WORD.findall(text))


def vacancy_accepts_applications(*, vacancy: Vacancy) -> bool:
    """Published, and its deadline (if any) not passed: applications are taken to the end of
    the deadline's day."""
    if vacancy.status != Vacancy.Status.PUBLISHED:
        return False
    return vacancy.deadline is None or vacancy.deadline >= timezone.localdate()


def question_list(*, vacancy: Vacancy) -> list[Question]:
    return list(vacancy.questions.prefetch_related("texts").order_by("position", "pk"))


def question_wording(*, question: Question, language: str | None = None) -> str:
    """The question in ``language`` (default: the active one), else in any language it has."""
    language = language or translation.get_language() or ""
    texts = {text.language: text.text for text in question.texts.all()}
    for code in (language, *sorted(texts)):
        if code in texts:
            return texts[code]
    return ""


def application_get_by_token(*, token: str) -> Application | None:
    """The application behind a status link, or None for a tampered or unknown token."""
    public_id = application_token_read(token=token)
    if public_id is None:
        return None
    return (
        Application.objects.select_related("vacancy__organization", "candidate")
        .prefetch_related("vacancy__texts")
        .filter(public_id=public_id)
        .first()
    )


def application_replace_target(*, application: Application) -> Application | None:
    """The earlier application whose documents the newer submission ``application`` may
    replace once its sender confirms: the first one from the same address to the same
    vacancy, while no decision was made on it (not hired, not retained, not withdrawn),
    and while the newer one is still untouched (at the first stage, never moved) and has
    documents. None otherwise."""
    earlier = application.duplicate_of
    if earlier is None or earlier.decided_at is not None or application.decided_at is not None:
        return None
    if application.stage_changes.exists() or not application.documents.exists():
        return None
    first = Stage.objects.filter(
        organization_id=application.vacancy.organization_id, kind=Stage.Kind.RECEIVED
    ).values_list("key", flat=True)
    received = set(first) or {Application.Stage.RECEIVED}
    if application.stage not in received:
        return None
    return earlier


def application_get_by_replace_token(*, token: str) -> Application | None:
    """The newer submission behind a "replace my documents" link; None for a tampered,
    expired or unknown one."""
    public_id = replace_token_read(token=token)
    if public_id is None:
        return None
    return (
        Application.objects.select_related("vacancy__organization", "candidate", "duplicate_of")
        .prefetch_related("vacancy__texts")
        .filter(public_id=public_id)
        .first()
    )


# How many later submissions an application's page lists (the rest are counted).
DUPLICATES_SHOWN = 20


@dataclass(frozen=True)
class Duplicates:
    """Submissions from the same address to the same vacancy, for the staff page."""

    earlier: Application | None  # the first one, when this one came after it
    later: list[Application]  # those that came after this one, oldest first, at most 20
    later_count: int


def application_duplicates(*, application: Application) -> Duplicates:
    later = application.duplicates.order_by("created_at", "pk")
    return Duplicates(
        earlier=application.duplicate_of,
        later=list(later[:DUPLICATES_SHOWN]),
        later_count=later.count(),
    )


def candidate_application_count(*, candidate: Candidate, organization: Organization) -> int:
    """How many applications the candidate sent to ``organization`` (a correction of their
    details reaches them all)."""
    return Application.objects.filter(
        candidate=candidate, vacancy__organization=organization
    ).count()


def application_documents(*, application: Application) -> QuerySet[Document]:
    """What the candidate sent, newest first, superseded versions included."""
    return application.documents.order_by("-created_at", "-pk")


def application_stage_explanation(*, stage: str) -> str:
    """What a stage means for the candidate, in plain words."""
    explanations: dict[str, str] = {
        Application.Stage.RECEIVED: _(
            "Your application has been received. Nobody has replied yet: the organization "
            "reads applications after receiving them."
        ),
        Application.Stage.SCREENING: _("The organization is reading your application."),
        Application.Stage.REVIEW: _(
            "Your application is being reviewed in detail by the people hiring."
        ),
        Application.Stage.INTERVIEW: _(
            "You are invited to an interview, or about to be: the organization will contact you."
        ),
        Application.Stage.OFFER: _("The organization is making you an offer."),
        Application.Stage.HIRED: _("You were hired. Congratulations!"),
        Application.Stage.REJECTED: _(
            "The organization did not retain your application for this vacancy."
        ),
        Application.Stage.WITHDRAWN: _("You withdrew your application."),
    }
    return explanations.get(
        stage,
        _(
            "Your application is in progress: the organization is working on it and will "
            "contact you."
        ),
    )


def application_stage_public_label(*, stage: str) -> str:
    """The stage's name as the candidate sees it: an organization's own stages (whose names
    are for staff) are all "in progress"."""
    if stage in Application.Stage.values:
        return str(Application.Stage(stage).label)
    return _("In progress")


# --- Stages ----------------------------------------------------------------------------


def stage_defaults(*, organization: Organization) -> list[Stage]:
    """The built-in pipeline, as unsaved rows."""
    return [
        Stage(organization=organization, key=key, position=position, kind=Stage.BUILTIN_KINDS[key])
        for position, key in enumerate(Application.Stage.values)
    ]


def stage_list(*, organization: Organization) -> list[Stage]:
    """The organization's stages in order: its own rows, else the built-in ones (unsaved)."""
    stages = list(Stage.objects.filter(organization=organization).order_by("position", "pk"))
    return stages or stage_defaults(organization=organization)


def stage_get(*, organization: Organization, key: str) -> Stage:
    for stage in stage_list(organization=organization):
        if stage.key == key:
            return stage
    raise Http404("no such stage")


def stage_usage(*, organization: Organization) -> dict[str, int]:
    """How many of the organization's applications are at each stage now."""
    rows = (
        Application.objects.filter(vacancy__organization=organization)
        .values("stage")
        .annotate(count=Count("pk"))
    )
    return {row["stage"]: row["count"] for row in rows}


def stage_label(*, stages: Sequence[Stage], key: str) -> str:
    """The name of ``key`` among ``stages``; a removed stage is shown by its key."""
    for stage in stages:
        if stage.key == key:
            return stage.label()
    if key in Application.Stage.values:
        return str(Application.Stage(key).label)
    return key


# --- Staff access ----------------------------------------------------------------------


def application_get_for_user(
    *, membership: Membership, pk: int, roles: Collection[str] = MANAGERS
) -> Application:
    """Application ``pk`` of the membership's organization, for a member with one of
    ``roles``; 404 for anything else."""
    if membership.role not in roles:
        raise Http404("no such application")
    application = (
        Application.objects.filter(pk=pk, vacancy__organization=membership.organization)
        .select_related("candidate", "vacancy__organization")
        .prefetch_related("vacancy__texts")
        .first()
    )
    if application is None:
        raise Http404("no such application")
    return application


def applications_for_member(
    *, membership: Membership, stage: str = "", updated_since: datetime | None = None
) -> QuerySet[Application]:
    """The applications of the membership's organization, for owners and recruiters (none
    for anyone else), with their candidates and vacancies."""
    if membership.role not in MANAGERS:
        return Application.objects.none()
    found = Application.objects.filter(vacancy__organization=membership.organization)
    if stage:
        found = found.filter(stage=stage)
    if updated_since is not None:
        found = found.filter(updated_at__gte=updated_since)
    return found.select_related("candidate", "vacancy")


def applications_get_for_user(
    *, membership: Membership, vacancy: Vacancy, pks: Collection[int]
) -> list[Application]:
    """The applications ``pks`` of ``vacancy`` (for a bulk act); 404 if one is not there."""
    if membership.role not in MANAGERS or vacancy.organization_id != membership.organization_id:
        raise Http404("no such application")
    wanted = set(pks)
    applications = list(
        Application.objects.filter(pk__in=wanted, vacancy=vacancy)
        .select_related("candidate")
        .order_by("created_at", "pk")
    )
    if len(applications) != len(wanted):
        raise Http404("no such application")
    return applications


def document_get_for_user(*, membership: Membership, pk: int) -> Document:
    """A document of an application to the membership's organization, for recruiters and
    owners (reviewers read documents through the review pages, redacted when blind).

    Everyone else gets a 404, so the answer does not even say whether the document exists.
    """
    if membership.role not in MANAGERS:
        raise Http404("no such document")
    document = (
        Document.objects.select_related("application__vacancy__organization")
        .filter(pk=pk, application__vacancy__organization=membership.organization)
        .first()
    )
    if document is None:
        raise Http404("no such document")
    return document


@dataclass(frozen=True)
class HistoryRow:
    at: datetime
    from_label: str
    to_label: str
    who: str
    reason: str
    details: str


def application_history(*, application: Application, stages: Sequence[Stage]) -> list[HistoryRow]:
    """Every move of ``application``, oldest first, with names as the viewer reads them."""
    rows = []
    for change in application.stage_changes.select_related("by").order_by("at", "pk"):
        if change.by_candidate:
            who = _("The candidate")
        elif change.by is not None:
            who = change.by.display_name
        else:
            who = change.by_label or _("Tremplin")
        rows.append(
            HistoryRow(
                at=change.at,
                from_label=stage_label(stages=stages, key=change.from_stage)
                if change.from_stage
                else "",
                to_label=stage_label(stages=stages, key=change.to_stage),
                who=who,
                reason=str(change.get_reason_display()) if change.reason else "",
                details=change.reason_text,
            )
        )
    return rows


def application_current_documents(*, application: Application) -> QuerySet[Document]:
    return application.documents.filter(superseded_at__isnull=True).order_by("role", "-pk")
