"""The per-token rate limit's counter: shared through Redis in one round trip per request."""

from __future__ import annotations

import socket
import time
import uuid

import pytest
from django.core.cache import caches

from api.tokens import RATE_WINDOW_SECONDS, rate_limit_hit


def _redis_down() -> bool:
    try:
        socket.create_connection(("127.0.0.1", 6379), timeout=0.5).close()
    except OSError:
        return True
    return False


@pytest.fixture
def redis_cache(settings):
    if _redis_down():
        pytest.skip("needs Redis on 127.0.0.1:6379 (the rate limit's production cache)")
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": "redis://127.0.0.1:6379/15",
            "KEY_PREFIX": f"test-{uuid.uuid4().hex}",  # parallel runs never share a counter
        }
    }
    yield caches["default"]
    caches["default"].clear()


def test_redis_counts_to_the_limit_then_refuses(redis_cache, settings):
    settings.API_RATE_LIMIT_PER_MINUTE = 3
    assert [rate_limit_hit(token_id=7) for _ in range(3)] == [None, None, None]
    retry_after = rate_limit_hit(token_id=7)
    assert retry_after is not None and 1 <= retry_after <= RATE_WINDOW_SECONDS + 1
    assert rate_limit_hit(token_id=8) is None, "each token has its own count"


def test_the_redis_counter_is_readable_by_django_and_expires(redis_cache, settings):
    settings.API_RATE_LIMIT_PER_MINUTE = 100
    for _ in range(4):
        rate_limit_hit(token_id=9)
    key = f"api-rate:9:{int(time.time() // RATE_WINDOW_SECONDS)}"
    assert redis_cache.get(key) == 4  # another process reads the same count
    full_key = redis_cache.make_and_validate_key(key)
    ttl = redis_cache._cache.get_client(full_key).ttl(full_key)
    assert 0 < ttl <= 2 * RATE_WINDOW_SECONDS


def test_each_request_is_one_round_trip_to_redis(redis_cache, settings, monkeypatch):
    settings.API_RATE_LIMIT_PER_MINUTE = 100
    rate_limit_hit(token_id=10)  # loads the counting script into Redis once
    client = redis_cache._cache.get_client(write=True)
    calls = []
    original = type(client).execute_command
    monkeypatch.setattr(
        type(client), "execute_command", lambda self, *a, **k: calls.append(a) or original(self, *a, **k)
    )
    for _ in range(3):
        rate_limit_hit(token_id=10)
    assert [call[0] for call in calls] == ["EVALSHA"] * 3, "one command per request"
