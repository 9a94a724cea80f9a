"""The address Hookline prints and mails follows HOOKLINE_ADDR, the address runserver listens on."""

from __future__ import annotations

import io

import pytest
from django.core.exceptions import ImproperlyConfigured

from config.env import site_url_for_addr
from tests.conftest import settings_in_fresh_process


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


def _site_url(data_dir, **env: str) -> str:
    return settings_in_fresh_process(data_dir, ["SITE_URL"], **env)["SITE_URL"]


def test_site_url_defaults_to_hookline_addr_and_an_explicit_site_url_wins(tmp_path):
    assert _site_url(tmp_path, HOOKLINE_ADDR="127.0.0.1:8765") == "http://127.0.0.1:8765"
    assert _site_url(tmp_path) == "http://127.0.0.1:8000"
    assert (
        _site_url(tmp_path, HOOKLINE_ADDR="8765", SITE_URL="https://hookline.example/")
        == "https://hookline.example"
    )


@pytest.mark.django_db
def test_setup_demo_prints_the_sign_in_address_from_the_setting(settings, monkeypatch):
    from types import SimpleNamespace

    from django.core.management import call_command

    # The corpus, index and statistics are tested elsewhere; here only the printed address counts.
    monkeypatch.setattr("seo.corpus.demo.demo_corpus_load", lambda: SimpleNamespace(summary="stub"))
    monkeypatch.setattr(
        "seo.index.lifecycle.index_build", lambda: SimpleNamespace(version=1, posts=0, terms=0)
    )
    monkeypatch.setattr("trends.services.trend_stats_recompute", lambda **kw: None)
    monkeypatch.setattr("series.demo.demo_series_create", lambda **kw: [])
    settings.SITE_URL = "http://127.0.0.1:8765"
    out = io.StringIO()
    call_command("setup_demo", stdout=out)
    assert "Sign in at http://127.0.0.1:8765/accounts/login/" in out.getvalue()
