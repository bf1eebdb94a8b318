"""Since the last meeting, with hand-made data: escalations new / overdue / decide-by passed, KPI lights that
changed and which way, action items of decisions with their milestones' status."""

from datetime import date

import pandas as pd

from skam_core.analytics.steering_changes import (
    action_items,
    escalation_changes,
    kpi_light_changes,
    open_action_items,
)

DAY = date(2026, 11, 27)
SINCE = date(2026, 10, 26)


def _esc(rows):
    cols = ["id", "raised_on", "problem", "due", "status"]
    return pd.DataFrame([dict(zip(cols, r, strict=True)) for r in rows], columns=cols)


def test_an_escalation_raised_after_the_meeting_whose_decide_by_date_passed_is_new_and_overdue():
    esc = _esc(
        [
            ("late", date(2026, 11, 2), "Raised after, overdue", date(2026, 11, 11), "open"),
            ("fresh", date(2026, 11, 20), "Raised after, not due", date(2026, 12, 4), "open"),
            ("old", date(2026, 10, 1), "Raised before, due after the meeting", date(2026, 11, 1), "open"),
            ("older", date(2026, 9, 1), "Raised and due before the meeting", date(2026, 9, 20), "open"),
            ("done", date(2026, 11, 3), "Decided in time", date(2026, 11, 10), "decided"),
        ]
    )
    ch = escalation_changes(esc, SINCE, DAY)
    assert list(ch.new["id"]) == ["late", "fresh", "done"]
    assert list(ch.new["overdue"]) == [True, False, False]  # a decided escalation is never overdue
    assert list(ch.overdue["id"]) == ["late", "old", "older"]
    assert list(ch.decide_by_passed["id"]) == ["late", "old"]  # "older" had passed at the meeting already


def test_without_an_earlier_meeting_every_escalation_is_new():
    esc = _esc([("a", date(2026, 11, 2), "x", None, "open")])
    ch = escalation_changes(esc, None, DAY)
    assert list(ch.new["id"]) == ["a"] and ch.overdue.empty


def test_kpi_lights_that_changed_say_which_way():
    kpis = pd.DataFrame(
        {
            "kpi_id": ["k1", "k2", "k3", "k4", "k5", "k6"],
            "name": ["Up", "Down", "Same", "Lost value", "Measured again", "New KPI"],
            "light_then": ["red", "green", "amber", "amber", "grey", None],
            "light": ["amber", "red", "amber", "grey", "green", "green"],
        }
    )
    ch = kpi_light_changes(kpis)
    assert list(ch["kpi_id"]) == ["k1", "k2", "k4", "k5"]
    assert list(ch["change"]) == ["better", "worse", "worse", "changed"]


def test_action_items_carry_owner_due_date_and_the_milestones_status_overdue_marked():
    links = pd.DataFrame(
        {"id": ["a1", "a2", "a3"], "decision_id": ["d1", "d1", "gone"], "milestone_id": ["m1", "m2", "m3"]}
    )
    ms = pd.DataFrame(
        {
            "id": ["m1", "m2", "m3"],
            "title": ["Late one", "Finished", "Of a removed decision"],
            "owner": ["Ann", None, "Bo"],
            "due": [date(2026, 11, 1), date(2026, 11, 10), date(2026, 12, 1)],
            "status": ["on_track", "done", "open"],
        }
    )
    decisions = pd.DataFrame({"id": ["d1"], "text": ["Budget approved"]})
    items = action_items(links, ms, decisions, DAY)
    assert list(items["title"]) == ["Late one", "Finished"]  # open first; removed decision left out
    assert list(items["status"]) == ["delayed", "done"]  # past due and not done counts as delayed
    assert list(items["overdue"]) == [True, False]
    assert list(items["decision"]) == ["Budget approved"] * 2
    assert list(open_action_items(items)["id"]) == ["a1"]
