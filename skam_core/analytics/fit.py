"""Strategic fit per account: one computation used by the portfolio and the fit page."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from skam_core.domain.rules import FIT_CELL_MAX


def fit_scores(priorities: pd.DataFrame, cells: pd.DataFrame) -> pd.Series:
    """Fit score 0..100 per customer_id (domain.rules.fit_score for every customer at once, vectorised so that
    thousands of analysed customers cost milliseconds); NaN where it cannot be judged yet."""
    if priorities.empty:
        return pd.Series(dtype="float64", name="fit_score")
    # Keys as integer codes, once over both tables: pandas' merge and group-by on two Arrow string columns took
    # most of the portfolio's Python time. The customers' codes follow the ids' sorted order, as the group-by on
    # the strings numbered them: pandas sums a group-by whose codes ascend along the rows (the store's order) with
    # np.add.reduceat and any other with compensated sums, so the same codes keep every score to the last bit.
    n = len(priorities)
    cell_customers, cell_priorities = (
        (_strings(cells["customer_id"]), _strings(cells["priority_id"])) if len(cells) else (np.array([], object),) * 2
    )
    first_seen, seen = pd.factorize(np.concatenate([_strings(priorities["customer_id"]), cell_customers]))
    by_id = np.argsort(seen)  # hashing first, then sorting only the distinct ids: far less than sorting them all
    customers, customer = seen[by_id], np.argsort(by_id)[first_seen]
    priority, _ = pd.factorize(np.concatenate([_strings(priorities["id"]), cell_priorities]))
    key = customer.astype("int64") * (int(priority.max()) + 1) + priority
    weight = priorities["weight"].to_numpy(dtype="float64")
    best = np.zeros(n)
    if len(cells):
        cell_keys, where = np.unique(key[n:], return_inverse=True)
        top = np.full(len(cell_keys), -np.inf)
        np.maximum.at(top, where, cells["score"].to_numpy(dtype="float64"))
        at = np.minimum(np.searchsorted(cell_keys, key[:n]), len(cell_keys) - 1)
        best = np.where(cell_keys[at] == key[:n], top[at], 0.0)
    positive = weight > 0
    parts = pd.DataFrame({"weight": weight[positive], "achieved": (weight * best)[positive]})
    # The codes as a Series: a bare array as the key makes pandas look it up as a column label first and format
    # the whole array into the KeyError (half of this function's time).
    sums = parts.groupby(pd.Series(customer[:n][positive])).sum()
    score = 100.0 * sums["achieved"] / (FIT_CELL_MAX * sums["weight"])
    order = pd.unique(customer[:n])  # the priorities' customers in order of appearance, as before
    index = pd.Index(customers[order], dtype=priorities["customer_id"].dtype)
    return pd.Series(score.reindex(order).to_numpy(dtype="float64"), index=index, name="fit_score")


def _strings(column: pd.Series) -> np.ndarray:
    return column.to_numpy(dtype=object)


# -- the fit page: matrix, score breakdown, fit against size ------------------------------------------------


def fit_matrix(priorities: pd.DataFrame, capabilities: pd.DataFrame, cells: pd.DataFrame) -> pd.DataFrame:
    """Scores 0..3 with priorities (ids, in their order) as rows and capabilities (ids, in order) as columns.

    NaN marks a cell nobody has scored yet (different from 0 = scored, no match)."""
    matrix = pd.DataFrame(np.nan, index=list(priorities["id"]), columns=list(capabilities["id"]), dtype="float64")
    for r in cells.itertuples(index=False):
        if r.priority_id in matrix.index and r.capability_id in matrix.columns:
            matrix.loc[r.priority_id, r.capability_id] = float(r.score)
    return matrix


def fit_breakdown(priorities: pd.DataFrame, cells: pd.DataFrame) -> pd.DataFrame:
    """Per priority: its weight share, the best match any capability offers and the points it adds to the score.

    points_p = 100 * w_p * best_p / (3 * sum w), so the points add up to domain.rules.fit_score exactly.
    Columns: id, priority, weight, share, best_score (0 when unscored), best_capability, scored, points, max_points.
    """
    df = priorities[["id", "priority", "weight"]].copy()
    df["weight"] = df["weight"].astype("float64")
    df = df[df["weight"] > 0].reset_index(drop=True)
    total = float(df["weight"].sum())
    best_score: dict[str, int] = {}
    best_cap: dict[str, str] = {}
    for r in cells.itertuples(index=False):
        if r.priority_id in best_score and int(r.score) <= best_score[r.priority_id]:
            continue
        best_score[r.priority_id] = int(r.score)
        best_cap[r.priority_id] = r.capability_id
    df["share"] = df["weight"] / total if total > 0 else np.nan
    df["scored"] = df["id"].isin(best_score.keys())
    df["best_score"] = [best_score.get(p, 0) for p in df["id"]]
    df["best_capability"] = [best_cap.get(p) if best_score.get(p, 0) > 0 else None for p in df["id"]]
    df["max_points"] = 100.0 * df["share"] if total > 0 else np.nan
    df["points"] = df["max_points"] * df["best_score"] / FIT_CELL_MAX
    return df


@dataclass(frozen=True)
class FitSize:
    """Does customer size predict strategic fit? Spearman's rank correlation of fit against revenue."""

    n: int
    rho: float | None  # Spearman rank correlation (robust to the skew of revenue)
    p_value: float | None  # two-sided, H0: no monotone relation
    verdict: str  # too_few | none | moderate | strong

    @property
    def significant(self) -> bool:
        return self.p_value is not None and self.p_value < 0.05


