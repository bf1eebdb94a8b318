"""The pages of steps 4-5 in AppTest: /plan, /implementation, /kpis — both languages, deep links, an account
without a plan, KPI entry that shows at once on /implementation, refusals, validation and write conflicts."""

from __future__ import annotations

from datetime import timedelta

import pytest

from skam_core.demo import names as demo_names
from skam_core.storage.db import Store, WriteConflictError
from skam_core.ui.kpis.history import K_TAB
from tests.app.conftest import assert_clean, html_texts, metrics, run_app, texts
from tests.conftest import DEMO_TODAY, key_account_of

pytestmark = pytest.mark.usefixtures("app_env")

VIEWER = demo_names.USERS[0][0]  # m.weber, a viewer
ADMIN = demo_names.USERS[2][0]  # k.neumann
BECKER = demo_names.USERS[3][0]
YILMAZ = demo_names.USERS[4][0]
PAGES = ["pages/plan.py", "pages/implementation.py", "pages/kpis.py"]
TITLES = {
    "pages/plan.py": ("Account-Plan", "Account plan"),
    "pages/implementation.py": ("Umsetzung", "Implementation"),
    "pages/kpis.py": ("KPI-Erfassung", "KPI entry"),
}


def _own(app_env, stage="implementation"):
    return key_account_of(Store(app_env), BECKER, stage)


def _percent_kpi(app_env, cid):
    return (
        Store(app_env)
        .query(
            "SELECT id, name FROM kpi_definitions WHERE customer_id = ? AND unit = '%' AND valid_to IS NULL"
            " ORDER BY sort_order LIMIT 1",
            [cid],
        )
        .rows[0]
    )


def _labels(at) -> list[str]:
    return [e.label for e in at.expander] + [b.label for b in at.button]


@pytest.mark.parametrize("page", PAGES)
@pytest.mark.parametrize("lang", ["de", "en"])
def test_each_page_renders_an_account_in_both_languages(app_env, page, lang):
    at = run_app(page, params={"account": _own(app_env), "lang": lang}, act_as=BECKER)
    assert_clean(at)
    assert at.title[0].value == TITLES[page][0 if lang == "de" else 1]
    assert not at.error, [e.value for e in at.error]
    assert at.query_params.get("lang") == lang


def test_plan_shows_map_findings_and_the_plan(app_env):
    cid = _own(app_env)
    at = run_app("pages/plan.py", params={"account": cid, "lang": "en"}, act_as=BECKER)
    assert_clean(at)
    labels = [m.label for m in metrics(at)]
    assert {"Plan in force", "Readiness", "Stakeholders", "Engaged", "Key functions reached"} <= set(labels)
    assert all(m.help for m in metrics(at))
    assert not at.get("plotly_chart")  # the map waits in its box under the findings (issue 12)
    at.session_state["sh_map_box"] = True
    at.run()
    assert_clean(at)
    specs = [c.proto.spec for c in at.get("plotly_chart")]
    assert any("Stakeholder map" in s for s in specs) and any("Stakeholders per function" in s for s in specs)
    assert "Add or edit a stakeholder" in _labels(at)


@pytest.mark.parametrize("page", ["pages/plan.py", "pages/implementation.py"])
def test_without_an_account_the_page_says_what_to_do(page):
    at = run_app(page, params={"lang": "en"})
    assert_clean(at)
    assert "Please choose a key account on the left." in texts(at)


@pytest.mark.parametrize("lang", ["de", "en"])
def test_an_account_without_a_plan_gets_an_empty_state_not_an_error(app_env, lang):
    cid = key_account_of(Store(app_env), BECKER, "fit")
    for page in PAGES:
        at = run_app(page, params={"account": cid, "lang": lang}, act_as=BECKER)
        assert_clean(at)
        assert not at.error
    plan = run_app("pages/plan.py", params={"account": cid, "lang": "en"}, act_as=BECKER)
    assert "There is no account plan for this account yet." in texts(plan)
    impl = run_app("pages/implementation.py", params={"account": cid, "lang": "en"}, act_as=BECKER)
    assert "This account has no milestones and no KPIs yet." in texts(impl)
    kpis = run_app("pages/kpis.py", params={"account": cid, "lang": "en"}, act_as=BECKER)
    assert "has no KPIs yet" in texts(kpis)


