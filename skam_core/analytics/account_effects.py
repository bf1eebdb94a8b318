"""Each SKAM account's own measured effect, until the profit analysis provides its own (issue 10's
``ProfitAnalysis.account_effects``; the candidates view prefers that one when present).

Per account, from its stack (analytics.did.build_stacks: the account's months from 24 before to 24 after its
start, and the other customers' mean margin in the same months): the mean gap (account margin minus the others'
margin) after the start minus the mean gap before, i.e. the account's margin change net of the others' change.
Its standard error comes from the account's monthly residual variance around its before and after means:
s^2 (1/n_before + 1/n_after). Margin units (0.02 = 2 pp).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from skam_core.analytics import did

MIN_MONTHS_EACH_SIDE = 3  # fewer months before or after leave the residual variance unreliable
COLUMNS = ["customer_id", "estimate", "std_error", "ci_low", "ci_high", "months_before", "months_after"]


def from_stacks(stacks: pd.DataFrame) -> pd.DataFrame:
    """Per-account effects from the stacks (one row per account with enough months on both sides)."""
    if stacks.empty:
        return pd.DataFrame({c: pd.Series(dtype="float64") for c in COLUMNS}).astype({"customer_id": object})
    from scipy import stats

    g = stacks.assign(after=stacks["post"] > 0.5).groupby(["stack", "after"])["gap"]
    agg = g.agg(["mean", "count", "var"]).unstack("after")
    n0 = agg[("count", False)].fillna(0).to_numpy()
    n1 = agg[("count", True)].fillna(0).to_numpy()
    m0, m1 = agg[("mean", False)].to_numpy(), agg[("mean", True)].to_numpy()
    v0 = agg[("var", False)].fillna(0).to_numpy()
    v1 = agg[("var", True)].fillna(0).to_numpy()
    dof = n0 + n1 - 2
    pooled = ((n0 - 1) * v0 + (n1 - 1) * v1) / np.maximum(dof, 1)
    se = np.sqrt(pooled * (1 / np.maximum(n0, 1) + 1 / np.maximum(n1, 1)))
    t = stats.t.ppf(0.975, np.maximum(dof, 1))
    out = pd.DataFrame(
        {
            "customer_id": np.asarray(agg.index, dtype=object),
            "estimate": m1 - m0,
            "std_error": se,
            "ci_low": m1 - m0 - t * se,
            "ci_high": m1 - m0 + t * se,
            "months_before": n0.astype("int64"),
            "months_after": n1.astype("int64"),
        }
    )
    ok = (n0 >= MIN_MONTHS_EACH_SIDE) & (n1 >= MIN_MONTHS_EACH_SIDE) & (se > 0)
    return out[ok].reset_index(drop=True)


def account_effects(skam: pd.DataFrame, rows: pd.DataFrame, monthly: pd.DataFrame) -> pd.DataFrame:
    """Per-account effects from the SKAM accounts (customer_id, skam_start), their monthly rows (customer_id,
    month, revenue, operating_profit) and the control series (month, control_margin) of the profit analysis."""
    if skam.empty or rows.empty or "control_margin" not in monthly:
        return from_stacks(pd.DataFrame())
    pos = rows[rows["revenue"] > 0]
    treated = pd.DataFrame(
        {
            "customer_id": np.asarray(pos["customer_id"], dtype=object),
            "month": pd.to_datetime(pos["month"]).to_numpy(),
            "margin": (pos["operating_profit"] / pos["revenue"]).to_numpy(dtype="float64"),
        }
    )
    starts = pd.Series(pd.to_datetime(skam["skam_start"]).to_numpy(), index=np.asarray(skam["customer_id"], object))
    controls = monthly[["month", "control_margin"]].dropna()
    return from_stacks(did.build_stacks(treated, starts, controls))
