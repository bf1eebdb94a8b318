"""Inference for the SKAM effect (analytics.profit_fe): a wild bootstrap by account, or by placebo for small programmes;
the event study with simultaneous bands, the joint pre-trend test and the effect windows.

* ``wild_bootstrap`` (at least MIN_CLUSTERED accounts): the wild cluster bootstrap with the null imposed (WCR,
  Webb weights) by account, the month effects' estimation variance added; the event study's simultaneous (sup-t)
  band from a Rademacher wild bootstrap-t over accounts, the month effects' noise drawn alongside.
* ``placebo`` (fewer accounts; Conley & Taber 2011): each account's real start date given to never-SKAM customers
  of a similar size; the spread of their estimates is the estimate's spread without an effect. Intervals
  ``[estimate - q97.5, estimate - q2.5]``; the simultaneous band from the placebo paths' studentised maximum.

The pre-trend test is the sup-t test of "all pre-period effects are zero": its p-value is the share of draws
whose largest studentised pre-period effect exceeds the observed one (so it fails exactly when the 95 % band
leaves zero somewhere before the start).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd
from scipy.special import stdtrit  # Student t quantiles (scipy.stats takes seconds to import)

from skam_core.analytics import profit_fe as fe
from skam_core.analytics import wild_bootstrap as wb
from skam_core.analytics.did import HORIZON

# Below this many accounts the placebo interval is used (a wild bootstrap over a handful of accounts has too few
# distinct draws; simulation in tests/unit/test_profit_coverage.py and docs/methodology.md).
MIN_CLUSTERED = 12
DRAWS = 999
WINDOWS = {"0-8": (0, 8), "9-18": (9, 18), "19-24": (19, 24)}
RUN_LENGTH = 3
SEED = 20261201  # fixed: the same data always give the same interval


@dataclass(frozen=True)
class Interval:
    estimate: float | None
    ci_low: float | None
    ci_high: float | None
    std_error: float | None = None

    def as_dict(self, reason: str | None = None) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for key in ("estimate", "ci_low", "ci_high"):
            v = getattr(self, key)
            out[key] = None if v is None or not np.isfinite(v) else round(float(v), 6)
        if out["estimate"] is None or out["ci_low"] is None:
            out["reason"] = reason or "Too few accounts observed in these months for an interval."
        return out


def event_matrix(stacks: list[fe.Stack], horizon: int = HORIZON) -> tuple[np.ndarray, np.ndarray]:
    """Per account and event month -horizon..horizon: the gap relative to the account's pre-period mean (NaN where
    not observed) and the month's revenue (0 where not observed)."""
    k_n = 2 * horizon + 1
    d = np.full((len(stacks), k_n), np.nan)
    w = np.zeros((len(stacks), k_n))
    s = fe.summarise(stacks)
    d[s.codes, s.k + horizon] = s.gap - s.pre_mean[s.codes]
    w[s.codes, s.k + horizon] = s.w
    return d, w


