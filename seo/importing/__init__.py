"""Importing trend files into the corpus; see seo.importing.service.trend_import."""

from __future__ import annotations

from seo.importing.service import ImportReport, trend_import

__all__ = ["ImportReport", "trend_import"]
