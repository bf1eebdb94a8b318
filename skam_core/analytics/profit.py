"""The profit comparison of the contract (DESIGN.md): SKAM accounts against all other customers.

Group figures over a 12-month window; the portfolio page and ``profit`` CLI both use this module, so the
numbers agree everywhere. ``analyse`` (fed by views.profit) adds what the profit page and ``profit`` command
show beyond the group figures: the trailing-12-month margins by month, the spread of customer margins, the
measured SKAM effect (stacked difference-in-differences, see skam_core.analytics.did) and its event study, and
per account the margin before the start against the last 12 months. Definitions and caveats: docs/methodology.md.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

import numpy as np
import pandas as pd

from skam_core.analytics import did
from skam_core.analytics import profit_effect as pe
from skam_core.analytics import profit_fe as fe
from skam_core.analytics import profit_inference as inf
from skam_core.analytics.did import Effect
from skam_core.analytics.profit_accounts import account_changes, size_uplift_correlation
from skam_core.domain.periods import Window


@dataclass(frozen=True)
class GroupFigures:
    customers: int
    revenue: float
    operating_profit: float

    @property
    def relative_operating_profit(self) -> float | None:
        return self.operating_profit / self.revenue if self.revenue > 0 else None

    def as_dict(self) -> dict:
        return {
            "customers": self.customers,
            "revenue": self.revenue,
            "operating_profit": self.operating_profit,
            "relative_operating_profit": self.relative_operating_profit,
        }


@dataclass(frozen=True)
class GroupComparison:
    window: Window
    skam: GroupFigures
    others: GroupFigures

    @property
    def ratio(self) -> float | None:
        s, o = self.skam.relative_operating_profit, self.others.relative_operating_profit
        if s is None or o is None or o == 0:
            return None
        return s / o


# -- the profit page and the `profit` command ---------------------------------------------------------------

SPREAD_QUANTILES = (0.05, 0.25, 0.5, 0.75, 0.95)


@dataclass(frozen=True)
class ProfitAnalysis:
    as_of: date  # the day shown (the as-of date, or today)
    window: Window | None
    comparison: GroupComparison
    effect: Effect
    event_study: pd.DataFrame  # k, estimate, ci_low, ci_high, accounts
    months_to_improvement: int | None
    monthly: pd.DataFrame  # month, skam_/others_ revenue and operating_profit, skam_/others_margin_12m
    spread: pd.DataFrame  # group (skam|others), customers, mean, q05, q25, q50, q75, q95
    accounts: pd.DataFrame  # per SKAM account: before its start against the last 12 months (see account_changes)
    size_uplift_correlation: float | None  # Pearson r of log10(size before start) and uplift
    reason: str | None = None  # why there is nothing to compare (did.REASONS key)
    # Per SKAM account that informs the effect (margin units): customer_id, estimate, std_error, ci_low, ci_high,
    # months_before, months_after (profit_fe.ACCOUNT_COLUMNS; issue 13's candidates build on these names).
    account_effects: pd.DataFrame = field(default_factory=lambda: fe.account_effects([]))
    effect_windows: dict[str, inf.Interval] = field(default_factory=dict)
    pretrend_p: float | None = None  # joint (sup-t) test that the pre-period effects are zero
    pretrend_months: int = 0

    @property
    def ratio(self) -> float | None:
        return self.comparison.ratio

    def as_json(self) -> dict:
        """The contract's JSON (DESIGN.md, "Profit comparison"); ``effect.reason`` is added when there is no
        estimate."""

        def figures(g: GroupFigures) -> dict:
            rop = g.relative_operating_profit
            return {
                "customers": g.customers,
                "revenue": round(g.revenue, 2),
                "operating_profit": round(g.operating_profit, 2),
                "relative_operating_profit": None if rop is None else round(rop, 6),
            }

        effect = self.effect.as_dict()
        for key in ("estimate", "ci_low", "ci_high", "std_error"):
            effect[key] = _finite(effect[key])
        if effect["estimate"] is not None and (effect["ci_low"] is None or effect["ci_high"] is None):
            effect.setdefault("reason", "The interval could not be computed.")
        ratio = self.comparison.ratio
        no_estimate = effect.get("reason") if effect["estimate"] is None else None
        windows = {
            name: self.effect_windows[name].as_dict()
            if name in self.effect_windows
            else {"estimate": None, "ci_low": None, "ci_high": None, "reason": no_estimate}
            for name in inf.WINDOWS
        }
        pretrend: dict[str, Any] = {"p_value": _finite(self.pretrend_p, 4), "months": self.pretrend_months}
        if pretrend["p_value"] is None:
            pretrend["reason"] = no_estimate or "Too few months before the starts to test."
        accounts = []
        for r in self.account_effects.itertuples():
            row = {
                "customer_id": str(r.customer_id),
                "estimate": _finite(r.estimate),
                "ci_low": _finite(r.ci_low),
                "ci_high": _finite(r.ci_high),
                "months_before": int(r.months_before),
                "months_after": int(r.months_after),
            }
            if row["ci_low"] is None:
                row["reason"] = "Too few months on one side of the start for an interval."
            accounts.append(row)
        return {
            "as_of": self.as_of.isoformat(),
            "window": self.window.label() if self.window else None,
            "skam": figures(self.comparison.skam),
            "others": figures(self.comparison.others),
            "ratio": None if ratio is None else round(ratio, 4),
            "effect": effect,
            "months_to_improvement": self.months_to_improvement,
            "effect_windows": windows,
            "pretrend": pretrend,
            "accounts": accounts,
        }


def _finite(x: float | None, digits: int = 6) -> float | None:
    """A number for the JSON: rounded, or None where it is missing, infinite or NaN (strict parsers reject those)."""
    if x is None:
        return None
    x = float(x)
    return round(x, digits) if np.isfinite(x) else None


def _month_sums(rows: pd.DataFrame, first: int, n: int) -> np.ndarray:
    """Per month (index 0 = month ``first``): revenue, operating profit, months with revenue, sum of margins."""
    out = np.zeros((n, 4))
    if rows.empty:
        return out
    m = did.month_index(rows["month"].to_numpy()) - first
    ok = (m >= 0) & (m < n)
    m = m[ok]
    rev = rows["revenue"].to_numpy(dtype="float64")[ok]
    op = rows["operating_profit"].to_numpy(dtype="float64")[ok]
    pos = rev > 0
    margin = np.where(pos, op / np.where(pos, rev, 1.0), 0.0)
    for j, w in enumerate((rev, op, pos.astype("float64"), margin)):
        out[:, j] = np.bincount(m, weights=w, minlength=n)
    return out


def _rolling_margin(revenue: np.ndarray, profit: np.ndarray, months: int = 12) -> np.ndarray:
    """Trailing ``months``-month margin (sum of profit / sum of revenue); NaN before a full span or without
    revenue."""
    out = np.full(len(revenue), np.nan)
    if len(revenue) < months:
        return out
    kernel = np.ones(months)
    rev = np.convolve(revenue, kernel, mode="valid")
    op = np.convolve(profit, kernel, mode="valid")
    out[months - 1 :] = np.where(rev > 0, op / np.where(rev > 0, rev, 1.0), np.nan)
    return out


def group_monthly(
    totals: pd.DataFrame, skam_rows: pd.DataFrame, unlisted_rows: pd.DataFrame, end: date
) -> pd.DataFrame:
    """Monthly sums per group from the totals over all customers: others = all - SKAM accounts - rows of
    customers that are no customers at the as-of date. Also the others' mean monthly margin (months with
    revenue), which is the control series of the effect estimate, and trailing-12-month margins per group."""
    if totals.empty:
        return pd.DataFrame(columns=["month"])
    tm = did.month_index(totals["month"].to_numpy())
    first, last = int(tm.min()), int(did.month_index([end])[0])
    n = last - first + 1
    t = np.zeros((n, 4))
    ok = tm - first < n
    cols = ["revenue", "operating_profit", "margin_n", "margin_sum"]
    t[tm[ok] - first] = totals.loc[ok, cols].to_numpy(dtype="float64")
    s = _month_sums(skam_rows, first, n)
    o = t - s - _month_sums(unlisted_rows, first, n)
    has = o[:, 2] > 0.5
    out = pd.DataFrame(
        {
            "month": (np.arange(first, last + 1).astype("datetime64[M]")).astype("datetime64[us]"),
            "skam_revenue": s[:, 0],
            "skam_operating_profit": s[:, 1],
            "others_revenue": o[:, 0],
            "others_operating_profit": o[:, 1],
            "control_customers": np.round(o[:, 2]).astype("int64"),
            "control_margin": np.where(has, o[:, 3] / np.where(has, o[:, 2], 1.0), np.nan),
        }
    )
    out["skam_margin_12m"] = _rolling_margin(s[:, 0], s[:, 1])
    out["others_margin_12m"] = _rolling_margin(o[:, 0], o[:, 1])
    return out


def window_figures(monthly: pd.DataFrame, window: Window, skam_n: int, others_n: int) -> GroupComparison:
    """Group sums over the window from the monthly group sums."""
    m = monthly[(monthly["month"] >= pd.Timestamp(window.start)) & (monthly["month"] <= pd.Timestamp(window.end))]
    return GroupComparison(
        window,
        GroupFigures(skam_n, float(m["skam_revenue"].sum()), float(m["skam_operating_profit"].sum())),
        GroupFigures(others_n, float(m["others_revenue"].sum()), float(m["others_operating_profit"].sum())),
    )


def spread_table(raw: pd.DataFrame) -> pd.DataFrame:
    """The spread query's rows as one row per group with named quantile columns."""
    rows = []
    for r in raw.itertuples():
        q = list(r.q) if r.q is not None else [np.nan] * len(SPREAD_QUANTILES)
        row = {"group": "skam" if r.is_skam else "others", "customers": int(r.customers), "mean": float(r.mean)}
        row.update({f"q{round(p * 100):02d}": float(v) for p, v in zip(SPREAD_QUANTILES, q, strict=True)})
        rows.append(row)
    cols = ["group", "customers", "mean"] + [f"q{round(p * 100):02d}" for p in SPREAD_QUANTILES]
    return pd.DataFrame(rows, columns=cols)


