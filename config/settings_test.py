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
