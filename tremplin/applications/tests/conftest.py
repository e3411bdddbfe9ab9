"""The applications tests use the shared ones of tremplin/testing/applying.py, and start
with no rate-limit counters."""

import pytest
from django.core.cache import cache

from tremplin.testing.applying import submit


@pytest.fixture(autouse=True)
def empty_cache(request: pytest.FixtureRequest) -> None:
    """Rate-limit counters live in the database cache, which transactional tests do not
    flush: each test starts with none."""
    marker = request.node.get_closest_marker("django_db")
    if marker is None:
        return
    request.getfixturevalue("transactional_db" if marker.kwargs.get("transaction") else "db")
    cache.clear()


@pytest.fixture
def applications(vacancy):
    """Three applications to the vacancy, one in French, for the bulk actions' tests."""
    return [
        submit(vacancy, email="ada@example.org", name="Ada Lovelace"),
        submit(vacancy, email="grace@example.org", name="Grace Hopper", language="fr"),
        submit(vacancy, email="alan@example.org", name="Alan Turing"),
    ]