def test_deep_link_to_implementation_with_as_of_shows_that_day_read_only(app_env):
    cid = _own(app_env)
    as_of = (DEMO_TODAY - timedelta(days=60)).isoformat()
    at = run_app("pages/implementation.py", params={"account": cid, "as_of": as_of, "lang": "de"}, act_as=BECKER)
    assert_clean(at)
    assert at.query_params == {"account": cid, "as_of": as_of, "lang": "de"}
    name = Store(app_env).query("SELECT name FROM customers WHERE customer_id = ? AND valid_to IS NULL", [cid])
    assert at.sidebar.expander[0].label == f"Konto: {name.single_value()}"
    assert "Ältere Stände sind schreibgeschützt" in texts(at)
    assert "Status speichern" not in [b.label for b in at.button]
    assert [m.label for m in metrics(at)][:5] == ["offen", "im Plan", "gefährdet", "verzögert", "erledigt"]


def test_kpi_entry_by_the_account_manager_appears_on_implementation(app_env):
    cid = _own(app_env)
    kpi_id, kpi_name = _percent_kpi(app_env, cid)
    month = DEMO_TODAY.replace(day=1)
    at = run_app("pages/kpis.py", params={"account": cid, "lang": "de"}, act_as=BECKER)
    assert_clean(at)
    at.selectbox(key="kpis_one_kpi").set_value(kpi_id)
    at.selectbox(key="kpis_one_period").set_value(month)
    at.run()
    at.text_input(key="kpis_one_value").set_value("77,7")
    at.text_input(key="kpis_one_comment").set_value("Abgleich mit dem Kunden")
    at.button(key="kpis_one_save").click().run()
    assert_clean(at)
    confirmed = texts(at)
    assert "gespeichert von Sabine Becker" in confirmed and "77,7 %" in confirmed, confirmed
    assert at.text_input(key="kpis_one_value").value == ""  # ready for the next value
    row = (
        Store(app_env)
        .query(
            "SELECT value, entered_by, comment FROM kpi_entries WHERE kpi_id = ? ORDER BY entered_at DESC LIMIT 1",
            [kpi_id],
        )
        .first()
    )
    assert row == {"value": 77.7, "entered_by": BECKER, "comment": "Abgleich mit dem Kunden"}
    impl = run_app("pages/implementation.py", params={"account": cid, "lang": "de"}, act_as=BECKER)
    assert_clean(impl)
    impl.session_state["impl_tab"] = "KPIs: Ist gegen Ziel"  # what choosing the KPI tab reports
    impl.run()
    assert_clean(impl)
    metric = next(m for m in metrics(impl) if m.label.startswith(kpi_name))
    assert metric.value == "77,7 %"


def test_the_entry_form_shows_the_target_that_stands_for_a_month_not_yet_entered(app_env):
    cid = _own(app_env)
    kpi_id, _ = _percent_kpi(app_env, cid)
    store = Store(app_env)
    has_target = store.query("SELECT count(*) FROM kpi_targets WHERE kpi_id = ?", [kpi_id]).single_value()
    store.close()
    assert has_target
    at = run_app("pages/kpis.py", params={"account": cid, "lang": "en"}, act_as=BECKER)
    at.selectbox(key="kpis_one_kpi").set_value(kpi_id)
    at.selectbox(key="kpis_one_period").set_value(DEMO_TODAY.replace(day=1))  # no value and no own target yet
    at.run()
    assert_clean(at)
    caption = next(c.value for c in at.caption if c.value.startswith("Target this month"))
    assert not caption.startswith("Target this month: –"), caption
    assert "plausible: 0% to 100%" in caption


