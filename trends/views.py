"""The trend explorer and a detail page per hashtag, keyword or sound; both read precomputed rows."""

from __future__ import annotations

import datetime as dt

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from seo.score.hooks import hooks_page
from trends import charts
from trends.models import Kind
from trends.selectors import (
    DEFAULT_WINDOW,
    FILTER_DIMENSIONS,
    Slice,
    corpus_is_empty,
    explorer_tables,
    latest_run,
    trend_detail,
)
from trends.stats import WINDOWS, coverage

KIND_VALUES = [value for value, _ in Kind.choices]


def _window(raw: str | None, problems: list[str]) -> int:
    if not raw:
        return DEFAULT_WINDOW
    if raw.isdigit() and int(raw) in WINDOWS:
        return int(raw)
    problems.append(
        f"“{raw[:20]}” is not a window we compute; windows are 7, 30 or 120 days. Showing {DEFAULT_WINDOW} days."
    )
    return DEFAULT_WINDOW


def _explorer_filters(request: HttpRequest, run) -> tuple[dict, list[str]]:
    """Validated filters from the query string; bad values become messages and defaults."""
    problems: list[str] = []
    kind = request.GET.get("kind") or "hashtag"
    if kind not in KIND_VALUES:
        problems.append(f"“{kind[:30]}” is not hashtags, keywords or sounds. Showing hashtags.")
        kind = "hashtag"
    window = _window(request.GET.get("window"), problems)
    known = (run.slices if run else {}) or {}
    chosen: dict[str, str] = {}
    for dimension in FILTER_DIMENSIONS:
        value = (request.GET.get(dimension) or "").strip()
        if not value:
            continue
        if value not in known.get(dimension, []):
            problems.append(f"No posts found for {dimension} “{value[:40]}”. Showing all {dimension}s.")
            continue
        chosen[dimension] = value
    where = Slice()
    if chosen:
        dimension, value = next(iter(chosen.items()))
        where = Slice(dimension, value)
        if len(chosen) > 1:
            ignored = ", ".join(f"{d} {v}" for d, v in list(chosen.items())[1:])
            problems.append(
                f"Figures are kept for one filter at a time: showing {dimension} {value}, not {ignored}."
            )
    words = request.GET.get("words") or ""
    if words not in ("", "all"):
        problems.append(
            f"“{words[:20]}” is not a word choice; words=all shows filler words too. Hiding them."
        )
        words = ""
    filters = {
        "kind": kind,
        "window": window,
        "words": words,
        **{d: chosen.get(d, "") for d in FILTER_DIMENSIONS},
    }
    if where.dimension:
        filters.update({d: "" for d in FILTER_DIMENSIONS if d != where.dimension})
    return {"filters": filters, "where": where, "options": known}, problems


def _coverage_note(run, window: int) -> str:
    """Say plainly when the corpus is too short for a window or for its comparison."""
    if not run or not run.reference_date or not run.oldest_date:
        return ""
    span = (run.reference_date - run.oldest_date).days + 1
    if span < window:
        return (
            f"The corpus covers only {span} days ({run.oldest_date:%d %b} to {run.reference_date:%d %b %Y}), "
            f"so the {window}-day window shows all of it. Growth compares its later half with its earlier half."
        )
    if span < 2 * window:
        return (
            f"The corpus covers {span} days, less than two {window}-day windows: growth compares the "
            f"window's second half with its first half."
        )
    return ""


@login_required
def explorer(request: HttpRequest) -> HttpResponse:
    run = latest_run()
    state, problems = _explorer_filters(request, run)
    filters = state["filters"]
    context = {
        "nav": "trends",
        "run": run,
        "empty_corpus": (run is None and corpus_is_empty()) or (run is not None and run.posts == 0),
        "filters": filters,
        "where": state["where"],
        "options": state["options"],
        "problems": problems,
        "kinds": Kind.choices,
        "windows": WINDOWS,
        "coverage_note": _coverage_note(run, filters["window"]),
        "tables": None,
    }
    if run is not None and run.posts:
        found = explorer_tables(
            kind=filters["kind"],
            window=filters["window"],
            where=state["where"],
            hide_filler=filters["words"] != "all",
        )
        cover = coverage(window=filters["window"], reference=run.reference_date, oldest=run.oldest_date)
        for rows in found.tables.values():
            for row in rows:
                shown = charts.compared_days(row.series, window=row.window, cover=cover)
                row.spark = charts.sparkline(shown, label=row.key, stage=row.stage)
        context["tables"] = found.tables
        context["hidden_filler"] = found.hidden_filler
    template = "trends/explorer.html#results" if request.htmx else "trends/explorer.html"
    return render(request, template, context)


@login_required
def detail(request: HttpRequest, kind: str, key: str) -> HttpResponse:
    if kind not in KIND_VALUES:
        context = {
            "nav": "trends",
            "missing": f"“{kind[:30]}” is not hashtags, keywords or sounds.",
            "kind": "",
        }
        return render(request, "trends/detail.html", context, status=404)
    problems: list[str] = []
    window = _window(request.GET.get("window"), problems)
    run = latest_run()
    view = trend_detail(kind=kind, key=key)
    row = view.stats.get(window)
    context = {
        "nav": "trends",
        "kind": kind,
        "key": key,
        "view": view,
        "window": window,
        "windows": WINDOWS,
        "row": row,
        "rows": [view.stats.get(w) for w in WINDOWS],
        "problems": problems,
        "run": run,
        "coverage_note": _coverage_note(run, window),
        "halves_windows": [w for w in WINDOWS if _coverage_note(run, w)],
    }
    if row is not None and run is not None and run.reference_date:
        end: dt.date = run.reference_date
        context["curve"] = charts.curve(
            row.window_series, end=end, label=f"Posts per day using {key}, last {window} days"
        )
        context["table"] = charts.dated(row.window_series, end=end)
    status = 200
    if not view.stats:
        status = 200 if view.hashtag_posts else 404
    return render(request, "trends/detail.html", context, status=status)


@login_required
def hooks(request: HttpRequest) -> HttpResponse:
    """Hook and call-to-action patterns mined from the corpus, by language and niche, with evidence."""
    page = hooks_page(language=request.GET.get("language", ""), niche=request.GET.get("niche", ""))
    return render(request, "trends/hooks.html", {"page": page, "nav": "trends"})
