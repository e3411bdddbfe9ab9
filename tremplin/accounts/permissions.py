"""Who may see what: the one place staff access is decided.

Every staff view is wrapped in ``staff_view`` (or uses ``StaffViewMixin``), which lets in
the roles ``policy.POLICY`` lists for the page's URL name, and every organization-owned
object is loaded through a ``*_get_for_user`` helper, in the selectors of the app that owns
it (``vacancies.selectors.vacancy_get_for_user``). Outsiders get a 404, never a 403: the
answer must not even say whether the object exists.
"""

import logging
from collections.abc import Callable, Collection
from functools import wraps
from typing import Any, Concatenate

from django.contrib.auth.mixins import AccessMixin
from django.contrib.auth.views import redirect_to_login
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import urlencode

from tremplin.accounts import twofactor
from tremplin.accounts.models import Membership, Organization, User
from tremplin.accounts.policy import PANELS, POLICY

Role = Membership.Role
logger = logging.getLogger(__name__)


class StaffRequest(HttpRequest):
    """A request that went through ``staff_view``: it knows the organization and role."""

    user: User
    organization: Organization
    membership: Membership


def membership_get(*, user: Any, organization: Organization) -> Membership | None:
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return None
    return Membership.objects.filter(user=user, organization=organization).first()


def panel_visible(*, membership: Membership, panel: str) -> bool:
    """Whether the member's role sees ``panel``, a part of a page (``policy.PANELS``)."""
    return membership.role in PANELS[panel]


def organization_get_for_user(*, user: Any, slug: str, roles: Collection[str]) -> Membership:
    """The user's membership of organization ``slug`` if it has one of ``roles``; else 404."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        raise Http404("no such organization")
    membership = (
        Membership.objects.select_related("organization", "user")
        .filter(user=user, organization__slug=slug, role__in=list(roles))
        .first()
    )
    if membership is None:
        raise Http404("no such organization")
    return membership


def _needs_second_factor(request: HttpRequest, membership: Membership) -> bool:
    """Members who must use a second factor (accounts.twofactor) and have not proved it in
    this session."""
    if not twofactor.second_factor_required(membership=membership):
        return False
    is_verified = getattr(request.user, "is_verified", None)
    return not (callable(is_verified) and is_verified())


def _staff_membership(request: HttpRequest, slug: object) -> Membership:
    """The member's membership of organization ``slug``, if the policy table lets their
    role use this page (looked up by its URL name); else 404, as for an outsider."""
    match = request.resolver_match
    roles = POLICY.get(match.view_name) if match is not None else None
    if roles is None:
        logger.error("staff page %s is missing from accounts/policy.py", match)
        raise Http404("no such page")
    if not isinstance(slug, str):
        raise Http404("no organization in the address")
    return organization_get_for_user(user=request.user, slug=slug, roles=roles)


def staff_view[**P](
    view: Callable[Concatenate[StaffRequest, P], HttpResponse],
) -> Callable[Concatenate[HttpRequest, P], HttpResponse]:
    """Wrap a view whose URL has an ``org`` slug: anonymous visitors are sent to log in,
    members whose role the policy table (``policy.POLICY``) does not list for the page and
    outsiders get 404, members who must use a second factor and have not proved it in this
    session are sent to prove it (or set it up). The view gets ``request.organization``
    and ``request.membership``.
    """

    @wraps(view)
    def wrapped(request: HttpRequest, *args: P.args, **kwargs: P.kwargs) -> HttpResponse:
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        membership = _staff_membership(request, kwargs.get("org"))
        if _needs_second_factor(request, membership):
            return second_factor_redirect(request)
        staff_request: Any = request
        staff_request.organization = membership.organization
        staff_request.membership = membership
        return view(staff_request, *args, **kwargs)

    wrapped.staff_view = True  # type: ignore[attr-defined]
    return wrapped


class StaffViewMixin(AccessMixin):
    """The class-based twin of ``staff_view``."""

    request: StaffRequest

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        membership = _staff_membership(request, kwargs.get("org"))
        if _needs_second_factor(request, membership):
            return second_factor_redirect(request)
        staff_request: Any = request
        staff_request.organization = membership.organization
        staff_request.membership = membership
        return super().dispatch(request, *args, **kwargs)  # type: ignore[misc]


def second_factor_redirect(request: HttpRequest) -> HttpResponse:
    """Send the user to prove (or set up) their second factor, then back here."""
    return redirect(
        f"{reverse('accounts:two_factor')}?{urlencode({'next': request.get_full_path()})}"
    )
