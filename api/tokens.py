"""API token services: create, revoke, authenticate, and the per-token rate limit."""

from __future__ import annotations

import secrets
import time
from datetime import timedelta

from django.conf import settings
from django.core.cache import caches
from django.core.cache.backends.redis import RedisCache
from django.db import transaction
from django.utils import timezone

from api.models import ApiToken, token_hash

TOKEN_PREFIX = "hl_"  # noqa: S105  (marks Hookline tokens in logs and scanners; not a secret)
MAX_ACTIVE_TOKENS = 10
# last_used_at is written at most this often per token, not on every request.
LAST_USED_RESOLUTION = timedelta(minutes=1)
RATE_WINDOW_SECONDS = 60
# How long a process trusts a token it found active without asking the database again. A
# revocation (or deactivation) done in another process, or on another machine, takes effect
# within this many seconds; the process that revokes forgets at once. Five seconds saves the
# database query on all but one request in hundreds under load, and is a short window.
TOKEN_CACHE_SECONDS = 5.0
TOKEN_CACHE_SIZE = 1_000  # tokens remembered per process; forgotten all at once past it


class TokenError(ValueError):
    """A token request refused, with a message fit to show the creator."""


def rate_limit_per_minute() -> int:
    return settings.API_RATE_LIMIT_PER_MINUTE


@transaction.atomic
def token_create(*, user, name: str) -> tuple[ApiToken, str]:
    """A new token and its secret; the secret is not stored and cannot be shown again."""
    name = " ".join((name or "").split())
    if not name:
        raise TokenError("Give the token a name, such as the script or tool that will use it.")
    if len(name) > ApiToken._meta.get_field("name").max_length:
        raise TokenError("Keep the token name under 100 characters.")
    # Lock the user's tokens so two parallel requests cannot both pass the limit.
    active = list(ApiToken.objects.select_for_update().filter(user=user, revoked_at__isnull=True))
    if len(active) >= MAX_ACTIVE_TOKENS:
        raise TokenError(f"You have {MAX_ACTIVE_TOKENS} active tokens: revoke one you no longer use first.")
    secret = TOKEN_PREFIX + secrets.token_urlsafe(32)
    token = ApiToken.objects.create(user=user, name=name, prefix=secret[:10], secret_hash=token_hash(secret))
    return token, secret


def token_revoke(*, token: ApiToken) -> ApiToken:
    """Revoke a token (idempotent: revoking twice keeps the first time)."""
    ApiToken.objects.filter(pk=token.pk, revoked_at__isnull=True).update(revoked_at=timezone.now())
    token_cache_clear()
    token.refresh_from_db()
    return token


# secret hash -> (active token with its user, time.monotonic() when the database said so).
# Per process; only active tokens are kept, so a wrong secret always reaches the database.
_active_tokens: dict[str, tuple[ApiToken, float]] = {}


def token_cache_clear() -> None:
    """Forget every token this process found active (after a revocation or deactivation)."""
    _active_tokens.clear()


def _active_token(digest: str) -> ApiToken | None:
    now = time.monotonic()
    remembered = _active_tokens.get(digest)
    if remembered is not None and now - remembered[1] < TOKEN_CACHE_SECONDS:
        return remembered[0]
    token = (
        ApiToken.objects.select_related("user")
        .filter(secret_hash=digest, revoked_at__isnull=True, user__is_active=True)
        .first()
    )
    if token is None:
        _active_tokens.pop(digest, None)
        return None
    if len(_active_tokens) >= TOKEN_CACHE_SIZE:
        _active_tokens.clear()
    _active_tokens[digest] = (token, now)
    return token


def token_authenticate(*, secret: str) -> ApiToken | None:
    """The active token with this secret, or None; records when it was last used.

    An active token is remembered for TOKEN_CACHE_SECONDS, so a busy client costs one
    database query every few seconds instead of one per request."""
    if not secret or not secret.startswith(TOKEN_PREFIX) or len(secret) > 200:
        return None
    token = _active_token(token_hash(secret))
    if token is None:
        return None
    now = timezone.now()
    if token.last_used_at is None or now - token.last_used_at >= LAST_USED_RESOLUTION:
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
        token.last_used_at = now
    return token


def rate_limit_hit(*, token_id: int) -> int | None:
    """Count one request; None when allowed, else the seconds until the next window.

    A fixed one-minute window counted in Django's cache, so every web process shares one
    exact count when CACHES points at Redis (CACHE_URL). The default local-memory cache is
    exact but per process; the database cache is shared but its incr is a read-then-write,
    so it can undercount a burst.
    """
    limit = rate_limit_per_minute()
    if limit <= 0:
        return None
    now = time.time()
    window = int(now // RATE_WINDOW_SECONDS)
    count = _window_count(f"api-rate:{token_id}:{window}", timeout=RATE_WINDOW_SECONDS * 2)
    if count <= limit:
        return None
    return max(1, int((window + 1) * RATE_WINDOW_SECONDS - now) + 1)


# One command, so one round trip and one reply to parse: the counter is created with its
# expiry on the window's first request. (A MULTI pipeline of SET NX EX + INCR did the same in
# four commands and cost twice the CPU per request.)
_COUNT_SCRIPT = """
local count = redis.call('INCR', KEYS[1])
if count == 1 then redis.call('EXPIRE', KEYS[1], ARGV[1]) end
return count
"""


def _redis_counter(backend: RedisCache):
    """The counting script on a Redis client kept for the backend's connection pool: Django's
    get_client builds a new client object (and its table of ~170 reply parsers) per call."""
    cache_client = backend._cache
    script = getattr(cache_client, "_hookline_count_script", None)
    if script is None:
        script = cache_client.get_client(write=True).register_script(_COUNT_SCRIPT)
        cache_client._hookline_count_script = script
    return script


def _window_count(key: str, *, timeout: int) -> int:
    """Add one to the counter at key, created with this timeout when absent; the new count."""
    backend = caches["default"]
    if isinstance(backend, RedisCache):
        # Django stores integers as plain Redis integers, so cache.get still reads the counter.
        full_key = backend.make_and_validate_key(key)
        return int(_redis_counter(backend)(keys=[full_key], args=[timeout]))
    backend.add(key, 0, timeout=timeout)  # creates the counter only if absent
    try:
        return backend.incr(key)  # atomic on Memcached; exact per process on local memory
    except ValueError:  # expired between add and incr
        backend.add(key, 1, timeout=timeout)
        return 1
