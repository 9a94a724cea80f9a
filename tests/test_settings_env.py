from __future__ import annotations

import os
import subprocess
import sys

import pytest
from django.core.exceptions import ImproperlyConfigured

from config.env import env_bool, env_int, env_list
from tests.conftest import REPO_ROOT, settings_in_fresh_process


def test_env_bool_understands_common_spellings(monkeypatch):
    monkeypatch.setenv("FLAG", "yes")
    assert env_bool("FLAG", False) is True
    monkeypatch.setenv("FLAG", "0")
    assert env_bool("FLAG", True) is False


def test_env_bool_refuses_nonsense(monkeypatch):
    monkeypatch.setenv("FLAG", "maybe")
    with pytest.raises(ImproperlyConfigured, match="FLAG"):
        env_bool("FLAG", False)


def test_env_int_refuses_nonsense(monkeypatch):
    monkeypatch.setenv("NUM", "ten")
    with pytest.raises(ImproperlyConfigured, match="whole number"):
        env_int("NUM", 1)


def test_env_list_splits_on_commas(monkeypatch):
    monkeypatch.setenv("HOSTS", "a.example, b.example,,")
    assert env_list("HOSTS", []) == ["a.example", "b.example"]


def _django_check(env_overrides: dict[str, str]) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in ("SECRET_KEY", "DEBUG", "DJANGO_SETTINGS_MODULE")}
    env.update(env_overrides)
    return subprocess.run(
        [sys.executable, "manage.py", "check"],
        cwd=REPO_ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_production_refuses_to_start_without_a_secret_key(tmp_path):
    result = _django_check({"DEBUG": "0", "HOOKLINE_DATA_DIR": str(tmp_path)})
    assert result.returncode != 0
    assert "SECRET_KEY is not set" in result.stderr


def test_an_unknown_time_zone_is_refused(tmp_path):
    result = _django_check({"DEBUG": "1", "TIME_ZONE": "Mars/Olympus", "HOOKLINE_DATA_DIR": str(tmp_path)})
    assert result.returncode != 0
    assert "TIME_ZONE" in result.stderr


def _deploy_check(tmp_path, **overrides: str) -> subprocess.CompletedProcess:
    # The browser tests' DJANGO_ALLOW_ASYNC_UNSAFE (set in this process) is no production setting.
    dropped = ("SECRET_KEY", "DEBUG", "DJANGO_SETTINGS_MODULE", "DJANGO_ALLOW_ASYNC_UNSAFE")
    env = {k: v for k, v in os.environ.items() if k not in dropped}
    env.update(
        DEBUG="0",
        SECRET_KEY="a-long-random-production-secret-" + "x" * 40,
        ALLOWED_HOSTS="hookline.example",
        HOOKLINE_DATA_DIR=str(tmp_path),
        **overrides,
    )
    return subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=REPO_ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_production_settings_pass_the_deploy_check(tmp_path):
    result = _deploy_check(tmp_path)
    assert result.returncode == 0, result.stderr + result.stdout
    assert "no issues" in result.stdout


def test_https_redirect_and_hsts_are_environment_settings(tmp_path):
    result = _deploy_check(tmp_path, SECURE_SSL_REDIRECT="0", SECURE_HSTS_SECONDS="0")
    assert result.returncode != 0
    assert "security.W008" in result.stderr and "security.W004" in result.stderr


# The defaults the configuration table in README.md names; modules read settings.X, never a default of their own.
TABLE_DEFAULTS = {
    "TRENDS_STAGE_WINDOW": 30,
    "IMPORT_SOURCE_MAX_BYTES": 209715200,
    "IMPORT_SOURCE_TIMEOUT_SECONDS": 60,
    "IMPORT_SOURCE_MAX_FAILURES": 3,
    "IMPORT_SOURCE_SETTLE_SECONDS": 10,
    "CREATOR_POSTS_MAX_UPLOAD_BYTES": 5242880,
    "SERIES_REMINDER_MINUTES_BEFORE": 60,
    "API_RATE_LIMIT_PER_MINUTE": 60,
    "CAPTION_BATCH_MAX_BYTES": 2097152,
    "CAPTION_BATCH_MAX_ROWS": 5000,
    "HOOKLINE_INDEX_RELOAD_SECONDS": 1.5,
    "SUGGEST_TREND_STAGES": True,
    "JOBS_KEEP_DAYS": 30,
    "JOBS_HEARTBEAT_SECONDS": 15,
    "JOBS_STALE_SECONDS": 120,
    "JOBS_MAX_ATTEMPTS": 2,
}


def test_every_setting_has_the_default_the_table_names(tmp_path):
    assert settings_in_fresh_process(tmp_path, list(TABLE_DEFAULTS)) == TABLE_DEFAULTS


def test_the_trend_stage_window_is_read_from_the_environment(tmp_path):
    assert settings_in_fresh_process(tmp_path, ["TRENDS_STAGE_WINDOW"], TRENDS_STAGE_WINDOW="7") == {
        "TRENDS_STAGE_WINDOW": 7
    }


def test_a_trend_stage_window_trends_does_not_compute_is_refused(tmp_path):
    with pytest.raises(AssertionError, match="TRENDS_STAGE_WINDOW=14 is not a trend window"):
        settings_in_fresh_process(tmp_path, ["TRENDS_STAGE_WINDOW"], TRENDS_STAGE_WINDOW="14")


def test_the_test_suite_never_writes_into_the_shells_data_dir(tmp_path):
    """A developer's HOOKLINE_DATA_DIR holds their real index: the test settings ignore it."""
    real = tmp_path / "real-data"
    environment = {k: v for k, v in os.environ.items() if k != "HOOKLINE_TEST_DATA_DIR"}
    environment.update(HOOKLINE_DATA_DIR=str(real), DJANGO_SETTINGS_MODULE="config.settings_test")
    # The settings module alone: what django.setup() would read, without importing every app.
    code = (
        "import importlib, os; print(importlib.import_module(os.environ['DJANGO_SETTINGS_MODULE']).DATA_DIR)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code],
        env=environment, cwd=REPO_ROOT, capture_output=True, text=True, check=True,
    )  # fmt: skip
    used = out.stdout.strip().splitlines()[-1]
    assert used != str(real.resolve()) and "hookline-test-" in used
