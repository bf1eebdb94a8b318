"""Shared UI helpers: one rule for who may edit (and what the page says when not), one write helper (error,
fresh data, confirmation, redraw), and widget keys that start a widget afresh."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from skam_core.demo import names as demo_names
from skam_core.storage.db import Store
from tests.app.conftest import assert_clean, run_app, texts
from tests.conftest import key_account_of

BECKER, YILMAZ = demo_names.USERS[3][0], demo_names.USERS[4][0]
CEO_EXECUTIVE = demo_names.USERS[1][0]
READ_ONLY = "You have read access"
NOT_YOURS = "manages this account; you can view it but not change it"
ACCOUNT_PAGES = ["pages/strategy.py", "pages/fit.py", "pages/plan.py", "pages/implementation.py"]


def _editing_labels(at) -> list[str]:
    return [e.label for e in at.expander if e.label.startswith(("Add or edit", "Edit"))]


@pytest.mark.usefixtures("app_env")
@pytest.mark.parametrize("page", ACCOUNT_PAGES)
def test_an_executive_reads_every_account_page_with_the_same_reason(app_env, page):
    cid = key_account_of(Store(app_env), BECKER, "implementation")
    at = run_app(page, params={"account": cid, "lang": "en"}, act_as=CEO_EXECUTIVE)
    assert_clean(at)
    assert READ_ONLY in texts(at)
    assert NOT_YOURS not in texts(at)
    assert not at.form


@pytest.mark.usefixtures("app_env")
@pytest.mark.parametrize("page", ACCOUNT_PAGES)
def test_a_foreign_account_manager_is_told_whose_account_it_is(app_env, page):
    cid = key_account_of(Store(app_env), BECKER, "implementation")
    at = run_app(page, params={"account": cid, "lang": "en"}, act_as=YILMAZ)
    assert_clean(at)
    assert f"{BECKER} {NOT_YOURS}" in texts(at)
    assert not at.form


@pytest.mark.usefixtures("app_env")
@pytest.mark.parametrize("page", ACCOUNT_PAGES)
@pytest.mark.parametrize("who", [BECKER, YILMAZ])
def test_presentation_mode_shows_no_edit_controls_and_no_notice(app_env, page, who):
    cid = key_account_of(Store(app_env), BECKER, "implementation")
    at = run_app(page, params={"account": cid, "lang": "en", "present": "1"}, act_as=who)
    assert_clean(at)
    body = texts(at)
    assert READ_ONLY not in body and NOT_YOURS not in body and "Earlier states are read-only" not in body
    assert not at.form and not _editing_labels(at)


@pytest.mark.usefixtures("app_env")
def test_an_executive_is_sent_from_kpi_entry_to_where_the_values_are(app_env):
    cid = key_account_of(Store(app_env), BECKER, "implementation")
    at = run_app("pages/kpis.py", params={"account": cid, "lang": "en"}, act_as=CEO_EXECUTIVE)
    assert_clean(at)
    assert "KPI values are entered by account managers and administrators" in texts(at)
    assert not at.text_input and "Save value" not in [b.label for b in at.button]


def _write_script() -> None:
    from types import SimpleNamespace

    import streamlit as st

    from skam_core.domain.users import PermissionDenied
    from skam_core.i18n import translate
    from skam_core.ui.kit.editing import run_write

    ctx = SimpleNamespace(t=lambda key, **kw: translate(key, "en", **kw))

    def refuse() -> None:
        raise PermissionDenied("not your account")

    if st.button("fail", key="fail"):
        st.session_state["result"] = run_write(ctx, refuse, done="never shown")
    if st.button("quiet", key="quiet"):
        st.session_state["result"] = run_write(ctx, lambda n: n * 2, 21, rerun=False)
    if st.button("nothing", key="nothing"):
        st.session_state["result"] = run_write(ctx, lambda: None, rerun=False)
    if st.button("ok", key="ok"):
        st.session_state["runs_after_ok"] = 0
        run_write(ctx, lambda: None, done="Stored.")
        st.session_state["went_on"] = True  # not reached: run_write starts the run again
    if "runs_after_ok" in st.session_state:
        st.session_state["runs_after_ok"] += 1
    st.write(f"result={st.session_state.get('result')!r}")


def test_a_failed_write_says_why_and_returns_nothing():
    from skam_core.ui.cache import data_version

    at = AppTest.from_function(_write_script)
    at.run()
    before = data_version()
    at.button(key="fail").click().run()
    assert_clean(at)
    assert [e.value for e in at.error] == ["Not permitted: not your account"]
    assert "result=None" in texts(at)
    assert not at.toast
    assert data_version() == before  # nothing written: the caches stay


def test_a_write_returns_its_result_and_freshens_the_data():
    from skam_core.ui.cache import data_version

    at = AppTest.from_function(_write_script)
    at.run()
    before = data_version()
    at.button(key="quiet").click().run()
    assert "result=42" in texts(at) and not at.error
    assert data_version() != before
    at.button(key="nothing").click().run()
    assert "result=True" in texts(at)  # a service that returns nothing still reports success


def test_a_confirmed_write_toasts_and_redraws_the_page():
    at = AppTest.from_function(_write_script)
    at.run()
    at.button(key="ok").click().run()
    assert_clean(at)
    assert "Stored." in [t.value for t in at.toast]  # the toast survives the rerun
    assert "went_on" not in at.session_state  # the run with the click stopped at the write ...
    assert at.session_state["runs_after_ok"] == 1  # ... and the page was drawn once more


def _round_script() -> None:
    import streamlit as st

    from skam_core.ui.kit.widgets import next_round, round_key

    st.write(round_key("editor"))
    st.text_input("value", key=round_key("editor"))
    if st.button("saved", key="saved"):
        next_round("editor")
        st.rerun()


def test_next_round_gives_a_widget_a_fresh_key_and_so_an_empty_state():
    at = AppTest.from_function(_round_script)
    at.run()
    assert at.markdown[0].value == "editor_0"
    at.text_input(key="editor_0").set_value("typed").run()
    at.button(key="saved").click().run()
    assert_clean(at)
    assert at.markdown[0].value == "editor_1"
    assert at.text_input(key="editor_1").value == ""
