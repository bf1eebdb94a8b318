"""The stacks are built for all accounts at once (masks and one scatter instead of a loop over the accounts):
each stack's months, gaps and month effects must be those of the loop one account at a time, to the last bit,
on panels whose rows come in any order and with accounts without a start or without months on both sides. The
informative accounts likewise (per customer instead of a lookup per row and a group-by)."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from skam_core.analytics import profit_effect as pe
from skam_core.analytics import profit_fe as fe
from skam_core.analytics.did import HORIZON, month_index
from tests.unit.profit_panels import all_stats, make_panel


def loop_stacks(treated: pd.DataFrame, starts: pd.Series, controls: fe.ControlStats, own: bool) -> list[fe.Stack]:
    """build_stacks as it was written before (one account at a time): the reference."""
    fixed = controls.month_effects()
    rows = treated[treated["revenue"].to_numpy(dtype="float64") > 0]
    has_controls = controls.revenue > 1e-9
    start_m = dict(zip(starts.index, month_index(starts.to_numpy()), strict=True))
    ids = np.asarray(rows["customer_id"], dtype=object)
    groups = pd.Series(np.arange(len(ids))).groupby(ids, sort=False).indices
    m_all = month_index(rows["month"].to_numpy()) - controls.first
    w_all = rows["revenue"].to_numpy(dtype="float64")
    p_all = rows["operating_profit"].to_numpy(dtype="float64")
    kept = []
    for cid, sel in groups.items():
        if cid not in start_m:
            continue
        m, w, p = m_all[sel], w_all[sel], p_all[sel]
        k = m + controls.first - start_m[cid]
        ok = (np.abs(k) <= HORIZON) & (m >= 0) & (m < controls.months)
        ok[ok] &= has_controls[m[ok]]
        m, w, p, k = m[ok], w[ok], p[ok], k[ok]
        post = k >= 0
        if post.all() or not post.any():
            continue
        kept.append((str(cid), k.astype("int64"), w, p, m))
    effects = loop_month_effects(controls, kept) if own else np.broadcast_to(fixed, (len(kept), controls.months))
    return [fe.Stack(cid, k, w, p / w - b[m], m) for (cid, k, w, p, m), b in zip(kept, effects, strict=True)]


def loop_month_effects(controls: fe.ControlStats, kept: list) -> np.ndarray:
    t = controls.months
    has = controls.revenue > 1e-9
    out = np.full((len(kept), t), np.nan)
    if not kept or has.sum() == 0:
        return out
    base = np.diag(controls.revenue) - controls.gram
    a = np.repeat(base[None], len(kept), axis=0)
    rhs = np.repeat((controls.profit - controls.adjusted)[None], len(kept), axis=0)
    for j, (_, k, w, p, m) in enumerate(kept):
        a[j, m, m] += w
        rhs[j, m] += p
        for part in (k < 0, k >= 0):
            mp, wp = m[part], w[part]
            a[j, mp[:, None], mp[None, :]] -= np.outer(wp, wp) / wp.sum()
            rhs[j, mp] -= wp * p[part].sum() / wp.sum()
    idx = np.flatnonzero(has)
    sub = a[:, idx[:, None], idx[None, :]]
    right = rhs[:, idx]
    sol = np.zeros_like(right)
    sol[:, 1:] = np.linalg.solve(sub[:, 1:, 1:], right[:, 1:, None])[..., 0]
    out[:, idx] = sol - sol.mean(axis=1, keepdims=True)
    return out


def assert_same_stacks(new: list[fe.Stack], old: list[fe.Stack]) -> None:
    assert [s.customer_id for s in new] == [s.customer_id for s in old]
    for a, b in zip(new, old, strict=True):
        for name in ("k", "w", "gap", "month"):
            x, y = getattr(a, name), getattr(b, name)
            assert x.dtype == y.dtype and x.shape == y.shape, name
            assert x.tobytes() == y.tobytes(), f"{a.customer_id}: {name}"


@pytest.mark.parametrize("shuffle", [False, True])
@pytest.mark.parametrize(("treated", "seed"), [(1, 2), (7, 4), (40, 6)])
@pytest.mark.parametrize("own", [True, False])
@pytest.mark.parametrize("month_without_controls", [False, True])
def test_stacks_of_all_accounts_at_once_equal_the_loop_bit_for_bit(treated, seed, shuffle, own, month_without_controls):
    panel, starts = make_panel(treated=treated, others=60, seed=seed, starts=[3, 14, 20, 40], entering=0.3)
    if month_without_controls:  # no control has figures in one month: it drops out of every system
        gap = panel["month"].isin(panel["month"].unique()[[17]]) & ~panel["customer_id"].isin(starts.index)
        panel = panel[~gap]
    stats = all_stats(panel)
    rows = panel[panel["customer_id"].isin(starts.index)]
    controls = stats.minus(fe.stats_of_rows(rows, stats.first, stats.months, stats.month_effects()))
    # Some rows without revenue, an account started before the panel (no month before its start) and one
    # customer without a start among the rows.
    rows = rows.assign(revenue=np.where(np.arange(len(rows)) % 17 == 5, 0.0, rows["revenue"]))
    other = panel[panel["customer_id"] == panel["customer_id"].iloc[-1]]
    rows = pd.concat([rows, other], ignore_index=True)
    starts = starts.copy()
    starts.iloc[0] = pd.Timestamp("2019-06-01")
    if shuffle:
        rows = rows.sample(frac=1.0, random_state=seed).reset_index(drop=True)
    new = fe.build_stacks(rows, starts, controls, own=own)
    old = loop_stacks(rows, starts, controls, own)
    assert len(old) == treated - 1
    assert (controls.revenue > 1e-9).all() != month_without_controls
    assert_same_stacks(new, old)


def test_no_account_with_months_on_both_sides_gives_no_stack():
    panel, starts = make_panel(treated=3, others=20, seed=1, starts=[0])
    stats = all_stats(panel)
    rows = panel[panel["customer_id"].isin(starts.index)]
    assert fe.build_stacks(rows, starts - pd.DateOffset(years=5), stats) == []
    assert fe.build_stacks(rows.iloc[0:0], starts, stats) == []


def loop_informative(accounts: pd.DataFrame, rows: pd.DataFrame) -> list[str]:
    """profit_effect.informative_accounts as it was written before (a lookup per row, a group-by): the reference."""
    pos = rows[rows["revenue"].to_numpy(dtype="float64") > 0]
    start = dict(zip(accounts["customer_id"], month_index(accounts["skam_start"].to_numpy()), strict=True))
    ids = np.asarray(pos["customer_id"], dtype=object)
    k = month_index(pos["month"].to_numpy()) - np.array([start.get(c, 10**9) for c in ids])
    frame = pd.DataFrame({"c": ids, "pre": (k < 0) & (k >= -HORIZON), "post": (k >= 0) & (k <= HORIZON)})
    both = frame.groupby("c")[["pre", "post"]].any()
    return sorted(both.index[both["pre"] & both["post"]])


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_informative_accounts_per_customer_equal_the_group_by(seed):
    panel, starts = make_panel(treated=30, others=5, seed=seed, starts=[-30, 0, 10, 20, 47, 80])
    accounts = pd.DataFrame({"customer_id": list(starts.index), "skam_start": starts.dt.date.to_numpy()})
    rows = panel.sample(frac=0.7, random_state=seed)  # unordered, with gaps and customers without a start
    got = pe.informative_accounts(accounts, rows)
    assert got == loop_informative(accounts, rows) and 0 < len(got) < 30
    assert pe.informative_accounts(accounts, rows.iloc[0:0]) == []
