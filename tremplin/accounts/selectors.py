"""Reads on accounts: an organization's members."""

from django.conf import settings
from django.db.models import QuerySet
from django.http import Http404

from tremplin.accounts.models import Membership, Organization, User
from tremplin.accounts.policy import OWNER


def member_list(*, organization: Organization) -> QuerySet[Membership]:
    """The organization's members: owners first, then recruiters, then reviewers."""
    order: dict[str, int] = {
        Membership.Role.OWNER: 0,
        Membership.Role.RECRUITER: 1,
        Membership.Role.REVIEWER: 2,
    }
    members = Membership.objects.filter(organization=organization).select_related("user")
    return sorted(members, key=lambda m: (order.get(m.role, 3), m.user.email))  # type: ignore[return-value]


def member_get_for_user(*, membership: Membership, pk: int) -> Membership:
    """Membership ``pk`` of the same organization, for an owner; 404 for anything else."""
    if membership.role not in OWNER:
        raise Http404("no such member")
    found = (
        Membership.objects.filter(pk=pk, organization=membership.organization)
        .select_related("user", "organization")
        .first()
    )
    if found is None:
        raise Http404("no such member")
    return found


def owner_count(*, organization: Organization) -> int:
    return Membership.objects.filter(organization=organization, role=Membership.Role.OWNER).count()


def user_mail_language(user: User) -> str:
    """The language to write to ``user`` in: their own if the site offers it, else the
    site's."""
    codes = {code for code, _name in settings.LANGUAGES}
    return user.language if user.language in codes else settings.LANGUAGE_CODE
