"""The steering page: the pack in both languages, snapshot links that do not move, presentation mode, roles."""

from datetime import timedelta

import pytest

from skam_core.demo import names as demo_names
from skam_core.services.items import save_item
from skam_core.services.kpis import record_kpi_entry
from skam_core.services.steering import Meeting, record_meeting
from skam_core.storage.db import Store
from skam_core.storage.versioned import utc_now
from skam_core.ui.steering.forms import ACTION_BOX, DECIDE_BOX, MEETING_BOX, RAISE_BOX
from tests.app.conftest import assert_clean, cards, html_texts, run_app, texts
from tests.conftest import ADMIN, AM_BECKER, DEMO_TODAY, key_account_of

pytestmark = pytest.mark.usefixtures("app_env")
CFO = demo_names.USERS[0][0]  # viewer
CEO = demo_names.USERS[1][0]  # executive


def _metrics(at) -> dict[str, str]:
    return cards(at)


@pytest.mark.parametrize("lang", ["de", "en"])
def test_the_pack_renders_in_both_languages(app_env, lang):
    cid = key_account_of(Store(app_env), AM_BECKER.user_id, "implementation")
    at = run_app("pages/steering.py", params={"account": cid, "lang": lang})
    assert_clean(at)
    labels = list(_metrics(at))
    assert ("Wert geliefert" if lang == "de" else "Value delivered") in labels
    assert len(labels) == 5


def test_one_accounts_pack_does_not_load_the_whole_portfolio(app_env, monkeypatch):
    # A shared link to one pack must not wait for every customer (the standing is read with the pack).
    from skam_core.views import portfolio as portfolio_view

    def portfolio(*args, **kwargs):
        raise AssertionError("the pack page loaded the whole portfolio")

    monkeypatch.setattr(portfolio_view, "portfolio", portfolio)
    cid = key_account_of(Store(app_env), AM_BECKER.user_id, "implementation")
    at = run_app("pages/steering.py", params={"account": cid, "lang": "en"})
    assert_clean(at)
    assert "Value delivered" in _metrics(at)


def test_without_an_account_the_chair_sees_all_packs():
    at = run_app("pages/steering.py", params={"lang": "en"})
    assert_clean(at)
    assert at.title[0].value == "Steering committees at a glance"
    table = at.dataframe[0].value
    table = table.data if hasattr(table, "data") else table  # a Styler (the coloured cells) or a frame
    for column in ("KPIs red", "KPIs amber", "KPIs green", "Overdue escalations", "Milestones delayed or overdue"):
        assert column in table.columns
    assert not {"MS delayed", "Margin 12 m"} & set(table.columns)  # full names only
    reds = list(table["KPIs red"])
    assert reds == sorted(reds, reverse=True) and reds[0] > 0  # what needs attention first


def test_a_snapshot_link_shows_the_same_numbers_whatever_changed_later(app_env):
    store = Store(app_env)
    cid = key_account_of(store, AM_BECKER.user_id, "implementation")
    # The meeting was held yesterday and pinned its day.
    held = DEMO_TODAY - timedelta(days=1)
    record_meeting(store, AM_BECKER, Meeting(customer_id=cid, held_on=held, summary="Review"))
    pinned = {"account": cid, "as_of": held.isoformat(), "lang": "en"}
    before = _metrics(run_app("pages/steering.py", params=pinned))
    # Today: KPIs and milestones change (made visible for "yesterday" would be a bug).
    kpis = store.query("SELECT id FROM kpi_definitions WHERE customer_id=? AND valid_to IS NULL", [cid]).rows
    month = DEMO_TODAY.replace(day=1)
    for (kid,) in kpis:
        record_kpi_entry(store, AM_BECKER, kid, month - timedelta(days=1), 1.0, "after the meeting")
    ms = store.query(
        "SELECT id FROM milestones WHERE customer_id=? AND valid_to IS NULL AND status<>'done'", [cid]
    ).rows
    for (mid,) in ms:
        save_item(store, ADMIN, "milestones", {"id": mid, "status": "done", "completed_on": DEMO_TODAY})
    after = _metrics(run_app("pages/steering.py", params=pinned))
    now = _metrics(run_app("pages/steering.py", params={"account": cid, "lang": "en"}))
    assert after == before
    assert now != before  # the live view did change
    assert utc_now()  # (the store kept every version: nothing was overwritten)


def test_presentation_mode_hides_sidebar_and_edit_controls(app_env):
    cid = key_account_of(Store(app_env), AM_BECKER.user_id, "implementation")
    at = run_app("pages/steering.py", params={"account": cid, "lang": "en", "present": "1"}, act_as=AM_BECKER.user_id)
    assert_clean(at)
    assert not at.sidebar.selectbox
    assert not at.text_area and not at.expander  # no forms
    assert [b.label for b in at.button] == ["Back", "Next"]
    assert at.header[0].value.endswith("· Overview")


