"""Who to promote next: the company's own measured per-account effects related to the fit score (a random-effects
meta-regression, analytics.meta), and a prediction for every customer with a fit score not yet in implementation.

Pure: the candidates view hands in the per-account effects and one row per customer. The JSON is the contract's
(DESIGN.md, "Candidates"); docs/methodology.md explains the model for a finance reader.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

import numpy as np
import pandas as pd

from skam_core.analytics import meta
from skam_core.analytics.did import HORIZON

# The gain is counted over the months the measured effect covers (months 0-24 after the start: the estimand of
# analytics.profit_effect), never beyond what the company's accounts have shown: a longer payback would assume the
# uplift lasts, a shorter one would ignore that it builds up (the demo's windows: +0.1 / +3.5 / +6.1 pp).
PAYS_MONTHS = HORIZON
MIN_ACCOUNTS = 5  # below this, a line through the accounts' effects says nothing
ACCOUNTS_PER_COVARIATE = 10  # the usual rule of thumb: a further covariate only with ten more accounts
ESTIMAND = "account_margin_change_vs_others"

REASONS = {
    "too_few_accounts": "Fewer than {min} SKAM accounts have a measured effect and a fit score ({n}); a prediction "
    "from so few would only repeat their noise.",
}
WARNINGS = {
    "outside_range": "{n} candidate(s) have a fit score outside the range of the measured accounts ({low:.0f} to "
    "{high:.0f}): their prediction extrapolates the line and is marked.",
    "not_beyond_noise": "The measured accounts do not show that a higher fit brings a larger uplift beyond noise "
    "(the slope's 95 % interval includes zero): the ranking does not separate the candidates.",
}
CAVEATS = [
    "Selection: managers chose the accounts they expected to gain, so the measured effects describe customers like "
    "those chosen; a candidate unlike them may gain less.",
    "Regression to the mean: an account measured as very good or very bad is partly lucky or unlucky; each "
    "account's own effect is therefore shown pulled towards the line (empirical Bayes), the noisier the more.",
    "The interval is a prediction interval: it includes how much accounts differ from one another (tau), not only "
    "the uncertainty of the line, so it is wide with a dozen accounts.",
]
OUTPUT_COLUMNS = [
    "customer_id", "name", "fit_score", "stage", "revenue", "size_rank", "effort_eur",
    "estimate", "low", "high", "sd", "eur", "eur_low", "eur_high", "probability_pays", "extrapolated",
]  # fmt: skip


@dataclass(frozen=True)
class Notice:
    code: str
    params: dict[str, Any] = field(default_factory=dict)

    def text(self) -> str:
        return (REASONS | WARNINGS)[self.code].format(**self.params)


@dataclass(frozen=True)
class CandidateModel:
    as_of: date
    accounts: pd.DataFrame  # measured: customer_id, fit_score, estimate, std_error, fitted, shrunk, shrunk_sd
    candidates: pd.DataFrame  # OUTPUT_COLUMNS, ranked by predicted uplift
    fit: meta.MetaFit | None
    covariates: tuple[str, ...] = ("fit_score",)
    reason: Notice | None = None
    warnings: tuple[Notice, ...] = ()
    size_rank_correlation: float | None = None  # Spearman: predicted uplift against revenue, over candidates

    @property
    def available(self) -> bool:
        return self.fit is not None

    @property
    def slope(self) -> float | None:
        return float(self.fit.coef[1]) if self.fit is not None else None

    @property
    def slope_interval(self) -> tuple[float, float] | None:
        return self.fit.coef_interval(1) if self.fit is not None else None

    @property
    def beyond_noise(self) -> bool:
        """Whether the data separate candidates by fit: the slope's 95 % interval excludes zero."""
        ci = self.slope_interval
        return ci is not None and (ci[0] > 0 or ci[1] < 0)

    @property
    def fit_range(self) -> tuple[float, float] | None:
        if self.accounts.empty:
            return None
        return float(self.accounts["fit_score"].min()), float(self.accounts["fit_score"].max())

    def for_customer(self, customer_id: str) -> dict[str, Any] | None:
        row = self.candidates[self.candidates["customer_id"] == customer_id]
        return None if row.empty else row.iloc[0].to_dict()


def _design(frame: pd.DataFrame, covariates: tuple[str, ...]) -> np.ndarray:
    cols = [np.ones(len(frame))]
    for c in covariates:
        cols.append(np.log10(frame["revenue"].to_numpy(dtype="float64")) if c == "log10_revenue" else frame[c])
    return np.column_stack([np.asarray(c, dtype="float64") for c in cols])


