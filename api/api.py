"""The JSON API at /api/v1/: suggestions and caption scores for scripts and tools.

django-ninja rather than Django REST framework: the request and response shapes
are typed pydantic schemas (api/schemas.py) that validate input and generate the
OpenAPI document at /api/v1/openapi.json, with no serializer layer, router or
viewset machinery for two endpoints.
"""

from __future__ import annotations

import orjson
from django.core.exceptions import RequestDataTooBig
from django.db import OperationalError
from django.http import HttpRequest, HttpResponse
from ninja import NinjaAPI
from ninja.errors import AuthenticationError
from ninja.security import HttpBearer

from api.schemas import ErrorOut, RateLimitedOut, ScoreIn, ScoreOut, SuggestIn, SuggestOut, ValidationErrorOut
from api.tokens import rate_limit_hit, rate_limit_per_minute, token_authenticate
from config.middleware import BUSY_MESSAGE, RETRY_AFTER_SECONDS, is_database_busy
from seo.score.inputs import caption_score_for
from seo.suggest.engine import suggest
from seo.suggest.suggestions import SuggestError

api = NinjaAPI(
    title="Hookline API",
    version="1",
    urls_namespace="api-v1",
    description=(
        "Hashtag and keyword suggestions and caption SEO scores. Authenticate with "
        "`Authorization: Bearer <token>`; create tokens on your account page."
    ),
)


class TokenInvalid(Exception):
    pass


class RateLimited(Exception):
    def __init__(self, retry_after: int) -> None:
        super().__init__(retry_after)
        self.retry_after = retry_after


class BearerToken(HttpBearer):
    """A Hookline API token; counts each authenticated request against the token's rate limit."""

    def authenticate(self, request: HttpRequest, token: str):
        api_token = token_authenticate(secret=token.strip())
        if api_token is None:
            raise TokenInvalid
        retry_after = rate_limit_hit(token_id=api_token.pk)
        if retry_after is not None:
            raise RateLimited(retry_after)
        return api_token


def _unauthorized(request: HttpRequest, message: str) -> HttpResponse:
    response = api.create_response(request, {"detail": message}, status=401)
    response["WWW-Authenticate"] = 'Bearer realm="hookline"'
    return response


@api.exception_handler(TokenInvalid)
def _token_invalid(request: HttpRequest, exc: TokenInvalid) -> HttpResponse:
    return _unauthorized(request, "The API token is invalid or has been revoked.")


@api.exception_handler(AuthenticationError)
def _token_missing(request: HttpRequest, exc: AuthenticationError) -> HttpResponse:
    return _unauthorized(request, "Send an API token as `Authorization: Bearer <token>`.")


@api.exception_handler(RateLimited)
def _rate_limited(request: HttpRequest, exc: RateLimited) -> HttpResponse:
    body = {
        "detail": f"Rate limit of {rate_limit_per_minute()} requests a minute reached; retry in {exc.retry_after} s.",
        "retry_after": exc.retry_after,
    }
    response = api.create_response(request, body, status=429)
    response["Retry-After"] = str(exc.retry_after)
    return response


@api.exception_handler(SuggestError)
def _suggest_error(request: HttpRequest, exc: SuggestError) -> HttpResponse:
    return api.create_response(request, {"detail": str(exc)}, status=400)


@api.exception_handler(OperationalError)
def _database_busy(request: HttpRequest, exc: OperationalError) -> HttpResponse:
    """SQLite's write lock held too long: 503 with Retry-After, as config.middleware does."""
    if not is_database_busy(exc):
        raise exc
    response = api.create_response(request, {"detail": BUSY_MESSAGE}, status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    return response


@api.exception_handler(RequestDataTooBig)
def _too_big(request: HttpRequest, exc: RequestDataTooBig) -> HttpResponse:
    return api.create_response(request, {"detail": "The request body is too large."}, status=413)


_ERRORS = {400: ErrorOut, 401: ErrorOut, 422: ValidationErrorOut, 429: RateLimitedOut}


@api.post("/suggest", auth=BearerToken(), response={200: SuggestOut, **_ERRORS}, tags=["suggestions"])
def suggest_endpoint(request: HttpRequest, payload: SuggestIn):
    """Hashtags (with a recommended 3-5), keywords and similar trending posts for a text."""
    found = suggest(
        text=payload.text,
        language=payload.language,
        niche=payload.niche,
        hashtags=payload.hashtags,
        k=payload.k,
        evidence=payload.evidence,
    )
    # Rendered as is, not validated again through SuggestOut: that copy of a 9 KB answer took
    # 0.2-0.35 ms, a sixth of the ranking. SuggestOut still documents the answer, and
    # tests/api/test_suggest_contract.py checks that every answer matches it exactly.
    return _json_response(found.to_dict())


def _json_response(data: dict) -> HttpResponse:
    """200 with `data` as JSON, rendered by orjson: the same JSON values as ninja's renderer
    (json.dumps), in ~5 % of its time, ~4 % of the CPU of a suggestion request (issue 14).
    The answer holds only strings, numbers, booleans, None, lists and dicts."""
    return HttpResponse(orjson.dumps(data), content_type=api.get_content_type())


@api.post("/score", auth=BearerToken(), response={200: ScoreOut, **_ERRORS}, tags=["scoring"])
def score_endpoint(request: HttpRequest, payload: ScoreIn):
    """The caption's SEO score (0-100) with its checklist; every point has a reason."""
    score, inputs = caption_score_for(
        caption=payload.caption,
        hook=payload.hook,
        on_screen_text=payload.on_screen_text,
        hashtags=payload.hashtags,
        language=payload.language,
        keywords=payload.keywords,
        niche=payload.niche,
    )
    return {
        **score.to_dict(),
        "language": inputs.language,
        "language_detected": inputs.language_detected,
        "keywords": inputs.keywords,
        "notes": inputs.notes,
    }
