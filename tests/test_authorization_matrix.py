"""Every staff URL against every kind of visitor, generated from the URL configuration.

Each pattern under ``staff/<org>/`` is reversed with objects of one organization and
requested (GET, and POST for the outsider) by: an anonymous visitor, an outsider (owner of
another organization), a reviewer of the organization not assigned to the vacancy, one
assigned to it, a recruiter and an owner. What each may reach follows from the roles the
policy table (``tremplin/accounts/policy.py``) lists for the URL name: a new view cannot
escape, since a staff URL missing from the table or not guarded by ``staff_view`` /
``StaffViewMixin`` fails here, and so does a URL keyword this file does not know how to
fill.
"""

import pytest
from django.test import Client
from django.urls import reverse

from tests.conftest import ROLES, STAFF_ROUTES, StaffRoute, World
from tremplin.accounts.policy import POLICY
from tremplin.testing.staff import staff_login


def test_the_workspace_has_staff_routes_to_check() -> None:
    assert len(STAFF_ROUTES) >= 1


@pytest.mark.parametrize("route", STAFF_ROUTES, ids=lambda route: route.name)
def test_every_staff_view_is_guarded_and_listed_in_the_policy_table(route: StaffRoute) -> None:
    assert route.guarded, f"{route.name} is not wrapped in staff_view / StaffViewMixin"
    assert route.roles, f"{route.name} is missing from tremplin/accounts/policy.py"


def test_the_policy_table_lists_only_staff_pages_that_exist() -> None:
    assert set(POLICY) - {route.name for route in STAFF_ROUTES} == set()


# Pages the policy opens to reviewers that the world's assigned reviewer still may not open,
# because the world's vacancy is reviewed blind and its identities are not revealed: a page
# image may carry a photo or contact details (they read the redacted text instead).
NOT_FOR_BLIND_REVIEWERS = frozenset({"staff_applications:document_page"})


def expected_allowed(route: StaffRoute, role: str) -> bool:
    roles = route.roles or frozenset()
    if role.startswith("reviewer") and route.name in NOT_FOR_BLIND_REVIEWERS:
        return False
    if role in ("anonymous", "outsider"):
        return False
    if role == "owner":
        return "owner" in roles
    if role == "recruiter":
        return "recruiter" in roles
    if role == "reviewer_assigned":
        return "reviewer" in roles
    return "reviewer" in roles and not route.vacancy_scoped  # reviewer_unassigned


@pytest.mark.parametrize("route", STAFF_ROUTES, ids=lambda route: route.name)
def test_each_role_reaches_exactly_what_the_view_allows(route: StaffRoute, world: World) -> None:
    url = reverse(
        route.name, kwargs={k: world.keyword_value(k, route.name) for k in route.keywords}
    )
    for role in ROLES:
        client = Client()
        user = world.users[role]
        if user is not None:
            staff_login(client, user)
        response = client.get(url)
        if role == "anonymous":
            assert response.status_code == 302, (route.name, role)
            assert response["Location"].startswith("/en/accounts/login/"), (route.name, role)
            continue
        if expected_allowed(route, role):
            # 405: the view only takes POST, and the visitor got past the permission check.
            assert response.status_code in (200, 302, 405), (route.name, role, response.status_code)
        else:
            assert response.status_code == 404, (route.name, role, response.status_code)
        if role == "outsider":
            assert client.post(url).status_code == 404, (route.name, "outsider POST")


def test_correcting_a_candidate_s_details_is_for_recruiters_and_owners_only() -> None:
    """GDPR Art. 16 in the workspace: reviewers (blind or not) never reach it; the walk above
    checks that outsiders and reviewers get 404 on GET and outsiders on POST."""
    route = next(r for r in STAFF_ROUTES if r.name == "staff_applications:candidate_edit")
    assert route.roles == frozenset({"owner", "recruiter"})


def test_the_world_s_blind_reviewer_reads_a_document_s_redacted_text_but_no_page_image(
    world: World,
) -> None:
    """Why the matrix refuses them the page images: the world's vacancy is reviewed blind."""
    assert world.vacancy.blind_review
    client = staff_login(Client(), world.users["reviewer_assigned"])
    keywords = {"org": world.organization.slug, "document": world.keyword_value("document")}
    response = client.get(reverse("staff_applications:document_read", kwargs=keywords))
    assert response.status_code == 200
    assert "Ada Lovelace" not in response.content.decode()
    assert "<img" not in response.content.decode()
    page = reverse("staff_applications:document_page", kwargs=keywords)
    assert client.get(f"{page}?page=1").status_code == 404