def estimate_effect(
    accounts: pd.DataFrame,
    rows: pd.DataFrame,
    unlisted_rows: pd.DataFrame,
    all_customers: fe.ControlStats | None,
    pool_rows: dict[str, pd.DataFrame] | None,
) -> tuple[Effect, pe.Measured]:
    """The effect (the named estimand) from the all-customer statistics less the SKAM accounts' and unlisted
    customers' own parts (the rest are the controls), and the SKAM accounts' rows."""
    empty = pe.Measured(None, 0, 0, None)
    if accounts.empty:
        return did.no_effect("no_skam_accounts"), empty
    if all_customers is None or all_customers.months == 0:
        return did.no_effect("no_controls"), empty
    # Their scores are taken at the all-customer month effects, as the stored meat's are.
    own = fe.stats_of_rows(
        pd.concat([rows, unlisted_rows]), all_customers.first, all_customers.months, all_customers.month_effects()
    )
    measured = pe.measure(all_customers.minus(own), rows, pe.starts_of(accounts), pool_rows)
    r = measured.result
    if r is None:
        return did.no_effect(measured.reason or "no_pre_post"), measured
    e = r.effect
    effect = Effect(
        e.estimate,
        e.ci_low,
        e.ci_high,
        std_error=e.std_error,
        accounts=measured.accounts,
        observations=measured.observations,
        inference=r.inference,
        estimand=pe.ESTIMAND,
    )
    return effect, measured


