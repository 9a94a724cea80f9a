"""Parse one field of an imported row: counts, dates, durations and bounded text.

Each parser returns the value or raises `FieldError` with a message fit to show
staff next to the line number; empty input means "unknown" (None), never zero.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

from django.utils import timezone

_SUFFIXES = {"k": 10**3, "m": 10**6, "b": 10**9}
# Thousands separators seen in exports: comma, underscore, spaces (incl. no-break and thin spaces).
_SEPARATORS = re.compile(r"[,_\s\u00a0\u202f\u2009]")
_COUNT = re.compile(r"^(\d+(?:\.\d+)?)([kmb])?$", re.IGNORECASE)
# Counts are stored in a signed 64-bit column (BigIntegerField on SQLite and PostgreSQL).
MAX_COUNT = 2**63 - 1
# Longer numbers are refused before int() or Decimal sees them: int() refuses over 4,300
# digits with a ValueError, and a count that long is a mistake whatever its value.
_MAX_DIGITS = 30


class FieldError(ValueError):
    """One field's value is invalid; the message names the problem, not the line."""


def is_blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def parse_count(value: Any) -> int | None:
    """`1234`, `1,234`, `1.4M`, `541.2K`, `2B` -> int; empty -> None (unknown)."""
    if type(value) is str and value.isascii() and value.isdigit() and len(value) <= _MAX_DIGITS:
        return _bounded(int(value), value)  # the common case, taken before the general parsing below
    if is_blank(value):
        return None
    if isinstance(value, bool):
        raise FieldError(f"{value!r} is not a count")
    abbreviated = False
    if isinstance(value, int):
        number = Decimal(value)
    elif isinstance(value, float):
        if not math.isfinite(value):
            raise FieldError(f"{value!r} is not a count")
        number = Decimal(str(value))
    else:
        text = _SEPARATORS.sub("", str(value))
        if len(text) > _MAX_DIGITS:
            raise FieldError(f"{_shown(value)} is too long to be a count")
        if text.startswith("-"):
            raise FieldError(f"{value!r} is negative; counts must be 0 or more")
        match = _COUNT.match(text)
        if not match:
            raise FieldError(f"{value!r} is not a count (use 1234, 1,234, 1.4M, 541.2K or 2B)")
        abbreviated = match.group(2) is not None
        try:
            number = Decimal(match.group(1)) * _SUFFIXES.get((match.group(2) or "").lower(), 1)
        except InvalidOperation:
            raise FieldError(f"{value!r} is not a count") from None
    if number < 0:
        raise FieldError(f"{value!r} is negative; counts must be 0 or more")
    if number != number.to_integral_value() and not abbreviated:
        # "12.5" views is a typo, whereas "1.2345K" is an abbreviation that rounds.
        raise FieldError(f"{value!r} is not a whole number")
    return _bounded(int(number.to_integral_value()), value)


def _shown(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 40 else f"{text[:20]}…({len(text):,} characters)"


def _bounded(number: int, value: Any) -> int:
    if number > MAX_COUNT:
        raise FieldError(f"{_shown(value)} is too large (at most {MAX_COUNT:,})")
    return number


@dataclass(frozen=True, slots=True)
class UnixSeconds:
    """A time given as seconds since 1970-01-01 UTC (the Research API's create_time), as read."""

    value: Any


# Unix seconds from 1970 up to the year 9999, the largest a datetime holds.
_MAX_UNIX_SECONDS = 253_402_300_799


def parse_unix_seconds(value: Any) -> dt.datetime:
    try:
        seconds = float(str(value).strip()) if not isinstance(value, (int, float)) else value
    except ValueError:
        seconds = None
    if seconds is None or not math.isfinite(seconds) or not 0 <= seconds <= _MAX_UNIX_SECONDS:
        raise FieldError(f"{_shown(value)} is not a time in Unix seconds (such as 1716174460)")
    return dt.datetime.fromtimestamp(seconds, tz=dt.UTC)


def parse_datetime(value: Any) -> dt.datetime | None:
    """ISO 8601 or `YYYY-MM-DD HH:MM:SS`; UTC unless the value carries an offset.

    A value wrapped in UnixSeconds (by a format that gives times so) is seconds since 1970 UTC.
    """
    if isinstance(value, UnixSeconds):
        return None if is_blank(value.value) else parse_unix_seconds(value.value)
    if is_blank(value):
        return None
    text = str(value).strip()
    try:
        parsed = dt.datetime.fromisoformat(text)
    except ValueError:
        raise FieldError(
            f"{text!r} is not a date (use ISO 8601 such as 2025-05-20T03:07:40Z or 2025-05-20 03:07:40)"
        ) from None
    if timezone.is_naive(parsed):
        parsed = parsed.replace(tzinfo=dt.UTC)
    return parsed


def parse_duration(value: Any) -> float | None:
    if is_blank(value):
        return None
    try:
        seconds = float(str(value).strip().removesuffix("s"))
    except ValueError:
        raise FieldError(f"{value!r} is not a number of seconds") from None
    if not math.isfinite(seconds) or seconds < 0:
        raise FieldError(f"{value!r} is not a number of seconds 0 or more")
    return seconds


def parse_text(value: Any, *, max_length: int) -> str:
    text = value.strip() if type(value) is str else "" if value is None else str(value).strip()
    if len(text) > max_length:
        raise FieldError(f"is {len(text):,} characters long; at most {max_length:,} are allowed")
    return text
