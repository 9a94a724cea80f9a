"""Every page at desktop and phone width: nothing wider than the screen, nothing fails to load,
and axe-core finds no serious or critical violation.

Each width is walked once for both checks (the demo data loads once per walk), and each test
lists every failure at its width, not only the first. A page with a problem is photographed to
test-artifacts/pages/<width>/ (every page with HOOKLINE_PAGE_SCREENSHOTS=1). axe-core comes from npm
(`./hookline test` installs it into node_modules/); without it the axe test skips."""

from __future__ import annotations

import os
import re
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
# Full-page pictures of every page cost a fifth of the walk; by default only a page with a problem is taken.
SCREENSHOT_EVERY_PAGE = os.environ.get("HOOKLINE_PAGE_SCREENSHOTS", "") == "1"
# Serious or critical violations, one line per rule with the first few offending elements.
# axe gives every finding of a rule the rule's own impact, so a rule whose impact is minor or
# moderate cannot find anything reported here: it is switched off (a tenth of axe's time).
AXE_RUN = """
async () => {
  const never = axe._audit.rules.filter(rule => rule.impact === 'minor' || rule.impact === 'moderate');
  const rules = Object.fromEntries(never.map(rule => [rule.id, {enabled: false}]));
  const found = await axe.run(document, {resultTypes: ['violations'], rules});
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


def _axe_problems(page) -> list[str]:
    return page.evaluate(AXE_RUN)  # axe is in the page already (add_init_script in _walk)


def _visit(context, live_server, pages, width: int, folder: Path, axe: bool) -> dict[str, list[str]]:
    """Load each page once and run both checks on it: the width check (and a screenshot), then
    axe when it is installed. A page that fails to load is a problem for both.

    Two tabs take turns: while one loads the next page, the page in the other waits out its
    half second of network quiet (networkidle) before it is checked, so the waits overlap."""
    problems: dict[str, list[str]] = {"width": [], "axe": []}
    tabs = [context.new_page(), context.new_page()]
    # A stylesheet, script or icon that fails to load (the favicon was a 404 on every page).
    failed: dict[int, list[str]] = {0: [], 1: []}
    for number, tab in enumerate(tabs):
        tab.on(
            "response",
            lambda r, found=failed[number]: found.append(f"{r.status} {r.url}") if r.status >= 400 else None,
        )

    def check(number: int, target) -> None:
        page = tabs[number]
        page.wait_for_load_state("networkidle")
        known = sum(map(len, problems.values()))
        for found in problems.values():
            found += [f"{target.name} {target.path}: {failure}" for failure in failed[number]]
        problems["width"] += [
            f"{target.name} {target.path} at {width} px: {found}" for found in _width_problems(page, width)
        ]
        if axe:
            problems["axe"] += [
                f"{target.name} {target.path} at {width} px: {found}" for found in _axe_problems(page)
            ]
        if SCREENSHOT_EVERY_PAGE or sum(map(len, problems.values())) > known:
            page.screenshot(path=str(folder / f"{_slug(target.name)}.png"), full_page=True)

    settling = None  # (tab number, page) loaded and not yet checked
    for turn, target in enumerate(pages):
        number = turn % 2
        failed[number].clear()
        response = tabs[number].goto(f"{live_server.url}{target.path}")
        if settling:
            check(*settling)
            settling = None
        if response is None or response.status >= 400:
            for found in problems.values():
                found.append(f"{target.name} {target.path}: answered {response and response.status}")
            continue
        settling = (number, target)
    if settling:
        check(*settling)
    for tab in tabs:
        tab.close()
    return problems


def _walk(browser, live_server, owner, client, label: str) -> dict[str, list[str]]:
    width, height = WIDTHS[label]
    pages = demo_pages(user=owner)
    folder = ARTIFACTS / "pages" / label
    folder.mkdir(parents=True, exist_ok=True)
    problems: dict[str, list[str]] = {"width": [], "axe": []}
    visitor = browser.new_context(viewport={"width": width, "height": height})
    creator = signed_in_context(browser, live_server, client, owner, width=width, height=height)
    axe = AXE_JS.exists()
    for context, visited in ((visitor, ANONYMOUS_PAGES), (creator, pages)):
        if axe:
            # Into every document the context opens, before its own scripts: compiled once per
            # context, where a script tag per page (650 kB) cost a sixth of the walk.
            context.add_init_script(path=str(AXE_JS))
        for check, found in _visit(context, live_server, visited, width, folder, axe).items():
            problems[check] += found
        context.close()
    return problems


# Both checks of one width come from one walk (each page loads once, not once per check): the
# first of the two tests to run walks, the other reads its findings. xdist_group keeps the two
# tests of a width on one worker under `pytest -n`, and the two widths may walk side by side.
_SWEEPS: dict[str, dict[str, list[str]]] = {}
SWEPT_WIDTHS = [pytest.param(label, marks=pytest.mark.xdist_group(f"every-page-{label}")) for label in WIDTHS]


@pytest.fixture
def sweep(request, browser, live_server, owner, client, demo_index_committed) -> dict[str, list[str]]:
    label = request.node.callspec.params["label"]
    if label not in _SWEEPS:
        _SWEEPS[label] = _walk(browser, live_server, owner, client, label)
    return _SWEEPS[label]


@pytest.mark.parametrize("label", SWEPT_WIDTHS)
def test_no_page_is_wider_than_the_screen(sweep, label):
    problems = sweep["width"]
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("label", SWEPT_WIDTHS)
def test_axe_finds_no_serious_or_critical_violation_on_any_page(sweep, label):
    if not AXE_JS.exists():
        pytest.skip(
            f"axe-core is not installed at {AXE_JS} (npm install --no-save axe-core, or ./hookline test)"
        )
    problems = sweep["axe"]
    assert not problems, "\n".join(problems)
