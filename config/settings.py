"""Hookline settings: one module, every deployment-specific value from the environment.

See the configuration table in README.md. With no environment at all Hookline runs
on SQLite and an embedded (filesystem) Celery broker inside HOOKLINE_DATA_DIR.
"""

from __future__ import annotations

import zoneinfo
from datetime import datetime
from pathlib import Path

import dj_database_url
from celery.schedules import crontab
from django.core.exceptions import ImproperlyConfigured

from config.env import DEFAULT_ADDR, env_bool, env_float, env_int, env_list, env_str, site_url_for_addr

BASE_DIR = Path(__file__).resolve().parent.parent

DATA_DIR = Path(env_str("HOOKLINE_DATA_DIR", str(BASE_DIR / "var"))).resolve()
DATA_DIR.mkdir(parents=True, exist_ok=True)

DEBUG = env_bool("DEBUG", False)
SECRET_KEY = env_str("SECRET_KEY")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "SECRET_KEY is not set. Set SECRET_KEY to a long random string, "
            "or set DEBUG=1 for local development (the README's run command does)."
        )
    SECRET_KEY = "insecure-development-key-only-used-with-DEBUG"  # noqa: S105  (DEBUG only)

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost"] if DEBUG else [])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django_htmx",
    "template_partials",
    "accounts",
    "jobs",
    "seo",
    "series",
    "trends",
    "captions",
    "api",
    "creator_posts",
]

MIDDLEWARE = [
    # First, so it also sees lock errors of the other middleware (session save): SQLite
    # "database is locked" answers 503 with a retry message, not 500.
    "config.middleware.DatabaseBusyMiddleware",
    "django.middleware.security.SecurityMiddleware",
    # config.middleware_paths: Django's own, skipped by the token API under API_PATH_PREFIX.
    "config.middleware_paths.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",  # by name: check --deploy looks for it
    "config.middleware_paths.AuthenticationMiddleware",
    "config.middleware_paths.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "config.middleware_paths.HtmxMiddleware",
]
# The token API (api.api): no session, login, CSRF cookie, messages or htmx there.
API_PATH_PREFIX = "/api/v1/"

ROOT_URLCONF = "config.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

WSGI_APPLICATION = "config.wsgi.application"

