from __future__ import annotations

import json

import pytest
from django.core.cache import cache

from api.tokens import token_create


@pytest.fixture(autouse=True)
def _fresh_state():
    # Rate-limit counters live in the cache, and the process keeps the last index it
    # loaded and the tokens it found active for a few seconds: each test starts with none.
    from api.tokens import token_cache_clear
    from seo.index.serving import reset_loaded_index

    cache.clear()
    reset_loaded_index()
    token_cache_clear()
    yield
    cache.clear()
    reset_loaded_index()
    token_cache_clear()


@pytest.fixture
def owner_secret(owner) -> str:
    _, secret = token_create(user=owner, name="Test script")
    return secret


@pytest.fixture
def api_post(client):
    """POST JSON to /api/v1/<path> with an optional bearer token."""

    def post(path: str, body, *, secret: str | None = None, raw: bool = False):
        headers = {"Authorization": f"Bearer {secret}"} if secret else {}
        data = body if raw else json.dumps(body)
        return client.post(f"/api/v1/{path}", data=data, content_type="application/json", headers=headers)

    return post
