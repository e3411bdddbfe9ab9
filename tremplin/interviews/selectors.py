"""Reads about interviews: who may sit on a panel, an application's interviews, the one a
staff member or the candidate may act on, a staff member's calendar feed, and the panel's
scorecards (who sees which, and their summary per criterion)."""

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.core import signing
from django.db.models import Avg, Count, Max, Min, Prefetch, Q, QuerySet
from django.http import Http404
from django.utils import timezone

from tremplin.accounts.models import Membership, Organization, User
from tremplin.applications.models import Application
from tremplin.interviews.models import (
    CalendarFeed,
    Interview,
    RescheduleRequest,
    Scorecard,
    ScorecardScore,
)
from tremplin.review.models import Review
from tremplin.review.selectors import criteria_for_review, criterion_text
from tremplin.vacancies.models import Criterion, CriterionText

FEED_SALT = "tremplin.interviews.feed"


def panel_candidates(*, organization: Organization) -> QuerySet[User]:
    """The staff members of ``organization``: only they may sit on its panels."""
    return User.objects.filter(is_active=True, memberships__organization=organization).order_by(
        "email"
    )


def interviews_of_application(*, application: Application) -> list[Interview]:
    """The application's interviews, newest first, with their times, panel, requests and
    how many scorecards are in (counted in SQL)."""
    return list(
        application.interviews.annotate(
            scorecards_submitted=Count(
                "scorecards", filter=Q(scorecards__submitted_at__isnull=False)
            )
        ).prefetch_related(
            "slots",
            "panel",
            Prefetch(
                "reschedule_requests",
                queryset=RescheduleRequest.objects.order_by("-created_at"),
            ),
        )
    )


def interview_get_for_user(*, membership: Membership, application: int, pk: int) -> Interview:
    """Interview ``pk`` of application ``application`` in the member's organization; 404
    otherwise (the caller's policy line decides the roles)."""
    interview = (
        Interview.objects.select_related(
            "application__candidate", "application__vacancy__organization"
        )
        .filter(
            pk=pk,
            application_id=application,
            application__vacancy__organization=membership.organization,
        )
        .first()
    )
    if interview is None:
        raise Http404("no such interview")
    return interview


def interview_for_candidate(*, application: Application, pk: int) -> Interview | None:
    return (
        Interview.objects.select_related("application__candidate", "application__vacancy")
        .filter(pk=pk, application=application)
        .first()
    )


def interviews_for_candidate(*, application: Application) -> list[Interview]:
    """What the candidate's page shows: interviews not cancelled, with their times."""
    return list(
        application.interviews.exclude(status=Interview.Status.CANCELLED)
        .prefetch_related("slots")
        .order_by("-created_at")
    )


# --- The staff member's calendar feed ---------------------------------------------------


def calendar_feed_token(*, user: User) -> str:
    """The secret of the member's feed address: signed with its generation, so revoking
    it (``services.calendar_feed_revoke``) turns every earlier one down. No write."""
    generation = (
        CalendarFeed.objects.filter(user=user).values_list("generation", flat=True).first() or 0
    )
    return signing.Signer(salt=FEED_SALT).sign(f"{user.pk}.{generation}")


def calendar_feed_user(*, token: str) -> User | None:
    """The member whose feed ``token`` opens, if it is their current one."""
    try:
        value = signing.Signer(salt=FEED_SALT).unsign(token)
        user_pk, generation = (int(part) for part in value.split("."))
    except (signing.BadSignature, ValueError):
        return None
    user = User.objects.filter(pk=user_pk, is_active=True).first()
    if user is None:
        return None
    current = (
        CalendarFeed.objects.filter(user=user).values_list("generation", flat=True).first() or 0
    )
    return user if generation == current else None


def feed_interviews(*, user: User, limit: int = 500) -> list[Interview]:
    """The member's own interviews with a time (on their panel, not cancelled), the next
    ones and the recent ones, at most ``limit``."""
    return list(
        Interview.objects.filter(
            panel=user,
            start__isnull=False,
            application__vacancy__organization__memberships__user=user,
        )
        .exclude(status=Interview.Status.CANCELLED)
        .select_related(
            "application__candidate",
            "application__candidate_number",
            "application__vacancy__organization",
        )
        .prefetch_related("panel", "application__vacancy__texts")
        .order_by("-start")[:limit]
    )


# --- Scorecards ----------------------------------------------------------------------------


def interview_has_happened(interview: Interview, *, now: datetime | None = None) -> bool:
    """Whether the interview has begun (and was not cancelled): its scorecards open then."""
    return (
        interview.status == Interview.Status.SCHEDULED
        and interview.start is not None
        and interview.start <= (now or timezone.now())
    )


def panel_has(*, interview: Interview, user: User) -> bool:
    return interview.panel.filter(pk=user.pk).exists()


