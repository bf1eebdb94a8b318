"""Nothing cut at the meeting-room sizes: at 1024x768 (tablet) and 1280x720 (projector) every page of an
account in implementation is walked in Chromium, and no text may overflow the box that holds it (a metric
value ending in "…", a clipped label or button). Screenshots go to $SKAM_E2E_SCREENSHOTS when it is set."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from skam_core.storage.db import Store
from skam_core.ui.kit.nav import PAGES
from tests.e2e.conftest import settle

pytestmark = pytest.mark.browser

SIZES = {"tablet": (1024, 768), "projector": (1280, 720)}

# Every element that draws text of its own and whose content is wider (or taller, for one-line boxes) than the
# box: what an ellipsis or overflow:hidden hides. Returns "testid-or-tag: text" per cut element.
CUT = """() => {
  const cut = [];
  const root = document.querySelector('[data-testid="stAppViewContainer"]') || document.body;
  for (const el of root.querySelectorAll('*')) {
    const cs = getComputedStyle(el);
    const clips = ['hidden', 'clip'].includes(cs.overflowX) || cs.textOverflow === 'ellipsis';
    if (!clips || !el.textContent.trim()) continue;
    const box = el.getBoundingClientRect();
    if (box.width === 0 || box.height === 0) continue;  // hidden (a closed tab, a collapsed expander)
    if (el.closest('[data-testid="stDataFrame"], [data-testid="stTable"], .js-plotly-plot, [data-baseweb="popover"],'
                   + ' [data-testid="stSkipToContent"], [data-testid="stSidebar"][data-collapsed="true"]'))
      continue;  // the grid and the charts draw their own text (canvas, SVG); the skip link is hidden by design
    if (el.scrollWidth > el.clientWidth + 1) {
      const id = (el.closest('[data-testid]') || el).getAttribute('data-testid') || el.tagName;
      cut.push(id + ': ' + el.textContent.trim().slice(0, 60));
    }
  }
  return [...new Set(cut)];
}"""


def _lasting_cuts(pg) -> list[str]:
    """What is cut and stays cut: the first page of a fresh session can be measured while the sidebar still
    lays itself out (a link measured mid-transition reads as cut); a real cut is there a second later too."""
    cut = set(pg.evaluate(CUT))
    for _ in range(2):
        if not cut:
            break
        pg.wait_for_timeout(700)
        cut &= set(pg.evaluate(CUT))
    return sorted(cut)


def _account(demo_template) -> str:
    s = Store(demo_template)
    cid = s.query(
        "SELECT customer_id FROM customers WHERE valid_to IS NULL AND skam_stage = 'implementation'"
        " ORDER BY customer_id LIMIT 1"
    ).single_value()
    s.close()
    return cid


@pytest.mark.parametrize("size", list(SIZES))
def test_nothing_is_cut_at_meeting_room_sizes(server, browser, demo_template, size):
    width, height = SIZES[size]
    context = browser.new_context(viewport={"width": width, "height": height}, locale="de-DE")
    pg = context.new_page()
    account = _account(demo_template)
    shots = os.environ.get("SKAM_E2E_SCREENSHOTS")
    found = []
    try:
        for spec in PAGES:
            path = "" if spec.default else spec.url_path
            pg.goto(f"{server}/{path}?account={account}&lang=de")
            settle(pg)
            if spec.default and width < 1200:  # a narrow screen: the page gets the whole width
                pg.wait_for_selector(
                    '[data-testid="stSidebar"][data-collapsed="true"]', state="attached", timeout=10_000
                )
            found += [f"{spec.page_id}: {c}" for c in _lasting_cuts(pg)]
            if shots:
                Path(shots).mkdir(parents=True, exist_ok=True)
                pg.screenshot(path=str(Path(shots) / f"{size}-{spec.page_id}.png"), full_page=True)
    finally:
        context.close()
    assert found == [], "\n".join(found)


COMPONENT = '[data-testid="stBidiComponentIsolated"]'


@pytest.mark.parametrize(("width", "state"), [(1024, "true"), (1500, "false")])
def test_the_screen_script_runs_once_and_later_loads_start_the_sidebar_from_its_cookie(server, browser, width, state):
    """The first load sends the script that learns the screen's class; a later full load sends none and opens
    the sidebar collapsed (narrow) or open (wide) from the cookie the script left."""
    context = browser.new_context(viewport={"width": width, "height": 768}, locale="de-DE")
    pg = context.new_page()
    try:
        pg.goto(f"{server}/kpis?lang=de")
        settle(pg)
        assert pg.locator(COMPONENT).count() == 1
        pg.wait_for_selector(f'[data-testid="stSidebar"][data-collapsed="{state}"]', state="attached")
        assert {c["name"]: c["value"] for c in context.cookies()}.get("skam_screen") == (
            "narrow" if width < 1200 else "wide"
        )
        pg.goto(f"{server}/steering?lang=de")
        settle(pg)
        assert pg.locator(COMPONENT).count() == 0
        assert pg.get_attribute('[data-testid="stSidebar"]', "data-collapsed") == state
    finally:
        context.close()
