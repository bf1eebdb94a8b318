"""Can we deliver? Our internal effort for key-account projects per quarter, across all accounts, against the
capacity we have (table delivery_capacity, person-days per quarter).

The method warns: an offer we cannot fill with life disappoints the customer and can harm the established
business. So every opportunity's effort is spread evenly over the months it runs (start_month, duration_months),
summed per quarter over all accounts and compared with the capacity; a quarter whose demand exceeds it cannot be
delivered. Opportunities whose value-proposition component the customer declined are left out (they will not
be delivered); everything else counts, drafts included — capacity must be there before the offer is made.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import numpy as np
import pandas as pd

from skam_core.domain.validation import month_add

TIGHT = 0.9  # from 90 % utilisation a quarter is tight: no room for the slips every project has
STATUSES = ("ok", "tight", "over", "no_capacity")


def quarter_of(d: date) -> str:
    """'2026-Q3' for any day in July to September 2026."""
    return f"{d.year}-Q{(d.month - 1) // 3 + 1}"


def quarter_start(quarter: str) -> date:
    year, q = quarter.split("-Q")
    return date(int(year), 3 * (int(q) - 1) + 1, 1)


def quarter_add(quarter: str, n: int) -> str:
    return quarter_of(month_add(quarter_start(quarter), 3 * n))


def quarters_between(first: str, last: str) -> list[str]:
    """Every quarter from ``first`` to ``last`` inclusive (empty when last is before first)."""
    out, q = [], first
    while quarter_start(q) <= quarter_start(last):
        out.append(q)
        q = quarter_add(q, 1)
    return out


def deliverable(opportunities: pd.DataFrame, value_items: pd.DataFrame) -> pd.DataFrame:
    """Opportunities that still need delivery: all except those whose every linked component was declined."""
    if opportunities.empty or value_items.empty:
        return opportunities
    linked = value_items[value_items["opportunity_id"].notna()]
    all_declined = (linked["status"] == "declined").groupby(linked["opportunity_id"]).all()
    out = all_declined[all_declined].index
    return opportunities[~opportunities["id"].isin(out)]


def unplanned(opportunities: pd.DataFrame) -> pd.DataFrame:
    """Opportunities whose effort cannot be placed in time: no effort, no start or no duration."""
    if opportunities.empty:
        return opportunities
    return opportunities[~opportunities.index.isin(_plannable(opportunities).index)]


def _plannable(opportunities: pd.DataFrame) -> pd.DataFrame:
    o = opportunities
    if o.empty:
        return o
    dur = pd.to_numeric(o["duration_months"], errors="coerce")
    effort = pd.to_numeric(o["effort_person_days"], errors="coerce")
    start = pd.to_datetime(o["start_month"], errors="coerce")
    return o[effort.notna() & start.notna() & (dur >= 1)]


def _spread(o: pd.DataFrame) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """For plannable opportunities: per opportunity-month its row (position in ``o``), its month as an index
    (year * 12 + month - 1) and its person-days (the effort divided evenly over the months)."""
    months = o["duration_months"].astype("int64").to_numpy()
    start = pd.to_datetime(o["start_month"])
    first = (start.dt.year * 12 + start.dt.month - 1).to_numpy()
    row = np.repeat(np.arange(len(o)), months)
    offset = np.arange(months.sum()) - np.repeat(np.cumsum(months) - months, months)
    per_month = o["effort_person_days"].astype("float64").to_numpy() / months
    return row, first[row] + offset, per_month[row]


def effort_by_month(opportunities: pd.DataFrame) -> pd.DataFrame:
    """Person-days per opportunity and month: the effort spread evenly over the months the opportunity runs."""
    cols = ["opportunity_id", "customer_id", "month", "person_days"]
    o = _plannable(opportunities)
    if o.empty:
        return pd.DataFrame(columns=cols)
    row, index, person_days = _spread(o)
    return pd.DataFrame(
        {
            "opportunity_id": o["id"].to_numpy()[row],
            "customer_id": o["customer_id"].to_numpy()[row],
            "month": [date(int(i // 12), int(i % 12) + 1, 1) for i in index],
            "person_days": person_days,
        },
        columns=cols,
    )


def quarterly_demand(opportunities: pd.DataFrame, account: str | None = None) -> pd.DataFrame:
    """Per quarter: person-days needed in total and for ``account`` (0 when no account is given)."""
    o = _plannable(opportunities)
    if o.empty:
        return pd.DataFrame(columns=["quarter", "demand", "account_demand"])
    row, index, person_days = _spread(o)
    mine = (o["customer_id"] == account).to_numpy()[row]
    quarter = pd.Series(index // 12).astype(str) + "-Q" + pd.Series((index % 12) // 3 + 1).astype(str)
    df = pd.DataFrame({"quarter": quarter, "demand": person_days, "account_demand": np.where(mine, person_days, 0.0)})
    return df.groupby("quarter", sort=True)[["demand", "account_demand"]].sum().reset_index()


def capacity_check(demand: pd.DataFrame, capacity: pd.DataFrame, *, tight: float = TIGHT) -> pd.DataFrame:
    """Demand against capacity for every quarter from the first to the last that has either.

    Columns: quarter, demand, account_demand, others_demand, capacity (NaN: none recorded), utilisation
    (demand / capacity), free (capacity - demand), status: ok | tight (utilisation >= ``tight``) | over (demand
    above capacity: we cannot deliver) | no_capacity (demand but no capacity recorded for that quarter).
    """
    cols = ["quarter", "demand", "account_demand", "others_demand", "capacity", "utilisation", "free", "status"]
    known = sorted(set(demand["quarter"]) | set(capacity["quarter"]), key=quarter_start)
    if not known:
        return pd.DataFrame(columns=cols)
    out = pd.DataFrame({"quarter": quarters_between(known[0], known[-1])})
    out = out.merge(demand, on="quarter", how="left")
    out["demand"] = out["demand"].astype("float64").fillna(0.0)
    out["account_demand"] = out["account_demand"].astype("float64").fillna(0.0)
    out["others_demand"] = out["demand"] - out["account_demand"]
    cap = capacity.set_index("quarter")["person_days"].astype("float64")
    out["capacity"] = out["quarter"].map(cap)
    with np.errstate(divide="ignore", invalid="ignore"):
        out["utilisation"] = np.where(out["capacity"] > 0, out["demand"] / out["capacity"], np.nan)
    out["free"] = out["capacity"] - out["demand"]
    status = []
    for r in out.itertuples(index=False):
        if np.isnan(r.capacity):
            status.append("no_capacity" if r.demand > 0 else "ok")
        elif r.demand > r.capacity:
            status.append("over")
        elif r.capacity > 0 and r.demand / r.capacity >= tight:
            status.append("tight")
        else:
            status.append("ok")
    out["status"] = status
    return out[cols]


def problem_quarters(check: pd.DataFrame, from_quarter: str) -> pd.DataFrame:
    """Quarters from ``from_quarter`` on that we cannot deliver (over capacity or no capacity recorded)."""
    if check.empty:
        return check
    start = quarter_start(from_quarter)
    later = np.array([quarter_start(q) >= start for q in check["quarter"]], dtype=bool)
    return check[later & check["status"].isin(["over", "no_capacity"]).to_numpy()]


@dataclass(frozen=True)
class CapacityView:
    check: pd.DataFrame  # see capacity_check
    capacity: pd.DataFrame  # the recorded capacity per quarter (with version columns)
    unplanned: pd.DataFrame  # deliverable opportunities whose effort cannot be placed in time
    opportunities: int  # deliverable opportunities across all accounts
