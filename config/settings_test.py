"""Settings for the test suite: the real settings with a throwaway data directory,
fast password hashing and eager Celery for unit tests.

Integration tests (tests/integration) start a real worker and turn eagerness off.
"""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile

os.environ.setdefault("DEBUG", "1")
os.environ.setdefault("SECRET_KEY", "test-only-secret-key")
if "HOOKLINE_TEST_DATA_DIR" not in os.environ:
    # Made by the test run's own process and removed when it exits; worker processes the
    # tests start inherit the variable, so they share the directory and make none. A
    # HOOKLINE_DATA_DIR in the shell is never used: tests build indexes and would replace
    # the real ones there.
    os.environ["HOOKLINE_TEST_DATA_DIR"] = tempfile.mkdtemp(prefix="hookline-test-")
    atexit.register(shutil.rmtree, os.environ["HOOKLINE_TEST_DATA_DIR"], ignore_errors=True)
# PYTEST_XDIST_WORKER is gw0, gw1, ... under `pytest -n`.
if os.environ.get("PYTEST_XDIST_WORKER", "") not in ("", os.environ.get("HOOKLINE_TEST_DATA_DIR_WORKER")):
    # Each pytest-xdist worker gets a directory of its own inside the run's (its SQLite test
    # database, index files and filesystem broker). The Celery workers a test starts inherit
    # the marker and the test's directory, so they make none.
    os.environ["HOOKLINE_TEST_DATA_DIR_WORKER"] = os.environ["PYTEST_XDIST_WORKER"]
    os.environ["HOOKLINE_TEST_DATA_DIR"] = os.path.join(
        os.environ["HOOKLINE_TEST_DATA_DIR"], os.environ["PYTEST_XDIST_WORKER"]
    )
    os.makedirs(os.environ["HOOKLINE_TEST_DATA_DIR"], exist_ok=True)
os.environ["HOOKLINE_DATA_DIR"] = os.environ["HOOKLINE_TEST_DATA_DIR"]

from config.settings import *  # noqa: F403  (test settings extend the real ones)

# A file (not in-memory) test database on SQLite, so a real worker process started by a
# test can see the rows the test committed.
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":  # noqa: F405
    DATABASES["default"]["TEST"] = {"NAME": str(DATA_DIR / "test.sqlite3")}  # noqa: F405

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
CELERY_TASK_ALWAYS_EAGER = True
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
if os.environ.get("PYTEST_XDIST_WORKER"):
    # Under `pytest -n`, the workers' real Celery workers share one broker when it is Redis
    # (CI's second run): each xdist worker sends to and consumes from a queue of its own, so
    # neither takes (or purges) the other's tasks.
    CELERY_TASK_DEFAULT_QUEUE = f"hookline-test-{os.environ['PYTEST_XDIST_WORKER']}"
