"""The rate limits' counters: windows, atomic increments (database and Redis), keys."""

import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta

import pytest
import redis
import time_machine
from django.core.exceptions import ImproperlyConfigured
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from tremplin.core.models import RateCounter
from tremplin.core.ratelimit import (
    client_address,
    counter_clear,
    counter_get,
    counter_hit,
    counter_undo,
    counters_cull,
    limit_attempt,
    limit_reached,
    rate_key,
)
from tremplin.env import env_rate, parse_rate


def hit_in_parallel(key: str, threads: int, hits: int) -> list[int]:
    """Every count that ``threads`` threads got back from ``hits`` hits each on ``key``."""

    def hit_many() -> list[int]:
        try:
            return [counter_hit(key=key, window=600).count for _ in range(hits)]
        finally:
            connection.close()

    with ThreadPoolExecutor(max_workers=threads) as pool:
        results = [pool.submit(hit_many) for _ in range(threads)]
        return sorted(count for result in results for count in result.result())


@pytest.mark.django_db
def test_a_counter_counts_within_its_window_then_starts_again() -> None:
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        assert [counter_hit(key="k", window=60).count for _ in range(3)] == [1, 2, 3]
        assert counter_get(key="k").count == 3  # type: ignore[union-attr]
    with time_machine.travel(start + timedelta(seconds=59), tick=False):
        assert counter_hit(key="k", window=60).count == 4
    with time_machine.travel(start + timedelta(seconds=61), tick=False):
        assert counter_get(key="k") is None
        fresh = counter_hit(key="k", window=60)
    assert fresh.count == 1
    assert fresh.until == (start + timedelta(seconds=121)).replace(microsecond=0)


@pytest.mark.django_db
def test_undo_takes_back_one_hit_and_clear_forgets_the_counter() -> None:
    for _ in range(3):
        counter_hit(key="k", window=60)
    counter_undo(key="k")
    assert counter_get(key="k").count == 2  # type: ignore[union-attr]
    counter_clear(key="k")
    assert counter_get(key="k") is None
    counter_undo(key="k")  # nothing to take back: no error, no negative count
    assert counter_hit(key="k", window=60).count == 1


@pytest.mark.django_db
def test_a_limit_allows_its_count_then_refuses_until_the_window_ends(settings) -> None:
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        allowed = [
            limit_attempt(scope="s", value="a@example.org", rate="3/10m").allowed for _ in range(4)
        ]
        until = limit_reached(scope="s", value="a@example.org", rate="3/10m")
    assert allowed == [True, True, True, False]
    assert until == (start + timedelta(minutes=10)).replace(microsecond=0)
    assert limit_reached(scope="s", value="b@example.org", rate="3/10m") is None
    settings.RATELIMIT_ENABLE = False
    assert limit_attempt(scope="s", value="a@example.org", rate="3/10m").allowed


@pytest.mark.django_db
def test_every_hit_costs_one_query_so_that_a_page_costs_the_same_every_time() -> None:
    # Culling expired counters on a random hit, as before, cost one more query on one hit
    # in two hundred: a page's query count changed from one request to the next.
    with CaptureQueriesContext(connection) as captured:
        for number in range(1000):
            counter_hit(key=f"k{number % 7}", window=60)
    assert len(captured) == 1000


@pytest.mark.django_db
def test_the_daily_cull_deletes_the_counters_whose_window_has_ended() -> None:
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        counter_hit(key="old", window=60)
        counter_hit(key="young", window=600)
    with time_machine.travel(start + timedelta(minutes=5), tick=False):
        assert counters_cull() == 1
    assert list(RateCounter.objects.values_list("key", flat=True)) == ["young"]


@pytest.mark.django_db
def test_the_store_never_holds_the_address_it_counts() -> None:
    limit_attempt(scope="login.account", value="ada@example.org", rate="5/15m")
    (key,) = RateCounter.objects.values_list("key", flat=True)
    assert "ada" not in key and key.startswith("login.account:")
    assert key == rate_key(scope="login.account", value="ada@example.org")
    assert key != rate_key(scope="login.ip", value="ada@example.org")


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_parallel_hits_on_postgresql_lose_no_increment() -> None:
    counts = hit_in_parallel("parallel", threads=8, hits=25)
    assert counts == list(range(1, 201))
    assert RateCounter.objects.get(key="parallel").count == 200


@pytest.fixture
def redis_store(settings, redis_url: str) -> Iterator[redis.Redis]:
    """The counters in a real Redis server of the tests' own, emptied."""
    settings.CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": redis_url}
    }
    client = redis.Redis.from_url(redis_url)
    client.flushdb()
    yield client
    client.flushdb()


def test_with_redis_parallel_hits_lose_no_increment_and_never_touch_the_database(
    redis_store: redis.Redis,
) -> None:
    # No database access is allowed in this test: Redis holds everything.
    counts = hit_in_parallel("parallel", threads=8, hits=25)
    assert counts == list(range(1, 201))
    assert int(redis_store.get("tremplin:rate:parallel") or 0) == 200
    assert 0 < redis_store.ttl("tremplin:rate:parallel") <= 600


def test_with_redis_a_counter_expires_undoes_and_clears(redis_store: redis.Redis) -> None:
    assert counter_hit(key="k", window=1).count == 1
    assert counter_hit(key="k", window=1).count == 2
    counter_undo(key="k")
    assert counter_get(key="k").count == 1  # type: ignore[union-attr]
    redis_store.pexpire("tremplin:rate:k", 1)
    time.sleep(0.05)
    assert counter_hit(key="k", window=60).count == 1  # expired: a new window
    counter_clear(key="k")
    assert counter_get(key="k") is None
    assert limit_attempt(scope="s", value="v", rate="1/m").allowed
    assert not limit_attempt(scope="s", value="v", rate="1/m").allowed
    assert limit_reached(scope="s", value="v", rate="1/m") is not None


def test_client_address_is_remote_addr_or_the_proxy_s_last_entry(settings) -> None:
    factory = RequestFactory()
    request = factory.get(
        "/", REMOTE_ADDR="192.0.2.1", HTTP_X_FORWARDED_FOR="10.0.0.1, 203.0.113.9"
    )
    assert client_address(request) == "192.0.2.1"
    settings.BEHIND_TLS_PROXY = True
    assert client_address(request) == "203.0.113.9"


def test_an_ipv6_client_is_counted_by_its_64_network() -> None:
    factory = RequestFactory()
    one = factory.get("/", REMOTE_ADDR="2001:db8:1:2::1")
    other = factory.get("/", REMOTE_ADDR="2001:db8:1:2:ffff::9")
    assert client_address(one) == client_address(other) == "2001:db8:1:2::/64"


def test_rates_read_like_5_per_15_minutes(monkeypatch: pytest.MonkeyPatch) -> None:
    assert parse_rate("5/15m") == (5, 900)
    assert parse_rate("30/h") == (30, 3600)
    assert parse_rate("20/900s") == (20, 900)
    for bad in ("five/m", "5/15", "5/fortnight", "0/m", "5/0m", "", "5"):
        monkeypatch.setenv("TREMPLIN_LOGIN_RATE_PER_ACCOUNT", bad)
        with pytest.raises(ImproperlyConfigured, match="TREMPLIN_LOGIN_RATE_PER_ACCOUNT"):
            env_rate("TREMPLIN_LOGIN_RATE_PER_ACCOUNT", "5/15m")
