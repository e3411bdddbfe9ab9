"""Following a vacancy: a recruiter or owner who follows one is told of each new
application on it. The writes, and the reads of the page that lists them."""

from dataclasses import dataclass

from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet

from tremplin.accounts.models import Membership, User
from tremplin.notifications.models import VacancyFollow
from tremplin.vacancies.models import Vacancy
from tremplin.vacancies.selectors import vacancy_title_for_language

# Who may follow a vacancy (reviewers see what is assigned to them, and are reminded).
FOLLOWERS = (Membership.Role.OWNER, Membership.Role.RECRUITER)


@dataclass(frozen=True)
class Followed:
    vacancy: Vacancy
    title: str
    following: bool


def vacancy_follow(*, membership: Membership, vacancy: Vacancy, follow: bool) -> bool:
    """Follow ``vacancy`` (or stop); only a recruiter or owner of its organization."""
    if membership.role not in FOLLOWERS or vacancy.organization_id != membership.organization_id:
        raise PermissionDenied
    if follow:
        VacancyFollow.objects.get_or_create(user=membership.user, vacancy=vacancy)
    else:
        VacancyFollow.objects.filter(user=membership.user, vacancy=vacancy).delete()
    return follow


def vacancy_follow_publisher(*, user_id: int, vacancy: Vacancy) -> None:
    """Whoever publishes a vacancy follows it, if they may."""
    if Membership.objects.filter(
        user_id=user_id, organization_id=vacancy.organization_id, role__in=FOLLOWERS
    ).exists():
        VacancyFollow.objects.get_or_create(user_id=user_id, vacancy=vacancy)


def followable_vacancies(*, membership: Membership) -> QuerySet[Vacancy]:
    """The organization's vacancies, newest first, for the page (a page at a time)."""
    return (
        Vacancy.objects.filter(organization_id=membership.organization_id)
        .prefetch_related("texts")
        .order_by("-created_at", "-id")
    )


def with_following(*, user: User, vacancies: list[Vacancy]) -> list[Followed]:
    """Each vacancy of one page, and whether ``user`` follows it (one query)."""
    followed = set(
        VacancyFollow.objects.filter(
            vacancy_id__in=[vacancy.pk for vacancy in vacancies], user=user
        ).values_list("vacancy_id", flat=True)
    )
    return [
        Followed(
            vacancy=vacancy,
            title=vacancy_title_for_language(vacancy=vacancy),
            following=vacancy.pk in followed,
        )
        for vacancy in vacancies
    ]
