"""The pages of steps 1-3 (/strategy, /fit, /value): both languages, deep links, empty states, roles, editing as
new versions, and the as-of view of earlier versions."""

import re
from datetime import timedelta

import pandas as pd
import pytest

from skam_core.demo import names as demo_names
from skam_core.domain.users import PermissionDenied
from skam_core.i18n import translate
from skam_core.i18n.formats import quarter as format_quarter
from skam_core.services.items import save_item
from skam_core.storage import versioned
from skam_core.storage.db import Store
from tests.app.conftest import assert_clean, metrics, run_app, texts
from tests.conftest import ADMIN, AM_BECKER, DEMO_TODAY, VIEWER, key_account_of

pytestmark = pytest.mark.usefixtures("app_env")

BECKER, YILMAZ, NEUMANN = demo_names.USERS[3][0], demo_names.USERS[4][0], demo_names.USERS[2][0]
CFO_VIEWER = demo_names.USERS[0][0]  # m.weber, a viewer (CFO)
CEO_EXECUTIVE = demo_names.USERS[1][0]  # d.hartmann, an executive (CEO)
PAGES = ["strategy", "fit", "value"]
TITLES = {
    "strategy": ("Kundenstrategie", "Customer strategy"),
    "fit": ("Strategischer Fit", "Strategic fit"),
    "value": ("Value Proposition", "Value proposition"),
}


def _name(store: Store, cid: str) -> str:
    return store.query("SELECT name FROM customers WHERE customer_id = ? AND valid_to IS NULL", [cid]).single_value()


def _submit(at, form_key: str):
    button = next(b for b in at.button if b.form_id == form_key)
    button.click()
    return at.run()


def _open(at, editor: str):
    """Open an editor's expander, as a click in the browser reports it (on_change="rerun"): it is built only
    while open. A strategy editor's tab is chosen first (only the open tab is built)."""
    section = editor.removeprefix("strategy.")
    if section != editor:
        lang = at.query_params.get("lang", "de")
        at.session_state["strategy_tab"] = translate(
            f"strategy.tab.{section}", lang[0] if isinstance(lang, list) else lang
        )
        at.run()
    at.session_state[f"{editor}.box"] = True
    at.run()


def _history(store: Store, table: str, key: dict):
    with store.cursor() as cur:
        return versioned.history(cur, table, key)


@pytest.mark.parametrize("lang", ["de", "en"])
@pytest.mark.parametrize("page", PAGES)
def test_pages_render_a_deep_linked_account_in_both_languages(app_env, page, lang):
    store = Store(app_env)
    cid = key_account_of(store, BECKER, "implementation")
    name = _name(store, cid)
    store.close()
    at = run_app(f"pages/{page}.py", params={"account": cid, "lang": lang})
    assert_clean(at)
    if page == "fit":
        at.session_state["fit_size_box"] = True  # section 2 is an expander built once opened
        at.run()
        assert_clean(at)
    title = TITLES[page][0 if lang == "de" else 1]
    assert at.title[0].value == f"{title}: {name}"
    assert at.query_params.get("account") == cid
    assert metrics(at) and all(m.help for m in metrics(at))  # every metric says how it is computed
    if page == "strategy":
        assert ("Strategie des Kunden ist verstanden" if lang == "de" else "strategy is understood") in texts(at)
    if page == "fit":
        score = next(m for m in metrics(at) if m.label.startswith("Strateg"))
        assert score.value.isdigit() and 0 <= int(score.value) <= 100
        rho = next(m for m in metrics(at) if "↔" in m.label)
        assert rho.label == ("Rangkorrelation Größe ↔ Fit" if lang == "de" else "Rank correlation size ↔ fit")
        assert rho.value != "–" and ("," in rho.value if lang == "de" else "." in rho.value)
    if page == "value":
        assert any(m.value.endswith("€") or m.value.startswith("€") for m in metrics(at))


def test_pages_work_inside_the_app_navigation():
    at = run_app(params={"lang": "en"})
    assert_clean(at)
    at.switch_page("pages/fit.py").run()
    assert_clean(at)
    assert at.title[0].value.startswith("Strategic fit")


