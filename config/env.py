"""Typed readers for settings that come from the environment.

Each one fails loudly (ImproperlyConfigured) on a value it cannot understand
instead of guessing, so a typo in production never turns into a silent default.
"""

from __future__ import annotations

import os

from django.core.exceptions import ImproperlyConfigured

_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off", ""}


def env_str(name: str, default: str = "") -> str:
    return os.environ.get(name, default)


def env_bool(name: str, default: bool) -> bool:
    raw = os.environ.get(name)
    if raw is None:
        return default
    value = raw.strip().lower()
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    raise ImproperlyConfigured(f"{name}={raw!r} is not a boolean: use 1/0, true/false, yes/no or on/off.")


def env_int(name: str, default: int) -> int:
    raw = os.environ.get(name)
    if raw is None or raw.strip() == "":
        return default
    try:
        return int(raw)
    except ValueError:
        raise ImproperlyConfigured(f"{name}={raw!r} is not a whole number.") from None


def env_float(name: str, default: float) -> float:
    raw = os.environ.get(name)
    if raw is None or raw.strip() == "":
        return default
    try:
        return float(raw)
    except ValueError:
        raise ImproperlyConfigured(f"{name}={raw!r} is not a number.") from None


def env_list(name: str, default: list[str]) -> list[str]:
    raw = os.environ.get(name)
    if raw is None:
        return default
    return [item.strip() for item in raw.split(",") if item.strip()]


DEFAULT_ADDR = "127.0.0.1:8000"
_ANY_HOST = {"0.0.0.0", "::", "[::]", "0"}  # noqa: S104  (names that mean "listen everywhere", read, not bound)


def site_url_for_addr(addr: str) -> str:
    """The address people open for a runserver address ("8080", "0.0.0.0:8080", "[::1]:8000").

    Listening on every interface (0.0.0.0) is reached on this machine at 127.0.0.1.
    """
    addr = (addr or DEFAULT_ADDR).strip()
    host, sep, port = addr.rpartition(":")
    if not sep:
        host, port = "", addr
    if not port.isdigit():
        raise ImproperlyConfigured(f"HOOKLINE_ADDR={addr!r} is not [host:]port, such as 127.0.0.1:8080.")
    if not host or host in _ANY_HOST:
        host = "127.0.0.1"
    return f"http://{host}:{port}"