MIN_ACCOUNTS_FOR_CORRELATION = 5


def fit_vs_size(accounts: pd.DataFrame) -> FitSize:
    """Correlation of ``fit_score`` with ``revenue`` over the accounts that have both (revenue > 0).

    Verdict by |rho|: below 0.3 none, 0.3 to 0.6 moderate, from 0.6 strong; fewer than five accounts: too_few.
    """
    df = accounts[accounts["fit_score"].notna() & (accounts["revenue"] > 0)]
    n = len(df)
    if n < MIN_ACCOUNTS_FOR_CORRELATION:
        return FitSize(n, None, None, "too_few")
    if df["fit_score"].nunique() < 2 or df["revenue"].nunique() < 2:
        return FitSize(n, None, None, "none")
    from scipy.stats import spearmanr  # imported here: scipy.stats is slow to load and only this needs it

    res = spearmanr(df["fit_score"].to_numpy(), df["revenue"].to_numpy())
    rho, p = float(res.statistic), float(res.pvalue)
    a = abs(rho)
    verdict = "none" if a < 0.3 else "moderate" if a < 0.6 else "strong"
    return FitSize(n, rho, p, verdict)


@dataclass(frozen=True)
class FitView:
    """One account's fit: its priorities against our capabilities."""

    priorities: pd.DataFrame  # with version columns
    capabilities: pd.DataFrame
    cells: pd.DataFrame  # with version columns
    matrix: pd.DataFrame  # see fit_matrix
    breakdown: pd.DataFrame  # see fit_breakdown
    score: float | None  # 0..100, None when it cannot be judged yet

    @property
    def unscored(self) -> pd.DataFrame:
        """Priorities without any scored cell: they count as 0, so the score understates the fit until scored."""
        return self.breakdown[~self.breakdown["scored"]]


@dataclass(frozen=True)
class FitPortfolio:
    """Fit against size across every customer whose fit can be judged."""

    window_start: object  # first month of the 12-month window (date) or None without financials
    window_end: object
    accounts: pd.DataFrame  # customer_id, name, skam_stage, revenue, fit_score
    result: FitSize


WEAK_STRENGTH = 2  # capability strength 1..5: up to 2 we are not strong enough to promise projects on it


def delivery_readiness(capability_ids, capabilities: pd.DataFrame) -> list[str]:
    """Can we run the project an opportunity needs? Per required capability id:

    ok (a project capability of strength above WEAK_STRENGTH or unrated), weak (a project capability rated
    WEAK_STRENGTH or lower), no_project (not a kind of project we run reliably), unknown (none named or not ours).
    """
    caps = {r["id"]: r for r in capabilities.to_dict("records")} if not capabilities.empty else {}
    out = []
    for cid in capability_ids:
        cap = caps.get(cid) if isinstance(cid, str) else None
        if cap is None:
            out.append("unknown")
        elif not cap.get("is_project_capability"):
            out.append("no_project")
        elif cap.get("strength") is not None and not pd.isna(cap["strength"]) and cap["strength"] <= WEAK_STRENGTH:
            out.append("weak")
        else:
            out.append("ok")
    return out