@pytest.mark.parametrize("page", PAGES)
def test_without_an_account_the_page_offers_the_accounts_to_pick(page):
    at = run_app(f"pages/{page}.py", params={"lang": "en"})
    assert_clean(at)
    assert "please choose one" in texts(at)
    assert len(at.dataframe) == 1
    shown = at.dataframe[0].value
    assert len(shown) >= 12 and "Distinguishing components" in shown.columns
    assert not at.form


@pytest.mark.parametrize("page", PAGES)
def test_a_fresh_account_shows_what_to_do_next(app_env, page):
    store = Store(app_env)
    save_item(
        store,
        ADMIN,
        "customers",
        {"customer_id": "K900001", "name": "Neukunde Test GmbH", "skam_stage": "candidate", "account_manager": BECKER},
    )
    store.close()
    at = run_app(f"pages/{page}.py", params={"account": "K900001", "lang": "en"}, act_as=BECKER)
    assert_clean(at)
    text = texts(at)
    expected = {
        "strategy": "There is no strategy analysis for this account yet",
        "fit": "Without the customer's weighted priorities there is no fit matrix",
        "value": "No value proposition for this account yet",
    }[page]
    assert expected in text
    if page == "fit":  # its new business (section 3) is an expander built once opened: one click
        at.session_state["fit_opps_box"] = True
        at.run()
    assert at.form  # the account manager can start right here
    viewer = run_app(f"pages/{page}.py", params={"account": "K900001", "lang": "de"}, act_as=CFO_VIEWER)
    assert_clean(viewer)
    assert not viewer.form


def test_the_forces_radar_is_built_once_opened_under_the_five_scores(app_env):
    cid = key_account_of(Store(app_env), BECKER, "implementation")
    at = run_app("pages/strategy.py", params={"account": cid, "lang": "en"})
    assert_clean(at)
    assert "Rivalry among competitors: " in texts(at) and not at.get("plotly_chart")
    assert "The five forces as a radar chart" in [e.label for e in at.expander]
    at.session_state["strategy_radar_box"] = True
    at.run()
    assert_clean(at)
    assert len(at.get("plotly_chart")) == 1


def test_a_customer_without_analysis_on_the_strategy_page_names_every_gap():
    at = run_app("pages/strategy.py", params={"account": "K000001", "lang": "de"})
    assert_clean(at)
    text = texts(at)
    assert "Wettbewerbskräfte bewertet: 0 von 5" in text
    assert "Noch nicht verstanden" in text


@pytest.mark.parametrize("page", PAGES)
def test_a_viewer_sees_no_edit_controls(app_env, page):
    cid = key_account_of(Store(app_env), BECKER, "implementation")
    at = run_app(f"pages/{page}.py", params={"account": cid, "lang": "en"}, act_as=CFO_VIEWER)
    assert_clean(at)
    assert not at.form and not at.form_submit_button
    assert "You have read access" in texts(at)
    assert at.expander  # the change history stays visible


def test_an_executive_reads_but_does_not_edit_account_content(app_env):
    cid = key_account_of(Store(app_env), BECKER, "implementation")
    at = run_app("pages/fit.py", params={"account": cid, "lang": "en"}, act_as=CEO_EXECUTIVE)
    assert_clean(at)
    assert not at.form and "You have read access" in texts(at)


def test_an_account_manager_cannot_edit_another_managers_account(app_env):
    cid = key_account_of(Store(app_env), BECKER, "implementation")
    at = run_app("pages/strategy.py", params={"account": cid, "lang": "en"}, act_as=YILMAZ)
    assert_clean(at)
    assert not at.form
    assert f"{BECKER} manages this account" in texts(at)