def _covariates(measured: pd.DataFrame) -> tuple[str, ...]:
    """Fit first; size only with enough accounts to spare a degree of freedom and revenue for every one."""
    out: tuple[str, ...] = ("fit_score",)
    revenue = measured["revenue"].to_numpy(dtype="float64")
    if len(measured) >= ACCOUNTS_PER_COVARIATE * 2 and (revenue > 0).all() and np.std(np.log10(revenue)) > 0.05:
        out += ("log10_revenue",)
    return out


def _spearman(a: np.ndarray, b: np.ndarray) -> float | None:
    if len(a) < 3:
        return None
    ra = pd.Series(a).rank(method="average").to_numpy()  # average ranks for ties, as scipy's rankdata
    rb = pd.Series(b).rank(method="average").to_numpy()
    if np.std(ra) == 0 or np.std(rb) == 0:
        return None
    return float(np.corrcoef(ra, rb)[0, 1])


def _with_fit(effects: pd.DataFrame, customers: pd.DataFrame) -> pd.DataFrame:
    """``effects.merge(customers[[customer_id, fit_score, revenue]], on="customer_id", how="inner")``: with one row
    per customer, a lookup per account instead (the merge of an object with an Arrow string key took ~10 ms)."""
    ids = customers["customer_id"].to_numpy(dtype=object)
    position = {c: i for i, c in enumerate(ids)}
    if len(position) < len(ids) or {"fit_score", "revenue"} & set(effects.columns):
        return effects.merge(customers[["customer_id", "fit_score", "revenue"]], on="customer_id", how="inner")
    keys = effects["customer_id"].to_numpy(dtype=object)
    hit = np.array([c in position for c in keys], dtype=bool)
    rows = np.array([position[c] for c in keys[hit]], dtype="int64")
    out = effects[hit].reset_index(drop=True)
    for column in ("fit_score", "revenue"):
        out[column] = customers[column].take(rows).array
    return out


def build(as_of: date, effects: pd.DataFrame, customers: pd.DataFrame) -> CandidateModel:
    """The model and the ranked predictions.

    ``effects``: customer_id, estimate, std_error (margin units). ``customers``: customer_id, name, skam_stage,
    fit_score (NaN = none), revenue (the 12-month window), size_rank, effort_eur (NaN = none recorded).
    """
    e = effects[effects["std_error"].notna() & (effects["std_error"] > 0) & effects["estimate"].notna()]
    measured = _with_fit(e, customers)
    measured = measured[measured["fit_score"].notna()].reset_index(drop=True)
    # Plain numpy masks and one gather: at 100,000 customers pandas' string filters alone would take the budget.
    # (String columns stay in pandas' own vectorised form; converting them to Python objects costs more.)
    fit_all = customers["fit_score"].to_numpy(dtype="float64")
    open_ = (customers["skam_stage"] != "implementation").to_numpy(dtype=bool)
    measured_ids = set(e["customer_id"].to_numpy(dtype=object))  # (Series.isin on Arrow strings: ~10x slower)
    unmeasured = np.array([c not in measured_ids for c in customers["customer_id"].to_numpy(dtype=object)], bool)
    pool_rows = np.flatnonzero(~np.isnan(fit_all) & open_ & unmeasured)
    if len(measured) < MIN_ACCOUNTS:
        reason = Notice("too_few_accounts", {"min": MIN_ACCOUNTS, "n": len(measured)})
        empty = pd.DataFrame({c: pd.Series(dtype="float64") for c in OUTPUT_COLUMNS})  # (made only when needed)
        return CandidateModel(as_of, measured, empty, None, reason=reason)
    covs = _covariates(measured)
    x = _design(measured, covs)
    mf = meta.fit(measured["estimate"], measured["std_error"], x)
    fitted = x @ mf.coef
    shrunk, shrunk_sd = meta.shrink(measured["estimate"], measured["std_error"], fitted, mf.tau2)
    measured = measured.assign(fitted=fitted, shrunk=shrunk, shrunk_sd=shrunk_sd)

    revenue_all = customers["revenue"].to_numpy(dtype="float64")
    if "log10_revenue" in covs:
        pool_rows = pool_rows[revenue_all[pool_rows] > 0]
    fit_c, revenue = fit_all[pool_rows], revenue_all[pool_rows]
    xc = _design(pd.DataFrame({"fit_score": fit_c, "revenue": revenue}), covs)
    mean, sd, low, high = mf.predict(xc)
    effort = customers["effort_eur"].to_numpy(dtype="float64")[pool_rows]
    pays = np.full(len(pool_rows), np.nan)
    known = (effort > 0) & (revenue > 0)
    if known.any():
        # The gain pays when the uplift on the account's yearly revenue over PAYS_MONTHS covers the recorded effort.
        years = PAYS_MONTHS / 12
        pays[known] = mf.probability_above(xc[known], effort[known] / (revenue[known] * years))
    lo_fit, hi_fit = float(measured["fit_score"].min()), float(measured["fit_score"].max())
    order = np.lexsort((-revenue, -mean))  # best prediction first; the larger customer first on a tie
    pick = pool_rows[order]
    c = pd.DataFrame(
        {
            "customer_id": customers["customer_id"].take(pick).to_numpy(),
            "name": customers["name"].take(pick).to_numpy(),
            "fit_score": fit_c[order],
            "stage": customers["skam_stage"].take(pick).to_numpy(),
            "revenue": revenue[order],
            "size_rank": customers["size_rank"].to_numpy()[pick],
            "effort_eur": effort[order],
            "estimate": mean[order],
            "low": low[order],
            "high": high[order],
            "sd": sd[order],
            "eur": (mean * revenue)[order],
            "eur_low": (low * revenue)[order],
            "eur_high": (high * revenue)[order],
            "probability_pays": pays[order],
            "extrapolated": ((fit_c < lo_fit) | (fit_c > hi_fit))[order],
        }
    )
    warnings: list[Notice] = []
    outside = int(c["extrapolated"].sum())
    if outside:
        warnings.append(Notice("outside_range", {"n": outside, "low": lo_fit, "high": hi_fit}))
    model = CandidateModel(as_of, measured, c, mf, covs)
    if not model.beyond_noise:
        warnings.append(Notice("not_beyond_noise"))
    rho = _spearman(c["estimate"].to_numpy(), c["revenue"].to_numpy(dtype="float64"))
    return CandidateModel(as_of, measured, c, mf, covs, None, tuple(warnings), rho)


