"""Per SKAM account on the profit page: its margin in the 12 months before its start against the last 12 months
(the uplift), and whether size predicts the uplift (Spearman's rank correlation over the accounts)."""

from __future__ import annotations

import numpy as np
import pandas as pd

from skam_core.analytics import did
from skam_core.domain.periods import Window

MIN_BEFORE_MONTHS = 3  # an account's margin before its start needs at least this many months with figures


def account_changes(accounts: pd.DataFrame, rows: pd.DataFrame, window: Window) -> pd.DataFrame:
    """Per SKAM account: margin in the 12 months before its start against the last 12 months (the window).

    Columns: customer_id, name, skam_stage, skam_start, months_since_start, months_before, revenue_before
    (annualised revenue in the 12 months before start: the account's size when it was chosen), margin_before,
    revenue_last, margin_last, uplift (margin_last - margin_before; needs MIN_BEFORE_MONTHS months before).
    """
    out = accounts[["customer_id", "name", "skam_stage", "skam_start"]].copy().reset_index(drop=True)
    n = len(out)
    lookup = pd.Index(np.asarray(out["customer_id"], dtype=object))
    start = did.month_index(out["skam_start"].to_numpy()) if n else np.zeros(0, dtype="int64")
    end = int(did.month_index([window.end])[0])
    if n and not rows.empty:
        code = lookup.get_indexer(np.asarray(rows["customer_id"], dtype=object))
        known = code >= 0
        code = code[known]
        m = did.month_index(rows["month"].to_numpy())[known]
        rev = rows["revenue"].to_numpy(dtype="float64")[known]
        op = rows["operating_profit"].to_numpy(dtype="float64")[known]
    else:
        code = m = np.zeros(0, dtype="int64")
        rev = op = np.zeros(0)
    k = m - start[code] if n else m
    before = (k >= -12) & (k <= -1)
    last = (m > end - 12) & (m <= end)

    def total(mask: np.ndarray, w: np.ndarray | None) -> np.ndarray:
        return np.bincount(code[mask], weights=None if w is None else w[mask], minlength=n).astype("float64")

    months_before = total(before, None).astype("int64")
    rev_before, op_before = total(before, rev), total(before, op)
    rev_last, op_last = total(last, rev), total(last, op)
    enough = (months_before >= MIN_BEFORE_MONTHS) & (rev_before > 0)
    out["months_since_start"] = end - start
    out["months_before"] = months_before
    out["revenue_before"] = np.where(enough, rev_before * 12.0 / np.maximum(months_before, 1), np.nan)
    out["margin_before"] = np.where(enough, op_before / np.where(enough, rev_before, 1.0), np.nan)
    out["revenue_last"] = rev_last
    out["margin_last"] = np.where(rev_last > 0, op_last / np.where(rev_last > 0, rev_last, 1.0), np.nan)
    out["uplift"] = out["margin_last"] - out["margin_before"]
    return out


def size_uplift_correlation(changes: pd.DataFrame) -> float | None:
    """Pearson correlation of log10(size before start) and uplift over accounts that have both (>= 3)."""
    ok = changes["uplift"].notna() & (changes["revenue_before"] > 0)
    if ok.sum() < 3:
        return None
    x = np.log10(changes.loc[ok, "revenue_before"].to_numpy(dtype="float64"))
    y = changes.loc[ok, "uplift"].to_numpy(dtype="float64")
    if np.std(x) == 0 or np.std(y) == 0:
        return None
    return float(np.corrcoef(x, y)[0, 1])
