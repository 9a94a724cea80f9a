"""A write that could not get SQLite's lock in time answers 503 with a retry hint, not 500.

SQLite lets one connection write at a time; a long import or a burst of writes can keep
the lock past the busy timeout (DATABASES OPTIONS "timeout"). That is a temporary state
the user can retry, so it gets "Service Unavailable" and Retry-After.
"""

from __future__ import annotations

import logging
import sys

from django.core.signals import got_request_exception
from django.db import OperationalError
from django.http import HttpRequest, HttpResponse, JsonResponse

logger = logging.getLogger(__name__)

RETRY_AFTER_SECONDS = 5
BUSY_MESSAGE = (
    "The database is busy with another write right now. Nothing was saved; please try again in a few seconds."
)


def is_database_busy(exc: BaseException) -> bool:
    return isinstance(exc, OperationalError) and "database is locked" in str(exc)


def busy_response(request: HttpRequest) -> HttpResponse:
    logger.warning("database busy: %s %s answered 503", request.method, request.path)
    if request.path.startswith("/api/"):
        response: HttpResponse = JsonResponse({"detail": BUSY_MESSAGE}, status=503)
    else:
        response = HttpResponse(BUSY_MESSAGE, status=503, content_type="text/plain; charset=utf-8")
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    return response


def _note_busy(sender, request: HttpRequest | None = None, **kwargs) -> None:
    # Sent while Django turns an uncaught exception into a 500, inside its except block.
    if request is not None and is_database_busy(sys.exc_info()[1]):
        request._database_busy = True  # type: ignore[attr-defined]


got_request_exception.connect(_note_busy, dispatch_uid="config.middleware.note_busy")


class DatabaseBusyMiddleware:
    """First in MIDDLEWARE. A view's lock error is caught in process_exception; one raised
    by another middleware on the way out (the session save after a login) has already been
    made a 500 by then, which the got_request_exception note lets this turn into a 503."""

    def __init__(self, get_response) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if response.status_code == 500 and getattr(request, "_database_busy", False):
            return busy_response(request)
        return response

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        return busy_response(request) if is_database_busy(exception) else None
