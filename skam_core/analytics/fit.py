"""Strategic fit per account: one computation used by the portfolio and the fit page."""

from __future__ import annotations

import pandas as pd

from skam_core.domain.rules import fit_score


def fit_scores(priorities: pd.DataFrame, cells: pd.DataFrame) -> pd.Series:
    """Fit score 0..100 per customer_id (see domain.rules.fit_score); NaN where it cannot be judged yet."""
    out: dict[str, float] = {}
    cells_by = {cid: g for cid, g in cells.groupby("customer_id")} if not cells.empty else {}
    for cid, prios in priorities.groupby("customer_id"):
        weights = dict(zip(prios["id"], prios["weight"].astype(float), strict=True))
        g = cells_by.get(cid)
        triples = [] if g is None else list(zip(g["priority_id"], g["capability_id"], g["score"], strict=True))
        score = fit_score(weights, triples)
        out[cid] = float("nan") if score is None else score
    return pd.Series(out, name="fit_score", dtype="float64")