def test_presentation_steps_through_the_sections_then_to_the_next_account(app_env):
    at = run_app("pages/steering.py", params={"lang": "en", "present": "1"})
    headers = [at.header[0].value]
    for _ in range(4):
        [b for b in at.button if b.label == "Next"][0].click().run()
        assert_clean(at)
        headers.append(at.header[0].value)
    sections = [h.rsplit(" · ", 1)[1] for h in headers]
    assert sections == ["Overview", "KPI lights", "Margin and value", "Escalations and decisions", "Overview"]
    names = [h.rsplit(" · ", 1)[0] for h in headers]
    assert len(set(names[:4])) == 1 and names[4] != names[0]  # the fifth slide is the next account's
    [b for b in at.button if b.label == "Back"][0].click().run()
    assert at.header[0].value == headers[3]


def test_account_manager_sees_the_forms_and_a_viewer_does_not(app_env):
    cid = key_account_of(Store(app_env), AM_BECKER.user_id, "implementation")
    am = run_app("pages/steering.py", params={"account": cid, "lang": "en"}, act_as=AM_BECKER.user_id)
    assert any(e.label == "Record a meeting" for e in am.expander)
    viewer = run_app("pages/steering.py", params={"account": cid, "lang": "en"}, act_as=CFO)
    assert_clean(viewer)
    assert not any(e.label == "Record a meeting" for e in viewer.expander)


def test_the_meeting_form_is_built_only_once_opened(app_env):
    # Its three entry tables cost every run of the page while nobody records a meeting (issue 15).
    cid = key_account_of(Store(app_env), AM_BECKER.user_id, "implementation")
    at = run_app("pages/steering.py", params={"account": cid, "lang": "en"}, act_as=AM_BECKER.user_id)
    assert_clean(at)
    meeting = [e for e in at.expander if e.label == "Record a meeting"][0]
    assert not meeting.data_editor and not meeting.text_area
    at.session_state[MEETING_BOX] = True  # what opening it in the browser reports (on_change="rerun")
    at.run()
    assert_clean(at)
    meeting = [e for e in at.expander if e.label == "Record a meeting"][0]
    assert len(meeting.data_editor) == 3 and meeting.text_area


def test_the_committee_forms_are_built_only_once_opened(app_env):
    # Three forms of inputs were drawn on every view of the pack for the few who record something (issue 12).
    cid = key_account_of(Store(app_env), AM_BECKER.user_id, "implementation")
    at = run_app("pages/steering.py", params={"account": cid, "lang": "en"}, act_as=CEO)
    assert_clean(at)
    labels = {"Raise an escalation", "Add an action item to a decision"}
    shown = {e.label for e in at.expander}
    assert labels <= shown, shown
    assert not at.text_area and not [i for i in at.text_input if i.label in ("Action item", "Owner")]
    for key in (RAISE_BOX, ACTION_BOX):
        at.session_state[key] = True
    at.run()
    assert_clean(at)
    assert [a for a in at.text_area if a.label == "Problem"]
    assert [i for i in at.text_input if i.label == "Action item"]


def test_an_executive_decides_an_open_escalation(app_env):
    store = Store(app_env)
    cid = key_account_of(store, AM_BECKER.user_id, "implementation")
    from skam_core.services.steering import NewEscalation, raise_escalation

    eid = raise_escalation(
        store,
        AM_BECKER,
        cid,
        NewEscalation("Lieferengpass Sensoren", "Einkauf", "Zweitlieferant?", DEMO_TODAY + timedelta(days=7)),
    )
    at = run_app("pages/steering.py", params={"account": cid, "lang": "en"}, act_as=CEO)
    assert_clean(at)
    assert "Lieferengpass Sensoren" in texts(at)  # the open escalations: a markdown table
    assert any(e.label == "Record a decision on an escalation" for e in at.expander)
    at.session_state[DECIDE_BOX] = True  # opened (on_change="rerun"): the form is built only then
    at.run()
    next(b for b in at.selectbox if b.label == "Escalation").set_value(eid)
    area = [a for a in at.text_area if a.label == "Decision"][0]
    area.input("Zweitlieferant freigegeben")
    next(b for b in at.button if b.label == "Save the decision").click().run()
    assert_clean(at)
    assert "Decision saved" in texts(at)
    # The pack above the forms is drawn again: the decision is in its log at once.
    assert "| Zweitlieferant freigegeben |" in texts(at)
    decided = store.query(
        "SELECT status, decided_by FROM escalations WHERE problem = 'Lieferengpass Sensoren' AND valid_to IS NULL"
    ).first()
    assert decided == {"status": "decided", "decided_by": "Dr. Dorothea Hartmann"}


def test_vogt_sees_the_escalation_raised_after_the_last_meeting_marked_overdue(app_env):
    store = Store(app_env)
    cid = store.df(
        "SELECT customer_id FROM customers WHERE name LIKE 'Vogt Anlagenbau%'"
        " AND skam_stage = 'implementation' AND valid_to IS NULL"
    )
    at = run_app("pages/steering.py", params={"account": cid["customer_id"][0], "lang": "en"})
    assert_clean(at)
    lines = html_texts(at)  # the changes are one element of HTML, a list item per change
    assert any(s.startswith("New and overdue:") and "decide by" in s for s in lines), lines
    assert "Open action items from decisions" in texts(at)
    assert "· Tarek Yilmaz |" in texts(at) and "t.yilmaz@" not in texts(at)  # who raised it, by name


