"""The plan page builds only what is open (the chosen tab, an opened editor), and what it derives once per data
version (views.plan's facts) shows a write through the page at once."""

from __future__ import annotations

import pytest

from skam_core.demo import names as demo_names
from skam_core.storage.db import Store
from tests.app.conftest import assert_clean, metrics, run_app, server_table, texts
from tests.conftest import DEMO_TODAY, key_account_of

pytestmark = pytest.mark.usefixtures("app_env")

BECKER = demo_names.USERS[3][0]


def _metric(at, label: str) -> str:
    return next(m.value for m in metrics(at) if m.label == label)


def test_only_the_chosen_tab_of_the_plan_is_built(app_env):
    cid = key_account_of(Store(app_env), BECKER, "implementation")
    at = run_app("pages/plan.py", params={"account": cid, "lang": "en"}, act_as=BECKER)
    assert_clean(at)
    assert [tab.label for tab in at.tabs][:2] == ["Stakeholders", "Customer feedback"]
    assert "Stakeholder map (influence and attitude) and stakeholders per function" in [
        e.label for e in at.expander
    ]  # its tab is built
    assert "Plan versions" not in [s.value for s in at.subheader]  # its tab is not chosen: not built
    at.session_state["plan_tab_0"] = "Plan versions"  # what choosing the tab reports (on_change="rerun")
    at.run()
    assert_clean(at)
    assert "Plan versions" in [s.value for s in at.subheader]
    assert "Stakeholder map (influence and attitude) and stakeholders per function" not in [
        e.label for e in at.expander
    ]
    assert "Plan in force" in [m.label for m in metrics(at)]  # the header stays above every tab


def test_a_stakeholder_added_through_the_page_counts_at_once(app_env):
    cid = key_account_of(Store(app_env), BECKER, "implementation")
    at = run_app("pages/plan.py", params={"account": cid, "lang": "en"}, act_as=BECKER)
    before = int(_metric(at, "Stakeholders"))
    engaged_before = _metric(at, "Engaged")
    at.session_state["sh_box"] = True
    at.run()
    form = "sh_form___new___0"
    at.text_input(key=f"{form}.name").set_value("Eva Roth")
    at.selectbox(key=f"{form}.function").set_value("finance")
    at.date_input(key=f"{form}.last_contact").set_value(DEMO_TODAY)
    at.button(key=f"FormSubmitter:{form}-Add").click().run()
    assert_clean(at)
    assert int(_metric(at, "Stakeholders")) == before + 1
    engaged, total = (int(x) for x in _metric(at, "Engaged").split(" / "))
    assert (engaged, total) == (int(engaged_before.split(" / ")[0]) + 1, before + 1)
    heads, rows = server_table(at, "sh_table")
    assert "Eva Roth" in {r[heads.index("Name")] for r in rows}


def test_a_kpi_added_through_the_page_shows_in_readiness_at_once(app_env):
    cid = key_account_of(Store(app_env), BECKER, "implementation")
    at = run_app("pages/plan.py", params={"account": cid, "lang": "en"}, act_as=BECKER)
    at.session_state["plan_tab_0"] = "KPIs & targets"
    at.session_state["kpidef_box"] = True
    at.session_state["plan_ready_box"] = True
    at.run()
    assert_clean(at)
    form = "kpidef_form___new___0"
    at.text_input(key=f"{form}.name").set_value("Reklamationsquote")
    at.text_input(key=f"{form}.unit").set_value("ppm")
    at.button(key=f"FormSubmitter:{form}-Add").click().run()
    assert_clean(at)
    # A KPI without targets: the readiness check names it, from the facts of the new data version.
    assert "Reklamationsquote" in texts(at)
    table = next(d.value for d in at.dataframe if "KPI" in d.value.columns)
    assert "Reklamationsquote" in set(table["KPI"])


def test_the_raci_editor_saves_exactly_the_cells_changed():
    import pandas as pd

    from skam_core.services.plan import RaciCell
    from skam_core.ui.plan.raci import _raci_changes

    before = pd.DataFrame(
        {
            "_kind": ["objective", "milestone"],
            "_id": ["o1", "x1"],
            "m1": pd.array(["A", None], dtype="string"),
            "m2": pd.array([None, "R"], dtype="string"),
        }
    )
    after = before.copy()
    after["m1"] = pd.array(["A", "C"], dtype="string")  # a new letter
    after["m2"] = pd.array(["", None], dtype="string")  # "" is no letter: unchanged; R removed
    assert _raci_changes(before, after, ["m1", "m2"]) == [
        RaciCell("m1", "milestone", "x1", "C"),
        RaciCell("m2", "milestone", "x1", None),
    ]
