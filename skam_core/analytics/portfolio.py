"""The portfolio view: key accounts per stage, their share of revenue, the SKAM/others margins, the fit-size
matrix and the key-account table. One loader gathers the inputs; the rest are pure functions."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import numpy as np
import pandas as pd

from skam_core.analytics.fit import fit_scores
from skam_core.analytics.golden_rules import health_table
from skam_core.analytics.milestones import status_counts
from skam_core.analytics.profit import GroupComparison, Window, compare_groups, window_for
from skam_core.domain.enums import KEY_ACCOUNT_STAGES, MilestoneStatus
from skam_core.storage.db import Store
from skam_core.storage.queries import customers as cq
from skam_core.storage.queries import financials as fq
from skam_core.storage.queries import health as hq
from skam_core.storage.queries import milestones as mq
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


def build_accounts(
    membership: pd.DataFrame, sums: pd.DataFrame, fit: pd.Series, milestone_counts: pd.DataFrame, as_of: date
) -> pd.DataFrame:
    """Key accounts and customers with a fit analysis: stage, fit, revenue, margin and milestone counts."""
    fit_ids = set(fit.index[fit.notna()])
    m = membership[(membership["skam_stage"] != "none") | membership["customer_id"].isin(fit_ids)].copy()
    m = m.merge(sums, on="customer_id", how="left")
    m["revenue"] = m["revenue"].fillna(0.0)
    m["operating_profit"] = m["operating_profit"].fillna(0.0)
    m["margin"] = np.where(m["revenue"] > 0, m["operating_profit"] / m["revenue"].where(m["revenue"] > 0), np.nan)
    m["fit_score"] = m["customer_id"].map(fit).astype("float64")
    start = pd.to_datetime(m["skam_start"])
    m["is_skam"] = start.notna() & (start <= pd.Timestamp(as_of))
    counts = milestone_counts.reindex(m["customer_id"]).fillna(0).astype("int64")
    for status in MilestoneStatus:
        m[f"ms_{status.value}"] = counts[status.value].to_numpy() if status.value in counts else 0
    order = {s.value: i for i, s in enumerate(reversed(KEY_ACCOUNT_STAGES))}
    m["_order"] = m["skam_stage"].map(order).fillna(len(order))
    return m.sort_values(["_order", "revenue"], ascending=[True, False]).drop(columns="_order").reset_index(drop=True)


def load_portfolio(store: Store, as_of: date | None, today: date) -> Portfolio:
    day = as_of or today
    membership = cq.programme_membership(store, as_of)
    window = window_for(fq.latest_month(store, day))
    if window is not None:
        sums = fq.customer_sums(store, window.start, window.end, as_of)
        comparison = compare_groups(window, membership, sums, day)
    else:
        sums = pd.DataFrame(columns=["customer_id", "revenue", "operating_profit"])
        comparison = None
    fit = fit_scores(sq.priorities(store, as_of), sq.fit_cells(store, as_of))
    counts = status_counts(mq.milestones(store, as_of), day)
    accounts = build_accounts(membership, sums, fit, counts, day)
    key_ids = list(accounts.loc[accounts["skam_stage"] != "none", "customer_id"])
    if key_ids and not sums.empty:
        rank = sums.set_index("customer_id")["revenue"].rank(ascending=False, method="min").astype("int64")
        health = health_table(hq.account_facts(store, as_of, key_ids), fit, rank, len(membership), day)
        accounts = accounts.merge(health, on="customer_id", how="left")
    else:
        accounts["rules_score"] = np.nan
    names = uq.list_users(store, as_of)
    by_id = dict(zip(names["user_id"], names["display_name"], strict=True))
    # Executives know people by name; the e-mail stays for those who are not dashboard users.
    accounts["account_manager_name"] = [by_id.get(str(a).lower(), a) if a else "" for a in accounts["account_manager"]]
    stage_counts = membership["skam_stage"].value_counts().reindex([s.value for s in KEY_ACCOUNT_STAGES], fill_value=0)
    total = float(sums["revenue"].sum()) if not sums.empty else 0.0
    key_ids = set(membership.loc[membership["skam_stage"] != "none", "customer_id"])
    key_rev = float(sums.loc[sums["customer_id"].isin(key_ids), "revenue"].sum()) if not sums.empty else 0.0
    return Portfolio(
        day, window, comparison, stage_counts, key_rev / total if total > 0 else None, accounts, len(membership)
    )