def test_an_implausible_value_is_refused_with_a_plain_message_and_nothing_stored(app_env):
    cid = _own(app_env)
    kpi_id, _ = _percent_kpi(app_env, cid)
    before = Store(app_env).query("SELECT count(*) FROM kpi_entries").single_value()
    at = run_app("pages/kpis.py", params={"account": cid, "lang": "de"}, act_as=BECKER)
    at.selectbox(key="kpis_one_kpi").set_value(kpi_id).run()
    at.text_input(key="kpis_one_value").set_value("140")
    at.button(key="kpis_one_save").click().run()
    assert_clean(at)
    assert "140 % liegt über dem größten plausiblen Wert 100 %" in " ".join(e.value for e in at.error)
    assert Store(app_env).query("SELECT count(*) FROM kpi_entries").single_value() == before


def test_a_write_conflict_gives_a_plain_message_not_a_traceback(app_env, monkeypatch):
    from skam_core.services import kpis as kpi_service

    def busy(*args, **kwargs):
        raise WriteConflictError("conflict")

    monkeypatch.setattr(kpi_service, "record_kpi_values", busy)
    cid = _own(app_env)
    kpi_id, _ = _percent_kpi(app_env, cid)
    at = run_app("pages/kpis.py", params={"account": cid, "lang": "en"}, act_as=BECKER)
    at.selectbox(key="kpis_one_kpi").set_value(kpi_id).run()
    at.text_input(key="kpis_one_value").set_value("90")
    at.button(key="kpis_one_save").click().run()
    assert_clean(at)
    assert "Someone else was saving the same data at the same moment" in " ".join(e.value for e in at.error)


def test_a_viewer_is_refused_kpi_entry_and_sees_no_editing(app_env):
    cid = _own(app_env)
    at = run_app("pages/kpis.py", params={"account": cid, "lang": "en"}, act_as=VIEWER)
    assert_clean(at)
    assert "KPI values are entered by account managers and administrators" in texts(at)
    assert not at.text_input and "Save value" not in [b.label for b in at.button]
    for page in ("pages/plan.py", "pages/implementation.py"):
        view = run_app(page, params={"account": cid, "lang": "en"}, act_as=VIEWER)
        assert_clean(view)
        assert "You have read access" in texts(view)
        assert not [x for x in _labels(view) if x.startswith("Add or edit")]
        assert "Save status" not in _labels(view)


def test_a_foreign_account_manager_is_refused(app_env):
    cid = _own(app_env)  # Sabine Becker's account, opened by Tarek Yilmaz
    at = run_app("pages/kpis.py", params={"account": cid, "lang": "en"}, act_as=YILMAZ)
    assert_clean(at)
    assert "you enter values only for your own accounts" in texts(at)
    picker = at.selectbox(key="kpis_account")
    assert cid not in picker.options and picker.value is None
    assert "Save value" not in [b.label for b in at.button]
    plan = run_app("pages/plan.py", params={"account": cid, "lang": "en"}, act_as=YILMAZ)
    assert_clean(plan)
    assert "manages this account; you can view it but not change it" in texts(plan)
    assert not [x for x in _labels(plan) if x.startswith("Add or edit")]


def test_an_admin_may_enter_values_for_every_account(app_env):
    cid = key_account_of(Store(app_env), YILMAZ, "implementation")
    at = run_app("pages/kpis.py", params={"account": cid, "lang": "en"}, act_as=ADMIN)
    assert_clean(at)
    assert at.selectbox(key="kpis_account").value == cid
    assert "Save value" in [b.label for b in at.button]


