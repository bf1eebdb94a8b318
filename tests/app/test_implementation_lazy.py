"""The implementation page: what views.implementation derives once per data version (the milestones delayed by
date alone, the KPIs per traffic light) shows a write through the page at once; the status log is built when
opened."""

from __future__ import annotations

from datetime import timedelta

import pytest

from skam_core.demo import names as demo_names
from skam_core.storage.db import Store
from tests.app.conftest import assert_clean, metrics, run_app, texts
from tests.conftest import DEMO_TODAY, key_account_of

pytestmark = pytest.mark.usefixtures("app_env")

BECKER = demo_names.USERS[3][0]


def test_a_milestone_added_past_due_is_named_as_delayed_at_once(app_env):
    cid = key_account_of(Store(app_env), BECKER, "implementation")
    at = run_app("pages/implementation.py", params={"account": cid, "lang": "en"}, act_as=BECKER)
    assert_clean(at)
    assert "Prüfstand abnehmen" not in texts(at)
    at.session_state["ms_box"] = True  # opening the editor (on_change="rerun")
    at.run()
    form = "ms_form___new___0"
    at.text_input(key=f"{form}.title").set_value("Prüfstand abnehmen")
    at.date_input(key=f"{form}.due").set_value(DEMO_TODAY - timedelta(days=5))
    at.button(key=f"FormSubmitter:{form}-Add").click().run()
    assert_clean(at)
    warning = next(w.value for w in at.warning if "past due and therefore" in w.value)
    assert "Prüfstand abnehmen" in warning


def test_the_status_log_is_built_when_opened(app_env):
    cid = key_account_of(Store(app_env), BECKER, "implementation")
    at = run_app("pages/implementation.py", params={"account": cid, "lang": "en"}, act_as=BECKER)
    log = next(e for e in at.expander if e.label.startswith("Status updates"))
    assert not log.children  # closed: its table is not built
    at.session_state["impl_log_box"] = True
    at.run()
    assert_clean(at)
    log = next(e for e in at.expander if e.label.startswith("Status updates"))
    assert log.children


def test_the_kpi_cards_are_built_when_their_tab_is_chosen_and_their_lights_show_before(app_env):
    cid = key_account_of(Store(app_env), BECKER, "implementation")
    at = run_app("pages/implementation.py", params={"account": cid, "lang": "en"}, act_as=BECKER)
    assert_clean(at)
    assert any(c.value.startswith("KPIs: actual against target · Traffic lights:") for c in at.caption)
    assert len(metrics(at)) == 5  # the milestone counts only: the KPI tab is closed, its cards are not built
    at.session_state["impl_tab"] = "KPIs: actual against target"
    at.run()
    assert_clean(at)
    assert len(metrics(at)) > 5 and at.get("plotly_chart")
