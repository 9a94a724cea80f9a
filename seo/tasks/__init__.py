"""Celery tasks of the seo app, one module per feature (autodiscovery imports this package)."""

from __future__ import annotations

from seo.tasks import corpus, index, sources  # noqa: F401  (registers the tasks)
