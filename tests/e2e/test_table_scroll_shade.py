"""A table wider than its box shows that there is more of it: a shade at the edge beyond which columns are
hidden, gone once scrolled to that end (kit.pickable's stylesheet). Only a browser draws it: measured in the
pixels of the box at the tablet size, where the milestone table is wider than the page."""

from __future__ import annotations

import io

import pytest

from skam_core.storage.db import Store
from tests.conftest import key_account_of
from tests.e2e.conftest import settle

pytestmark = pytest.mark.browser

BECKER = "s.becker@hartmann-antriebe.example"


def _edges(box) -> tuple[float, float]:
    """Mean brightness (0-255) of the box's left and right 6 px, over its lower half (body rows, no header)."""
    from PIL import Image

    img = Image.open(io.BytesIO(box.screenshot())).convert("L")
    w, h = img.size
    left = img.crop((2, h // 2, 8, h - 2)).getdata()
    right = img.crop((w - 8, h // 2, w - 2, h - 2)).getdata()
    return sum(left) / len(left), sum(right) / len(right)


def test_a_table_wider_than_its_box_is_shaded_at_the_edge_with_more_columns(browser, server, demo_template):
    store = Store(demo_template)
    cid = key_account_of(store, BECKER, "implementation")
    store.close()
    context = browser.new_context(viewport={"width": 1024, "height": 768}, locale="de-DE")
    pg = context.new_page()
    try:
        pg.goto(f"{server}/implementation?account={cid}&lang=de")
        settle(pg)
        box = pg.locator(".skam-table-scroll").first
        box.wait_for(timeout=30_000)
        assert box.evaluate("el => el.scrollWidth > el.clientWidth + 20"), "the table fits: nothing to show"
        box.scroll_into_view_if_needed()
        # Only the shades are measured: the text, whatever column it sits in at an edge, is made invisible.
        box.evaluate("el => { el.querySelector('table').style.color = 'transparent'; }")
        pg.mouse.move(1, 1)  # no row under the pointer (a hovered row has a background of its own)
        pg.wait_for_timeout(300)
        left_start, right_start = _edges(box)
        box.evaluate("el => { el.scrollLeft = el.scrollWidth; }")
        pg.wait_for_timeout(300)
        left_end, right_end = _edges(box)
        # At the start the hidden columns lie to the right: that edge is darker; at the end, the left one.
        assert right_start < left_start - 4 and right_start < right_end - 4, (left_start, right_start, right_end)
        assert left_end < right_end - 4 and left_end < left_start - 4, (left_start, left_end, right_end)
    finally:
        context.close()
