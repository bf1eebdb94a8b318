"""The portfolio view: key accounts per stage, their share of revenue, the SKAM/others margins, the fit-size
matrix and the key-account table, as pure functions over the reads of views.portfolio."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import numpy as np
import pandas as pd

from skam_core.analytics.golden_rules import health_table
from skam_core.analytics.profit import GroupComparison, GroupFigures
from skam_core.domain.enums import KEY_ACCOUNT_STAGES, MilestoneStatus
from skam_core.domain.periods import Window


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


def assemble_portfolio(
    day: date,
    window: Window | None,
    groups: pd.DataFrame,
    rows: pd.DataFrame,
    fit: pd.Series,
    milestone_counts: pd.DataFrame,
    facts: pd.DataFrame,
    users: pd.DataFrame,
) -> Portfolio:
    """The portfolio from its reads (views.portfolio): group sums per (is_skam, stage), the key-account and
    analysed-customer rows, fit scores, milestone counts, golden-rule facts and the users' names."""
    analysed = set(fit.index[fit.notna()])
    rows = rows[(rows["skam_stage"] != "none") | rows["customer_id"].isin(analysed)]
    accounts = build_accounts(rows, fit, milestone_counts)
    total_customers = int(groups["customers"].sum())
    if not facts.empty:
        rank = accounts.set_index("customer_id")["size_rank"]
        health = health_table(facts, fit, rank, total_customers, day)
        accounts = accounts.merge(health, on="customer_id", how="left")
    else:
        accounts["rules_score"] = np.nan
    by_id = dict(zip(users["user_id"], users["display_name"], strict=True))
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
