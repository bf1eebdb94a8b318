"""Scoring and status rules with hand-computed answers."""

from datetime import date

import pytest

from skam_core.domain.enums import MilestoneStatus
from skam_core.domain.rules import effective_milestone_status, fit_score


def test_fit_score_takes_the_best_capability_per_priority_weighted():
    # p1 (weight 3): best match 3; p2 (weight 1): best match 1 -> 100 * (3*3 + 1*1) / (3 * 4) = 83.33
    cells = [("p1", "c1", 3), ("p1", "c2", 1), ("p2", "c1", 0), ("p2", "c2", 1)]
    assert fit_score({"p1": 3, "p2": 1}, cells) == pytest.approx(100 * 10 / 12)


def test_fit_score_counts_unscored_priorities_as_no_fit():
    assert fit_score({"p1": 1, "p2": 1}, [("p1", "c1", 3)]) == pytest.approx(50.0)


def test_fit_score_is_none_without_weighted_priorities():
    assert fit_score({}, []) is None
    assert fit_score({"p1": 0}, [("p1", "c1", 3)]) is None


def test_fit_score_ignores_cells_of_unknown_priorities():
    assert fit_score({"p1": 1}, [("p1", "c1", 2), ("gone", "c1", 3)]) == pytest.approx(100 * 2 / 3)


@pytest.mark.parametrize(
    ("status", "due", "expected"),
    [
        ("on_track", date(2026, 11, 26), MilestoneStatus.DELAYED),  # past due, not done
        ("open", date(2026, 11, 1), MilestoneStatus.DELAYED),
        ("at_risk", date(2026, 10, 1), MilestoneStatus.DELAYED),
        ("done", date(2026, 1, 1), MilestoneStatus.DONE),  # done stays done
        ("on_track", date(2026, 11, 27), MilestoneStatus.ON_TRACK),  # due today is not overdue
        ("at_risk", date(2026, 12, 31), MilestoneStatus.AT_RISK),
        ("open", None, MilestoneStatus.OPEN),
    ],
)
def test_overdue_milestones_count_as_delayed_by_date_alone(status, due, expected):
    assert effective_milestone_status(status, due, today=date(2026, 11, 27)) is expected
