"""API tokens: made by owners (command line and workspace), shown once and kept hashed,
revoked whole or by prefix; what a request without a good token, without the scope, with
a reviewer's token or too often gets."""

import hashlib
from datetime import timedelta

import pytest
import time_machine
from django.core.management import CommandError, call_command
from django.utils import timezone

from tremplin.api.models import ApiToken
from tremplin.api.tests.conftest import Api
from tremplin.api.tokens import token_create
from tremplin.core.models import AuditEvent
from tremplin.testing.staff import staff_login

pytestmark = pytest.mark.django_db


def run(*args: str) -> str:
    from io import StringIO

    out = StringIO()
    call_command(*args, stdout=out)
    return out.getvalue()


def test_the_command_prints_the_token_alone_on_its_last_line_and_keeps_only_its_hash(team):
    out = run(
        "api_token",
        "create",
        "--org",
        "open-future",
        "--user",
        team.owner.email,
        "--scope",
        "vacancies:read",
        "--scope",
        "applications:read",
    )
    token = out.strip().splitlines()[-1]
    assert token.startswith("trp_") and " " not in token
    stored = ApiToken.objects.get()
    assert stored.scopes == ["vacancies:read", "applications:read"]
    assert stored.secret_hash == hashlib.sha256(token.encode()).hexdigest()
    assert token.startswith(stored.prefix) and len(stored.prefix) == 12
    assert not ApiToken.objects.filter(secret_hash=token).exists()
    assert Api(token).get("/api/v1/vacancies").status_code == 200


@pytest.mark.parametrize("given", ["whole", "prefix", "prefix…"])
def test_the_command_revokes_a_token_given_whole_or_by_its_prefix(team, given):
    token, raw = token_create(
        organization=team.owner.memberships.get().organization,
        user=team.recruiter,
        name="sheet",
        scopes=["vacancies:read"],
        by=None,
    )
    argument = {"whole": raw, "prefix": token.prefix, "prefix…": token.prefix + "…"}[given]
    run("api_token", "revoke", "--org", "open-future", argument)
    token.refresh_from_db()
    assert token.revoked_at is not None
    answer = Api(raw).get("/api/v1/vacancies")
    assert answer.status_code == 401
    assert answer.json()["code"] == "unauthenticated"


def test_the_command_refuses_a_reviewer_an_unknown_scope_and_a_stranger(team):
    with pytest.raises(CommandError, match="owners and recruiters"):
        run(
            "api_token",
            "create",
            "--org",
            "open-future",
            "--user",
            team.reviewer.email,
            "--scope",
            "vacancies:read",
        )
    with pytest.raises(CommandError):
        run(
            "api_token",
            "create",
            "--org",
            "open-future",
            "--user",
            team.owner.email,
            "--scope",
            "everything",
        )
    with pytest.raises(CommandError, match="owners and recruiters"):
        run(
            "api_token",
            "create",
            "--org",
            "open-future",
            "--user",
            team.outsider.email,
            "--scope",
            "vacancies:read",
        )
    with pytest.raises(CommandError, match="No token"):
        run("api_token", "revoke", "--org", "open-future", "trp_00000000")
    assert not ApiToken.objects.exists()


@pytest.mark.parametrize(
    "header",
    [None, "Bearer", "Bearer nonsense", "Bearer trp_00000000_unknown", "Token abc", "Basic eDp5"],
)
def test_a_missing_or_invalid_token_gets_401_json(client, team, header):
    headers = {"Authorization": header} if header else {}
    answer = client.get("/api/v1/vacancies", headers=headers)
    assert answer.status_code == 401
    assert answer["Content-Type"].startswith("application/json")
    assert answer.json()["code"] == "unauthenticated"
    assert answer["WWW-Authenticate"].startswith("Bearer")


