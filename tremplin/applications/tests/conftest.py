"""The applications tests use the shared ones of tremplin/testing/applying.py, and start
with no rate-limit counters."""

import pytest
from django.core.cache import cache


@pytest.fixture(autouse=True)
def empty_cache(request: pytest.FixtureRequest) -> None:
    """Rate-limit counters live in the database cache, which transactional tests do not
    flush: each test starts with none."""
    marker = request.node.get_closest_marker("django_db")
    if marker is None:
        return
    request.getfixturevalue("transactional_db" if marker.kwargs.get("transaction") else "db")
    cache.clear()