def test_write_functions_refuse_viewers_and_other_managers(app_env):
    store = Store(app_env)
    cid = key_account_of(store, BECKER, "implementation")
    with pytest.raises(PermissionDenied):
        save_item(store, VIEWER, "competitive_forces", {"customer_id": cid, "force": "rivalry", "score": 1})
    yilmaz = type(AM_BECKER)(YILMAZ, "Tarek Yilmaz", AM_BECKER.role)
    with pytest.raises(PermissionDenied):
        save_item(store, yilmaz, "value_items", {"id": f"{cid}-vi0", "customer_id": cid, "status": "declined"})
    with pytest.raises(PermissionDenied):  # our capabilities and capacity are the admins' job
        save_item(store, AM_BECKER, "delivery_capacity", {"quarter": "2027-Q1", "person_days": 9999})
    store.close()


def test_an_account_managers_force_edit_is_a_new_version_and_as_of_shows_the_old_one(app_env):
    store = Store(app_env)
    cid = key_account_of(store, BECKER, "implementation")
    before = _history(store, "competitive_forces", {"customer_id": cid, "force": "rivalry"})
    old_score = int(before.iloc[0]["score"])
    new_score = 1 if old_score != 1 else 5
    store.close()

    at = run_app("pages/strategy.py", params={"account": cid, "lang": "en"}, act_as=BECKER)
    assert_clean(at)
    _open(at, "strategy.forces")
    form = f"strategy.forces.form.{cid}|rivalry"
    at.slider(key=f"{form}.score").set_value(new_score)
    at.text_area(key=f"{form}.evidence").input("Two new Asian competitors since spring")
    at = _submit(at, form)
    assert_clean(at)
    assert f"Rivalry among competitors: {new_score} / 5" in texts(at)

    store = Store(app_env)
    after = _history(store, "competitive_forces", {"customer_id": cid, "force": "rivalry"})
    store.close()
    assert len(after) == len(before) + 1
    newest, previous = after.iloc[0], after.iloc[1]
    assert (newest["score"], newest["changed_by"]) == (new_score, BECKER) and pd.isna(newest["valid_to"])
    assert previous["score"] == old_score and not pd.isna(previous["valid_to"])  # the previous version was closed

    yesterday = (DEMO_TODAY - timedelta(days=1)).isoformat()
    past = run_app("pages/strategy.py", params={"account": cid, "lang": "en", "as_of": yesterday}, act_as=BECKER)
    assert_clean(past)
    assert f"Rivalry among competitors: {old_score} / 5" in texts(past)
    assert not past.form  # earlier states are read-only
    again = run_app("pages/strategy.py", params={"account": cid, "lang": "en"}, act_as=CFO_VIEWER)
    assert f"Rivalry among competitors: {new_score} / 5" in texts(again)


def test_an_account_manager_adds_a_distinguishing_component(app_env):
    store = Store(app_env)
    cid = key_account_of(store, BECKER, "implementation")
    store.close()
    at = run_app("pages/strategy.py", params={"account": cid, "lang": "de"}, act_as=BECKER)
    _open(at, "strategy.components")
    form = "strategy.components.form.__new__"
    at.text_input(key=f"{form}.component").input("Eigene Prüfstände für Hygienic Design")
    at.checkbox(key=f"{form}.exclusive").check()
    at = _submit(at, form)
    assert_clean(at)
    shown = next(d.value for d in at.dataframe if "Komponente" in d.value.columns)
    assert "Eigene Prüfstände für Hygienic Design" in set(shown["Komponente"])
    store = Store(app_env)
    rows = store.query(
        "SELECT changed_by, exclusive FROM strategy_components WHERE customer_id = ? AND component = ?"
        " AND valid_to IS NULL",
        [cid, "Eigene Prüfstände für Hygienic Design"],
    ).rows
    store.close()
    assert rows == [(BECKER, True)]


def test_validation_errors_are_shown_and_nothing_is_saved(app_env):
    store = Store(app_env)
    cid = key_account_of(store, BECKER, "implementation")
    n = store.query("SELECT count(*) FROM strategic_priorities WHERE customer_id = ?", [cid]).single_value()
    store.close()
    at = run_app("pages/strategy.py", params={"account": cid, "lang": "en"}, act_as=BECKER)
    _open(at, "strategy.priorities")
    form = "strategy.priorities.form.__new__"
    at.text_input(key=f"{form}.priority").input("Enter the Indian market")
    at = _submit(at, form)  # no weight
    assert_clean(at)
    assert "Please correct" in texts(at) and "weight" in texts(at)
    store = Store(app_env)
    assert store.query("SELECT count(*) FROM strategic_priorities WHERE customer_id = ?", [cid]).single_value() == n
    store.close()


