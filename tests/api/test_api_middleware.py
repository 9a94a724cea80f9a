"""The token API skips the page middleware it does not use (config.middleware_paths)."""

from __future__ import annotations

import pytest
from django.contrib.messages.middleware import MessageMiddleware
from django.contrib.sessions.middleware import SessionMiddleware
from django.core.management import call_command
from django.middleware.csrf import CsrfViewMiddleware
from django.test import Client


@pytest.fixture
def page_middleware_calls(monkeypatch):
    """Which of Django's session, CSRF and messages middleware handled a request."""
    calls: list[str] = []
    for cls in (SessionMiddleware, CsrfViewMiddleware, MessageMiddleware):  # CSRF runs everywhere
        original = cls.process_request

        def counted(self, request, _original=original, _name=cls.__name__):
            calls.append(_name)
            return _original(self, request)

        monkeypatch.setattr(cls, "process_request", counted)
    return calls


def test_api_requests_run_no_session_or_messages_middleware(api_post, owner_secret, page_middleware_calls):
    response = api_post("score", {"caption": "Easy pasta for busy weeknights"}, secret=owner_secret)
    assert response.status_code == 200
    assert page_middleware_calls == ["CsrfViewMiddleware"], "CSRF stays by name for check --deploy"
    assert not response.cookies, "the API sets no session or CSRF cookie"
    assert response["X-Frame-Options"] == "DENY", "the headers every response gets stay"


def test_pages_still_run_them_and_keep_csrf(client, page_middleware_calls, django_user_model):
    assert client.get("/accounts/login/").status_code == 200
    assert {"SessionMiddleware", "CsrfViewMiddleware", "MessageMiddleware"} <= set(page_middleware_calls)
    strict = Client(enforce_csrf_checks=True)
    response = strict.post("/accounts/login/", {"username": "x", "password": "y"})
    assert response.status_code == 403, "a form post without its CSRF token is refused"


def test_api_token_pages_are_pages(client, owner, page_middleware_calls):
    client.force_login(owner)
    assert client.get("/api/tokens/").status_code == 200
    assert "SessionMiddleware" in page_middleware_calls


def test_the_admin_accepts_the_middleware():
    call_command("check")  # admin.E408-E410 want sessions, auth and messages in MIDDLEWARE
