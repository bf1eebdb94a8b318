"""The measured SKAM effect: a stacked difference-in-differences on monthly relative operating profit.

Design (DESIGN.md, "Profit comparison"; docs/methodology.md explains it for finance readers):

* For each SKAM account a *stack*: its months from 24 before to 24 after the month of its SKAM start (the start
  month counts as after), together with every never-SKAM customer over the same months.
* Two-way fixed effects within each stack (customer and month), one coefficient for "SKAM account, after start";
  95 % confidence intervals from standard errors clustered by customer.

The control customers are the same in every stack, so the estimator does not need them row by row. In a stack
with one treated account, the month effects are pinned down by the controls; what the regression uses from them
is their mean margin per month. For a balanced panel the stacked two-way regression's coefficient equals the
regression of the *gap* ``margin(account, month) - mean margin(controls, month)`` on a stack effect and the
after-start indicator (tests/unit/test_profit_did.py checks this against the full stacked regression). So the
controls enter as one monthly series computed once in DuckDB, and nothing of size stacks x customers is built.

The regressions are statsmodels OLS with cluster-robust covariance (CRV1, t distribution with G - 1 degrees of
freedom, G = number of accounts). The stack effects are absorbed by demeaning within stack, as reghdfe and
linearmodels do; they are nested in the clusters and so not counted in the small-sample correction.
"""

from __future__ import annotations

import ctypes
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import numpy as np
import pandas as pd

HORIZON = 24  # months before and after the start that a stack covers
REFERENCE_MONTH = -1  # the event study's effects are relative to the month before the start
MIN_ACCOUNTS = 2  # clustered standard errors need at least two accounts
RUN_LENGTH = 3  # months_to_improvement: consecutive months with the interval above zero
EXPECTED_MONTHS = (9, 18)  # the method's expectation for clear improvement

# Why there is no estimate (the CLI prints the English text, the page translates the code).
REASONS = {
    "no_financials": "There are no financial figures (known at the as-of date).",
    "no_skam_accounts": "There are no SKAM accounts (no customer has a SKAM start on or before the as-of date).",
    "no_controls": "There are no other customers with revenue to compare with.",
    "no_pre_post": "No SKAM account has months with revenue both before and after its start.",
    "no_placebo": "Too few other customers of a similar size to build the placebo interval a programme of fewer "
    "than twelve accounts needs.",
    "too_few_accounts": "Fewer than two SKAM accounts have months with revenue both before and after their start; "
    "an interval clustered by customer needs at least two.",
}


@dataclass(frozen=True)
class Effect:
    """The pooled effect of SKAM on the monthly margin (0.02 = two percentage points), with its 95 % interval."""

    estimate: float | None
    ci_low: float | None
    ci_high: float | None
    std_error: float | None = None
    accounts: int = 0  # SKAM accounts that inform the estimate
    observations: int = 0  # account-months used
    reason: str | None = None  # a REASONS key when there is no estimate
    inference: str | None = None  # clustered | placebo (analytics.profit_inference)
    estimand: str | None = None  # a short name, explained in docs/methodology.md

    @property
    def available(self) -> bool:
        return self.estimate is not None

    def as_dict(self) -> dict:
        out = {
            "estimate": self.estimate,
            "ci_low": self.ci_low,
            "ci_high": self.ci_high,
            "std_error": self.std_error,
            "accounts": self.accounts,
            "inference": self.inference,
            "estimand": self.estimand,
        }
        if self.reason is not None:
            out["reason"] = REASONS[self.reason]
        return out


def no_effect(reason: str) -> Effect:
    return Effect(None, None, None, reason=reason)


def month_index(months) -> np.ndarray:
    """Months (dates, datetimes or datetime64) as consecutive integers: months since 1970-01."""
    values = np.asarray(months)
    if values.dtype.kind != "M":
        values = pd.to_datetime(pd.Series(values)).to_numpy()
    return values.astype("datetime64[M]").astype("int64")


_STACK_COLUMNS = ["stack", "month", "k", "post", "margin", "control_margin", "gap"]


