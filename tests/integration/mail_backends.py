"""A file-based email backend that can be made slow, so a test can kill a worker mid-send."""

from __future__ import annotations

import os
import time
from pathlib import Path

from django.core.mail.backends.filebased import EmailBackend


class SlowFileBackend(EmailBackend):
    """Writes `sending-<pid>` into the mail folder, waits HOOKLINE_TEST_MAIL_DELAY seconds
    (default 0), removes the marker and then writes the messages like the file backend."""

    def send_messages(self, email_messages):
        delay = float(os.environ.get("HOOKLINE_TEST_MAIL_DELAY", "0"))
        if delay:
            marker = Path(self.file_path) / f"sending-{os.getpid()}"
            marker.write_text("", encoding="utf-8")
            time.sleep(delay)
            marker.unlink(missing_ok=True)
        return super().send_messages(email_messages)