def analyse(
    day: date,
    window: Window | None,
    skam: pd.DataFrame,
    total_customers: int,
    totals: pd.DataFrame,
    skam_rows: pd.DataFrame,
    unlisted_rows: pd.DataFrame,
    spread_raw: pd.DataFrame,
    all_customers: fe.ControlStats | None = None,
    pool_rows: dict[str, pd.DataFrame] | None = None,
) -> ProfitAnalysis:
    """Everything the page and the command show, from the loaded inputs (pure: no store)."""
    # Customer ids as plain Python strings once (the store hands out Arrow-backed strings, which every
    # lookup below would convert again).
    skam = skam.astype({"customer_id": object})
    skam_rows = skam_rows.astype({"customer_id": object})
    skam_n = len(skam)
    others_n = max(total_customers - skam_n, 0)
    if window is None:
        empty = Window(day.replace(day=1), day.replace(day=1))
        comparison = GroupComparison(empty, GroupFigures(skam_n, 0.0, 0.0), GroupFigures(others_n, 0.0, 0.0))
        return ProfitAnalysis(
            day,
            None,
            comparison,
            did.no_effect("no_financials"),
            inf.empty_study(),
            None,
            pd.DataFrame(columns=["month"]),
            spread_table(spread_raw.iloc[0:0]),
            account_changes(skam.iloc[0:0], skam_rows, empty),
            None,
            reason="no_financials",
        )
    monthly = group_monthly(totals, skam_rows, unlisted_rows, window.end)
    comparison = window_figures(monthly, window, skam_n, others_n)
    effect, measured = estimate_effect(skam, skam_rows, unlisted_rows, all_customers, pool_rows)
    r = measured.result
    study = r.study if r is not None else inf.empty_study()
    mti = inf.months_to_improvement(study) if r is not None else None
    changes = account_changes(skam, skam_rows, window)
    return ProfitAnalysis(
        day,
        window,
        comparison,
        effect,
        study,
        mti,
        monthly,
        spread_table(spread_raw),
        changes,
        size_uplift_correlation(changes),
        reason="no_skam_accounts" if skam.empty else None,
        account_effects=r.accounts if r is not None else fe.account_effects([]),
        effect_windows=r.windows if r is not None else {},
        pretrend_p=r.pretrend_p if r is not None else None,
        pretrend_months=r.pretrend_months if r is not None else 0,
    )
