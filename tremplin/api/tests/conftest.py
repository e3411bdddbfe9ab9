"""The API's tests: the ``team`` of the ``organization`` fixture (owner, recruiter,
reviewer, outsider), tokens made by the real service, and a client that sends them."""

from collections.abc import Callable, Sequence
from typing import Any

import pytest
from django.test import Client

from tremplin.accounts.models import User
from tremplin.api.models import SCOPES
from tremplin.api.tokens import token_create
from tremplin.testing.staff import Team


class Api:
    """A test client that sends ``Authorization: Bearer <token>`` and speaks JSON."""

    def __init__(self, token: str) -> None:
        self.client = Client()
        self.token = token

    def _headers(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.token}"} if self.token else {}

    def get(self, path: str, **params: Any) -> Any:
        return self.client.get(path, params, headers=self._headers())

    def post(self, path: str, body: Any = None) -> Any:
        return self.client.post(
            path, body or {}, content_type="application/json", headers=self._headers()
        )

    def patch(self, path: str, body: Any) -> Any:
        return self.client.patch(
            path, body, content_type="application/json", headers=self._headers()
        )

    def delete(self, path: str) -> Any:
        return self.client.delete(path, headers=self._headers())


@pytest.fixture
def token_for(team: Team) -> Callable[..., str]:
    """``token_for(user, scopes)``: a fresh token of ``user`` in the organization."""

    def make(user: User, scopes: Sequence[str] = SCOPES, name: str = "HR sheet") -> str:
        organization = user.memberships.get().organization
        _token, raw = token_create(
            organization=organization, user=user, name=name, scopes=scopes, by=None
        )
        return raw

    return make


@pytest.fixture
def api(team: Team, token_for: Callable[..., str]) -> Api:
    """The owner's client, with every scope."""
    return Api(token_for(team.owner))


RECRUITER_SCOPES = [scope for scope in SCOPES if scope != "webhooks:manage"]


@pytest.fixture
def api_as(token_for: Callable[..., str]) -> Callable[..., Api]:
    """``api_as(user, scopes)``: a client with a token of ``user`` (by default every scope
    their role may have)."""

    def make(user: User, scopes: Sequence[str] | None = None) -> Api:
        if scopes is None:
            owner = user.memberships.get().role == "owner"
            scopes = SCOPES if owner else RECRUITER_SCOPES
        return Api(token_for(user, scopes))

    return make
