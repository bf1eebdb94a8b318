"""The implementation page: what views.implementation derives once per data version (the milestones delayed by
date alone, the KPIs per traffic light) shows a write through the page at once; the status log is built when
opened."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from datetime import timedelta

import pytest

from skam_core.demo import names as demo_names
from skam_core.storage.db import Store
from tests.app.conftest import assert_clean, metrics, run_app, server_table, texts
from tests.conftest import DEMO_TODAY, key_account_of

pytestmark = pytest.mark.usefixtures("app_env")

BECKER = demo_names.USERS[3][0]
VIEWER = demo_names.USERS[0][0]


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


def _milestone_table(at) -> ET.Element:
    markup = next(json.loads(c.proto.json) for c in at.get("bidi_component") if c.proto.id.endswith("-impl_ms_table"))
    return ET.fromstring(markup)


def test_the_milestone_table_lists_every_milestone_sortable_by_date_and_status_and_rows_open_the_update(app_env):
    store = Store(app_env)
    cid = key_account_of(store, BECKER, "implementation")
    titles = {
        r[0] for r in store.query("SELECT title FROM milestones WHERE customer_id = ? AND valid_to IS NULL", [cid]).rows
    }
    at = run_app("pages/implementation.py", params={"account": cid, "lang": "en"}, act_as=BECKER)
    assert_clean(at)
    table = _milestone_table(at)
    heads = [th.find("button").text.replace("\u00ad", "") for th in table.iter("th")]
    assert heads[:4] == ["Milestone", "Owner", "Due", "Status"]
    rows = list(table.find("table").find("tbody"))
    assert {list(r)[0].text.replace("\u00ad", "") for r in rows} == titles  # long words carry soft hyphens
    due = [list(r)[2] for r in rows]
    # Shown as the page writes a day, sorted as ISO dates (so that 02.01. does not sort before 31.12. of a year before).
    assert all(re.fullmatch(r"\d{4}-\d\d-\d\d", c.get("data-v")) and c.text != c.get("data-v") for c in due)
    assert all(r.get("data-id") for r in rows)  # an editor: every row opens "Report status" for its milestone
    assert not [s for s in at.selectbox if s.key == "upd_pick"]  # which is closed until then


def test_a_viewer_sees_the_milestone_table_without_rows_to_click(app_env):
    cid = key_account_of(Store(app_env), BECKER, "implementation")
    at = run_app("pages/implementation.py", params={"account": cid, "lang": "en"}, act_as=VIEWER)
    assert_clean(at)
    rows = list(_milestone_table(at).find("table").find("tbody"))
    assert rows and not any(r.get("data-id") for r in rows)
    assert not [e for e in at.expander if e.label == "Report status"]


def test_the_milestone_filters_wait_in_a_box_that_says_which_are_on_and_keeps_them_when_closed(app_env):
    cid = key_account_of(Store(app_env), BECKER, "implementation")
    at = run_app("pages/implementation.py", params={"account": cid, "lang": "en"}, act_as=BECKER)
    assert_clean(at)
    assert "Filter by owner and status" in [e.label for e in at.expander] and not at.get("multiselect")
    everything = len(server_table(at, "impl_ms_table")[1])
    at.session_state["impl_filter_box"] = True  # opening the box (on_change="rerun")
    at.run()
    at.pills(key="impl_status").set_value(["done"]).run()
    assert_clean(at)
    heads, rows = server_table(at, "impl_ms_table")
    assert 0 < len(rows) < everything and {r[heads.index("Status")] for r in rows} == {"done"}
    at.session_state["impl_filter_box"] = False  # closed: the filter stays on and says so
    at.run()
    assert_clean(at)
    assert "Filter: 1 choice on" in [e.label for e in at.expander]
    assert len(server_table(at, "impl_ms_table")[1]) == len(rows)
