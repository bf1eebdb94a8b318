"""The pack's rules with hand-made data: changes since the last meeting, value delivered, lights then."""

from datetime import date

import pandas as pd

from skam_core.analytics import kpis as kpi_rules
from skam_core.analytics.steering import kpi_overview, last_meeting_before, milestone_changes, value_delivery

DAY = date(2026, 11, 27)


def _ms(rows):
    cols = ["id", "customer_id", "title", "owner", "start_date", "due", "status", "completed_on", "opportunity_id"]
    return pd.DataFrame([dict(zip(cols, r, strict=True)) for r in rows], columns=cols)


def test_a_meeting_day_pack_compares_with_the_meeting_before():
    meetings = pd.DataFrame({"held_on": [date(2026, 11, 27), date(2026, 9, 1)]})
    assert last_meeting_before(meetings, DAY) == date(2026, 9, 1)
    assert last_meeting_before(meetings, date(2026, 11, 28)) == date(2026, 11, 27)
    assert last_meeting_before(meetings.iloc[0:0], DAY) is None


def test_changes_since_the_last_meeting():
    since = date(2026, 9, 1)
    now = _ms(
        [
            ("a", "K", "Done after", None, None, date(2026, 10, 1), "done", date(2026, 10, 5), None),
            ("b", "K", "Done before", None, None, date(2026, 8, 1), "done", date(2026, 8, 2), None),
            ("c", "K", "Overdue now", None, None, date(2026, 11, 1), "on_track", None, None),
            ("d", "K", "Overdue then too", None, None, date(2026, 8, 15), "on_track", None, None),
            ("e", "K", "At risk", None, None, date(2026, 12, 15), "at_risk", None, None),
        ]
    )
    then = now.assign(
        status=["on_track", "done", "on_track", "on_track", "on_track"],
        completed_on=[None, date(2026, 8, 2), None, None, None],
    )
    ch = milestone_changes(now, then, since, DAY)
    assert list(ch.done_since["id"]) == ["a"]
    assert list(ch.newly_delayed["id"]) == ["c"]  # d was already overdue at the last meeting
    assert list(ch.at_risk["id"]) == ["e"]
    assert ch.counts == {"done": 2, "delayed": 2, "at_risk": 1}


def test_value_counts_as_delivered_when_all_milestones_of_its_opportunity_are_done():
    items = pd.DataFrame(
        {
            "id": ["v1", "v2", "v3"],
            "title": ["A", "B", "C"],
            "status": ["accepted", "partly_accepted", "declined"],
            "sequence_no": [1, 2, 3],
            "note": None,
            "opportunity_id": ["o1", "o2", "o3"],
            "customer_benefit_eur": [100.0, 50.0, 70.0],
        }
    )
    opps = pd.DataFrame(
        {
            "id": ["o1", "o2", "o3"],
            "type": "product",
            "customer_value_eur": 0.0,
            "our_revenue_eur": 1.0,
            "our_margin_pct": 30.0,
            "effort_person_days": 1.0,
            "effort_cost_eur": 1.0,
            "start_month": date(2026, 1, 1),
            "duration_months": 3,
            "copy_risk": 2,
            "copy_risk_reason": "",
            "capability_id": None,
        }
    )
    ms = _ms(
        [
            ("m1", "K", "x", None, None, date(2026, 5, 1), "done", date(2026, 5, 1), "o1"),
            ("m2", "K", "y", None, None, date(2026, 6, 1), "done", date(2026, 6, 1), "o2"),
            ("m3", "K", "z", None, None, date(2027, 1, 1), "on_track", None, "o2"),
        ]
    )
    v = value_delivery(items, opps, ms, DAY)
    assert (v.proposed_eur, v.delivered_eur) == (150.0, 100.0)  # declined C not proposed; B not finished


def lights_at(defs, targets, actuals, day):
    """The pack's lights at the last meeting (``day``), as kpi_overview gives them."""
    overview = kpi_overview(defs, targets, actuals, date(2026, 12, 31), day)
    return dict(zip(overview["kpi_id"], overview["light_then"], strict=True))


def test_lights_at_a_past_day_follow_the_kpi_status_rule():
    defs = pd.DataFrame(
        {
            "id": ["k1", "k2"],
            "name": ["Up", "Down"],
            "unit": ["%", "ppm"],
            "direction": ["higher", "lower"],
            "source": None,
        }
    )
    targets = pd.DataFrame(
        {
            "kpi_id": ["k1", "k1", "k2"],
            "period": [date(2026, 1, 1), date(2026, 6, 1), date(2026, 1, 1)],
            "target": [90.0, 95.0, 300.0],
        }
    )
    actuals = pd.DataFrame(
        {
            "kpi_id": ["k1", "k1", "k2"],
            "period": [date(2026, 5, 1), date(2026, 7, 1), date(2026, 5, 1)],
            "value": [91.0, 90.0, 320.0],
            "entries": 1,
            "entered_by": "x",
            "entered_at": pd.Timestamp("2026-08-01"),
        }
    )
    for day in (date(2026, 5, 20), date(2026, 8, 1)):
        expected = dict(
            zip(*[kpi_rules.status(defs, targets, actuals, upto=day)[c] for c in ("kpi_id", "light")], strict=True)
        )
        assert lights_at(defs, targets, actuals, day) == expected
    assert lights_at(defs, targets, actuals, date(2026, 5, 20)) == {"k1": "green", "k2": "amber"}


def test_the_accounts_margin_covers_the_same_months_as_the_others():
    # An account that stopped trading: its last 12 rows are not the comparison window.
    from skam_core.analytics.profit import Window
    from skam_core.analytics.steering import account_margin

    months = pd.date_range("2025-01-01", periods=18, freq="MS")
    monthly = pd.DataFrame({"month": months, "revenue": 100.0, "operating_profit": [5.0] * 12 + [20.0] * 6})
    window = Window(date(2025, 10, 1), date(2026, 9, 1))  # the others' window runs beyond the account's last month
    revenue, margin = account_margin(monthly, window)
    assert revenue == 900.0  # Oct 2025 - Jun 2026: nine months with figures
    assert margin == (3 * 5.0 + 6 * 20.0) / 900.0
    assert account_margin(monthly.iloc[0:0], window) == (0.0, None)