def build_stacks(
    treated: pd.DataFrame, starts: pd.Series, controls: pd.DataFrame, *, horizon: int = HORIZON
) -> pd.DataFrame:
    """One row per SKAM account and month of its stack (months with revenue only).

    ``treated``: customer_id, month, margin — the SKAM accounts' months with revenue > 0.
    ``starts``: customer_id -> SKAM start (any day; its month is event month 0).
    ``controls``: month, control_margin — the never-SKAM customers' mean margin per month (months with revenue).
    Returns stack (customer_id), month, k (months since start), post, margin, control_margin, gap; sorted by
    stack and k.
    """
    if treated.empty or controls.empty or starts.empty:
        return pd.DataFrame({c: pd.Series(dtype="float64") for c in _STACK_COLUMNS})
    ids = np.asarray(treated["customer_id"].to_numpy(), dtype=object)
    where = pd.Index(np.asarray(starts.index, dtype=object)).get_indexer(ids)
    start_m = np.where(where >= 0, month_index(starts.to_numpy())[where].astype("float64"), np.nan)
    m = month_index(treated["month"].to_numpy())
    margin = treated["margin"].to_numpy(dtype="float64")
    k = m - start_m
    c_months = month_index(controls["month"].to_numpy())
    c_margin = controls["control_margin"].to_numpy(dtype="float64")
    pos = np.searchsorted(c_months, m)
    pos_ok = pos < len(c_months)
    matched = np.zeros(len(m), dtype=bool)
    matched[pos_ok] = c_months[pos[pos_ok]] == m[pos_ok]
    ctrl = np.full(len(m), np.nan)
    ctrl[matched] = c_margin[pos[matched]]
    keep = ~np.isnan(k) & (np.abs(np.nan_to_num(k, nan=1e9)) <= horizon) & np.isfinite(margin) & np.isfinite(ctrl)
    kk = k[keep].astype("int64")
    out = pd.DataFrame(
        {
            "stack": ids[keep],
            "month": (m[keep].astype("datetime64[M]")).astype("datetime64[us]"),
            "k": kk,
            "post": (kk >= 0).astype("float64"),
            "margin": margin[keep],
            "control_margin": ctrl[keep],
        }
    )
    out["gap"] = out["margin"] - out["control_margin"]
    return out.sort_values(["stack", "k"], kind="stable").reset_index(drop=True)


def _codes(stack: pd.Series) -> tuple[np.ndarray, int]:
    codes, uniques = pd.factorize(np.asarray(stack, dtype=object), sort=True)
    return codes.astype("int64"), len(uniques)


def _demean(values: np.ndarray, codes: np.ndarray, groups: int) -> np.ndarray:
    """Within-stack deviations of each column: absorbs one fixed effect per stack (Frisch-Waugh-Lovell)."""
    counts = np.bincount(codes, minlength=groups).astype("float64")
    if values.ndim == 1:
        return values - (np.bincount(codes, weights=values, minlength=groups) / counts)[codes]
    means = (
        np.column_stack([np.bincount(codes, weights=values[:, j], minlength=groups) for j in range(values.shape[1])])
        / counts[:, None]
    )
    return values - means[codes]


@cache
def _blas_thread_setter():
    """numpy's bundled OpenBLAS function that sets the BLAS threads of the calling thread only (None if absent)."""
    libs = Path(np.__file__).parent.parent / "numpy.libs"
    for lib in sorted(libs.glob("*openblas*")) if libs.is_dir() else []:
        try:
            fn = ctypes.CDLL(str(lib)).openblas_set_num_threads_local
        except (OSError, AttributeError):
            continue
        fn.argtypes, fn.restype = [ctypes.c_int], ctypes.c_int
        return fn
    return None


_blas_lock = threading.Lock()


@contextmanager
def single_threaded_blas() -> Iterator[None]:
    """Fit with one BLAS thread in this thread. The regressions are small (a few thousand rows); on a busy
    two-core server OpenBLAS's worker threads compete with DuckDB and the other sessions, and a fit that takes
    20 ms alone took ten times as long (measured by the benchmark). Other threads keep their setting."""
    setter = _blas_thread_setter()
    if setter is None:
        yield
        return
    with _blas_lock:
        previous = setter(1)
    try:
        yield
    finally:
        with _blas_lock:
            setter(previous)


def _fit(y: np.ndarray, x: np.ndarray, groups: np.ndarray):
    from statsmodels.regression.linear_model import OLS  # heavy import: only when there is something to fit

    with single_threaded_blas():
        res = OLS(y, x, hasconst=False).fit(cov_type="cluster", cov_kwds={"groups": groups}, use_t=True)
        with np.errstate(invalid="ignore"):  # a coefficient seen in one cluster only: NaN, not a warning
            res.bse  # noqa: B018 - computed (and cached) here, where the warning is silenced
            res.conf_int(alpha=0.05)
    return res


