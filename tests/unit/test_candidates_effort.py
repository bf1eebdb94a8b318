"""The effort a candidate's P(pays) is weighed against: its opportunities' effort cost, without opportunities
whose every value item the customer declined."""

from __future__ import annotations

import numpy as np
import pandas as pd

from skam_core.views.candidates import _effort_by_customer


def test_effort_leaves_out_opportunities_whose_every_value_item_was_declined():
    opportunities = pd.DataFrame(
        {
            "id": ["o1", "o2", "o3", "o4", "o5"],
            "customer_id": ["A", "A", "B", "C", "D"],
            "effort_cost_eur": [10.0, 20.0, 5.0, None, 7.0],
        }
    )
    items = pd.DataFrame(
        {
            "opportunity_id": ["o1", "o1", "o2", "o3", None, "o5", "o5"],
            "status": ["declined", "declined", "accepted", "declined", "declined", "declined", "proposed"],
        }
    )
    effort = _effort_by_customer(opportunities, items)
    assert sorted(effort.index) == ["A", "C", "D"]
    assert effort["A"] == 20.0 and effort["D"] == 7.0 and np.isnan(effort["C"])  # C: an opportunity, no cost
    assert "B" not in effort.index  # its one opportunity was declined in full
