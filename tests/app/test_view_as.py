"""View as (local mode): the banner and the sidebar name the same user and role, and the preview survives a
reload (the URL carries it) and a page switch (links carry it)."""

from __future__ import annotations

from tests.app.conftest import assert_clean, run_app, texts
from tests.conftest import AM_BECKER


def test_banner_names_the_previewed_user_with_their_own_role(app_env):
    at = run_app("pages/portfolio.py", params={"lang": "en"}, act_as=AM_BECKER.user_id)
    assert_clean(at)
    shown = texts(at)
    assert "viewing as Sabine Becker (Account manager)" in shown
    assert "Sabine Becker (administrator)" not in shown and "(Administrator)" not in shown


def test_a_reload_keeps_the_preview(app_env):
    # a reload is a new session: nothing in the session state, the preview comes from the URL
    at = run_app("pages/portfolio.py", params={"lang": "en", "view_as": AM_BECKER.user_id})
    assert_clean(at)
    assert "viewing as Sabine Becker (Account manager)" in texts(at)
    assert at.session_state["skam_act_as"] == AM_BECKER.user_id


def test_without_a_preview_the_banner_names_the_operator_as_administrator(app_env):
    at = run_app("pages/portfolio.py", params={"lang": "en"})
    assert_clean(at)
    assert "(Administrator) · reachable from this computer only" in texts(at)


def test_the_preview_box_names_whose_view_is_shown_and_is_open_while_a_preview_is_on(app_env):
    at = run_app("pages/portfolio.py", params={"lang": "en"})
    assert_clean(at)
    box = next(e for e in at.sidebar.expander if e.label.startswith("View as:"))
    assert box.label == "View as: myself (admin)" and not box.children
    at = run_app("pages/portfolio.py", params={"lang": "en", "view_as": AM_BECKER.user_id})
    assert_clean(at)
    box = next(e for e in at.sidebar.expander if e.label.startswith("View as:"))
    assert box.label.replace("\\", "") == "View as: Sabine Becker (Account manager)"  # markdown escapes shown as typed
    assert next(s for s in at.sidebar.selectbox if s.label == "View as").value == AM_BECKER.user_id
