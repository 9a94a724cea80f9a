"""Server-side SVG charts: a sparkline per explorer row and a curve on the detail page.

No JavaScript, no build step. Every chart is an <svg role="img"> with a <title> that
says in words what it shows (start, end, peak), and the pages put the numbers in a
table beside it, so neither colour nor the picture alone carries the information.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from trends.stats import Coverage


def _describe(series: Sequence[int], days: int) -> str:
    if not series or not any(series):
        return f"No posts in the last {days} days."
    peak = max(series)
    peak_day = len(series) - 1 - series[::-1].index(peak)
    ago = len(series) - 1 - peak_day
    when = "on the last day" if ago == 0 else f"{ago} day{'s' if ago != 1 else ''} before the end"
    return (
        f"Posts per day over {days} days: {series[0]} on the first day, {series[-1]} on the last, "
        f"peak {peak} {when}; {sum(series)} in total."
    )


def _points(values: Sequence[float], width: float, height: float, pad: float, top: float) -> list[tuple]:
    n = len(values)
    step = (width - 2 * pad) / max(n - 1, 1)
    scale = (height - 2 * pad) / top if top else 0
    return [(pad + i * step, height - pad - v * scale) for i, v in enumerate(values)]


def _smooth(series: Sequence[int], days: int) -> list[float]:
    """Mean of the last `days` days at every point (fewer at the start): the eye sees the trend."""
    out, running = [], 0.0
    for i, value in enumerate(series):
        running += value
        if i >= days:
            running -= series[i - days]
        out.append(running / min(i + 1, days))
    return out


@dataclass(frozen=True)
class Compared:
    """The days a stage compares: `days[:split]` (the window before, or the window's first half)
    against `days[split:]`. `split` is None when there is nothing before to compare with."""

    days: list[int]
    split: int | None
    before: str  # "the window before" or "the first half"


def compared_days(series: Sequence[int], *, window: int, cover: Coverage) -> Compared:
    """Cut a stored series down to the days its stage compares (see trends.stats.classify).

    Days before the oldest post are left out: drawn as zeros they would look like growth.
    """
    series = list(series)
    current = series[-window:]
    if len(series) < 2 * window:  # figures computed before the window before was kept
        return Compared(current, None, "")
    if cover.compares_previous:
        shown = series[window - cover.previous_days :]
        return Compared(shown, cover.previous_days, "the window before")
    (start, middle), _ = cover.halves()
    return Compared(current[start:], middle - start, "the first half")


def sparkline(
    compared: Compared, *, label: str, stage: str = "", width: int = 96, height: int = 28
) -> SafeString:
    """A small trend curve over the days the stage compares; the earlier part is shaded and a tick
    marks where the compared part begins. Smoothed over a week when long, so noise does not shout."""
    series = compared.days
    values = _smooth(series, 7) if len(series) > 14 else list(series)
    top = max(values, default=0) or 1
    points = _points(values, width, height, 3, top)
    line = " ".join(f"{x:.1f},{y:.1f}" for x, y in points)
    area = f"3,{height - 3} {line} {width - 3},{height - 3}"
    end_x, end_y = points[-1] if points else (width - 3, height - 3)
    text = f"{label}: {_describe(list(series), len(series))}"
    before = ""
    if compared.split:
        earlier, later = sum(series[: compared.split]), sum(series[compared.split :])
        text += f" Shaded: {compared.before}, {earlier} posts; then {later} posts."
        x = points[compared.split][0] if compared.split < len(points) else width - 3
        before = (
            f'<rect class="spark-before" x="0" y="0" width="{x:.1f}" height="{height}"/>'
            f'<line class="spark-split" x1="{x:.1f}" y1="0" x2="{x:.1f}" y2="{height}"/>'
        )
    text = escape(text)
    return mark_safe(  # noqa: S308  (every interpolated text is escaped above; numbers are ours)
        f'<svg class="spark spark-{escape(stage)}" viewBox="0 0 {width} {height}" width="{width}" '
        f'height="{height}" role="img" aria-label="{text}"><title>{text}</title>{before}'
        f'<polygon class="spark-area" points="{area}"/>'
        f'<polyline class="spark-line" points="{line}" fill="none"/>'
        f'<circle class="spark-end" cx="{end_x:.1f}" cy="{end_y:.1f}" r="2.5"/></svg>'
    )


def _nice_top(value: float) -> int:
    """A round axis maximum at or above `value` (1, 2 or 5 times a power of ten)."""
    if value <= 1:
        return 1
    magnitude = 10 ** (len(str(int(value))) - 1)
    for step in (1, 2, 5, 10):
        if step * magnitude >= value:
            return step * magnitude
    return 10 * magnitude


def curve(series: Sequence[int], *, end: dt.date, label: str) -> SafeString:
    """The detail chart: posts per day as bars, the 7-day average as a line, dated axis."""
    width, height, left, bottom, top_pad, right = 720, 240, 40, 28, 12, 12
    n = max(len(series), 1)
    top = _nice_top(max(series, default=0))
    plot_w, plot_h = width - left - right, height - bottom - top_pad
    bar_w = plot_w / n

    def y(value: float) -> float:
        return top_pad + plot_h - value / top * plot_h

    parts = [
        f'<svg class="curve" viewBox="0 0 {width} {height}" role="img" aria-labelledby="curve-title curve-desc">',
        f'<title id="curve-title">{escape(label)}</title>',
        f'<desc id="curve-desc">{escape(_describe(list(series), len(series)))}</desc>',
    ]
    ticks = range(0, top + 1) if top <= 5 else (0, top // 2, top)  # whole posts only
    for tick in ticks:
        parts.append(
            f'<line class="grid" x1="{left}" x2="{width - right}" y1="{y(tick):.1f}" y2="{y(tick):.1f}"/>'
            f'<text class="axis" x="{left - 6}" y="{y(tick) + 4:.1f}" text-anchor="end">{tick:g}</text>'
        )
    for i, value in enumerate(series):
        if value:
            parts.append(
                f'<rect class="bar" x="{left + i * bar_w + bar_w * 0.1:.1f}" y="{y(value):.1f}" '
                f'width="{max(bar_w * 0.8, 1):.1f}" height="{plot_h + top_pad - y(value):.1f}"/>'
            )
    if len(series) > 7:
        smooth = _smooth(series, 7)
        line = " ".join(f"{left + (i + 0.5) * bar_w:.1f},{y(v):.1f}" for i, v in enumerate(smooth))
        parts.append(f'<polyline class="trend-line" points="{line}" fill="none"/>')
    start = end - dt.timedelta(days=n - 1)
    for i, day in ((0, start), (n // 2, start + dt.timedelta(days=n // 2)), (n - 1, end)):
        anchor = "start" if i == 0 else "end" if i == n - 1 else "middle"
        x = left + (i + 0.5) * bar_w if anchor == "middle" else (left if i == 0 else width - right)
        parts.append(
            f'<text class="axis" x="{x:.1f}" y="{height - 8}" text-anchor="{anchor}">{day.day} {day:%b}</text>'
        )
    parts.append("</svg>")
    return mark_safe("".join(parts))  # noqa: S308  (labels escaped above)


def dated(series: Sequence[int], *, end: dt.date) -> list[tuple[dt.date, int]]:
    """(day, posts) pairs for the data table that accompanies a curve."""
    start = end - dt.timedelta(days=len(series) - 1)
    return [(start + dt.timedelta(days=i), value) for i, value in enumerate(series)]
