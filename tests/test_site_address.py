"""The address Hookline prints and mails follows HOOKLINE_ADDR, the address runserver listens on."""

from __future__ import annotations

import io
import os
import subprocess
import sys

import pytest
from django.core.exceptions import ImproperlyConfigured

from config.env import site_url_for_addr
from tests.conftest import REPO_ROOT


@pytest.mark.parametrize(
    "addr,url",
    [
        ("", "http://127.0.0.1:8000"),
        ("8080", "http://127.0.0.1:8080"),
        ("127.0.0.1:8765", "http://127.0.0.1:8765"),
        ("0.0.0.0:9000", "http://127.0.0.1:9000"),
        ("[::1]:8001", "http://[::1]:8001"),
        ("hookline.local:8002", "http://hookline.local:8002"),
    ],
)
def test_the_site_address_is_where_runserver_listens(addr, url):
    assert site_url_for_addr(addr) == url


def test_an_address_without_a_port_is_refused():
    with pytest.raises(ImproperlyConfigured, match="HOOKLINE_ADDR"):
        site_url_for_addr("localhost:http")


def _setting(name: str, **env: str) -> str:
    environment = {k: v for k, v in os.environ.items() if k not in ("SITE_URL", "HOOKLINE_ADDR")}
    environment.update(env, DJANGO_SETTINGS_MODULE="config.settings", DEBUG="1")
    code = f"import django; django.setup(); from django.conf import settings; print(settings.{name})"
    done = subprocess.run(
        [sys.executable, "-c", code],
        cwd=REPO_ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


def test_site_url_defaults_to_hookline_addr_and_an_explicit_site_url_wins(tmp_path):
    data = str(tmp_path)
    assert (
        _setting("SITE_URL", HOOKLINE_DATA_DIR=data, HOOKLINE_ADDR="127.0.0.1:8765")
        == "http://127.0.0.1:8765"
    )
    assert _setting("SITE_URL", HOOKLINE_DATA_DIR=data) == "http://127.0.0.1:8000"
    assert (
        _setting(
            "SITE_URL", HOOKLINE_DATA_DIR=data, HOOKLINE_ADDR="8765", SITE_URL="https://hookline.example/"
        )
        == "https://hookline.example"
    )


@pytest.mark.django_db
def test_setup_demo_prints_the_sign_in_address_from_the_setting(settings, monkeypatch):
    from types import SimpleNamespace

    from django.core.management import call_command

    # The corpus, index and statistics are tested elsewhere; here only the printed address counts.
    monkeypatch.setattr("seo.demo.demo_corpus_load", lambda: SimpleNamespace(summary="stub"))
    monkeypatch.setattr("seo.index.index_build", lambda: SimpleNamespace(version=1, posts=0, terms=0))
    monkeypatch.setattr("trends.services.trend_stats_recompute", lambda **kw: None)
    monkeypatch.setattr("series.demo.demo_series_create", lambda **kw: [])
    settings.SITE_URL = "http://127.0.0.1:8765"
    out = io.StringIO()
    call_command("setup_demo", stdout=out)
    assert "Sign in at http://127.0.0.1:8765/accounts/login/" in out.getvalue()
