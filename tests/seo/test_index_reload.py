"""Every process notices a new active version without a restart (cheap DB check, then reload)."""

from __future__ import annotations

import pytest

from seo.index import serving as index_module
from seo.index.lifecycle import index_build
from seo.index.serving import active_index, reset_loaded_index
from seo.index.store import LoadedIndex
from tests.corpus_factory import post, topic_corpus

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("index_env")]


def test_a_loaded_process_sees_a_version_built_elsewhere_after_the_check_interval(monkeypatch):
    topic_corpus(copies=1)
    index_build()
    serving = active_index()
    assert serving.version == 1

    # "Another process" builds v2: here, the same code, after which we forget nothing locally.
    post("sourdough bread baking at home", ["sourdough"])
    index_module._Serving.index = serving  # this process still holds v1 in memory
    index_build()
    monkeypatch.setattr(index_module, "reload_seconds", lambda: 3600.0)
    index_module._Serving.checked_at = index_module.time.monotonic()
    assert active_index() is serving, "within the check interval no database query, no reload"

    monkeypatch.setattr(index_module, "reload_seconds", lambda: 0.0)
    reloaded = active_index()
    assert reloaded.version == 2
    assert reloaded.tag_id("sourdough") is not None


def test_a_fresh_loader_reads_the_active_version_from_the_database():
    topic_corpus(copies=1)
    index_build()
    index_build()
    reset_loaded_index()  # a new process
    loaded = active_index()
    assert isinstance(loaded, LoadedIndex)
    assert loaded.version == 2


def test_without_an_active_version_there_is_nothing_to_serve():
    assert active_index(force_check=True) is None
