"""Monthly financials as known at an as-of date."""

from __future__ import annotations

from datetime import date

import pandas as pd

from skam_core.domain.asof import AsOf
from skam_core.storage.db import Store
from skam_core.storage.queries.profit import window_sums
from skam_core.storage.versioned import visible_clause


def latest_month(store: Store, asof: AsOf) -> date | None:
    """The latest month on or before the day shown that has financial data known then."""
    vis, params = visible_clause(asof)
    value = store.query(
        f"SELECT max(month) FROM financials WHERE {vis} AND month <= ?", [*params, asof.day]
    ).single_value()
    return value


def customer_sums(store: Store, start: date, end: date, asof: AsOf) -> pd.DataFrame:
    """Revenue and operating profit per customer over the months start..end (inclusive)."""
    return window_sums(store, asof, start, end)


def customer_monthly(store: Store, customer_id: str, asof: AsOf, months: int = 36) -> pd.DataFrame:
    """One customer's monthly revenue, operating profit and margin, the last ``months`` months known."""
    vis, params = visible_clause(asof)
    return store.df(
        f"SELECT month, revenue, operating_profit,"
        f" CASE WHEN revenue > 0 THEN operating_profit / revenue END AS margin"
        f" FROM financials WHERE customer_id = ? AND {vis} ORDER BY month DESC LIMIT ?",
        [customer_id, *params, months],
    ).sort_values("month")
