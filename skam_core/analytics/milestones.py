"""Milestone status as the steering committee sees it: overdue counts as delayed, by date alone."""

from __future__ import annotations

from datetime import date

import pandas as pd

from skam_core.domain.enums import MilestoneStatus
from skam_core.domain.rules import effective_milestone_status


def with_effective_status(milestones: pd.DataFrame, today: date) -> pd.DataFrame:
    df = milestones.copy()
    if df.empty:
        df["effective_status"] = pd.Series(dtype=str)
        return df
    due = pd.to_datetime(df["due"]).dt.date
    df["effective_status"] = [
        effective_milestone_status(s, d, today).value for s, d in zip(df["status"], due, strict=True)
    ]
    return df


def status_counts(milestones: pd.DataFrame, today: date) -> pd.DataFrame:
    """Counts per customer and effective status; one column per status, zeros where none."""
    cols = [s.value for s in MilestoneStatus]
    if milestones.empty:
        return pd.DataFrame(columns=cols, dtype="int64")
    df = with_effective_status(milestones, today)
    counts = df.groupby(["customer_id", "effective_status"]).size().unstack(fill_value=0)
    return counts.reindex(columns=cols, fill_value=0).astype("int64")
