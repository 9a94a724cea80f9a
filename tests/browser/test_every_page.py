"""Every page at desktop and phone width: nothing wider than the screen, nothing fails to load,
and axe-core finds no serious or critical violation.

Each test walks all pages (the demo data loads once per test) and lists every failure, not
only the first. Screenshots go to test-artifacts/pages/<width>/. axe-core comes from npm
(`./hookline test` installs it into node_modules/); without it the axe test skips."""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.browser.conftest import ARTIFACTS, signed_in_context
from tests.browser.pages import ANONYMOUS_PAGES, demo_pages

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WIDTHS = {"desktop": (1280, 900), "phone": (390, 844)}

# The elements that stick out past the right edge while their parent does not: the culprits.
OVERFLOW_CULPRITS = """
width => {
  const out = [];
  for (const el of document.body.querySelectorAll('*')) {
    const right = el.getBoundingClientRect().right;
    const parent = el.parentElement && el.parentElement.getBoundingClientRect().right;
    if (right > width + 0.5 && parent <= width + 0.5) {
      const cls = el.className && typeof el.className === 'string' ? '.' + el.className.trim().split(/\\s+/).join('.') : '';
      out.push(`${el.tagName.toLowerCase()}${cls} (${Math.round(right)} px)`);
    }
  }
  return out.slice(0, 5);
}
"""


AXE_JS = Path(
    os.environ.get("HOOKLINE_AXE_JS")
    or Path(__file__).resolve().parents[2] / "node_modules/axe-core/axe.min.js"
)
# Serious or critical violations, one line per rule with the first few offending elements.
AXE_RUN = """
async () => {
  const found = await axe.run(document, {resultTypes: ['violations']});
  return found.violations
    .filter(v => v.impact === 'serious' || v.impact === 'critical')
    .map(v => `${v.impact} ${v.id}: ${v.help} — ${v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(', ')}`
              + (v.nodes.length > 3 ? ` and ${v.nodes.length - 3} more` : ''));
}
"""


def _slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")


def _width_problems(page, width: int) -> list[str]:
    wide = page.evaluate("document.documentElement.scrollWidth")
    if wide <= width:
        return []
    return [f"{wide} px wide at {width} px; {page.evaluate(OVERFLOW_CULPRITS, width)}"]


def _axe_problems(page, width: int) -> list[str]:
    page.add_script_tag(path=str(AXE_JS))
    return page.evaluate(AXE_RUN)


def _visit(context, live_server, pages, width: int, check: Callable, folder: Path | None) -> list[str]:
    page = context.new_page()
    problems = []
    # A stylesheet, script or icon that fails to load (the favicon was a 404 on every page).
    failed: list[str] = []
    page.on("response", lambda r: failed.append(f"{r.status} {r.url}") if r.status >= 400 else None)
    for target in pages:
        failed.clear()
        response = page.goto(f"{live_server.url}{target.path}")
        if response is None or response.status >= 400:
            problems.append(f"{target.name} {target.path}: answered {response and response.status}")
            continue
        page.wait_for_load_state("networkidle")
        problems += [f"{target.name} {target.path}: {failure}" for failure in failed]
        problems += [f"{target.name} {target.path} at {width} px: {found}" for found in check(page, width)]
        if folder:
            page.screenshot(path=str(folder / f"{_slug(target.name)}.png"), full_page=True)
    page.close()
    return problems


def _walk(browser, live_server, owner, client, check: Callable, *, screenshots: bool = False) -> list[str]:
    pages = demo_pages(user=owner)
    problems = []
    for label, (width, height) in WIDTHS.items():
        folder = None
        if screenshots:
            folder = ARTIFACTS / "pages" / label
            folder.mkdir(parents=True, exist_ok=True)
        visitor = browser.new_context(viewport={"width": width, "height": height})
        problems += _visit(visitor, live_server, ANONYMOUS_PAGES, width, check, folder)
        visitor.close()
        creator = signed_in_context(browser, live_server, client, owner, width=width, height=height)
        problems += _visit(creator, live_server, pages, width, check, folder)
        creator.close()
    return problems


def test_no_page_is_wider_than_the_screen(browser, live_server, owner, client, demo_index_committed):
    problems = _walk(browser, live_server, owner, client, _width_problems, screenshots=True)
    assert not problems, "\n".join(problems)


def test_axe_finds_no_serious_or_critical_violation_on_any_page(
    browser, live_server, owner, client, demo_index_committed
):
    if not AXE_JS.exists():
        pytest.skip(
            f"axe-core is not installed at {AXE_JS} (npm install --no-save axe-core, or ./hookline test)"
        )
    problems = _walk(browser, live_server, owner, client, _axe_problems)
    assert not problems, "\n".join(problems)
