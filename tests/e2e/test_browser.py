"""What only a browser shows: deep links rendered, the URL kept in sync, no error screens."""

from __future__ import annotations

import re

import pytest

from skam_core.storage.db import Store

pytestmark = pytest.mark.browser


def _key_account(demo_template) -> tuple[str, str]:
    s = Store(demo_template)
    row = s.query(
        "SELECT customer_id, name FROM customers WHERE valid_to IS NULL AND skam_stage = 'implementation'"
        " ORDER BY customer_id LIMIT 1"
    ).rows[0]
    s.close()
    return row


def test_deep_link_opens_that_account_in_german(server, page, demo_template):
    cid, name = _key_account(demo_template)
    page.goto(f"{server}/?account={cid}&lang=de")
    page.get_by_text(f"Ausgewähltes Konto: {name}").wait_for(timeout=60_000)
    # (Streamlit may redraw once more after writing the URL: wait for the element rather than sampling it.)
    page.get_by_text("Umsatzrendite SKAM").first.wait_for(state="visible", timeout=30_000)
    assert f"account={cid}" in page.url and "lang=de" in page.url
    assert page.get_by_text("Traceback").count() == 0


def test_switching_language_updates_the_page_and_the_link(server, page):
    page.goto(f"{server}/?lang=de")
    page.get_by_text("Umsatzrendite SKAM").first.wait_for(timeout=60_000)
    page.get_by_text("English", exact=True).click()
    page.get_by_text("Margin, SKAM").first.wait_for(timeout=30_000)
    page.wait_for_url(re.compile(r"lang=en"), timeout=30_000)


def test_unknown_account_in_a_shared_link_gives_a_message(server, page):
    page.goto(f"{server}/?account=DOES-NOT-EXIST&lang=en")
    page.get_by_text("does not exist").first.wait_for(timeout=60_000)
    assert page.get_by_text("Traceback").count() == 0
    # the bad value is dropped from the address bar so that the link the user shares next is clean
    page.wait_for_function("() => !window.location.search.includes('DOES-NOT-EXIST')", timeout=30_000)


def test_clicking_a_bubble_opens_that_account_via_the_deep_link(server, page):
    page.goto(f"{server}/?lang=en")
    page.get_by_text("Margin, SKAM").first.wait_for(timeout=60_000)
    # The fit-size matrix is SVG drawn on the server (charts.bubbles, kit.pickable). The last bubble drawn is the
    # smallest, on top of the others.
    bubble = page.locator(".skam-bubble").last
    bubble.wait_for(timeout=30_000)
    cid = bubble.get_attribute("data-id")
    name = bubble.get_attribute("aria-label")
    box = bubble.locator("circle").bounding_box()
    x, y = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
    page.mouse.move(x, y)
    tip = page.locator(".skam-svg-tip:visible")
    tip.wait_for(state="visible", timeout=10_000)
    assert tip.inner_text().splitlines()[0] == name  # the details, as text, the name first
    page.mouse.click(x, y)
    page.wait_for_url(re.compile(rf"account={cid}"), timeout=30_000)
    page.get_by_text(f"Selected account: {name}").first.wait_for(timeout=30_000)


def test_the_key_account_table_sorts_by_a_header_and_opens_the_clicked_row(server, page):
    page.goto(f"{server}/?lang=en")
    table = page.locator("table.skam-sort")
    table.wait_for(timeout=60_000)
    fit_col = [h.strip() for h in table.locator("thead th").all_inner_texts()].index("Fit")

    def fits() -> list[float]:
        cells = table.locator(f"tbody tr td:nth-child({fit_col + 1})")
        return [float(v) for v in cells.evaluate_all("cs => cs.map(c => c.dataset.v).filter(v => v !== undefined)")]

    header = table.locator("thead th").nth(fit_col)
    header.locator("button").click()
    assert header.get_attribute("aria-sort") == "ascending"
    assert fits() == sorted(fits())
    header.locator("button").click()
    assert header.get_attribute("aria-sort") == "descending"
    assert fits() == sorted(fits(), reverse=True)
    row = table.locator("tbody tr").first
    cid, name = row.get_attribute("data-id"), row.locator("td").first.inner_text()
    row.click()
    page.wait_for_url(re.compile(rf"account={cid}"), timeout=30_000)
    page.get_by_text(f"Selected account: {name}").first.wait_for(timeout=30_000)


def test_clicking_a_milestone_row_opens_its_status_update(server, page, demo_template):
    cid, _ = _key_account(demo_template)
    page.goto(f"{server}/implementation?account={cid}&lang=en")
    table = page.locator("table.skam-sort")
    table.wait_for(timeout=60_000)
    assert page.get_by_text("Save status").count() == 0  # "Report status" is closed
    row = table.locator("tbody tr").last
    title = row.locator("td").first.inner_text().replace("\u00ad", "")  # long words carry soft hyphens
    row.click()
    page.get_by_text("Save status").wait_for(timeout=30_000)
    picked = page.locator('[data-testid="stSelectbox"]').filter(has_text="Milestone").first
    shown = picked.evaluate("b => [b.textContent, ...[...b.querySelectorAll('input')].map(i => i.value)].join('|')")
    assert f"{title} · " in shown, shown


def test_a_meeting_snapshot_link_shows_the_pinned_figures(server, page, demo_template):
    # The demo's last meeting of an account pinned its day; its link in the minutes must show that day's pack.
    s = Store(demo_template)
    cid, held = s.query(
        "SELECT customer_id, max(pinned_as_of) FROM steering_meetings WHERE valid_to IS NULL"
        " GROUP BY 1 ORDER BY 1 LIMIT 1"
    ).rows[0]
    s.close()
    page.goto(f"{server}/steering?account={cid}&as_of={held.isoformat()}&lang=en")
    page.get_by_text("Value delivered").first.wait_for(timeout=90_000)
    page.get_by_text(f"As of {held.day} ").first.wait_for(timeout=30_000)
    page.get_by_text("You are looking at the data as of").first.wait_for(state="visible", timeout=30_000)
    assert f"as_of={held.isoformat()}" in page.url
    assert page.get_by_text("Traceback").count() == 0


def test_the_german_uploader_speaks_german(server, page):
    """Streamlit draws 'Upload' and '50MB per file' itself; in the German UI the page shows German words instead."""
    page.goto(f"{server}/admin?lang=de")
    zone = page.locator("[data-testid=stFileUploaderDropzone]").first
    zone.wait_for(timeout=60_000)
    shown = zone.evaluate(
        """z => [...z.querySelectorAll('button p, [data-testid=stFileUploaderDropzoneInstructions] span')]
             .map(e => getComputedStyle(e, '::after').content + '|' + getComputedStyle(e).fontSize)"""
    )
    assert shown == ['"Datei wählen"|0px', '"bis 50 MB je Datei · CSV, XLSX"|0px'], shown


def test_local_mode_refuses_a_request_forwarded_by_a_proxy(server, browser):
    """nginx on the same machine connects from 127.0.0.1: without sign-in configured, a request that a proxy
    forwarded must not become the local administrator."""
    context = browser.new_context(locale="en-GB", extra_http_headers={"X-Forwarded-For": "203.0.113.9"})
    pg = context.new_page()
    try:
        pg.goto(f"{server}/?lang=en")
        pg.get_by_text("Without sign-in the dashboard is only available on this computer").wait_for(timeout=60_000)
        assert pg.get_by_text("Key accounts").count() == 0 and pg.get_by_text("local-admin").count() == 0
    finally:
        context.close()