def informative(stacks: pd.DataFrame) -> pd.DataFrame:
    """The rows of stacks that have months both before and after their start (only they inform the effect)."""
    if stacks.empty:
        return stacks
    codes, g = _codes(stacks["stack"])
    post = stacks["post"].to_numpy(dtype="float64")
    n_post = np.bincount(codes, weights=post, minlength=g)
    n_all = np.bincount(codes, minlength=g)
    both = (n_post > 0) & (n_post < n_all)
    return stacks[both[codes]]


def did_effect(stacks: pd.DataFrame) -> Effect:
    """Pooled difference-in-differences over all stacks: gap after start minus gap before, with a stack effect."""
    if stacks.empty:
        return no_effect("no_pre_post")
    use = informative(stacks)
    if use.empty:
        return no_effect("no_pre_post")
    codes, g = _codes(use["stack"])
    if g < MIN_ACCOUNTS:
        return no_effect("too_few_accounts")
    y = _demean(use["gap"].to_numpy(dtype="float64"), codes, g)
    x = _demean(use["post"].to_numpy(dtype="float64"), codes, g)
    res = _fit(y, x[:, None], codes)
    lo, hi = res.conf_int(alpha=0.05)[0]
    return Effect(
        float(res.params[0]),
        float(lo),
        float(hi),
        std_error=float(res.bse[0]),
        accounts=int(g),
        observations=len(use),
    )


def event_study(stacks: pd.DataFrame, *, horizon: int = HORIZON) -> pd.DataFrame:
    """Effect by month since start relative to month -1, with its 95 % interval and the accounts observed.

    Columns: k, estimate, ci_low, ci_high, accounts. Month -1 is the reference (0 by construction). A month
    observed for fewer than MIN_ACCOUNTS accounts gets no interval (one account cannot show a spread).
    """
    cols = {"k": "int64", "estimate": "float64", "ci_low": "float64", "ci_high": "float64", "accounts": "int64"}
    empty = pd.DataFrame({c: pd.Series(dtype=t) for c, t in cols.items()})
    if stacks.empty:
        return empty
    codes, g = _codes(stacks["stack"])
    k = stacks["k"].to_numpy(dtype="int64")
    keep = (np.bincount(codes, minlength=g)[codes] >= 2) & (np.abs(k) <= horizon)
    codes, k = codes[keep], k[keep]
    codes, g = _codes(pd.Series(codes))  # renumber the stacks that are left
    if g < MIN_ACCOUNTS or not (k == REFERENCE_MONTH).any():
        return empty
    ks = np.array(sorted(set(k.tolist()) - {REFERENCE_MONTH}), dtype="int64")
    col = np.searchsorted(ks, k)
    x = np.zeros((len(k), len(ks)))
    rows = np.flatnonzero(k != REFERENCE_MONTH)
    x[rows, col[rows]] = 1.0
    x = _demean(x, codes, g)
    informs = np.abs(x).max(axis=0) > 1e-12
    y = _demean(stacks["gap"].to_numpy(dtype="float64")[keep], codes, g)
    res = _fit(y, x[:, informs], codes)
    ci = res.conf_int(alpha=0.05)
    out_k = np.concatenate([[REFERENCE_MONTH], ks[informs]])
    order = np.argsort(out_k)
    accounts = np.bincount(k - k.min(), minlength=int(k.max() - k.min() + 1))[out_k - k.min()]
    out = pd.DataFrame(
        {
            "k": out_k[order],
            "estimate": np.concatenate([[0.0], res.params])[order],
            "ci_low": np.concatenate([[0.0], ci[:, 0]])[order],
            "ci_high": np.concatenate([[0.0], ci[:, 1]])[order],
            "accounts": accounts[order],
        }
    )
    thin = (out["accounts"].to_numpy() < MIN_ACCOUNTS) & (out["k"].to_numpy() != REFERENCE_MONTH)
    out.loc[thin, ["ci_low", "ci_high"]] = np.nan
    return out.astype(cols)


def months_to_improvement(study: pd.DataFrame, *, run: int = RUN_LENGTH) -> int | None:
    """The first month k >= 0 from which the 95 % interval lies above zero for ``run`` consecutive months."""
    if study.empty:
        return None
    above = {int(k): bool(lo > 0) for k, lo in zip(study["k"], study["ci_low"], strict=True) if pd.notna(lo)}
    for k in sorted(x for x in above if x >= 0):
        if all(above.get(k + j, False) for j in range(run)):
            return k
    return None