def scorecard_get(*, interview: Interview, member: User) -> Scorecard | None:
    return (
        Scorecard.objects.filter(interview=interview, panel_member=member)
        .prefetch_related("scores")
        .first()
    )


def submitted_scorecards(*, interview: Interview, exclude: User | None = None) -> list[Scorecard]:
    scorecards = (
        Scorecard.objects.filter(interview=interview, submitted_at__isnull=False)
        .select_related("panel_member")
        .prefetch_related("scores")
        .order_by("submitted_at", "pk")
    )
    if exclude is not None:
        scorecards = scorecards.exclude(panel_member=exclude)
    return list(scorecards)


@dataclass(frozen=True)
class ScorecardAccess:
    """What one member may do with an interview's scorecards. Review's rule: a panel member
    sees the others' only once their own is submitted (managers on the panel too); managers
    who are not on the panel see the submitted ones once the interview has taken place."""

    on_panel: bool
    manager: bool
    happened: bool
    own: Scorecard | None

    @property
    def allowed(self) -> bool:
        return self.on_panel or self.manager

    @property
    def own_submitted(self) -> bool:
        return self.own is not None and self.own.is_submitted

    @property
    def can_fill(self) -> bool:
        return self.on_panel and self.happened and not self.own_submitted

    @property
    def sees_others(self) -> bool:
        if self.on_panel:
            return self.own_submitted
        return self.manager and self.happened


def scorecard_access(*, interview: Interview, user: User, manager: bool) -> ScorecardAccess:
    return ScorecardAccess(
        on_panel=panel_has(interview=interview, user=user),
        manager=manager,
        happened=interview_has_happened(interview),
        own=scorecard_get(interview=interview, member=user),
    )


def scorecards_visible(
    *, interview: Interview, user: User, access: ScorecardAccess
) -> list[Scorecard]:
    """The submitted scorecards ``user`` may read besides their own: none before the rule
    allows, so nothing of them leaves the database."""
    if not access.sees_others:
        return []
    return submitted_scorecards(interview=interview, exclude=user if access.on_panel else None)


@dataclass(frozen=True)
class CriterionSummary:
    number: int
    criterion: Criterion
    text: CriterionText | None
    count: int
    mean: float | None
    low: int | None
    high: int | None


@dataclass(frozen=True)
class ScorecardSummary:
    criteria: list[CriterionSummary]
    recommendations: list[tuple[str, int]]  # (label, count), strongest yes first
    submitted: int


def scorecard_summary(*, interview: Interview) -> ScorecardSummary:
    """The submitted scorecards in aggregate: per criterion the number of scores, their mean,
    lowest and highest, and the count of each recommendation; grouped in SQL."""
    rows: dict[int, Mapping[str, Any]] = {
        row["criterion_id"]: row
        for row in ScorecardScore.objects.filter(
            scorecard__interview=interview,
            scorecard__submitted_at__isnull=False,
            score__isnull=False,
        )
        .values("criterion_id")
        .annotate(count=Count("pk"), mean=Avg("score"), low=Min("score"), high=Max("score"))
        .order_by()
    }
    criteria = [
        CriterionSummary(
            number=number,
            criterion=criterion,
            text=criterion_text(criterion=criterion),
            count=rows.get(criterion.pk, {}).get("count", 0),
            mean=rows.get(criterion.pk, {}).get("mean"),
            low=rows.get(criterion.pk, {}).get("low"),
            high=rows.get(criterion.pk, {}).get("high"),
        )
        for number, criterion in enumerate(
            criteria_for_review(vacancy=interview.application.vacancy), start=1
        )
    ]
    counts = dict(
        Scorecard.objects.filter(interview=interview, submitted_at__isnull=False)
        .exclude(recommendation="")
        .values_list("recommendation")
        .annotate(Count("pk"))
        .order_by()
    )
    return ScorecardSummary(
        criteria=criteria,
        recommendations=[
            (str(label), counts.get(value, 0)) for value, label in Review.Recommendation.choices
        ],
        submitted=sum(counts.values()),
    )


def scorecards_due(*, user: User, limit: int = 20) -> list[Interview]:
    """Interviews that have taken place, with ``user`` on the panel and no scorecard of
    theirs submitted: the most recent first, at most ``limit``."""
    return list(
        Interview.objects.filter(
            panel=user,
            status=Interview.Status.SCHEDULED,
            start__lte=timezone.now(),
            application__vacancy__organization__memberships__user=user,
        )
        .exclude(
            pk__in=Scorecard.objects.filter(panel_member=user, submitted_at__isnull=False).values(
                "interview_id"
            )
        )
        .select_related(
            "application__candidate",
            "application__candidate_number",
            "application__vacancy__organization",
        )
        .order_by("-start")[:limit]
    )
