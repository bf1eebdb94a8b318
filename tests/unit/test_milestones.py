"""The milestones' effective status, computed for a whole frame at once (analytics.milestones), is the rule of
domain.rules.effective_milestone_status for every row: all statuses, due before, on and after the day, no due."""

from __future__ import annotations

from datetime import date, timedelta

import numpy as np
import pandas as pd
import pytest

from skam_core.analytics.milestones import with_effective_status
from skam_core.domain.enums import MilestoneStatus
from skam_core.domain.rules import effective_milestone_status

TODAY = date(2026, 11, 27)


def test_every_row_gets_what_the_rule_says():
    rng = np.random.default_rng(11)
    statuses = [s.value for s in MilestoneStatus]
    dues = [TODAY - timedelta(days=1), TODAY, TODAY + timedelta(days=1), None, date(2024, 2, 29)]
    rows = [(statuses[rng.integers(len(statuses))], dues[rng.integers(len(dues))]) for _ in range(400)]
    rows += [(s, d) for s in statuses for d in dues]  # every combination at least once
    frame = pd.DataFrame({"customer_id": "K1", "status": [s for s, _ in rows], "due": [d for _, d in rows]})
    got = with_effective_status(frame, TODAY)["effective_status"].tolist()
    assert got == [effective_milestone_status(s, d, TODAY).value for s, d in rows]


def test_a_status_outside_the_enum_is_refused_as_by_the_rule():
    frame = pd.DataFrame({"customer_id": ["K1"], "status": ["finished"], "due": [TODAY]})
    with pytest.raises(ValueError):
        with_effective_status(frame, TODAY)
