"""Page middleware that the JSON API does not run.

The API at /api/v1/ authenticates each request with a bearer token (api.api.BearerToken):
it uses no session, no login cookie, no flash messages and no htmx, so it does not run those
four middleware (issue 14: part of the CPU per request saved in session 7, and no ambient
cookie can reach the API). Django's own CsrfViewMiddleware stays as it is: `check --deploy`
asks for it by name, and the API's views are CSRF-exempt (a bearer token is no ambient
credential), so it sets no cookie there.

Each class here is Django's (or django-htmx's) middleware, unchanged for every page, that
hands a request under settings.API_PATH_PREFIX straight on. They stay in MIDDLEWARE in
Django's order, so the admin's checks and every page see the usual stack.
"""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth import middleware as auth
from django.contrib.messages import middleware as messages
from django.contrib.sessions import middleware as sessions
from django_htmx import middleware as htmx


def is_api_request(request) -> bool:
    return request.path_info.startswith(settings.API_PATH_PREFIX)


def _pages_only(base: type) -> type:
    class PagesOnly(base):
        __doc__ = f"{base.__module__}.{base.__name__}, skipped under API_PATH_PREFIX."

        def __call__(self, request):
            if is_api_request(request):
                return self.get_response(request)
            return super().__call__(request)

        if hasattr(base, "process_view"):

            def process_view(self, request, view_func, view_args, view_kwargs):
                if is_api_request(request):
                    return None
                return super().process_view(request, view_func, view_args, view_kwargs)

    PagesOnly.__name__ = PagesOnly.__qualname__ = base.__name__
    return PagesOnly


SessionMiddleware = _pages_only(sessions.SessionMiddleware)
AuthenticationMiddleware = _pages_only(auth.AuthenticationMiddleware)
MessageMiddleware = _pages_only(messages.MessageMiddleware)
HtmxMiddleware = _pages_only(htmx.HtmxMiddleware)