def test_an_expired_token_gets_401(team):
    organization = team.owner.memberships.get().organization
    _token, raw = token_create(
        organization=organization,
        user=team.owner,
        name="short",
        scopes=["vacancies:read"],
        expires_at=timezone.now() + timedelta(days=1),
        by=None,
    )
    assert Api(raw).get("/api/v1/vacancies").status_code == 200
    with time_machine.travel(timezone.now() + timedelta(days=2)):
        assert Api(raw).get("/api/v1/vacancies").status_code == 401


def test_a_token_whose_user_left_the_organization_gets_401(team, api_as):
    api = api_as(team.recruiter)
    team.recruiter.memberships.all().delete()
    assert api.get("/api/v1/vacancies").status_code == 401


def test_a_missing_scope_gets_403_naming_it(team, api_as):
    api = api_as(team.recruiter, ["vacancies:read"])
    assert api.get("/api/v1/vacancies").status_code == 200
    answer = api.get("/api/v1/applications")
    assert answer.status_code == 403
    assert answer.json()["code"] == "scope"
    assert answer.json()["scope"] == "applications:read"
    assert api.post("/api/v1/vacancies", {"texts": {"en": {"title": "X"}}}).status_code == 403


def test_a_reviewers_token_is_refused_even_if_one_was_made_before_the_role_changed(team, api_as):
    api = api_as(team.recruiter)
    team.recruiter.memberships.update(role="reviewer")
    answer = api.get("/api/v1/vacancies")
    assert answer.status_code == 403
    assert answer.json()["code"] == "role"


def test_a_recruiter_cannot_be_given_the_webhooks_scope(team):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        token_create(
            organization=team.owner.memberships.get().organization,
            user=team.recruiter,
            name="x",
            scopes=["webhooks:manage"],
            by=None,
        )


def test_requests_past_the_tokens_rate_get_429_with_retry_after(team, api, settings):
    settings.TREMPLIN_API_RATE = "3/1m"
    for _ in range(3):
        assert api.get("/api/v1/vacancies").status_code == 200
    answer = api.get("/api/v1/vacancies")
    assert answer.status_code == 429
    assert answer.json()["code"] == "rate_limited"
    assert 1 <= int(answer["Retry-After"]) <= 60
    other = Api(
        token_create(
            organization=team.owner.memberships.get().organization,
            user=team.owner,
            name="other",
            scopes=["vacancies:read"],
            by=None,
        )[1]
    )
    assert other.get("/api/v1/vacancies").status_code == 200  # counted per token


def test_an_owner_makes_a_token_in_the_workspace_sees_it_once_and_revokes_it(client, team):
    staff_login(client, team.owner)
    page = "/en/staff/open-future/api/tokens/"
    answer = client.post(
        page,
        {"name": "Spreadsheet", "user": team.recruiter.pk, "scopes": ["applications:read"]},
    )
    assert answer.status_code == 200
    raw = answer.context["new_token"]
    assert raw.startswith("trp_") and raw in answer.content.decode()
    token = ApiToken.objects.get()
    assert (token.user, token.name, token.scopes) == (
        team.recruiter,
        "Spreadsheet",
        ["applications:read"],
    )
    listing = client.get(page).content.decode()
    assert token.prefix in listing and raw not in listing
    assert AuditEvent.objects.filter(verb="api_token.create", actor=team.owner).exists()
    client.post(f"{page}{token.pk}/revoke/")
    token.refresh_from_db()
    assert token.revoked_at is not None
    assert Api(raw).get("/api/v1/applications").status_code == 401


def test_the_workspace_refuses_a_token_without_scope_and_changes_nothing(client, team):
    staff_login(client, team.owner)
    answer = client.post("/en/staff/open-future/api/tokens/", {"name": "x", "user": team.owner.pk})
    assert answer.status_code == 400
    assert not ApiToken.objects.exists()


@pytest.mark.parametrize("role", ["recruiter", "reviewer", "outsider"])
def test_only_owners_see_the_tokens_page(client, team, role):
    staff_login(client, team.member(role))
    assert client.get("/en/staff/open-future/api/tokens/").status_code == 404
