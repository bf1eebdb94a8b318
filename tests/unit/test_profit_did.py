"""The SKAM effect estimator on synthetic panels with planted effects (known answers).

Each panel: customers with their own margin level, a business cycle shared by everyone, noise, and - for the
SKAM accounts - a planted effect on the margin from the month of their start. The estimator must find what
was planted, say how sure it is, and not claim an improvement where there is none.
"""

from __future__ import annotations

from datetime import date

import numpy as np
import pandas as pd
import pytest
from statsmodels.regression.linear_model import OLS

from skam_core.analytics import did
from skam_core.domain.validation import month_add

FIRST = date(2021, 1, 1)


def make_panel(
    rng: np.random.Generator,
    *,
    treated: int,
    controls: int,
    months: int,
    start_offsets: list[int],
    effect,
    noise: float = 0.01,
    drop_share: float = 0.0,
) -> tuple[pd.DataFrame, pd.Series]:
    """Long panel (customer_id, month, margin, treated) and the SKAM starts. ``effect(k)`` is the planted
    effect k months after the start (k >= 0)."""
    n = treated + controls
    level = rng.normal(0.06, 0.02, n)
    cycle = np.cumsum(rng.normal(0, 0.003, months))
    ids = [f"T{i:03d}" for i in range(treated)] + [f"C{i:04d}" for i in range(controls)]
    month_list = [month_add(FIRST, t) for t in range(months)]
    rows = []
    starts = {}
    for i in range(n):
        offset = start_offsets[i % len(start_offsets)] if i < treated else None
        if offset is not None:
            starts[ids[i]] = pd.Timestamp(month_add(FIRST, offset)) + pd.Timedelta(days=int(rng.integers(0, 27)))
        for t in range(months):
            if drop_share and rng.random() < drop_share:
                continue  # a month without revenue: left out
            y = level[i] + cycle[t] + rng.normal(0, noise)
            if offset is not None and t >= offset:
                y += effect(t - offset)
            rows.append((ids[i], month_list[t], y, i < treated))
    panel = pd.DataFrame(rows, columns=["customer_id", "month", "margin", "treated"])
    panel["month"] = pd.to_datetime(panel["month"])
    return panel, pd.Series(starts)