def test_status_update_with_comment_is_saved_and_logged(app_env):
    cid = _own(app_env)
    at = run_app("pages/implementation.py", params={"account": cid, "lang": "en"}, act_as=BECKER)
    assert_clean(at)
    assert not [s for s in at.selectbox if s.key == "upd_pick"]  # closed: the form is not built
    at.session_state["impl_update_box"] = True  # what opening "Report status" reports (on_change="rerun")
    at.run()
    mid = at.selectbox(key="upd_pick").value
    at.segmented_control(key=f"upd_status_{mid}").set_value("at_risk")
    at.text_area(key=f"upd_comment_{mid}").set_value("")
    at.button[[b.label for b in at.button].index("Save status")].click().run()
    assert "Please say in the comment why the milestone is at risk." in " ".join(e.value for e in at.error)
    at.segmented_control(key=f"upd_status_{mid}").set_value("at_risk")
    at.text_area(key=f"upd_comment_{mid}").set_value("Lieferengpass Leistungselektronik")
    at.button[[b.label for b in at.button].index("Save status")].click().run()
    assert_clean(at)
    row = (
        Store(app_env)
        .query("SELECT status, comment, changed_by FROM milestones WHERE id = ? AND valid_to IS NULL", [mid])
        .first()
    )
    assert row == {"status": "at_risk", "comment": "Lieferengpass Leistungselektronik", "changed_by": BECKER}


def test_adding_a_stakeholder_through_the_form_stores_a_new_version_with_neutral_defaults(app_env):
    cid = _own(app_env)
    at = run_app("pages/plan.py", params={"account": cid, "lang": "de"}, act_as=BECKER)
    assert not [w for w in at.text_input if w.key == "sh_form___new___0.name"]  # closed: the form is not built
    at.session_state["sh_box"] = True  # what opening the editor reports (on_change="rerun")
    at.run()
    form = "sh_form___new___0"
    assert at.slider(key=f"{form}.attitude").value == 0 and at.slider(key=f"{form}.influence").value == 3
    at.text_input(key=f"{form}.name").set_value("Eva Roth")
    at.selectbox(key=f"{form}.function").set_value("finance")
    at.button(key=f"FormSubmitter:{form}-Hinzufügen").click().run()
    assert_clean(at)
    row = (
        Store(app_env)
        .query(
            "SELECT function, influence, attitude, changed_by FROM stakeholders"
            " WHERE customer_id = ? AND name = 'Eva Roth' AND valid_to IS NULL",
            [cid],
        )
        .first()
    )
    assert row == {"function": "finance", "influence": 3, "attitude": 0, "changed_by": BECKER}
    assert at.text_input(key="sh_form___new___1.name").value == ""  # a fresh form for the next one


def test_customer_view_shows_only_the_shared_parts(app_env):
    cid = _own(app_env)
    at = run_app("pages/plan.py", params={"account": cid, "lang": "en"}, act_as=BECKER)
    assert "Stakeholders" in [tab.label for tab in at.tabs]
    at.toggle(key="plan_customer_view").set_value(True).run()
    assert_clean(at)
    labels = [tab.label for tab in at.tabs]
    assert "Stakeholders" not in labels and "Customer feedback" not in labels and "Plan versions" not in labels
    assert "Customer view: you see only the parts of the plan the customer sees." in texts(at)
    objectives = next(d.value for d in at.dataframe if "Objective" in d.value.columns)
    assert "Liefertreue auf 97 % steigern" not in set(objectives["Objective"])  # internal objective (demo)
    assert not [x for x in _labels(at) if x.startswith("Add or edit")]


def test_a_value_that_is_no_number_is_refused_in_plain_words(app_env):
    cid = _own(app_env)
    at = run_app("pages/kpis.py", params={"account": cid, "lang": "de"}, act_as=BECKER)
    at.text_input(key="kpis_one_value").set_value("zwölf")
    at.button(key="kpis_one_save").click().run()
    assert_clean(at)
    assert "„zwölf“ ist keine Zahl." in " ".join(e.value for e in at.error)