def test_an_account_manager_scores_a_fit_cell_and_the_score_follows(app_env):
    store = Store(app_env)
    cid = key_account_of(store, BECKER, "implementation")
    prio = store.query(
        "SELECT id FROM strategic_priorities WHERE customer_id = ? AND valid_to IS NULL ORDER BY sort_order LIMIT 1",
        [cid],
    ).single_value()
    store.close()
    at = run_app("pages/fit.py", params={"account": cid, "lang": "en"}, act_as=BECKER)
    assert_clean(at)
    before = next(m.value for m in metrics(at) if m.label.startswith("Strategic fit"))
    slot = f"{cid}|{prio}|cap-lcc"
    _open(at, "fit.cells")
    at.selectbox(key="fit.cells.pick").set_value(slot).run()
    form = f"fit.cells.form.{slot}"
    at.radio(key=f"{form}.score").set_value(0)
    at.text_area(key=f"{form}.note").input("Checked with their CTO: no need")
    at = _submit(at, form)
    assert_clean(at)
    store = Store(app_env)
    hist = _history(store, "fit_scores", {"customer_id": cid, "priority_id": prio, "capability_id": "cap-lcc"})
    store.close()
    assert hist.iloc[0]["changed_by"] == BECKER and hist.iloc[0]["note"] == "Checked with their CTO: no need"
    after = next(m.value for m in metrics(at) if m.label.startswith("Strategic fit"))
    assert after.isdigit() and before.isdigit()


def test_admins_maintain_capabilities_and_capacity_on_the_fit_page(app_env):
    cid = key_account_of(Store(app_env), BECKER, "implementation")
    manager = run_app("pages/fit.py", params={"account": cid, "lang": "en"}, act_as=BECKER)
    assert_clean(manager)
    manager.session_state["fit_ours_box"] = True
    for editor in ("fit.cells", "fit.capabilities", "fit.capacity"):
        manager.session_state[f"{editor}.box"] = True  # every editor open: what may she change?
    manager.run()
    forms = {b.form_id for b in manager.button}
    assert any(k.startswith("fit.cells.") for k in forms)  # her own account's matrix: yes
    assert not any(k.startswith(("fit.capabilities.", "fit.capacity.")) for k in forms)  # company-wide: no

    at = run_app("pages/fit.py", params={"account": cid, "lang": "en"}, act_as=NEUMANN)
    assert_clean(at)
    at.session_state["fit_ours_box"] = True  # section 5, our side, is an expander built once opened
    _open(at, "fit.capacity")
    pick = at.selectbox(key="fit.capacity.pick")
    quarter = pick.value
    # The quarters read as people write them ("Q3 2026"), not as stored ("2026-Q3")
    assert pick.options and all(re.match(r"Q[1-4] \d{4} · ", o) for o in pick.options), pick.options[:3]
    form = f"fit.capacity.form.{quarter}"
    at.number_input(key=f"{form}.person_days").set_value(5.0)
    at = _submit(at, form)
    assert_clean(at)
    store = Store(app_env)
    hist = _history(store, "delivery_capacity", {"quarter": quarter})
    store.close()
    assert hist.iloc[0]["person_days"] == 5.0 and hist.iloc[0]["changed_by"] == NEUMANN
    assert format_quarter(quarter, "en") in texts(
        at
    )  # 5 person-days cannot carry the planned projects: the quarter is flagged


