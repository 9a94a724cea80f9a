"""Shared fixtures: users (owner, other, staff), shared-data paths, a real Celery worker, the
trend corpora (index_env for a test's own small index, demo_index for the demo corpus) and
Chromium for the browser tests, which run last."""

from __future__ import annotations

import contextlib
import json
import os
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model

from tests.browser.chromium import chromium_stop

REPO_ROOT = Path(__file__).resolve().parent.parent
SHARED_DATA = REPO_ROOT.parent / "shared" / "data"
SHARED_TRENDS_CSV = SHARED_DATA / "tiktok_trends_en.csv"


@pytest.fixture
def shared_trends_csv() -> Path:
    if not SHARED_TRENDS_CSV.exists():
        pytest.skip(f"shared trend data not found at {SHARED_TRENDS_CSV} (../shared is absent here)")
    return SHARED_TRENDS_CSV


def settings_in_fresh_process(data_dir: Path, names: list[str], **env: str) -> dict:
    """The named settings as a new process reads them from this environment, with DEBUG on.

    Only config/settings.py is imported (no app), so it is quick and reads exactly what
    settings.py reads; an AssertionError carries the process's error output."""
    dropped = ("SECRET_KEY", "DEBUG", "DJANGO_SETTINGS_MODULE", "SITE_URL", "HOOKLINE_ADDR", *names)
    environment = {k: v for k, v in os.environ.items() if k not in dropped}
    environment.update(DEBUG="1", HOOKLINE_DATA_DIR=str(data_dir), **env)
    code = f"import json, config.settings as s; print(json.dumps({{n: getattr(s, n) for n in {names!r}}}))"
    done = subprocess.run(
        [sys.executable, "-c", code],
        cwd=REPO_ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])


@pytest.fixture
def owner(db):
    return get_user_model().objects.create_user("owner", "owner@example.com", "pw-owner-123")


@pytest.fixture
def other(db):
    return get_user_model().objects.create_user("other", "other@example.com", "pw-other-123")


@pytest.fixture
def staff(db):
    return get_user_model().objects.create_user(
        "staff", "staff@example.com", "pw-staff-123", is_staff=True, is_superuser=True
    )


@pytest.fixture
def owner_client(client, owner):
    client.force_login(owner)
    return client


@pytest.fixture
def staff_client(client, staff):
    client.force_login(staff)
    return client


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Before the test database is dropped, end sessions that other threads or worker
    processes left open on it (PostgreSQL refuses to drop a database in use)."""
    yield
    with django_db_blocker.unblock():
        from django.db import connection

        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute(
                    "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                    " WHERE datname = current_database() AND pid <> pg_backend_pid()"
                )


# --- Integration: PostgreSQL + Redis + a real worker ---------------------------------


def _xdist_groups_for_pytest_9(items) -> None:
    """Under --dist loadgroup, pytest-xdist 3.8 names an xdist_group by suffixing item._nodeid
    ("...[desktop]@every-page-desktop"), which pytest 9 no longer reads (the id is item._id):
    without this the groups were silently ignored and the two tests of a group could run on two
    workers (the every-page walk then ran twice)."""
    from _pytest.nodeid import NodeId

    for item in items:
        suffixed = getattr(item, "_nodeid", None)
        if suffixed and suffixed != item.nodeid:
            item._id = NodeId.parse(suffixed)


def _integration_skip_reason() -> str | None:
    engine = settings.DATABASES["default"]["ENGINE"]
    if "postgresql" not in engine:
        return "needs PostgreSQL: set DATABASE_URL=postgres://... (the CI's second run does)"
    if not settings.CELERY_BROKER_URL.startswith("redis://"):
        return "needs Redis as broker: set CELERY_BROKER_URL=redis://... (the CI's second run does)"
    return None


@pytest.hookimpl(trylast=True)  # after pytest-xdist's own hook
def pytest_collection_modifyitems(config, items):
    _xdist_groups_for_pytest_9(items)
    # Browser tests last (a stable sort), so one Chromium serves them all (tests/browser/chromium.py).
    items.sort(key=lambda item: item.get_closest_marker("browser") is not None)
    reason = _integration_skip_reason()
    if reason is None:
        return
    for item in items:
        if "integration" in item.keywords:
            item.add_marker(pytest.mark.skip(reason=reason))


# --- Browser: Debian's Chromium through Playwright ------------------------------------


class _NextTest:
    item = None  # the test pytest runs after the current one (None after the last)


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_protocol(item, nextitem):
    _NextTest.item = nextitem


@pytest.fixture(scope="module")
def browser(live_server):
    """Chromium (tests/browser/chromium.py) for a module's tests: each test opens contexts of its
    own, so no cookie or storage passes from test to test, and what the module leaves open is
    closed after it. Chromium keeps running when the next test is a browser test too (they run
    last) and stops otherwise, so no other test runs beside Playwright's event loop."""
    from tests.browser.chromium import CHROMIUM, chromium_browser, chromium_close_contexts
    from tests.browser.conftest import ARTIFACTS

    if not CHROMIUM.exists():
        pytest.skip(
            "Debian's chromium is not installed at /usr/bin/chromium(-headless-shell)"
            " (apt-get install chromium-headless-shell)"
        )
    ARTIFACTS.mkdir(exist_ok=True)
    yield chromium_browser()
    if _NextTest.item is not None and _NextTest.item.get_closest_marker("browser") is not None:
        chromium_close_contexts()
    else:
        chromium_stop()


