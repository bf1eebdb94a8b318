"""The SKAM effect with fixed-effect controls and revenue weights (DESIGN.md, "Profit comparison", Extension).

Outcome: the monthly relative operating profit ``y = operating_profit / revenue`` of a customer, weighted by the
month's revenue ``w`` (months with revenue <= 0 carry no weight and are left out). A revenue-weighted mean of ``y``
is a ratio of sums (sum of profit / sum of revenue), so a 10 EUR credit-note month weighs 10 EUR, not one month.

Controls: a weighted fit ``y_it = a_i + b_t`` on the never-SKAM customers (customer and month fixed effects).
Eliminating the customer effects leaves the normal equations ``A b = r`` with, over control customers i,

    A = diag(sum_i w_it) - sum_i w_i w_i' / W_i,    r_t = sum_i p_it - sum_i w_it P_i / W_i

(``W_i``, ``P_i``: the customer's revenue and profit over all its months; ``p`` = profit). These are sums over
customers, so DuckDB keeps them for all customers (storage.queries.profit_fe) and the SKAM accounts' and
unlisted customers' own parts are taken off here: exact, with T x T numbers, never a customers x stacks table.

Per SKAM account j (its *stack*: months -24..24 around its start, start month = 0): the account enters the fit
as two units, before and after its start, and ``b`` is solved with it. The account's effect is then

    tau_j = wmean_post(y_jt - b_t) - wmean_pre(y_jt - b_t)

which is exactly the coefficient of ``post`` in the revenue-weighted two-way fixed-effects regression of the
account and the control customers (tests/unit/test_profit_fe.py checks it against pyfixest).

The month effects are estimated: ``b - b_true = A^+ sum_i g_i`` with each control customer's score
``g_it = w_it (y_it - a_i - b_t)``. So an effect that reads the month effects through a contrast ``c`` (T,) carries
the control side's variance ``c' A^+ M A^+ c`` with ``M = sum_i g_i g_i'`` (clustered by customer), the ``meat``
kept beside the gram (residuals from the all-customer fit: the SKAM accounts' part is taken off like the rest).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

import numpy as np
import pandas as pd
from scipy.special import stdtrit  # Student t quantiles (scipy.stats takes seconds to import)

from skam_core.analytics.blas import single_threaded_blas
from skam_core.analytics.did import HORIZON, month_index


@dataclass(frozen=True)
class ControlStats:
    """The never-SKAM customers' sufficient statistics for the month effects, months ``first``..first+T-1."""

    first: int  # month index (months since 1970-01) of position 0
    revenue: np.ndarray  # (T,) sum of revenue per month
    gram: np.ndarray  # (T, T) sum_i w_i w_i' / W_i
    adjusted: np.ndarray  # (T,) sum_i w_it P_i / W_i
    profit: np.ndarray  # (T,) sum of profit per month
    meat: np.ndarray  # (T, T) sum_i g_i g_i' (scores with the all-customer month effects)

    @property
    def months(self) -> int:
        return len(self.revenue)

    def minus(self, other: ControlStats) -> ControlStats:
        return ControlStats(
            self.first,
            self.revenue - other.revenue,
            self.gram - other.gram,
            self.adjusted - other.adjusted,
            self.profit - other.profit,
            self.meat - other.meat,
        )

    def month_effects(self) -> np.ndarray:
        """b (T,), up to a constant; NaN in months without control revenue."""
        return solve_month_effects(self.revenue, self.gram, self.profit - self.adjusted)

    def _solved(self, contrasts: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """x = A^+ c for the contrasts (T x n) over the months with control revenue, and M over those months."""
        has = self.revenue > 1e-9
        c = contrasts[has]
        x = np.zeros_like(c)
        if has.sum() >= 2:
            a = (np.diag(self.revenue) - self.gram)[np.ix_(has, has)]
            try:  # the same pinned first month as the month effects (c sums to 0, so the pin does not matter)
                x[1:] = np.linalg.solve(a[1:, 1:], c[1:])
            except np.linalg.LinAlgError:
                x = np.linalg.lstsq(a, c, rcond=None)[0]
        return x, self.meat[np.ix_(has, has)]

    def contrast_variance(self, contrasts: np.ndarray) -> np.ndarray:
        """Per column c of ``contrasts`` (T x n, each summing to 0): the variance of c'b from the month effects'
        estimation, clustered by control customer (c' A^+ M A^+ c)."""
        x, meat = self._solved(contrasts)
        return np.maximum(np.einsum("tn,tn->n", x, meat @ x), 0.0)

    def contrast_cov(self, contrasts: np.ndarray) -> np.ndarray:
        """The covariance matrix (n x n) of the contrasts' c'b (see contrast_variance)."""
        x, meat = self._solved(contrasts)
        return x.T @ meat @ x


def _positive(rows: pd.DataFrame) -> pd.DataFrame:
    return rows[rows["revenue"].to_numpy(dtype="float64") > 0]


def stats_from_arrays(
    codes: np.ndarray,
    m: np.ndarray,
    w: np.ndarray,
    p: np.ndarray,
    first: int,
    months: int,
    effects: np.ndarray | None = None,
) -> ControlStats:
    """The statistics of customers given row by row (codes 0..n-1, month positions 0..months-1, w > 0).
    ``effects``: the month effects the scores of ``meat`` are taken at (the all-customer fit's); without them
    the meat is left at zero. The products are small (the SKAM accounts' and unlisted customers' months): one
    BLAS thread (analytics.blas; with several, on a busy machine they waited tens of milliseconds for each other).
    """
    with single_threaded_blas():
        return _stats_from_arrays(codes, m, w, p, first, months, effects)


def _stats_from_arrays(
    codes: np.ndarray,
    m: np.ndarray,
    w: np.ndarray,
    p: np.ndarray,
    first: int,
    months: int,
    effects: np.ndarray | None,
) -> ControlStats:
    ok = (m >= 0) & (m < months) & (w > 0)
    codes, m, w, p = codes[ok], m[ok], w[ok], p[ok]
    gram = np.zeros((months, months))
    if len(codes) == 0:
        z = np.zeros(months)
        return ControlStats(first, z, gram, z.copy(), z.copy(), gram.copy())
    _, codes = np.unique(codes, return_inverse=True)
    n = int(codes.max()) + 1
    big_w = np.bincount(codes, weights=w, minlength=n)
    big_p = np.bincount(codes, weights=p, minlength=n)
    u = np.zeros((n, months))
    u[codes, m] = w / np.sqrt(big_w[codes])
    gram = u.T @ u
    meat = np.zeros((months, months))
    if effects is not None:
        b = np.nan_to_num(effects[m])
        level = (big_p - np.bincount(codes, weights=w * b, minlength=n)) / big_w  # the customer effects a_i
        u[:] = 0.0
        u[codes, m] = p - w * (level[codes] + b)
        meat = u.T @ u
    return ControlStats(
        first,
        np.bincount(m, weights=w, minlength=months),
        gram,
        np.bincount(m, weights=w * big_p[codes] / big_w[codes], minlength=months),
        np.bincount(m, weights=p, minlength=months),
        meat,
    )


def stats_of_rows(rows: pd.DataFrame, first: int, months: int, effects: np.ndarray | None = None) -> ControlStats:
    """The statistics of customers' monthly rows (customer_id, month, revenue, operating_profit); ``effects`` as
    in stats_from_arrays."""
    rows = _positive(rows)
    codes = pd.factorize(np.asarray(rows["customer_id"], dtype=object))[0]
    m = month_index(rows["month"].to_numpy()) - first if len(rows) else np.zeros(0, dtype="int64")
    return stats_from_arrays(
        codes,
        m,
        rows["revenue"].to_numpy(dtype="float64"),
        rows["operating_profit"].to_numpy(dtype="float64"),
        first,
        months,
        effects,
    )


def solve_month_effects(revenue: np.ndarray, gram: np.ndarray, rhs: np.ndarray) -> np.ndarray:
    """Month effects from the normal equations (normalised to mean 0 over the months that have revenue)."""
    has = revenue > 1e-9
    b = np.full(len(revenue), np.nan)
    if has.sum() == 0:
        return b
    a = np.diag(revenue) - gram
    sub, right = a[np.ix_(has, has)], rhs[has]
    sol = np.zeros(len(right))
    try:  # the first month pinned at 0 makes the system regular when the months are connected through customers
        sol[1:] = np.linalg.solve(sub[1:, 1:], right[1:])
    except np.linalg.LinAlgError:
        sol = np.linalg.lstsq(sub, right, rcond=None)[0]
    b[has] = sol - sol.mean()
    return b


ACCOUNT_COLUMNS = {
    "customer_id": "object",
    "estimate": "float64",
    "std_error": "float64",
    "ci_low": "float64",
    "ci_high": "float64",
    "months_before": "int64",
    "months_after": "int64",
}


@dataclass(frozen=True)
class Stack:
    """One account's months in its stack, with the gaps to the month effects solved with it."""

    customer_id: str
    k: np.ndarray  # months since start
    w: np.ndarray  # revenue
    gap: np.ndarray  # y - b_t
    month: np.ndarray  # month positions

    @property
    def pre(self) -> np.ndarray:
        return self.k < 0

    @cached_property
    def _means(self) -> tuple[float, float]:
        pre, post = self.pre, ~self.pre
        return (
            float(np.average(self.gap[pre], weights=self.w[pre])),
            float(np.average(self.gap[post], weights=self.w[post])),
        )

    def means(self) -> tuple[float, float]:
        """Revenue-weighted mean gap before and after the start."""
        return self._means

    @property
    def effect(self) -> float:
        before, after = self.means()
        return after - before


def build_stacks(
    treated: pd.DataFrame, starts: pd.Series, controls: ControlStats, *, horizon: int = HORIZON, own: bool = True
) -> list[Stack]:
    """Each SKAM account with months both before and after its start (within ``horizon``), its month effects
    solved with the account as two extra units (before and after start): exact stacked TWFE per account.
    ``own=False`` (placebo customers, who are among the controls already): the controls' month effects as they are."""
    rows = _positive(treated)
    if rows.empty or controls.months == 0:
        return []
    kept = _stack_rows(rows, starts, controls, horizon)
    if own:
        effects = _own_month_effects(controls, kept)
    else:
        effects = np.broadcast_to(controls.month_effects(), (len(kept.ids), controls.months))
    gap = kept.p / kept.w - effects[kept.code, kept.m]
    b = kept.bounds
    return [
        Stack(cid, kept.k[b[j] : b[j + 1]], kept.w[b[j] : b[j + 1]], gap[b[j] : b[j + 1]], kept.m[b[j] : b[j + 1]])
        for j, cid in enumerate(kept.ids)
    ]


@dataclass(frozen=True)
class _StackRows:
    """The months that enter the stacks, stack after stack (each account's rows in their given order)."""

    ids: list[str]  # per stack: the account
    bounds: np.ndarray  # (stacks + 1,): stack j's rows are bounds[j]:bounds[j + 1]
    code: np.ndarray  # per row: its stack
    k: np.ndarray  # months since start
    w: np.ndarray  # revenue
    p: np.ndarray  # operating profit
    m: np.ndarray  # month positions


def _stack_rows(rows: pd.DataFrame, starts: pd.Series, controls: ControlStats, horizon: int) -> _StackRows:
    """The rows (revenue > 0) of the accounts with a start and months both before and after it, within the horizon
    and in months with control revenue. Masks over all rows at once: a loop over hundreds of accounts cost tens
    of milliseconds of the candidates view."""
    has_controls = controls.revenue > 1e-9
    start_m = dict(zip(starts.index, month_index(starts.to_numpy()), strict=True))
    # Accounts in order of first appearance, as a group-by without sorting gives them.
    codes, accounts = pd.factorize(np.asarray(rows["customer_id"], dtype=object))
    known = np.array([c in start_m for c in accounts], dtype=bool)
    start = np.array([start_m.get(c, 0) for c in accounts], dtype="int64")
    m_all = month_index(rows["month"].to_numpy()) - controls.first
    k_all = m_all + controls.first - start[codes]
    ok = known[codes] & (np.abs(k_all) <= horizon) & (m_all >= 0) & (m_all < controls.months)
    ok[ok] &= has_controls[m_all[ok]]
    post = k_all >= 0
    n = len(accounts)
    both = (np.bincount(codes[ok & post], minlength=n) > 0) & (np.bincount(codes[ok & ~post], minlength=n) > 0)
    keep = np.flatnonzero(ok & both[codes])
    keep = keep[np.argsort(codes[keep], kind="stable")]  # stack by stack, each account's rows in their order
    stack_of = np.cumsum(both) - 1
    code = stack_of[codes[keep]]
    sizes = np.bincount(code, minlength=int(both.sum()))
    return _StackRows(
        [str(c) for c in accounts[both]],
        np.concatenate([[0], np.cumsum(sizes)]),
        code,
        k_all[keep].astype("int64"),
        rows["revenue"].to_numpy(dtype="float64")[keep],
        rows["operating_profit"].to_numpy(dtype="float64")[keep],
        m_all[keep],
    )


def _own_month_effects(controls: ControlStats, kept: _StackRows) -> np.ndarray:
    """Per account (rows): the month effects solved with the account as two extra units, before and after its
    start, all accounts in one batched solve (same normal equations as solve_month_effects). The diagonals and
    right-hand sides are filled for all accounts at once, the units' products unit by unit; element by element
    the operations are those of the loop over the accounts (the same bits: tests/unit/test_profit_stacks.py keeps
    that loop as the reference)."""
    t = controls.months
    has = controls.revenue > 1e-9
    g = len(kept.ids)
    out = np.full((g, t), np.nan)
    if g == 0 or has.sum() == 0:
        return out
    a = np.repeat((np.diag(controls.revenue) - controls.gram)[None], g, axis=0)
    rhs = np.repeat((controls.profit - controls.adjusted)[None], g, axis=0)
    flat = a.reshape(-1)  # a view: flat indices are cheaper to scatter into than (account, month, month)
    flat[kept.code * (t * t) + kept.m * (t + 1)] += kept.w  # each account's months on its diagonal
    rhs[kept.code, kept.m] += kept.p
    # Each account's two units (before, after its start): their months' revenue products over the unit's revenue.
    unit = kept.code * 2 + (kept.k >= 0)
    order = np.argsort(unit, kind="stable")
    unit, code, m, w, p = unit[order], kept.code[order], kept.m[order], kept.w[order], kept.p[order]
    ends = np.cumsum(np.bincount(unit, minlength=2 * g))
    starts = ends - np.bincount(unit, minlength=2 * g)
    # A unit whose months follow one another is a square block of its account's system: a slice, far cheaper
    # than indexing each pair (the loop over the accounts' units costs microseconds each).
    steps = np.flatnonzero((np.diff(m) != 1) & (unit[1:] == unit[:-1]))
    gaps = np.bincount(unit[steps + 1], minlength=2 * g) > 0
    unit_w, unit_p = np.zeros(2 * g), np.zeros(2 * g)
    for u, lo, hi, gap in zip(range(2 * g), starts.tolist(), ends.tolist(), gaps.tolist(), strict=True):
        if lo == hi:
            continue
        wp = w[lo:hi]
        # Summed on their own: numpy's pairwise sum of the unit's months, as w[part].sum() did one by one.
        total = unit_w[u] = wp.sum()
        unit_p[u] = p[lo:hi].sum()
        block = np.multiply.outer(wp, wp) / total  # np.outer's products, without its wrapper
        if gap:
            a[u // 2, m[lo:hi, None], m[None, lo:hi]] -= block
        else:
            first, last = m[lo], m[hi - 1] + 1
            a[u // 2, first:last, first:last] -= block
    rhs[code, m] -= w * unit_p[unit] / unit_w[unit]
    idx = np.flatnonzero(has)
    # With every month: the same numbers without the copy (the solve copies its input into its own layout).
    sub = a if len(idx) == t else a[:, idx[:, None], idx[None, :]]
    vec = rhs[:, idx]  # column-major, as this indexing returns it: the mean below sums in its order
    sol = np.zeros_like(vec)
    try:  # the first month pinned at 0, as in solve_month_effects
        sol[:, 1:] = np.linalg.solve(sub[:, 1:, 1:], vec[:, 1:, None])[..., 0]
    except np.linalg.LinAlgError:
        sol = np.stack([np.linalg.lstsq(x, y, rcond=None)[0] for x, y in zip(sub, vec, strict=True)])
    out[:, idx] = sol - sol.mean(axis=1, keepdims=True)
    return out


@dataclass(frozen=True)
class Summary:
    """All stacks' per-account figures at once (vectorised over the concatenated months; placebo pools hold
    hundreds of stacks)."""

    codes: np.ndarray  # per month row: the stack's position
    k: np.ndarray
    w: np.ndarray
    gap: np.ndarray
    month: np.ndarray
    pre_mean: np.ndarray  # per stack: revenue-weighted mean gap before the start
    post_mean: np.ndarray
    pre_weight: np.ndarray
    post_weight: np.ndarray
    n_pre: np.ndarray
    n_post: np.ndarray

    @property
    def effect(self) -> np.ndarray:
        return self.post_mean - self.pre_mean

    def std_error(self) -> np.ndarray:
        """Per stack: the heteroskedasticity-robust standard error of the difference of the two weighted means
        (the months taken as independent given the month effects); NaN with a single month on a side."""
        pre = self.k < 0
        mean = np.where(pre, self.pre_mean[self.codes], self.post_mean[self.codes])
        sq = (self.w * (self.gap - mean)) ** 2
        g = len(self.pre_mean)
        var = np.zeros(g)
        for part, n, total in ((pre, self.n_pre, self.pre_weight), (~pre, self.n_post, self.post_weight)):
            s2 = np.bincount(self.codes[part], weights=sq[part], minlength=g)
            with np.errstate(divide="ignore", invalid="ignore"):
                var += np.where(n >= 2, n / np.maximum(n - 1, 1) * s2 / total**2, np.nan)
        return np.sqrt(var)

    def contrasts(self, months: int) -> np.ndarray:
        """How each stack's effect reads the month effects (months x stacks): effect = (its own months' part) -
        c'b, with c its revenue shares after minus before the start (each column sums to 0)."""
        pre = self.k < 0
        out = np.zeros((months, len(self.pre_mean)))
        out[self.month, self.codes] = np.where(
            pre, -self.w / self.pre_weight[self.codes], self.w / self.post_weight[self.codes]
        )
        return out


def summarise(stacks: list[Stack]) -> Summary:
    g = len(stacks)
    lengths = np.array([len(s.k) for s in stacks], dtype="int64")
    codes = np.repeat(np.arange(g), lengths)

    def cat(name: str) -> np.ndarray:
        return np.concatenate([getattr(s, name) for s in stacks]) if stacks else np.zeros(0)

    k, w, gap, month = cat("k").astype("int64"), cat("w"), cat("gap"), cat("month").astype("int64")
    pre = k < 0
    pre_w = np.bincount(codes[pre], weights=w[pre], minlength=g)
    post_w = np.bincount(codes[~pre], weights=w[~pre], minlength=g)
    with np.errstate(divide="ignore", invalid="ignore"):
        pre_mean = np.bincount(codes[pre], weights=(w * gap)[pre], minlength=g) / pre_w
        post_mean = np.bincount(codes[~pre], weights=(w * gap)[~pre], minlength=g) / post_w
    n_pre = np.bincount(codes[pre], minlength=g)
    return Summary(codes, k, w, gap, month, pre_mean, post_mean, pre_w, post_w, n_pre, lengths - n_pre)


def account_effects(stacks: list[Stack], level: float = 0.95, controls: ControlStats | None = None) -> pd.DataFrame:
    """Per account: its effect, standard error and interval (t with n_pre + n_post - 2 degrees of freedom); with
    ``controls``, the month effects' own variance is added to each account's."""
    summary = summarise(stacks)
    est, se = summary.effect, summary.std_error()
    if controls is not None and stacks:
        se = np.sqrt(se**2 + controls.contrast_variance(summary.contrasts(controls.months)))
    n_pre, n_post = summary.n_pre, summary.n_post
    df = n_pre + n_post - 2
    ok = np.isfinite(se) & (df > 0)
    half = np.full(len(stacks), np.nan)
    if ok.any():
        half[ok] = stdtrit(df[ok], 0.5 + level / 2) * se[ok]
    columns = {
        "customer_id": [s.customer_id for s in stacks],
        "estimate": est,
        "std_error": se,
        "ci_low": est - half,
        "ci_high": est + half,
        "months_before": n_pre,
        "months_after": n_post,
    }
    # Each column made in its type (what astype(ACCOUNT_COLUMNS) gave, without its conversions of every column).
    return pd.DataFrame({c: pd.Series(columns[c], dtype=t) for c, t in ACCOUNT_COLUMNS.items()})


def pooled(stacks: list[Stack]) -> tuple[float, np.ndarray]:
    """The estimand: the revenue-weighted mean effect over the SKAM account-months after start, and each account's
    weight (its revenue after start)."""
    summary = summarise(stacks)
    weights = summary.post_weight
    return float(np.sum(weights * summary.effect) / weights.sum()), weights / weights.sum()