def _num(x: Any, digits: int = 6) -> float | None:
    """A JSON number, or None for what cannot be computed (the contract allows no NaN or Infinity)."""
    if x is None or not np.isfinite(x):
        return None
    return round(float(x), digits)


def as_json(model: CandidateModel) -> dict[str, Any]:
    """The contract's JSON (DESIGN.md, "Candidates"), extended by the slope's interval, the covariates, the fit
    range learned from, each measured account's shrunk effect, the ranking against size and the caveats."""
    f = model.fit
    ci = model.slope_interval
    fr = model.fit_range
    m = {
        "accounts": len(model.accounts),
        "estimand": ESTIMAND,
        "slope_per_fit_point": _num(model.slope),
        "tau": _num(f.tau) if f else None,
        "slope_ci": {"low": _num(ci[0]), "high": _num(ci[1])} if ci else None,
        "intercept": _num(f.coef[0]) if f else None,
        "covariates": list(model.covariates) if f else [],
        "fit_range": {"low": _num(fr[0], 2), "high": _num(fr[1], 2)} if fr else None,
        "beyond_noise": model.beyond_noise,
        "pays_over_months": PAYS_MONTHS,
    }
    cands = []
    for r in model.candidates.to_dict("records"):
        cands.append(
            {
                "customer_id": str(r["customer_id"]),
                "name": str(r["name"]),
                "fit_score": _num(r["fit_score"], 2),
                "stage": str(r["stage"]),
                "predicted_uplift": {"estimate": _num(r["estimate"]), "low": _num(r["low"]), "high": _num(r["high"])},
                "predicted_profit_eur": {
                    "estimate": _num(r["eur"], 2),
                    "low": _num(r["eur_low"], 2),
                    "high": _num(r["eur_high"], 2),
                },
                "probability_pays": _num(r["probability_pays"], 4),
                "effort_eur": _num(r["effort_eur"], 2),
                "revenue_12m": _num(r["revenue"], 2),
                "size_rank": None if pd.isna(r["size_rank"]) else int(r["size_rank"]),
                "extrapolated": bool(r["extrapolated"]),
            }
        )
    accounts = [
        {
            "customer_id": str(r["customer_id"]),
            "fit_score": _num(r["fit_score"], 2),
            "estimate": _num(r["estimate"]),
            "std_error": _num(r["std_error"]),
            "shrunk": _num(r.get("shrunk")),
        }
        for r in model.accounts.to_dict("records")
    ]
    return {
        "as_of": model.as_of.isoformat(),
        "model": m,
        "candidates": cands,
        "reason": model.reason.text() if model.reason else None,
        "warnings": [w.text() for w in model.warnings],
        "accounts": accounts,
        "ranking_vs_size": {"spearman": _num(model.size_rank_correlation, 4)},
        "caveats": list(CAVEATS),
    }
