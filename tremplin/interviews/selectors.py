"""Reads about interviews: who may sit on a panel, an application's interviews, the one a
staff member or the candidate may act on, and a staff member's calendar feed."""

from django.core import signing
from django.db.models import Prefetch, QuerySet
from django.http import Http404

from tremplin.accounts.models import Membership, Organization, User
from tremplin.applications.models import Application
from tremplin.interviews.models import CalendarFeed, Interview, RescheduleRequest

FEED_SALT = "tremplin.interviews.feed"


def panel_candidates(*, organization: Organization) -> QuerySet[User]:
    """The staff members of ``organization``: only they may sit on its panels."""
    return User.objects.filter(is_active=True, memberships__organization=organization).order_by(
        "email"
    )


def interviews_of_application(*, application: Application) -> list[Interview]:
    """The application's interviews, newest first, with their times, panel and requests."""
    return list(
        application.interviews.prefetch_related(
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
