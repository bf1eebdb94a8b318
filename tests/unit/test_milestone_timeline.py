"""Milestones: past due and not done counts as delayed by date alone (fixed today), the timeline bars, the counts,
filters and the status log."""

from datetime import date, datetime

import pandas as pd
import pytest

from skam_core.analytics import milestones as m
from skam_core.domain.rules import effective_milestone_status

TODAY = date(2026, 6, 15)


def ms(*rows):
    """rows: (id, status, due, completed_on, owner)."""
    return pd.DataFrame(
        [
            {
                "id": i,
                "customer_id": "K1",
                "title": f"Meilenstein {i}",
                "owner": owner,
                "start_date": None,
                "due": due,
                "status": status,
                "completed_on": done,
            }
            for i, status, due, done, owner in rows
        ]
    )


@pytest.mark.parametrize(
    ("status", "due", "expected"),
    [
        ("on_track", date(2026, 6, 14), "delayed"),  # yesterday: past due
        ("open", date(2026, 6, 14), "delayed"),
        ("at_risk", date(2026, 1, 1), "delayed"),
        ("on_track", date(2026, 6, 15), "on_track"),  # due today is not past due
        ("at_risk", date(2026, 7, 1), "at_risk"),
        ("done", date(2026, 1, 1), "done"),  # done stays done however late
        ("delayed", date(2026, 9, 1), "delayed"),  # reported delayed before the date
    ],
)
def test_overdue_and_not_done_counts_as_delayed_by_date_alone(status, due, expected):
    assert effective_milestone_status(status, due, TODAY).value == expected
    df = m.with_effective_status(ms(("a", status, due, None, "X")), TODAY)
    assert df["effective_status"].iloc[0] == expected


def test_the_same_milestone_turns_delayed_when_the_day_passes():
    df = ms(("a", "on_track", date(2026, 6, 15), None, "X"))
    assert m.account_counts(df, date(2026, 6, 15))["on_track"] == 1
    assert m.account_counts(df, date(2026, 6, 16))["delayed"] == 1


def test_counts_timeline_and_auto_delayed():
    df = ms(
        ("a", "done", date(2026, 3, 1), date(2026, 3, 10), "Becker"),
        ("b", "on_track", date(2026, 5, 1), None, "Becker"),
        ("c", "at_risk", date(2026, 7, 1), None, "Jäger"),
        ("d", "open", date(2026, 8, 1), None, None),
    )
    assert m.account_counts(df, TODAY) == {"open": 1, "on_track": 0, "at_risk": 1, "delayed": 1, "done": 1}
    tl = m.for_timeline(df, TODAY).set_index("id")
    assert tl.loc["a", "finish"] == date(2026, 3, 10)  # a done milestone ends at its completion
    assert tl.loc["b", "start"] == date(2026, 4, 1)  # no start date: 30 days before due
    assert tl.loc["b", "overdue_days"] == 45 and tl.loc["a", "overdue_days"] == 0
    assert list(m.auto_delayed(df, TODAY)["id"]) == ["b"]


def test_filters_use_the_effective_status():
    df = m.with_effective_status(
        ms(("a", "on_track", date(2026, 5, 1), None, "Becker"), ("b", "on_track", date(2026, 7, 1), None, "Jäger")),
        TODAY,
    )
    assert list(m.filter_milestones(df, statuses=["delayed"])["id"]) == ["a"]
    assert list(m.filter_milestones(df, owners=["Jäger"])["id"]) == ["b"]
    assert len(m.filter_milestones(df, owners=[], statuses=None)) == 2


def test_status_log_lists_status_and_comment_changes_newest_first():
    v = pd.DataFrame(
        [
            {
                "id": "a",
                "title": "A",
                "status": "open",
                "comment": None,
                "is_deleted": False,
                "valid_from": datetime(2026, 1, 1),
                "changed_by": "x",
                "completed_on": None,
            },
            {
                "id": "a",
                "title": "A (neu)",
                "status": "open",
                "comment": None,
                "is_deleted": False,
                "valid_from": datetime(2026, 2, 1),
                "changed_by": "x",
                "completed_on": None,
            },  # title only: no entry
            {
                "id": "a",
                "title": "A (neu)",
                "status": "at_risk",
                "comment": "Engpass",
                "is_deleted": False,
                "valid_from": datetime(2026, 3, 1),
                "changed_by": "y",
                "completed_on": None,
            },
            {
                "id": "a",
                "title": "A (neu)",
                "status": "done",
                "comment": None,
                "is_deleted": False,
                "valid_from": datetime(2026, 4, 1),
                "changed_by": "y",
                "completed_on": date(2026, 3, 30),
            },
        ]
    )
    log = m.status_log(v)
    assert list(log["kind"]) == ["status", "status", "created"]
    assert (log.iloc[0]["old_status"], log.iloc[0]["new_status"]) == ("at_risk", "done")
    assert log.iloc[1]["comment"] == "Engpass" and log.iloc[1]["who"] == "y"


def test_timeline_runs_by_due_date_then_title():
    df = ms(
        ("b", "open", date(2026, 7, 1), None, "X"),
        ("a", "open", date(2026, 7, 1), None, "X"),
        ("c", "done", date(2026, 2, 1), date(2026, 2, 20), "X"),
    )
    df.loc[df["id"] == "b", "title"] = "Abnahme"  # sorts before "Meilenstein a" on the same day
    tl = m.for_timeline(df, TODAY)
    assert list(tl["id"]) == ["c", "b", "a"]
    assert list(tl["finish"]) == [date(2026, 2, 20), date(2026, 7, 1), date(2026, 7, 1)]
    # The pack judges the milestones once and draws the same timeline from them.
    pd.testing.assert_frame_equal(m.timeline(m.with_effective_status(df, TODAY), TODAY), tl)
