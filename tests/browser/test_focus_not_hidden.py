"""WCAG 2.4.11: the sticky header never hides the element that has keyboard focus.

Walks the editor and the calendar week backwards with Shift+Tab on a phone (where the header
wraps to several lines) and at desktop width; every focused element must start below the header."""

from __future__ import annotations

import pytest

from tests.browser.conftest import signed_in_context

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# The focused element's box against the header's, or null when there is nothing to see
# (a visually hidden radio whose label carries the focus ring, focus on <body>)
# or no question (the header's own links).
FOCUS_VS_HEADER = """
() => {
  const el = document.activeElement;
  if (!el || el === document.body || el.closest('.site-header')) return null;
  const box = el.getBoundingClientRect();
  if (box.width < 2 || box.height < 2) return null;
  const header = document.querySelector('.site-header').getBoundingClientRect();
  const name = el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') + ' “' + (el.innerText || el.value || el.name || '').trim().slice(0, 30) + '”';
  return {name, top: box.top, bottom: box.bottom, height: box.height, headerBottom: header.bottom,
          room: window.innerHeight - header.bottom};
}
"""


def _hidden_stops(page, stops: int) -> list[str]:
    """Shift+Tab from the end of the page; the focus stops that the header covers."""
    page.wait_for_load_state("networkidle")  # the editor's panel arrives after the page
    # Not the End key: its smooth scroll would still be running while focus moves.
    page.evaluate("window.scrollTo(0, document.documentElement.scrollHeight)")
    page.evaluate("document.querySelector('footer').setAttribute('tabindex', '-1')")
    page.focus("footer")
    hidden = []
    for _ in range(stops):
        page.keyboard.press("Shift+Tab")
        seen = page.evaluate(FOCUS_VS_HEADER)
        # An element taller than the room below the header need only show its lower part.
        fits = seen and seen["height"] < seen["room"]
        if seen and (
            seen["top"] < seen["headerBottom"] - 1 if fits else seen["bottom"] < seen["headerBottom"] + 24
        ):
            hidden.append(
                f"{seen['name']} at {seen['top']:.0f} px, header ends at {seen['headerBottom']:.0f} px"
            )
        if page.evaluate("document.activeElement.classList.contains('brand')"):
            break
    return hidden


@pytest.mark.parametrize("width,height", [(390, 844), (1280, 800)])
def test_shift_tab_never_leaves_focus_under_the_sticky_header(
    browser, live_server, owner, client, width, height
):
    from series.demo import demo_series_create

    series = demo_series_create(user=owner)[0]
    first = series.parts.order_by("number").first()
    page = signed_in_context(browser, live_server, client, owner, width=width, height=height).new_page()

    page.goto(f"{live_server.url}/captions/new/")
    hidden = _hidden_stops(page, 80)
    page.goto(f"{live_server.url}/series/calendar/week/?week={first.scheduled_at:%G-W%V}")
    hidden += _hidden_stops(page, 80)
    assert not hidden, "\n".join(hidden)