def _pool(d: np.ndarray, w: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Revenue-weighted mean over accounts per event month, and the accounts observed."""
    seen = ~np.isnan(d)
    total = (w * seen).sum(axis=0)
    est = np.where(total > 0, np.nansum(w * np.where(seen, d, 0.0), axis=0) / np.where(total > 0, total, 1), np.nan)
    return est, seen.sum(axis=0)


@dataclass(frozen=True)
class Result:
    inference: str
    effect: Interval
    study: pd.DataFrame  # k, estimate, ci_low, ci_high (simultaneous), accounts
    windows: dict[str, Interval]
    pretrend_p: float | None
    pretrend_months: int
    accounts: pd.DataFrame  # profit_fe.ACCOUNT_COLUMNS


def _study_frame(est: np.ndarray, low: np.ndarray, high: np.ndarray, n: np.ndarray, horizon: int) -> pd.DataFrame:
    k = np.arange(-horizon, horizon + 1)
    keep = n > 0
    return pd.DataFrame(
        {"k": k[keep], "estimate": est[keep], "ci_low": low[keep], "ci_high": high[keep], "accounts": n[keep]}
    ).astype({"k": "int64", "accounts": "int64"})


def _sup_p(observed: np.ndarray, draws: np.ndarray) -> float | None:
    """Share of draws (B x m) whose max |.| reaches the observed max |.| (with the observed counted once)."""
    if observed.size == 0:
        return None
    stat = np.nanmax(np.abs(observed))
    hits = np.sum(np.nanmax(np.abs(draws), axis=1) >= stat)
    return float((1 + hits) / (1 + draws.shape[0]))


def _window_weights(n: np.ndarray, horizon: int) -> dict[str, np.ndarray]:
    k = np.arange(-horizon, horizon + 1)
    out = {}
    for name, (lo, hi) in WINDOWS.items():
        sel = (k >= lo) & (k <= hi) & (n > 0)
        out[name] = sel / sel.sum() if sel.any() else np.zeros(len(k))
    return out


def event_contrasts(stacks: list[fe.Stack], months: int, horizon: int = HORIZON) -> np.ndarray:
    """How each event month's pooled effect reads the month effects (T x event months; see Summary.contrasts)."""
    d, w = event_matrix(stacks, horizon)
    total = (w * ~np.isnan(d)).sum(axis=0)
    share = w / np.where(total > 0, total, 1.0)  # accounts x event months
    s = fe.summarise(stacks)
    out = np.zeros((months, 2 * horizon + 1))
    np.add.at(out, (s.month, s.k + horizon), share[s.codes, s.k + horizon])
    pre = np.zeros((months, len(stacks)))
    before = s.k < 0
    pre[s.month[before], s.codes[before]] = s.w[before] / s.pre_weight[s.codes[before]]
    return out - pre @ share


def wild_bootstrap(stacks: list[fe.Stack], controls: fe.ControlStats, horizon: int = HORIZON) -> Result:
    """Inference from MIN_CLUSTERED accounts on: the effect's interval from the wild cluster bootstrap with the null
    imposed (analytics.wild_bootstrap), the event study's band from a wild bootstrap-t over accounts; both with
    the month effects' estimation variance added (it is shared by all accounts)."""
    g = len(stacks)
    summary = fe.summarise(stacks)
    effects = summary.effect
    _, share = fe.pooled(stacks)
    contrast = summary.contrasts(controls.months) @ share
    est, se, lo, hi = wb.interval(effects, share, float(controls.contrast_variance(contrast[:, None])[0]))
    d, w = event_matrix(stacks, horizon)
    delta, n = _pool(d, w)
    seen = ~np.isnan(d)
    total = (w * seen).sum(axis=0)
    psi = np.where(seen, w * (d - delta), 0.0) / np.where(total > 0, total, 1.0)
    scale = np.sqrt(g / (g - 1))
    control_cov = controls.contrast_cov(event_contrasts(stacks, controls.months, horizon))
    control_var = np.maximum(np.diag(control_cov), 0.0)
    se_k = np.sqrt(scale**2 * (psi**2).sum(axis=0) + control_var)
    valid = (n >= 2) & (se_k > 0)
    rng = np.random.default_rng(SEED)
    signs = rng.choice([-1.0, 1.0], size=(DRAWS, g))
    # Wild bootstrap-t: each draw's effects move by E psi plus a draw of the month effects' noise, and its
    # standard errors are recomputed from the draw's own scores (with few accounts the studentised maximum has
    # heavier tails than a normal one).
    share_k = np.where(seen, w, 0.0) / np.where(total > 0, total, 1.0)
    moved = signs @ psi
    s1 = (psi**2).sum(axis=0)
    cross = signs @ (psi * share_k)
    var = scale**2 * (s1 - 2 * moved * cross + moved**2 * (share_k**2).sum(axis=0)) + control_var
    vals, vecs = np.linalg.eigh(control_cov)
    noise = rng.standard_normal((DRAWS, len(vals))) @ (vecs * np.sqrt(np.maximum(vals, 0.0))).T
    z = ((scale * moved + noise) / np.sqrt(np.maximum(var, 1e-300)))[:, valid]
    crit = float(np.quantile(np.abs(z).max(axis=1), 0.95)) if valid.any() else np.nan
    low = np.where(valid, delta - crit * se_k, np.nan)
    high = np.where(valid, delta + crit * se_k, np.nan)
    k = np.arange(-horizon, horizon + 1)
    pre = valid & (k < 0)
    pre_v = pre[valid]
    pretrend = _sup_p(delta[pre] / se_k[pre], z[:, pre_v]) if pre.any() else None
    tcrit = float(stdtrit(g - 1, 0.975))
    windows = {}
    for name, lw in _window_weights(n, horizon).items():
        if lw.sum() == 0:
            windows[name] = Interval(None, None, None)
            continue
        e = float(np.nansum(lw * delta))
        s = float(np.sqrt(scale**2 * ((psi @ lw) ** 2).sum() + lw @ control_cov @ lw))
        windows[name] = Interval(e, e - tcrit * s, e + tcrit * s, s)
    return Result(
        "wild_bootstrap",
        Interval(est, lo, hi, se),
        _study_frame(delta, low, high, n, horizon),
        windows,
        pretrend,
        int(pre.sum()),
        fe.account_effects(stacks, controls=controls),
    )


def placebo(stacks: list[fe.Stack], pools: list[list[fe.Stack]], horizon: int = HORIZON) -> Result:
    """``pools[j]``: stacks of never-SKAM customers given account j's start date (same months, same horizon)."""
    rng = np.random.default_rng(SEED)
    est, share = fe.pooled(stacks)
    d, w = event_matrix(stacks, horizon)
    delta, n = _pool(d, w)
    k_n = 2 * horizon + 1
    num = np.zeros((DRAWS, k_n))
    den = np.zeros((DRAWS, k_n))
    tau = np.zeros(DRAWS)
    accounts = fe.account_effects(stacks)
    lows, highs, ses = [], [], []
    for j, pool in enumerate(pools):
        p_tau = fe.summarise(pool).effect
        p_d, _ = event_matrix(pool, horizon)
        pick = rng.integers(0, len(pool), size=DRAWS)
        tau += share[j] * p_tau[pick]
        chosen = p_d[pick]
        seen = ~np.isnan(chosen) & (w[j] > 0)
        num += np.where(seen, chosen, 0.0) * w[j]
        den += seen * w[j]
        q_lo, q_hi = np.quantile(p_tau, [0.025, 0.975])
        lows.append(accounts.loc[j, "estimate"] - q_hi)
        highs.append(accounts.loc[j, "estimate"] - q_lo)
        ses.append(float(np.std(p_tau, ddof=1)))
    accounts["ci_low"], accounts["ci_high"], accounts["std_error"] = lows, highs, ses
    paths = np.where(den > 0, num / np.where(den > 0, den, 1.0), np.nan)
    centre, se_k = np.full(k_n, np.nan), np.zeros(k_n)
    drawn = (~np.isnan(paths)).sum(axis=0) >= 2
    centre[drawn] = np.nanmean(paths[:, drawn], axis=0)
    se_k[drawn] = np.nanstd(paths[:, drawn], axis=0, ddof=1)
    valid = (n >= 1) & (se_k > 0)
    z = (paths[:, valid] - centre[valid]) / se_k[valid]
    crit = float(np.nanquantile(np.nanmax(np.abs(z), axis=1), 0.95)) if valid.any() else np.nan
    low = np.where(valid, delta - crit * se_k, np.nan)
    high = np.where(valid, delta + crit * se_k, np.nan)
    k = np.arange(-horizon, horizon + 1)
    pre = valid & (k < 0)
    pretrend = _sup_p((delta[pre] - centre[pre]) / se_k[pre], z[:, pre[valid]]) if pre.any() else None
    t_lo, t_hi = np.quantile(tau, [0.025, 0.975])
    windows = {}
    for name, lw in _window_weights(n, horizon).items():
        if lw.sum() == 0:
            windows[name] = Interval(None, None, None)
            continue
        e = float(np.nansum(lw * delta))
        draws = np.nansum(lw * paths, axis=1)
        q_lo, q_hi = np.quantile(draws, [0.025, 0.975])
        windows[name] = Interval(e, e - q_hi, e - q_lo, float(np.std(draws, ddof=1)))
    return Result(
        "placebo",
        Interval(est, est - t_hi, est - t_lo, float(np.std(tau, ddof=1))),
        _study_frame(delta, low, high, n, horizon),
        windows,
        pretrend,
        int(pre.sum()),
        accounts,
    )


def empty_study() -> pd.DataFrame:
    """The event study's columns without rows (nothing to estimate)."""
    cols = {"k": "int64", "estimate": "float64", "ci_low": "float64", "ci_high": "float64", "accounts": "int64"}
    return pd.DataFrame({c: pd.Series(dtype=t) for c, t in cols.items()})


def months_to_improvement(study: pd.DataFrame, run: int = RUN_LENGTH) -> int | None:
    """The first month k >= 0 from which the simultaneous band lies above zero for ``run`` consecutive months."""
    above = {int(k): bool(lo > 0) for k, lo in zip(study["k"], study["ci_low"], strict=True) if pd.notna(lo)}
    for k in sorted(x for x in above if x >= 0):
        if all(above.get(k + j, False) for j in range(run)):
            return k
    return None