DATABASES = {
    "default": dj_database_url.parse(
        env_str("DATABASE_URL", f"sqlite:///{DATA_DIR / 'hookline.sqlite3'}"),
        conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 60),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets the web process read while a worker writes; the timeout rides out short locks.
    DATABASES["default"]["OPTIONS"] = {
        "timeout": 30,
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
    }
    DATABASES["default"]["CONN_MAX_AGE"] = 0
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "home"

LANGUAGE_CODE = "en"
TIME_ZONE = env_str("TIME_ZONE", "Europe/Oslo")
try:
    zoneinfo.ZoneInfo(TIME_ZONE)
except (zoneinfo.ZoneInfoNotFoundError, ValueError):
    raise ImproperlyConfigured(
        f"TIME_ZONE={TIME_ZONE!r} is not an IANA time zone such as Europe/Oslo."
    ) from None
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = DATA_DIR / "static"
MEDIA_ROOT = DATA_DIR / "uploads"
MEDIA_URL = "media/"
# Uploads larger than this are streamed to disk instead of held in memory, except to views
# marked with config.uploads.upload_limit (batch scoring), which keep at most their limit.
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024
FILE_UPLOAD_HANDLERS = [
    "config.uploads.SizeLimitUploadHandler",
    "django.core.files.uploadhandler.MemoryFileUploadHandler",
    "django.core.files.uploadhandler.TemporaryFileUploadHandler",
]

EMAIL_BACKEND = env_str("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "Hookline <noreply@hookline.local>")
# Links in mails and feeds: by default where `./hookline run` serves (HOOKLINE_ADDR).
SITE_URL = env_str("SITE_URL", site_url_for_addr(env_str("HOOKLINE_ADDR", DEFAULT_ADDR))).rstrip("/")

# --- Suggestion index and trends -----------------------------------------------
# Recency and trend windows are measured against the newest post in the corpus; these
# pin them to a fixed moment instead (ISO 8601), e.g. to replay an old corpus.
HOOKLINE_RECENCY_REFERENCE = env_str("HOOKLINE_RECENCY_REFERENCE", "")
TRENDS_REFERENCE_DATE = env_str("TRENDS_REFERENCE_DATE", "")
for _name, _value in (
    ("HOOKLINE_RECENCY_REFERENCE", HOOKLINE_RECENCY_REFERENCE),
    ("TRENDS_REFERENCE_DATE", TRENDS_REFERENCE_DATE),
):
    if _value:
        try:
            datetime.fromisoformat(_value)
        except ValueError:
            raise ImproperlyConfigured(f"{_name}={_value!r} is not an ISO 8601 date or time.") from None
# The trend window (days) whose stage moves suggestions; one of the windows trends.stats computes.
TRENDS_STAGE_WINDOW = env_int("TRENDS_STAGE_WINDOW", 30)
if TRENDS_STAGE_WINDOW not in (7, 30, 120):
    raise ImproperlyConfigured(
        f"TRENDS_STAGE_WINDOW={TRENDS_STAGE_WINDOW} is not a trend window: use 7, 30 or 120."
    )
# How often a process asks the database whether a new index version is active.
HOOKLINE_INDEX_RELOAD_SECONDS = env_float("HOOKLINE_INDEX_RELOAD_SECONDS", 1.5)
# Trend stages move suggestions (rising up, declining down); off measures the engine without them.
SUGGEST_TREND_STAGES = env_bool("SUGGEST_TREND_STAGES", True)

# --- Caches, API and batch limits --------------------------------------------
# The per-token API rate limit counts in the cache: production sets CACHE_URL to Redis
# so every web process shares one count (the default in-memory cache counts per process).
CACHE_URL = env_str("CACHE_URL", "")
if CACHE_URL:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": CACHE_URL}}
API_RATE_LIMIT_PER_MINUTE = env_int("API_RATE_LIMIT_PER_MINUTE", 60)
CAPTION_BATCH_MAX_BYTES = env_int("CAPTION_BATCH_MAX_BYTES", 2 * 1024 * 1024)
CAPTION_BATCH_MAX_ROWS = env_int("CAPTION_BATCH_MAX_ROWS", 5000)

# --- Celery -----------------------------------------------------------------
# Default: kombu's filesystem transport, a broker that needs no server. Messages are
# files in DATA_DIR/broker, so the web process and a real `celery worker` on the same
# machine share them. Production sets CELERY_BROKER_URL=redis://...
CELERY_BROKER_URL = env_str("CELERY_BROKER_URL", "filesystem://")
if CELERY_BROKER_URL.startswith("filesystem://"):
    _broker_dir = DATA_DIR / "broker"
    for _sub in ("queue", "processed", "control"):
        (_broker_dir / _sub).mkdir(parents=True, exist_ok=True)
    CELERY_BROKER_TRANSPORT_OPTIONS = {
        "data_folder_in": str(_broker_dir / "queue"),
        "data_folder_out": str(_broker_dir / "queue"),
        "processed_folder": str(_broker_dir / "processed"),
        "control_folder": str(_broker_dir / "control"),
        "store_processed": False,
    }
# Progress and results live in our own Job rows, so no result backend is needed.
CELERY_RESULT_BACKEND = None
CELERY_TASK_IGNORE_RESULT = True
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_TASK_SERIALIZER = "json"
CELERY_RESULT_SERIALIZER = "json"
CELERY_TIMEZONE = TIME_ZONE
CELERY_TASK_TIME_LIMIT = env_int("CELERY_TASK_TIME_LIMIT", 60 * 60)
CELERY_TASK_SOFT_TIME_LIMIT = env_int("CELERY_TASK_SOFT_TIME_LIMIT", 55 * 60)
# A task is acknowledged after it ran, so a worker that dies mid-task hands it back.
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_ALWAYS_EAGER = env_bool("CELERY_TASK_ALWAYS_EAGER", False)
CELERY_TASK_EAGER_PROPAGATES = True
SERIES_REMINDER_MINUTES_BEFORE = env_int("SERIES_REMINDER_MINUTES_BEFORE", 60)
JOBS_KEEP_DAYS = env_int("JOBS_KEEP_DAYS", 30)
# A running job's worker touches its row every JOBS_HEARTBEAT_SECONDS; after
# JOBS_STALE_SECONDS without one the reaper retries it (up to JOBS_MAX_ATTEMPTS) or fails it.
JOBS_HEARTBEAT_SECONDS = env_int("JOBS_HEARTBEAT_SECONDS", 15)
JOBS_STALE_SECONDS = env_int("JOBS_STALE_SECONDS", 120)
JOBS_MAX_ATTEMPTS = env_int("JOBS_MAX_ATTEMPTS", 2)
if JOBS_STALE_SECONDS < 3 * JOBS_HEARTBEAT_SECONDS:
    raise ImproperlyConfigured("JOBS_STALE_SECONDS must be at least three JOBS_HEARTBEAT_SECONDS.")
CELERY_BEAT_SCHEDULE_FILENAME = str(DATA_DIR / "celerybeat-schedule")
CELERY_BEAT_SCHEDULE = {
    # Trend statistics are recomputed after each import and once a night.
    "trend-stats-nightly": {
        "task": "trends.tasks.trend_stats_recompute_task",
        "schedule": crontab(hour=3, minute=15),
    },
    # Jobs whose worker died are retried or failed within about JOBS_STALE_SECONDS + 1 minute.
    "jobs-reap": {
        "task": "jobs.tasks.jobs_reap_task",
        "schedule": 60.0,
    },
    "jobs-prune-daily": {
        "task": "jobs.tasks.jobs_prune_task",
        "schedule": crontab(hour=4, minute=0),
    },
    # Reminders are due "N minutes before a part"; checking every minute keeps them on time.
    "series-reminders": {
        "task": "series.tasks.reminders_send_task",
        "schedule": 60.0,
    },
    # Scheduled import sources (seo.corpus.importing.sources): one check a minute queues the due ones.
    "import-sources-due": {
        "task": "seo.tasks.sources.import_sources_due_task",
        "schedule": 60.0,
    },
}
# Scheduled import sources: an address's body is capped and timed out; a source is paused
# after this many failed runs in a row; a folder's file must be unchanged this long first.
IMPORT_SOURCE_MAX_BYTES = env_int("IMPORT_SOURCE_MAX_BYTES", 200 * 1024 * 1024)
IMPORT_SOURCE_TIMEOUT_SECONDS = env_int("IMPORT_SOURCE_TIMEOUT_SECONDS", 60)
IMPORT_SOURCE_MAX_FAILURES = env_int("IMPORT_SOURCE_MAX_FAILURES", 3)
IMPORT_SOURCE_SETTLE_SECONDS = env_int("IMPORT_SOURCE_SETTLE_SECONDS", 10)
# Only tests turn this on, to fetch from a server on 127.0.0.1 over plain http.
IMPORT_SOURCES_ALLOW_LOCAL_HTTP = False
# A creator's own analytics upload (creator_posts): the largest file accepted, in bytes.
CREATOR_POSTS_MAX_UPLOAD_BYTES = env_int("CREATOR_POSTS_MAX_UPLOAD_BYTES", 5 * 1024 * 1024)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
}

if not DEBUG:
    SESSION_COOKIE_SECURE = env_bool("SECURE_COOKIES", True)
    CSRF_COOKIE_SECURE = env_bool("SECURE_COOKIES", True)
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    # HTTPS only by default (docs/operations.md): plain HTTP is redirected, and browsers are
    # told by HSTS to use HTTPS for a year. Turn these down only behind a proxy that does
    # the same, or while trying a first deployment (HSTS cannot be taken back from browsers).
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
    SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 365 * 24 * 3600)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
    SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", True)