def test_recording_a_contact_today_turns_a_stale_stakeholder_engaged(app_env):
    cid = _own(app_env)
    s = Store(app_env)
    sid, name = s.query(
        "SELECT id, name FROM stakeholders WHERE customer_id = ? AND valid_to IS NULL ORDER BY last_contact LIMIT 1",
        [cid],
    ).rows[0]
    at = run_app("pages/plan.py", params={"account": cid, "lang": "en"}, act_as=BECKER)
    stale = [line for line in html_texts(at) if "No contact for more than 90 days" in line]
    assert any(name in line for line in stale)  # the longest without contact is named before
    at.session_state["sh_contact_box"] = True  # what opening the expander reports (on_change="rerun")
    at.run()
    at.selectbox(key="sh_contact_pick").set_value(sid)
    at.button(key="sh_contact_save").click().run()
    assert_clean(at)
    row = s.query("SELECT last_contact, changed_by FROM stakeholders WHERE id = ? AND valid_to IS NULL", [sid]).first()
    assert row["last_contact"] == DEMO_TODAY and row["changed_by"] == BECKER
    stale = [line for line in html_texts(at) if "No contact for more than 90 days" in line]
    assert not any(name in line for line in stale)


def test_the_first_milestone_of_an_account_without_a_plan(app_env):
    cid = key_account_of(Store(app_env), BECKER, "fit")
    at = run_app("pages/implementation.py", params={"account": cid, "lang": "de"}, act_as=BECKER)
    form = "ms_form___new___0"
    at.text_input(key=f"{form}.title").set_value("Kick-off mit beiden Geschäftsführungen")
    at.date_input(key=f"{form}.due").set_value(DEMO_TODAY - timedelta(days=3))
    at.button(key=f"FormSubmitter:{form}-Hinzufügen").click().run()
    assert_clean(at)
    counts = {m.label: m.value for m in metrics(at)}
    assert counts["verzögert"] == "1"  # due three days ago, never done: delayed without anyone setting it
    row = Store(app_env).query("SELECT status, changed_by FROM milestones WHERE customer_id = ?", [cid]).first()
    assert row == {"status": "open", "changed_by": BECKER}


def test_the_kpi_history_is_read_once_its_tab_is_chosen_and_shows_a_new_entry(app_env):
    cid = _own(app_env)
    kpi_id, _ = _percent_kpi(app_env, cid)
    at = run_app("pages/kpis.py", params={"account": cid, "lang": "en"}, act_as=BECKER)
    assert_clean(at)
    assert not [s for s in at.selectbox if s.key == "kpis_hist_kpi"]  # the history tab is closed: not built
    at.session_state[K_TAB] = "History & corrections"  # what choosing the tab reports (on_change="rerun")
    at.run()
    assert_clean(at)
    assert at.selectbox(key="kpis_hist_kpi")
    rows_before = len(at.dataframe[-1].value)
    at.session_state[K_TAB] = "Single value"
    at.run()
    at.selectbox(key="kpis_one_kpi").set_value(kpi_id).run()
    at.text_input(key="kpis_one_value").set_value("66")
    at.button(key="kpis_one_save").click().run()
    assert_clean(at)
    at.session_state[K_TAB] = "History & corrections"
    at.run()
    assert len(at.dataframe[-1].value) == rows_before + 1


def test_only_the_open_kpi_tab_is_built_and_what_was_typed_survives_a_look_at_another(app_env):
    cid = _own(app_env)
    kpi_id, _ = _percent_kpi(app_env, cid)
    at = run_app("pages/kpis.py", params={"account": cid, "lang": "en"}, act_as=BECKER)
    assert_clean(at)
    assert not at.get("arrow_data_frame") and not [s for s in at.selectbox if s.key == "kpis_bulk_period"]
    at.selectbox(key="kpis_one_kpi").set_value(kpi_id).run()
    at.text_input(key="kpis_one_value").set_value("66")
    at.text_input(key="kpis_one_comment").set_value("nach Rücksprache")
    at.session_state[K_TAB] = "All KPIs of a month"  # what choosing the tab reports
    at.run()
    assert_clean(at)
    assert at.selectbox(key="kpis_bulk_period") and not [w for w in at.text_input if w.key == "kpis_one_value"]
    at.session_state[K_TAB] = "Single value"
    at.run()
    assert_clean(at)
    assert at.selectbox(key="kpis_one_kpi").value == kpi_id
    assert at.text_input(key="kpis_one_value").value == "66"
    assert at.text_input(key="kpis_one_comment").value == "nach Rücksprache"
