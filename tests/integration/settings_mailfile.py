"""Test settings whose emails land as files in HOOKLINE_TEST_MAIL_DIR, so a test can count
what a separate worker process sent (the default test backend keeps mail in memory)."""

from __future__ import annotations

import os

from config.settings_test import *  # noqa: F403  (extends the test settings)

EMAIL_BACKEND = "tests.integration.mail_backends.SlowFileBackend"
EMAIL_FILE_PATH = os.environ["HOOKLINE_TEST_MAIL_DIR"]
