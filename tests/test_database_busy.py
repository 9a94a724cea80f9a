"""SQLite: WAL and a busy timeout; a write that still cannot get the lock answers 503, not 500."""

from __future__ import annotations

import sqlite3
from unittest import mock

import pytest
from django.db import OperationalError, connection
from django.test import Client
from django.urls import reverse

from api.tokens import token_create

pytestmark = pytest.mark.django_db

LOCKED = OperationalError("database is locked")


def test_sqlite_runs_in_wal_mode_with_a_busy_timeout(settings):
    if connection.vendor != "sqlite":
        pytest.skip("SQLite only")
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA journal_mode")
        assert cursor.fetchone()[0] == "wal"
        cursor.execute("PRAGMA busy_timeout")
        assert cursor.fetchone()[0] >= 5000
    assert isinstance(connection.connection, sqlite3.Connection)


def test_a_page_write_that_cannot_get_the_lock_answers_503(owner_client):
    with mock.patch("django.contrib.auth.views.auth_login", side_effect=LOCKED):
        response = owner_client.post(reverse("login"), {"username": "owner", "password": "pw-owner-123"})
    assert response.status_code == 503
    assert response["Retry-After"]
    assert b"try again" in response.content


def test_an_api_call_that_cannot_get_the_lock_answers_503_json(client, owner):
    _, secret = token_create(user=owner, name="script")
    with mock.patch("api.api.caption_score_for", side_effect=LOCKED):
        response = client.post(
            "/api/v1/score",
            {"caption": "Easy pasta"},
            content_type="application/json",
            headers={"Authorization": f"Bearer {secret}"},
        )
    assert response.status_code == 503
    assert "try again" in response.json()["detail"]


def test_a_session_save_that_cannot_get_the_lock_answers_503(owner):
    client = Client(raise_request_exception=False)
    with mock.patch("django.contrib.sessions.backends.db.SessionStore.save", side_effect=LOCKED):
        response = client.post(reverse("login"), {"username": "owner", "password": "pw-owner-123"})
    assert response.status_code == 503
    assert b"try again" in response.content


def test_other_database_errors_stay_errors(owner_client):
    with (
        mock.patch(
            "django.contrib.sessions.backends.db.SessionStore.save",
            side_effect=OperationalError("disk I/O error"),
        ),
        pytest.raises(OperationalError),
    ):
        owner_client.post(reverse("login"), {"username": "owner", "password": "pw-owner-123"})
