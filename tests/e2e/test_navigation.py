"""Streamlit's own navigation in the sidebar: titled sections from the first page a fresh server serves (not the
raw file names of pages/), and a switch in it keeps the account, the as-of date and the language."""

from __future__ import annotations

import shutil
from datetime import timedelta

import pytest

from tests.conftest import DEMO_TODAY, key_account_of, require_chromium
from tests.e2e.conftest import settle, streamlit_server

pytestmark = pytest.mark.browser

NAV = '[data-testid="stSidebarNav"]'
BECKER = "s.becker@hartmann-antriebe.example"


def test_a_fresh_servers_first_page_shows_the_titled_navigation_and_a_switch_keeps_the_view(
    page, demo_template, tmp_path
):
    from skam_core.storage.db import Store

    require_chromium()
    db = tmp_path / "skam.duckdb"
    shutil.copyfile(demo_template, db)
    store = Store(db)
    cid = key_account_of(store, BECKER, "implementation")
    store.close()
    day = (DEMO_TODAY - timedelta(days=20)).isoformat()  # an earlier day: the view as it was then
    with streamlit_server(db) as url:
        # The first request to this server is a page other than the root: Streamlit would run that file on its own.
        page.goto(f"{url}/kpis?account={cid}&lang=en&as_of={day}")
        page.get_by_role("heading", name="KPI entry").first.wait_for(timeout=90_000)
        settle(page)
        # Each link reads "icon name" then its title; the raw listing would be "dashboard", "admin", "fit", ...
        titles = [text.strip().splitlines()[-1] for text in page.locator(f"{NAV} a").all_inner_texts()]
        assert titles == [
            "Portfolio",
            "Profit effect",
            "Steering committee",
            "Customer strategy",
            "Strategic fit",
            "Value proposition",
            "Account plan",
            "Implementation",
            "KPI entry",
            "Administration",
        ], titles
        sections = page.locator(NAV).inner_text()
        assert "Overview" in sections and "Key account" in sections, sections
        page.locator(f"{NAV} a", has_text="Account plan").first.click()
        page.get_by_role("heading", name="Account plan").first.wait_for(timeout=60_000)
        settle(page)
        assert "/plan?" in page.url
        assert f"account={cid}" in page.url and f"as_of={day}" in page.url and "lang=en" in page.url


def test_the_account_box_left_open_stays_open_on_the_next_page_and_its_list_switches_the_account(
    server, page, demo_template
):
    from skam_core.storage.db import Store

    store = Store(demo_template)
    first = key_account_of(store, BECKER, "implementation")
    other, other_name = store.query(
        "SELECT customer_id, name FROM customers WHERE valid_to IS NULL AND skam_stage <> 'none'"
        " AND customer_id <> ? ORDER BY name LIMIT 1",
        [first],
    ).rows[0]
    store.close()
    page.goto(f"{server}/fit?account={first}&lang=en")
    settle(page)
    sidebar = page.locator('[data-testid="stSidebar"]')
    assert sidebar.locator('[data-testid="stSelectbox"]').count() == 0  # the list waits in its box
    sidebar.get_by_text("Account: ").first.click()
    sidebar.locator('[data-testid="stSelectbox"]').wait_for(timeout=30_000)
    sidebar.locator('[data-testid="stSelectbox"]').click()
    page.get_by_role("option", name=other_name).first.click()
    page.wait_for_url(f"**account={other}**", timeout=30_000)
    settle(page)
    sidebar.get_by_text(f"Account: {other_name}").first.wait_for(timeout=30_000)
    page.locator(f"{NAV} a", has_text="Account plan").first.click()
    page.get_by_role("heading", name="Account plan").first.wait_for(timeout=60_000)
    settle(page)
    assert f"account={other}" in page.url
    assert sidebar.locator('[data-testid="stSelectbox"]').count() == 1  # still open: the user left it so