def test_an_executive_adds_an_action_item_to_a_decision(app_env):
    cid = key_account_of(Store(app_env), AM_BECKER.user_id, "implementation")
    at = run_app("pages/steering.py", params={"account": cid, "lang": "en"}, act_as=CEO)
    at.session_state[ACTION_BOX] = True
    at.run()
    form = [e for e in at.text_input if e.label == "Action item"][0]
    form.input("Send the budget plan")
    [b for b in at.button if b.label == "Save action item"][0].click().run()
    assert_clean(at)
    assert "| Send the budget plan |" in texts(at)  # a row of the action items' table


def test_presentation_steps_through_sections_then_accounts_and_stops_at_the_ends():
    from skam_core.ui.steering.present import SECTIONS, step

    ids, last = ["A", "B"], len(SECTIONS) - 1
    assert step(ids, "A", 0, 1) == ("A", 1)
    assert step(ids, "A", last, 1) == ("B", 0)
    assert step(ids, "B", 0, -1) == ("A", last)
    assert step(ids, "A", 0, -1) == ("A", 0)
    assert step(ids, "B", last, 1) == ("B", last)


def test_presentation_overview_gives_the_changes_the_width_and_says_the_quiet_groups_in_one_line(app_env):
    # Five narrow columns wrapped an escalation into nine lines at 1024 px and pushed the slide off the screen.
    from skam_core.i18n import translate

    cid = key_account_of(Store(app_env), AM_BECKER.user_id, "implementation")
    at = run_app("pages/steering.py", params={"account": cid, "lang": "en", "present": "1"})
    assert_clean(at)
    groups = ("done", "delayed", "at_risk", "escalations", "kpis")
    titles = {g: f"**{translate('steering.changes.' + g, 'en')}**" for g in groups}
    nones = {g: translate("steering.changes.none_" + g, "en") for g in groups}
    shown = [g for g in groups if any(m.value.startswith(titles[g]) for m in at.markdown)]
    quiet = [g for g in groups if g not in shown]
    assert shown, "the demo account has news since its last meeting"
    captions = [c.value for c in at.caption]
    if quiet:
        assert " ".join(nones[g] for g in quiet) in captions
    assert not any(nones[g] in c for g in shown for c in captions)


def test_the_pack_builds_only_its_open_tab(app_env):
    # Four charts and five tables behind every view of a pack took the page to 4× a blank one (issue 15).
    from skam_core.ui.steering.pack import PACK_TAB_KEY

    cid = key_account_of(Store(app_env), AM_BECKER.user_id, "implementation")
    at = run_app("pages/steering.py", params={"account": cid, "lang": "en"})
    assert_clean(at)
    assert not at.get("plotly_chart")  # the committee's tab first: escalations, decisions, actions
    assert "Open action items from decisions" in texts(at)
    at.session_state[PACK_TAB_KEY] = "Value, margin, milestones"  # what clicking the tab reports
    at.run()
    assert_clean(at)
    assert len(at.get("plotly_chart")) >= 2
    assert "Open action items from decisions" not in texts(at)


def test_the_rules_tab_names_the_accounts_size_rank_as_the_portfolio_ranks_it(app_env):
    from skam_core.domain.asof import AsOf
    from skam_core.ui.steering.pack import PACK_TAB_KEY
    from skam_core.views.portfolio import portfolio

    store = Store(app_env)
    cid = key_account_of(store, AM_BECKER.user_id, "implementation")
    accounts = portfolio(store, AsOf.now(DEMO_TODAY)).accounts
    rank = int(accounts.loc[accounts["customer_id"] == cid, "size_rank"].iloc[0])
    at = run_app("pages/steering.py", params={"account": cid, "lang": "en"})
    at.session_state[PACK_TAB_KEY] = "Next meeting and rules"
    at.run()
    assert_clean(at)
    assert f"rank {rank} of" in texts(at)


@pytest.mark.parametrize("present", [False, True])
def test_what_changed_reads_as_typed_on_the_pack_and_the_slide(app_env, present):
    # The lines were messages with escaped parameters shown as plain text: "Engpass\: Sensoren \(Q1\)".
    store = Store(app_env)
    cid = key_account_of(store, AM_BECKER.user_id, "implementation")
    from skam_core.services.steering import NewEscalation, raise_escalation

    raise_escalation(
        store,
        AM_BECKER,
        cid,
        NewEscalation("Engpass: Sensoren (Q1) & mehr", "Einkauf", None, DEMO_TODAY + timedelta(days=7)),
    )
    params = {"account": cid, "lang": "de", **({"present": "1"} if present else {})}
    at = run_app("pages/steering.py", params=params, act_as=CEO)
    assert_clean(at)
    assert "Engpass: Sensoren (Q1) & mehr" in texts(at)
    assert not [e.value for e in at.text if "\\" in e.value]