def estimator_inputs(panel: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """What the store provides: the SKAM accounts' rows, and the controls' mean margin per month."""
    treated = panel[panel["treated"]][["customer_id", "month", "margin"]]
    controls = panel[~panel["treated"]].groupby("month", as_index=False)["margin"].mean()
    return treated, controls.rename(columns={"margin": "control_margin"})


def estimate(panel: pd.DataFrame, starts: pd.Series):
    treated, controls = estimator_inputs(panel)
    stacks = did.build_stacks(treated, starts, controls)
    study = did.event_study(stacks)
    return did.did_effect(stacks), study, did.months_to_improvement(study)


def stacked_data(panel: pd.DataFrame, starts: pd.Series, horizon: int = did.HORIZON) -> pd.DataFrame:
    """The contract's stacks written out: each SKAM account with every never-SKAM customer over its months."""
    controls = panel[~panel["treated"]]
    parts = []
    for s, (cid, start) in enumerate(starts.items()):
        m0 = pd.Timestamp(start).to_period("M").to_timestamp()
        lo, hi = m0 - pd.DateOffset(months=horizon), m0 + pd.DateOffset(months=horizon)
        own = panel[(panel["customer_id"] == cid) & panel["month"].between(lo, hi)]
        ctrl = controls[controls["month"].between(lo, hi)]
        part = pd.concat([own, ctrl]).assign(stack=s)
        part["d"] = ((part["customer_id"] == cid) & (part["month"] >= m0)).astype(float)
        parts.append(part)
    data = pd.concat(parts, ignore_index=True)
    data["unit"] = data["customer_id"] + "#" + data["stack"].astype(str)
    data["period"] = data["month"].dt.strftime("%Y-%m") + "#" + data["stack"].astype(str)
    return data


def month_dummies(data: pd.DataFrame) -> pd.DataFrame:
    """Month x stack dummies without each stack's first month (the unit effects carry the level)."""
    dummies = pd.get_dummies(data["period"], dtype=float)
    first = data.groupby("stack")["period"].min()
    return dummies.drop(columns=first.to_list())


def full_stacked_regression(panel: pd.DataFrame, starts: pd.Series):
    """The full stacked two-way regression: dummies for customer x stack and month x stack; SEs clustered by
    customer (controls are clusters too). Returns the coefficient and its SE."""
    data = stacked_data(panel, starts)
    x = pd.concat([data[["d"]], pd.get_dummies(data["unit"], dtype=float), month_dummies(data)], axis=1)
    res = OLS(data["margin"].to_numpy(), x.to_numpy()).fit(
        cov_type="cluster", cov_kwds={"groups": pd.factorize(data["customer_id"])[0]}, use_t=True
    )
    return float(res.params[0]), float(res.bse[0])


def absorbed_stacked_regression(panel: pd.DataFrame, starts: pd.Series):
    """The same regression with the customer x stack effects absorbed by demeaning (exact by Frisch-Waugh-Lovell;
    keeps large control groups tractable). Raw sandwich SE (no small-sample factor)."""
    data = stacked_data(panel, starts)
    cols = pd.concat([data[["margin", "d"]], month_dummies(data)], axis=1)
    dm = cols - cols.groupby(data["unit"].to_numpy()).transform("mean")
    res = OLS(dm["margin"].to_numpy(), dm.drop(columns="margin").to_numpy()).fit(
        cov_type="cluster",
        cov_kwds={"groups": pd.factorize(data["customer_id"])[0], "use_correction": False},
        use_t=True,
    )
    return float(res.params[0]), float(res.bse[0])


# -- known answers ---------------------------------------------------------------------------------------


def test_one_start_date_planted_effect_lies_in_the_interval():
    rng = np.random.default_rng(11)
    panel, starts = make_panel(
        rng, treated=12, controls=300, months=40, start_offsets=[20], effect=lambda k: 0.03, noise=0.01
    )
    effect, _, _ = estimate(panel, starts)
    assert effect.available and effect.accounts == 12
    assert effect.ci_low <= 0.03 <= effect.ci_high
    assert effect.ci_low > 0  # a 3-point effect with 12 accounts is clearly there


def test_staggered_starts_planted_effect_lies_in_the_interval():
    rng = np.random.default_rng(12)
    panel, starts = make_panel(
        rng, treated=15, controls=300, months=48, start_offsets=[10, 16, 22, 28, 34], effect=lambda k: 0.025
    )
    effect, study, _ = estimate(panel, starts)
    assert effect.ci_low <= 0.025 <= effect.ci_high
    after = study[study["k"] >= 0]
    covered = ((after["ci_low"] <= 0.025) & (0.025 <= after["ci_high"])).mean()
    assert covered >= 0.85  # a 95 % interval per month: most months cover the truth


def test_zero_effect_interval_covers_zero_and_claims_no_improvement():
    rng = np.random.default_rng(13)
    panel, starts = make_panel(
        rng, treated=10, controls=300, months=48, start_offsets=[12, 18, 24, 30], effect=lambda k: 0.0
    )
    effect, _, months = estimate(panel, starts)
    assert effect.ci_low <= 0.0 <= effect.ci_high
    assert months is None


def test_ramped_effect_improvement_month_is_found_where_the_ramp_clears_the_noise():
    rng = np.random.default_rng(14)
    ramp = lambda k: 0.05 / (1 + np.exp(-(k - 11) / 1.5))  # noqa: E731
    panel, starts = make_panel(
        rng, treated=12, controls=300, months=54, start_offsets=[24, 27, 30], effect=ramp, noise=0.008
    )
    _, study, months = estimate(panel, starts)
    assert months is not None and 7 <= months <= 14
    before = study[(study["k"] < -1) & study["ci_low"].notna()]
    no_pretrend = ((before["ci_low"] <= 0) & (before["ci_high"] >= 0)).mean()
    assert no_pretrend >= 0.85  # nothing was planted before the start


def test_event_study_is_relative_to_the_month_before_start():
    rng = np.random.default_rng(15)
    panel, starts = make_panel(rng, treated=6, controls=80, months=36, start_offsets=[12, 18], effect=lambda k: 0.02)
    _, study, _ = estimate(panel, starts)
    ref = study[study["k"] == did.REFERENCE_MONTH].iloc[0]
    assert (ref["estimate"], ref["ci_low"], ref["ci_high"]) == (0.0, 0.0, 0.0)
    assert study["k"].min() >= -did.HORIZON and study["k"].max() <= did.HORIZON


# -- the control aggregate equals the full stacked regression ---------------------------------------------


def test_control_mean_estimate_equals_the_full_stacked_regression_on_a_balanced_panel():
    rng = np.random.default_rng(21)
    panel, starts = make_panel(
        rng, treated=4, controls=25, months=30, start_offsets=[8, 12, 15, 20], effect=lambda k: 0.02, noise=0.01
    )
    effect, _, _ = estimate(panel, starts)
    beta, se = full_stacked_regression(panel, starts)
    assert effect.estimate == pytest.approx(beta, abs=1e-10)
    assert effect.ci_low < beta < effect.ci_high and se > 0


def test_standard_errors_agree_with_the_full_regression_when_controls_are_many():
    # The control mean's own noise is left out of the clustered SE; with many controls it does not matter.
    rng = np.random.default_rng(23)
    panel, starts = make_panel(
        rng, treated=6, controls=400, months=30, start_offsets=[8, 12, 15, 20, 10, 18], effect=lambda k: 0.02
    )
    effect, _, _ = estimate(panel, starts)
    beta, se = absorbed_stacked_regression(panel, starts)
    assert effect.estimate == pytest.approx(beta, abs=1e-10)
    g = effect.accounts
    raw_se = effect.std_error / np.sqrt(g / (g - 1))  # without the G/(G-1) factor, as the comparison
    assert raw_se == pytest.approx(se, rel=0.08)


def test_unbalanced_controls_change_the_estimate_only_slightly():
    rng = np.random.default_rng(22)
    panel, starts = make_panel(
        rng, treated=4, controls=40, months=30, start_offsets=[8, 14, 20], effect=lambda k: 0.02, drop_share=0.05
    )
    effect, _, _ = estimate(panel, starts)
    beta, _ = full_stacked_regression(panel, starts)
    assert effect.estimate == pytest.approx(beta, abs=0.003)


# -- edge cases ------------------------------------------------------------------------------------------


def test_one_informative_account_gives_no_interval_and_says_why():
    rng = np.random.default_rng(31)
    panel, starts = make_panel(rng, treated=1, controls=50, months=30, start_offsets=[15], effect=lambda k: 0.02)
    effect, study, months = estimate(panel, starts)
    assert not effect.available and effect.reason == "too_few_accounts"
    assert study.empty and months is None
    assert "at least two" in effect.as_dict()["reason"]


def test_accounts_without_months_before_and_after_their_start_are_left_out():
    rng = np.random.default_rng(32)
    panel, starts = make_panel(
        rng, treated=3, controls=50, months=30, start_offsets=[10, 15, 40], effect=lambda k: 0.02
    )
    effect, _, _ = estimate(panel, starts)
    assert effect.accounts == 2  # the third starts after the data ends


def test_account_started_in_the_last_month_has_one_month_after():
    rng = np.random.default_rng(33)
    panel, starts = make_panel(
        rng, treated=4, controls=60, months=30, start_offsets=[10, 12, 14, 29], effect=lambda k: 0.02
    )
    treated, controls = estimator_inputs(panel)
    stacks = did.build_stacks(treated, starts, controls)
    last = stacks[stacks["stack"] == "T003"]
    assert (last["k"] >= 0).sum() == 1 and last["k"].max() == 0
    effect = did.did_effect(stacks)
    assert effect.accounts == 4 and effect.ci_low <= 0.02 <= effect.ci_high


def test_no_accounts_and_no_controls_give_empty_results():
    empty = did.build_stacks(
        pd.DataFrame(columns=["customer_id", "month", "margin"]),
        pd.Series(dtype=object),
        pd.DataFrame(columns=["month", "control_margin"]),
    )
    assert empty.empty
    assert did.did_effect(empty).reason == "no_pre_post"
    assert did.event_study(empty).empty
    assert did.months_to_improvement(did.event_study(empty)) is None


def test_months_to_improvement_needs_three_consecutive_months_above_zero():
    study = pd.DataFrame(
        {
            "k": [-1, 0, 1, 2, 3, 4, 5, 6],
            "ci_low": [0.0, 0.01, 0.02, -0.01, 0.01, 0.02, 0.03, 0.02],
        }
    )
    assert did.months_to_improvement(study) == 3
    study.loc[study["k"] == 5, "ci_low"] = np.nan  # a month without an interval breaks the run
    assert did.months_to_improvement(study) is None
