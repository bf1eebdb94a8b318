"""The portfolio view: key accounts per stage, their share of revenue, the SKAM/others margins, the fit-size
matrix and the key-account table. One loader gathers the inputs; the rest are pure functions."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import date

import numpy as np
import pandas as pd

from skam_core.analytics.fit import fit_scores
from skam_core.analytics.golden_rules import health_table
from skam_core.analytics.milestones import status_counts
from skam_core.analytics.profit import (
    GroupComparison,
    GroupFigures,
    Window,
    sees_current,
    window_for,
)
from skam_core.domain.enums import KEY_ACCOUNT_STAGES, MilestoneStatus
from skam_core.storage.db import Store
from skam_core.storage.queries import customers as cq
from skam_core.storage.queries import health as hq
from skam_core.storage.queries import milestones as mq
from skam_core.storage.queries import portfolio as portq
from skam_core.storage.queries import profit as profit_queries
from skam_core.storage.queries import strategy as sq
from skam_core.storage.queries import users as uq


@dataclass(frozen=True)
class Portfolio:
    as_of: date
    window: Window | None
    comparison: GroupComparison | None
    stage_counts: pd.Series  # key accounts per stage (every stage present)
    key_revenue_share: float | None  # key accounts' share of all revenue in the window
    accounts: pd.DataFrame  # one row per key account or analysed customer (see build_accounts)
    total_customers: int


def build_accounts(rows: pd.DataFrame, fit: pd.Series, milestone_counts: pd.DataFrame) -> pd.DataFrame:
    """Key accounts and customers with a fit analysis: stage, fit, revenue, margin and milestone counts.

    ``rows`` comes from storage.queries.portfolio.account_rows (sums and size rank already joined in DuckDB)."""
    m = rows.copy()
    m["margin"] = np.where(m["revenue"] > 0, m["operating_profit"] / m["revenue"].where(m["revenue"] > 0), np.nan)
    m["fit_score"] = m["customer_id"].map(fit).astype("float64")
    counts = milestone_counts.reindex(m["customer_id"]).fillna(0).astype("int64")
    for status in MilestoneStatus:
        m[f"ms_{status.value}"] = counts[status.value].to_numpy() if status.value in counts else 0
    order = {s.value: i for i, s in enumerate(reversed(KEY_ACCOUNT_STAGES))}
    m["_order"] = m["skam_stage"].map(order).fillna(len(order))
    return m.sort_values(["_order", "revenue"], ascending=[True, False]).drop(columns="_order").reset_index(drop=True)


def comparison_from_groups(window: Window, groups: pd.DataFrame) -> GroupComparison:
    """SKAM accounts (skam_start on or before the day) against all other customers, from the group sums."""

    def figures(mask) -> GroupFigures:
        g = groups[mask]
        return GroupFigures(int(g["customers"].sum()), float(g["revenue"].sum()), float(g["operating_profit"].sum()))

    skam = groups["is_skam"].astype(bool)
    return GroupComparison(window, figures(skam), figures(~skam))


def _window(store: Store, as_of: date | None, day: date, today: date) -> tuple[Window | None, Window, bool]:
    """The comparison window (None without figures), the span to sum over (a month when there is none: every
    sum is zero), and whether the pre-aggregated window sums apply."""
    state = profit_queries.ensure_aggregates(store, today)  # (re)builds them if the figures changed meanwhile
    window = window_for(profit_queries.latest_month(store, as_of, day))  # from the monthly aggregates
    span = window or Window(day.replace(day=1), day.replace(day=1))
    return window, span, window is not None and sees_current(state, as_of, window)


def load_portfolio(store: Store, as_of: date | None, today: date) -> Portfolio:
    day = as_of or today
    window, span, current = _window(store, as_of, day, today)
    # The independent reads run side by side (each on its own cursor; DuckDB works outside the GIL): at
    # 100,000 customers this is what keeps the page's data within its budget.
    with ThreadPoolExecutor(max_workers=4) as pool:
        frames = pool.submit(portq.portfolio_frames, store, as_of, span.start, span.end, day, current)
        facts = pool.submit(hq.account_facts, store, as_of, cq.key_account_ids(store, as_of))
        prios = pool.submit(sq.priorities, store, as_of)
        cells = pool.submit(sq.fit_cells, store, as_of)
        ms = pool.submit(mq.milestones, store, as_of)
        users = pool.submit(uq.list_users, store, as_of)
        # Python work on the small reads overlaps the long figures query (DuckDB runs outside the GIL).
        fit = fit_scores(prios.result(), cells.result())
        counts = status_counts(ms.result(), day)
        groups, rows = frames.result()
        facts_df = facts.result()
        names = users.result()
    analysed = set(fit.index[fit.notna()])
    rows = rows[(rows["skam_stage"] != "none") | rows["customer_id"].isin(analysed)]
    accounts = build_accounts(rows, fit, counts)
    total_customers = int(groups["customers"].sum())
    if not facts_df.empty:
        rank = accounts.set_index("customer_id")["size_rank"]
        health = health_table(facts_df, fit, rank, total_customers, day)
        accounts = accounts.merge(health, on="customer_id", how="left")
    else:
        accounts["rules_score"] = np.nan
    by_id = dict(zip(names["user_id"], names["display_name"], strict=True))
    # Executives know people by name; the e-mail stays for those who are not dashboard users.
    accounts["account_manager_name"] = [by_id.get(str(a).lower(), a) if a else "" for a in accounts["account_manager"]]
    by_stage = groups.groupby("skam_stage")["customers"].sum()
    stage_counts = by_stage.reindex([s.value for s in KEY_ACCOUNT_STAGES], fill_value=0).astype("int64")
    total = float(groups["revenue"].sum())
    key_rev = float(groups.loc[groups["skam_stage"] != "none", "revenue"].sum())
    comparison = comparison_from_groups(window, groups) if window is not None else None
    return Portfolio(
        day, window, comparison, stage_counts, key_rev / total if total > 0 else None, accounts, total_customers
    )


@dataclass(frozen=True)
class Standing:
    """One account's place in the portfolio: what its steering pack shows beside its own figures."""

    others_margin: float | None  # all other customers' relative operating profit over the window
    size_rank: int | None  # 1 = most revenue in the window
    customers: int
    window: Window | None = None  # the 12 months the figures are over (None: no figures yet)


def load_standing(store: Store, customer_id: str, as_of: date | None, today: date) -> Standing:
    """The figures :func:`load_portfolio` gives for this account (same window, groups and rank) from one
    aggregate query: a link to one account's pack must not wait for the whole portfolio."""
    day = as_of or today
    window, span, current = _window(store, as_of, day, today)
    groups, rank = portq.standing(store, as_of, span.start, span.end, day, current, customer_id)
    others = comparison_from_groups(window, groups).others.relative_operating_profit if window else None
    return Standing(others, rank, int(groups["customers"].sum()), window)