def pytest_sessionfinish(session):
    chromium_stop()


def _worker_database_url(db: dict) -> str:
    """The URL of the *test* database, for a worker process started outside pytest."""
    if db["ENGINE"] == "django.db.backends.sqlite3":
        return f"sqlite:///{db['NAME']}"
    user = db.get("USER") or ""
    password = f":{db['PASSWORD']}" if db.get("PASSWORD") else ""
    host = db.get("HOST") or "127.0.0.1"
    port = db.get("PORT") or 5432
    return f"postgres://{user}{password}@{host}:{port}/{db['NAME']}"


@contextlib.contextmanager
def running_worker(
    settings,
    *,
    pool: str = "solo",
    settings_module: str = "config.settings_test",
    app_module: str = "config",
    **extra_env: str,
) -> Iterator[tuple[subprocess.Popen, list[str]]]:
    """A real `celery worker` process on the test database and the configured broker
    (the embedded filesystem broker by default; Redis in CI's second run), running the Celery
    app of `app_module` (`celery -A`).

    Tasks are sent through the broker (eager mode off); the worker sees the data because
    tests using it commit (transactional_db). Yields the process and its log lines.
    """
    settings.CELERY_TASK_ALWAYS_EAGER = False
    from config.celery import app

    app.conf.task_always_eager = False
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": settings_module,
        "CELERY_TASK_ALWAYS_EAGER": "0",
        "DATABASE_URL": _worker_database_url(settings.DATABASES["default"]),
        "HOOKLINE_DATA_DIR": str(settings.DATA_DIR),
        "HOOKLINE_TEST_DATA_DIR": str(settings.DATA_DIR),  # config.settings_test reads this one
        "CELERY_BROKER_URL": settings.CELERY_BROKER_URL,
        **extra_env,
    }
    # Start from an empty queue so leftovers of an earlier run are not replayed.
    app.control.purge()
    pool_args = ["--pool=solo"] if pool == "solo" else [f"--pool={pool}", "--concurrency=2"]
    quiet = ["--without-gossip", "--without-mingle", "--without-heartbeat"]
    name = ["-n", f"test-{os.getpid()}@%h"]
    proc = subprocess.Popen(
        [sys.executable, "-m", "celery", "-A", app_module, "worker", *pool_args, "-l", "info", *quiet, *name],
        cwd=REPO_ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    # Readiness is read from the worker's log: the filesystem broker has no broadcast, so no ping.
    log: list[str] = []
    ready = threading.Event()

    def _pump() -> None:
        for line in proc.stdout:
            log.append(line)
            if " ready." in line:
                ready.set()

    threading.Thread(target=_pump, daemon=True).start()
    try:
        if not ready.wait(timeout=60):
            raise RuntimeError("celery worker was not ready within 60 s:\n" + "".join(log[-50:]))
        yield proc, log
    finally:
        app.conf.task_always_eager = True
        proc.terminate()
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()


@pytest.fixture
def celery_worker_process(transactional_db, settings):
    """A real worker (see running_worker) for the duration of one test."""
    with running_worker(settings) as (proc, _log):
        yield proc


def wait_for(predicate, timeout: float = 60.0, interval: float = 0.2):
    """Poll `predicate` until it returns something truthy; fail the test on timeout."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(interval)
    pytest.fail(f"condition not met within {timeout} s")


@pytest.fixture
def index_env(settings, tmp_path):
    """A private data directory and a fresh process-level index state, for a test that builds
    its own index from a small corpus (tests/corpus_factory.py)."""
    from seo.index.serving import reset_loaded_index

    settings.DATA_DIR = tmp_path
    reset_loaded_index()
    yield tmp_path
    reset_loaded_index()


def corpus_snapshot(name: str, build, *, django_db_blocker, data_dir: Path):
    """Build a read-only corpus once (for a session- or module-scoped fixture) and keep a copy.

    `build()` runs with the database unblocked and committed and DATA_DIR set to `data_dir`
    (index files land there, where no other test builds). Its rows are copied to tables of
    their own and removed again, so no test sees them unless it restores the copy
    (corpus_snapshot_restore). A generator: the copies are dropped when the fixture ends."""
    from django.apps import apps
    from django.db import connection
    from django.test import override_settings

    from seo.index.serving import reset_loaded_index

    models = [*apps.get_app_config("seo").get_models(), *apps.get_app_config("trends").get_models()]
    quote = connection.ops.quote_name
    with django_db_blocker.unblock(), override_settings(DATA_DIR=data_dir):
        build()
        copies = [
            (model, quote(model._meta.db_table), quote(f"copy_{name}_{model._meta.db_table}"))
            for model in models
            if model._base_manager.exists()
        ]
        with connection.cursor() as cursor:
            for _model, table, copy in copies:
                cursor.execute(f"CREATE TABLE {copy} AS SELECT * FROM {table}")  # noqa: S608  (our table names)
        for model in reversed(models):  # children before parents
            model._base_manager.all().delete()
    reset_loaded_index()
    yield data_dir, copies
    with django_db_blocker.unblock(), connection.cursor() as cursor:
        for _model, _table, copy in copies:
            cursor.execute(f"DROP TABLE {copy}")


def corpus_snapshot_restore(settings, snapshot) -> None:
    """Copy a snapshot's rows back (one INSERT ... SELECT per table) and serve its index."""
    from django.core.management.color import no_style
    from django.db import connection

    from seo.index.serving import reset_loaded_index

    data_dir, copies = snapshot
    settings.DATA_DIR = data_dir
    with connection.cursor() as cursor:
        for _model, table, copy in copies:
            cursor.execute(f"INSERT INTO {table} SELECT * FROM {copy}")  # noqa: S608  (our table names)
        # PostgreSQL: rows the test adds must not reuse the restored ids.
        for sql in connection.ops.sequence_reset_sql(no_style(), [model for model, _, _ in copies]):
            cursor.execute(sql)
    reset_loaded_index()


@pytest.fixture(scope="session")
def _demo_snapshot(django_db_setup, django_db_blocker, tmp_path_factory):
    """The demo corpus and its index, built once per session."""
    from seo.corpus.demo import demo_corpus_load
    from seo.index.lifecycle import index_build

    def build() -> None:
        demo_corpus_load()
        index_build()

    yield from corpus_snapshot(
        "demo", build, django_db_blocker=django_db_blocker, data_dir=tmp_path_factory.mktemp("demo-index")
    )


@pytest.fixture
def demo_index(db, settings, _demo_snapshot):
    """The demo corpus imported and indexed, served to this process.

    The rows are copied back from the session's one build, not imported and built per test;
    the test may change them, as its transaction is rolled back. The index files are shared
    and must only be read."""
    from seo.index.serving import reset_loaded_index

    corpus_snapshot_restore(settings, _demo_snapshot)
    yield
    reset_loaded_index()


@pytest.fixture
def demo_index_committed(transactional_db, settings, _demo_snapshot):
    """demo_index for tests whose server runs in another thread (browser tests): the rows are
    committed, and removed by the flush that ends a transactional test."""
    from seo.index.serving import reset_loaded_index

    corpus_snapshot_restore(settings, _demo_snapshot)
    yield
    reset_loaded_index()