def test_an_overloaded_quarter_is_flagged(app_env):
    store = Store(app_env)
    cid = key_account_of(store, BECKER, "implementation")
    start = DEMO_TODAY.replace(day=1) + timedelta(days=95)
    save_item(
        store,
        AM_BECKER,
        "opportunities",
        {
            "id": "big-rollout",
            "customer_id": cid,
            "title": "Weltweiter Rollout",
            "type": "joint_project",
            "effort_person_days": 3000.0,
            "effort_cost_eur": 2_640_000.0,
            "start_month": start.replace(day=1),
            "duration_months": 3,
        },
    )
    store.close()
    at = run_app("pages/fit.py", params={"account": cid, "lang": "en"}, act_as=CFO_VIEWER)
    assert_clean(at)
    assert "We cannot deliver in these quarters" in texts(at)
    flagged = next(m for m in metrics(at) if m.label == "Quarters we cannot deliver")
    assert int(flagged.value) >= 1


def test_value_status_after_feedback_is_edited_and_versioned(app_env):
    store = Store(app_env)
    cid = key_account_of(store, BECKER, "implementation")
    item = store.query(
        "SELECT id, status FROM value_items WHERE customer_id = ? AND valid_to IS NULL AND status <> 'declined'"
        " ORDER BY sequence_no LIMIT 1",
        [cid],
    ).first()
    store.close()
    at = run_app("pages/value.py", params={"account": cid, "lang": "en"}, act_as=BECKER)
    assert_clean(at)
    _open(at, "value.items")
    at.selectbox(key="value.items.pick").set_value(item["id"]).run()
    form = f"value.items.form.{item['id']}"
    at.selectbox(key=f"{form}.status").set_value("declined")
    at = _submit(at, form)
    assert_clean(at)
    store = Store(app_env)
    hist = _history(store, "value_items", {"id": item["id"]})
    store.close()
    assert hist.iloc[0]["status"] == "declined" and hist.iloc[1]["status"] == item["status"]
    assert hist.iloc[0]["changed_by"] == BECKER
    assert "· 2 declined" in texts(at)  # the demo account had declined one component already
    yesterday = (DEMO_TODAY - timedelta(days=1)).isoformat()
    past = run_app("pages/value.py", params={"account": cid, "lang": "en", "as_of": yesterday}, act_as=BECKER)
    assert_clean(past)
    row = next(line for line in texts(past).splitlines() if line.startswith(f"| {hist.iloc[1]['sequence_no']} |"))
    assert hist.iloc[0]["title"] in row and "Declined" not in row  # the components table as it was yesterday
    assert not past.form


def test_the_accepted_share_names_what_is_only_partly_accepted(app_env):
    """A card reading "100 % of the benefit" must not hide a component the customer took only in part."""
    store = Store(app_env)
    cid = key_account_of(store, BECKER, "implementation")
    item = store.query(
        "SELECT id FROM value_items WHERE customer_id = ? AND valid_to IS NULL AND status <> 'declined'"
        " AND customer_benefit_eur > 0 ORDER BY sequence_no LIMIT 1",
        [cid],
    ).first()
    store.close()
    at = run_app("pages/value.py", params={"account": cid, "lang": "en"}, act_as=BECKER)
    _open(at, "value.items")
    at.selectbox(key="value.items.pick").set_value(item["id"]).run()
    form = f"value.items.form.{item['id']}"
    at.selectbox(key=f"{form}.status").set_value("partly_accepted")
    at = _submit(at, form)
    assert_clean(at)
    card = next(m for m in metrics(at) if m.label == "of which accepted")
    caption = texts(at)
    assert "of it only in part" in caption, caption
    assert card.value


def test_a_component_is_taken_over_from_an_opportunity(app_env):
    store = Store(app_env)
    cid = key_account_of(store, BECKER, "fit")  # step 2 done: opportunities, but no value proposition yet
    store.close()
    at = run_app("pages/value.py", params={"account": cid, "lang": "en"}, act_as=BECKER)
    assert_clean(at)
    assert "No value proposition for this account yet" in texts(at)
    _open(at, "value.from_opp")
    opp = at.selectbox(key="value.from_opp.pick").value
    at = _submit(at, f"value.from_opp.form.{opp}")
    assert_clean(at)
    store = Store(app_env)
    rows = store.query(
        "SELECT opportunity_id, status, changed_by FROM value_items WHERE customer_id = ? AND valid_to IS NULL", [cid]
    ).rows
    store.close()
    assert rows == [(opp, "draft", BECKER)]
    assert "Customer benefit / yr" in [m.label for m in metrics(at)]  # the page now shows the proposition


