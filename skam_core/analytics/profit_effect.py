"""The measured SKAM effect end to end: controls from the all-customer statistics, one stack per account, the
inference the programme's size allows (analytics.profit_fe, analytics.profit_inference)."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from skam_core.analytics import profit_fe as fe
from skam_core.analytics import profit_inference as inf
from skam_core.analytics.blas import single_threaded_blas
from skam_core.analytics.did import HORIZON, month_index

ESTIMAND = "att_revenue_weighted"
POOL_SIZE = 200  # never-SKAM customers of a similar size per account for the placebo distribution
MIN_POOL = 10  # placebo stacks needed per account (fewer give no usable quantiles)


@dataclass(frozen=True)
class Measured:
    result: inf.Result | None
    accounts: int  # informative SKAM accounts
    observations: int  # account-months used
    reason: str | None  # did.REASONS key when there is no estimate


def informative_accounts(accounts: pd.DataFrame, rows: pd.DataFrame, horizon: int = HORIZON) -> list[str]:
    """SKAM accounts with revenue months both before and after their start within the horizon."""
    if accounts.empty or rows.empty:
        return []
    pos = rows[rows["revenue"].to_numpy(dtype="float64") > 0]
    start = dict(zip(accounts["customer_id"], month_index(accounts["skam_start"].to_numpy()), strict=True))
    # Per customer, not per row: a lookup for each of 12,000 rows and a group-by took tens of milliseconds.
    codes, ids = pd.factorize(np.asarray(pos["customer_id"], dtype=object))
    k = month_index(pos["month"].to_numpy()) - np.array([start.get(c, 10**9) for c in ids], dtype="int64")[codes]
    n = len(ids)
    pre = np.bincount(codes[(k < 0) & (k >= -horizon)], minlength=n) > 0
    post = np.bincount(codes[(k >= 0) & (k <= horizon)], minlength=n) > 0
    return sorted(str(c) for c in ids[pre & post])


def needs_placebo(accounts: pd.DataFrame, rows: pd.DataFrame) -> bool:
    return small_programme(informative_accounts(accounts, rows))


def small_programme(informative: list[str]) -> bool:
    """Whether these informative accounts are too few for clustered intervals (placebo ones instead)."""
    return 0 < len(informative) < inf.MIN_CLUSTERED


def starts_of(accounts: pd.DataFrame) -> pd.Series:
    return pd.Series(pd.to_datetime(accounts["skam_start"]).to_numpy(), index=accounts["customer_id"].to_numpy())


def measure(
    controls: fe.ControlStats,
    treated: pd.DataFrame,
    starts: pd.Series,
    pool_rows: dict[str, pd.DataFrame] | None = None,
) -> Measured:
    """``controls``: the never-SKAM customers' statistics; ``treated``: the SKAM accounts' monthly rows;
    ``pool_rows``: per account, the monthly rows of its placebo customers (for programmes below MIN_CLUSTERED).
    Many small matrix products and solves: one BLAS thread (see analytics.blas)."""
    with single_threaded_blas():
        return _measure(controls, treated, starts, pool_rows)


def _measure(
    controls: fe.ControlStats,
    treated: pd.DataFrame,
    starts: pd.Series,
    pool_rows: dict[str, pd.DataFrame] | None = None,
) -> Measured:
    if controls.months == 0 or not (controls.revenue > 0).any():
        return Measured(None, 0, 0, "no_controls")
    stacks = fe.build_stacks(treated, starts, controls)
    if not stacks:
        return Measured(None, 0, 0, "no_pre_post")
    g, obs = len(stacks), sum(len(s.k) for s in stacks)
    if g >= inf.MIN_CLUSTERED:
        return Measured(inf.wild_bootstrap(stacks, controls), g, obs, None)
    pools = []
    for s in stacks:
        rows = (pool_rows or {}).get(s.customer_id)
        pool = [] if rows is None or rows.empty else _placebo_stacks(rows, starts[s.customer_id], controls)
        if len(pool) < MIN_POOL:
            return Measured(None, g, obs, "no_placebo")
        pools.append(pool)
    return Measured(inf.placebo(stacks, pools), g, obs, None)


def _placebo_stacks(rows: pd.DataFrame, start: pd.Timestamp, controls: fe.ControlStats) -> list[fe.Stack]:
    ids = pd.unique(np.asarray(rows["customer_id"], dtype=object))
    starts = pd.Series([pd.Timestamp(start)] * len(ids), index=ids)
    return fe.build_stacks(rows, starts, controls, own=False)
