"""Importing trend files into the corpus; see seo.corpus.importing.service.trend_import."""

from __future__ import annotations

from seo.corpus.importing.service import ImportReport, trend_import

__all__ = ["ImportReport", "trend_import"]
