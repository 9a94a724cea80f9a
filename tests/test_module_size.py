"""The house stays small (issue 15): no module of the application or its benchmarks is over
400 lines, so each file stays one concept a reader can hold. Tests and migrations are exempt."""

from __future__ import annotations

from pathlib import Path

MAX_LINES = 400
ROOT = Path(__file__).resolve().parent.parent
CHECKED = ("accounts", "api", "benchmarks", "captions", "config", "jobs", "seo", "series", "trends")


def test_no_module_is_over_400_lines():
    too_long = {
        str(path.relative_to(ROOT)): lines
        for folder in CHECKED
        for path in (ROOT / folder).rglob("*.py")
        if "migrations" not in path.parts
        and (lines := len(path.read_text(encoding="utf-8").splitlines())) > MAX_LINES
    }
    assert not too_long, too_long
