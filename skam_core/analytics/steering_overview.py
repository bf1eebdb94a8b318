"""The chair's overview of every steering committee: per account the KPI lights (green / amber / red / grey
counts), overdue escalations and milestones, sorted by what needs attention first.

Attention order: red KPIs, then overdue escalations, then delayed milestones (reported or overdue), then amber
KPIs, then open escalations; the account name breaks ties. Pure: views.steering reads the inputs.
"""

from __future__ import annotations

from datetime import date

import pandas as pd

from skam_core.analytics import kpis as kpi_rules
from skam_core.analytics.steering_changes import escalation_overdue

ATTENTION = ["kpi_red", "overdue_escalations", "ms_delayed", "kpi_amber", "open_escalations"]


def committee_facts(
    customer_id: str,
    definitions: pd.DataFrame,
    targets: pd.DataFrame,
    actuals: pd.DataFrame,
    escalations: pd.DataFrame,
    day: date,
) -> dict[str, object]:
    """One account's KPI light counts and overdue escalations as of ``day``."""
    status = kpi_rules.status(definitions, targets, actuals, upto=day)
    lights = kpi_rules.light_counts(status)
    overdue = int(escalation_overdue(escalations, day).sum()) if not escalations.empty else 0
    return {"customer_id": customer_id, **{f"kpi_{k}": v for k, v in lights.items()}, "overdue_escalations": overdue}


def by_attention(accounts: pd.DataFrame) -> pd.DataFrame:
    """Accounts with the most to decide first (see the module docstring)."""
    df = accounts.copy()
    for c in ATTENTION:
        df[c] = pd.to_numeric(df[c], errors="coerce").fillna(0).astype(int) if c in df else 0
    return df.sort_values([*ATTENTION, "name"], ascending=[False] * len(ATTENTION) + [True]).reset_index(drop=True)


def needs_attention(row: pd.Series) -> bool:
    return bool(row["kpi_red"] or row["overdue_escalations"] or row["ms_delayed"])