@pytest.mark.parametrize(("lang", "country"), [("de", "Deutschland"), ("en", "Germany")])
def test_the_account_header_names_industry_and_country_in_the_page_language(app_env, lang, country):
    store = Store(app_env)
    cid, industry = store.query(
        "SELECT customer_id, industry FROM customers WHERE valid_to IS NULL AND country = 'DE'"
        " AND industry = 'Landtechnik' AND skam_stage <> 'none' LIMIT 1"
    ).rows[0]
    store.close()
    at = run_app("pages/strategy.py", params={"account": cid, "lang": lang}, act_as=ADMIN.user_id)
    assert_clean(at)
    shown = texts(at)
    assert country in shown and ("Agricultural machinery" if lang == "en" else industry) in shown, shown
    assert (" · DE" not in shown) and (lang == "de" or "Landtechnik" not in shown)


def test_only_the_open_part_of_the_analysis_is_built(app_env):
    # All four parts with their charts, tables and editors on every view made the page slow to draw (issue 12).
    store = Store(app_env)
    cid = key_account_of(store, BECKER, "implementation")
    store.close()
    at = run_app("pages/strategy.py", params={"account": cid, "lang": "en"}, act_as=BECKER)
    assert_clean(at)
    assert [tab.label for tab in at.tabs] == [
        "1 · Competitive forces",
        "2 · Customers and markets",
        "3 · What sets it apart",
        "4 · Priorities",
    ]
    heads = [s.value for s in at.subheader]
    assert "1 · Competitive forces on the customer (Porter)" in heads
    assert "3 · What sets the customer apart" not in heads and not at.dataframe
    at.session_state["strategy_tab"] = "3 · What sets it apart"  # what choosing the tab reports
    at.run()
    assert_clean(at)
    assert "3 · What sets the customer apart" in [s.value for s in at.subheader]
    assert any("Component" in d.value.columns for d in at.dataframe)


def test_the_fit_page_builds_new_business_once_opened_and_always_says_what_we_cannot_deliver(app_env):
    # Section 3 (a chart, a table, an editor) on every view made /fit the slowest page to draw (issue 12); like
    # 2 and 5 it is an expander built once opened. Section 4 stays open: it flags the overloaded quarters.
    from skam_core.i18n import translate as tr

    cid = key_account_of(Store(app_env), BECKER, "implementation")
    at = run_app("pages/fit.py", params={"account": cid, "lang": "en"}, act_as=BECKER)
    assert_clean(at)
    assert "3 · New business from the fit" in [e.label for e in at.expander]
    opps, capacity = tr("fit.opps_caption", "en"), tr("fit.capacity_caption", "en")
    assert opps not in texts(at) and capacity in texts(at)
    charts_before = len(at.get("plotly_chart"))
    at.session_state["fit_opps_box"] = True
    at.run()
    assert_clean(at)
    assert opps in texts(at)
    assert len(at.get("plotly_chart")) == charts_before + 1


def test_the_fit_page_shows_the_points_and_how_they_come_about_in_one_element(app_env):
    cid = key_account_of(Store(app_env), BECKER, "implementation")
    at = run_app("pages/fit.py", params={"account": cid, "lang": "de"}, act_as=BECKER)
    assert_clean(at)
    assert not at.columns  # no st.columns on the first screen: one HTML element for bars and formula
    block = next(e.proto.body for e in at.get("html") if "skam-split" in e.proto.body)
    assert "So entsteht der Fit-Score" in block and "Fit = 100 × Σ Gewicht" in block and "**" not in block
    assert re.search(r"\(\d+\u00a0%\): beste Bewertung", block)  # "(40 %)" never wraps before the %
