"""The profit comparison of the contract (DESIGN.md): SKAM accounts against all other customers.

Group figures over a 12-month window; the portfolio page and ``profit`` CLI both use this module, so the
numbers agree everywhere.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pandas as pd

from skam_core.domain.validation import month_add


@dataclass(frozen=True)
class Window:
    start: date  # first day of the first month
    end: date  # first day of the last month

    def label(self) -> dict[str, str]:
        return {"start": f"{self.start:%Y-%m}", "end": f"{self.end:%Y-%m}"}


@dataclass(frozen=True)
class GroupFigures:
    customers: int
    revenue: float
    operating_profit: float

    @property
    def relative_operating_profit(self) -> float | None:
        return self.operating_profit / self.revenue if self.revenue > 0 else None

    def as_dict(self) -> dict:
        return {
            "customers": self.customers,
            "revenue": self.revenue,
            "operating_profit": self.operating_profit,
            "relative_operating_profit": self.relative_operating_profit,
        }


@dataclass(frozen=True)
class GroupComparison:
    window: Window
    skam: GroupFigures
    others: GroupFigures

    @property
    def ratio(self) -> float | None:
        s, o = self.skam.relative_operating_profit, self.others.relative_operating_profit
        if s is None or o is None or o == 0:
            return None
        return s / o


def window_for(latest_month: date | None) -> Window | None:
    """The 12 months ending with the latest month that has data (None when there is none)."""
    if latest_month is None:
        return None
    end = latest_month.replace(day=1)
    return Window(month_add(end, -11), end)


def is_skam(membership: pd.DataFrame, as_of: date) -> pd.Series:
    """SKAM accounts: skam_start on or before as_of."""
    start = pd.to_datetime(membership["skam_start"])
    return (start.notna() & (start <= pd.Timestamp(as_of))).to_numpy()


def compare_groups(window: Window, membership: pd.DataFrame, sums: pd.DataFrame, as_of: date) -> GroupComparison:
    """Sum revenue and operating profit per group over the window."""
    flag = pd.Series(is_skam(membership, as_of), index=membership["customer_id"].to_numpy())
    s = sums.set_index("customer_id")
    s = s[s.index.isin(flag.index)]
    in_skam = flag.reindex(s.index).to_numpy()

    def figures(mask, n) -> GroupFigures:
        return GroupFigures(int(n), float(s.loc[mask, "revenue"].sum()), float(s.loc[mask, "operating_profit"].sum()))

    return GroupComparison(window, figures(in_skam, flag.sum()), figures(~in_skam, (~flag).sum()))
