"""Panels made in code for the SKAM effect tests: monthly rows (customer_id, month, revenue, operating_profit)
with a planted effect, and the estimator run on them as the view runs it (all-customer statistics minus the
SKAM accounts' own)."""

from __future__ import annotations

from datetime import date

import numpy as np
import pandas as pd

from skam_core.analytics import profit_effect as pe
from skam_core.analytics import profit_fe as fe
from skam_core.analytics import profit_inference as inf
from skam_core.analytics.did import month_index

FIRST = date(2021, 1, 1)


def make_panel(
    *,
    treated: int,
    others: int,
    months: int = 48,
    effect: float = 0.03,
    seed: int = 0,
    starts: list[int] | None = None,
    entering: float = 0.0,
    tiny: float = 0.0,
    ramp: int = 0,
    noise: float = 0.01,
    hetero: float = 0.0,
) -> tuple[pd.DataFrame, pd.Series]:
    """``treated`` SKAM accounts starting at month positions ``starts`` (default: the middle), ``others`` controls;
    ``entering``: share of controls that first appear in a random month, at a 3 pp lower level; ``tiny``: share of
    control months that are 10 EUR of revenue with -5,000 EUR profit; ``ramp``: months over which the effect
    grows to ``effect``; ``hetero``: spread of the accounts' own effects around ``effect``. A common month shock and
    a parallel trend affect everyone. The column ``gain`` holds the effect planted in each row."""
    rng = np.random.default_rng(seed)
    n = treated + others
    t = np.arange(months)
    shock = rng.normal(0, 0.01, months) + np.linspace(0, 0.01, months)
    level = rng.normal(0.06, 0.02, n)
    size = np.exp(rng.normal(np.log(50_000), 0.8, n))
    is_t = np.arange(n) < treated
    enters = ~is_t & (rng.random(n) < entering)
    first = np.where(enters, rng.integers(1, max(months - 6, 2), n), 0)
    level = level - 0.03 * enters
    own_effect = effect + (rng.normal(0, hetero, n) if hetero else np.zeros(n))
    start = np.array([(starts or [months // 2])[i % len(starts or [0])] for i in range(n)])
    day = rng.integers(0, 27, n)
    rev = size[:, None] * rng.uniform(0.7, 1.3, (n, months))
    k = t[None, :] - start[:, None]
    ramped = np.minimum(1.0, (k + 1) / ramp) if ramp else np.ones((n, months))
    gain = np.where(is_t[:, None] & (k >= 0), own_effect[:, None] * ramped, 0.0)
    op = rev * (level[:, None] + shock[None, :] + gain + rng.normal(0, noise, (n, months)))
    small = ~is_t[:, None] & (rng.random((n, months)) < tiny)
    rev, op = np.where(small, 10.0, rev), np.where(small, -5_000.0, op)
    keep = t[None, :] >= first[:, None]
    ids = np.array([f"S{i:03d}" if i < treated else f"C{i:05d}" for i in range(n)], dtype=object)
    month = (np.datetime64(FIRST, "M") + t).astype("datetime64[ns]")
    panel = pd.DataFrame(
        {
            "customer_id": np.broadcast_to(ids[:, None], (n, months))[keep],
            "month": np.broadcast_to(month[None, :], (n, months))[keep],
            "revenue": rev[keep],
            "operating_profit": op[keep],
            "gain": gain[keep],
        }
    )
    first_month = np.datetime64(FIRST, "M")
    start_dates = {
        ids[i]: pd.Timestamp((first_month + start[i]).astype("datetime64[D]")) + pd.Timedelta(days=int(day[i]))
        for i in range(treated)
    }
    return panel, pd.Series(start_dates, dtype="datetime64[ns]")


def all_stats(panel: pd.DataFrame) -> fe.ControlStats:
    """The all-customer statistics as the store keeps them (the meat's scores at the all-customer fit)."""
    first = int(month_index(panel["month"].to_numpy()).min())
    last = int(month_index(panel["month"].to_numpy()).max())
    plain = fe.stats_of_rows(panel, first, last - first + 1)
    return fe.stats_of_rows(panel, first, last - first + 1, plain.month_effects())


def run(panel: pd.DataFrame, starts: pd.Series, *, pool: int = pe.POOL_SIZE) -> pe.Measured:
    """The estimator as the view runs it; placebo customers: the ``pool`` controls nearest in size (only for a
    programme too small for the wild bootstrap, as the view does)."""
    stats = all_stats(panel)
    treated = panel[panel["customer_id"].isin(starts.index)]
    controls = stats.minus(fe.stats_of_rows(treated, stats.first, stats.months, stats.month_effects()))
    pools: dict[str, pd.DataFrame] = {}
    if len(starts) >= inf.MIN_CLUSTERED:
        return pe.measure(controls, treated, starts, pools)
    others = panel[~panel["customer_id"].isin(starts.index)]
    sizes = others.groupby("customer_id")["revenue"].sum()
    for cid in starts.index:
        own = treated.loc[treated["customer_id"] == cid, "revenue"].sum()
        near = (np.log(sizes.clip(lower=1)) - np.log(max(own, 1))).abs().sort_values(kind="stable").index[:pool]
        pools[cid] = others[others["customer_id"].isin(near)]
    return pe.measure(controls, treated, starts, pools)


def truth(panel: pd.DataFrame, starts: pd.Series, horizon: int = 24) -> float:
    """The estimand on the planted effects: revenue-weighted mean gain over the SKAM account-months 0..horizon."""
    t = panel[panel["customer_id"].isin(starts.index)].copy()
    k = month_index(t["month"].to_numpy()) - month_index(starts.loc[t["customer_id"]].to_numpy())
    post = (k >= 0) & (k <= horizon)
    return float(np.average(t["gain"].to_numpy()[post], weights=t["revenue"].to_numpy()[post]))
