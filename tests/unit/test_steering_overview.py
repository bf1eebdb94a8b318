"""The chair's overview: KPI lights per account and the attention order."""

from datetime import date

import pandas as pd

from skam_core.analytics.steering_overview import by_attention, committee_facts

DAY = date(2026, 11, 27)


def test_accounts_with_red_kpis_then_overdue_escalations_then_delayed_milestones_come_first():
    acc = pd.DataFrame(
        {
            "name": ["Calm", "Late milestones", "Overdue escalation", "Two red", "One red", "Amber"],
            "kpi_red": [0, 0, 0, 2, 1, 0],
            "overdue_escalations": [0, 0, 1, 0, 3, 0],
            "ms_delayed": [0, 4, 0, 0, 0, 0],
            "kpi_amber": [0, 0, 0, 0, 0, 2],
            "open_escalations": [0, 0, 1, 0, 3, 0],
        }
    )
    order = list(by_attention(acc)["name"])
    assert order == ["Two red", "One red", "Overdue escalation", "Late milestones", "Amber", "Calm"]


def test_an_account_without_kpis_or_escalations_counts_zero_everywhere():
    empty = pd.DataFrame(columns=["id", "name", "unit", "direction", "sort_order"])
    facts = committee_facts(
        "K1",
        empty,
        pd.DataFrame(columns=["kpi_id", "period", "target"]),
        pd.DataFrame(columns=["kpi_id", "period", "value"]),
        pd.DataFrame(),
        DAY,
    )
    assert facts == {
        "customer_id": "K1",
        "kpi_green": 0,
        "kpi_amber": 0,
        "kpi_red": 0,
        "kpi_grey": 0,
        "overdue_escalations": 0,
    }
