"""The meta-regression and the candidate model, on panels of per-account effects made in code with known
answers (seeded): the slope is recovered, prediction intervals cover new accounts at about 95 %, no ranking is
claimed beyond noise when fit does not matter, and too few accounts give no prediction but a reason."""

from __future__ import annotations

from datetime import date

import numpy as np
import pandas as pd
import pytest
from statsmodels.stats.meta_analysis import combine_effects

from skam_core.analytics import candidates as cm
from skam_core.analytics import meta

DAY = date(2026, 11, 27)


def panel(rng: np.random.Generator, k: int, slope: float, *, tau: float = 0.01, intercept: float = 0.02):
    """k accounts with fit 50..100, true effect intercept + slope (fit - 75) + N(0, tau), measured with se."""
    fit = rng.uniform(50, 100, k)
    true = intercept + slope * (fit - 75) + rng.normal(0, tau, k)
    se = rng.uniform(0.005, 0.015, k)
    return fit, true, true + rng.normal(0, se), se


def frames(fit, est, se, cand_fit=(), revenue=1e6, effort=None):
    n, m = len(fit), len(cand_fit)
    ids = [f"A{i:03d}" for i in range(n)] + [f"C{i:03d}" for i in range(m)]
    effects = pd.DataFrame({"customer_id": ids[:n], "estimate": est, "std_error": se})
    customers = pd.DataFrame(
        {
            "customer_id": ids,
            "name": ids,
            "skam_stage": ["implementation"] * n + ["candidate"] * m,
            "fit_score": np.concatenate([fit, np.asarray(cand_fit, dtype="float64")]),
            "revenue": revenue,
            "size_rank": np.arange(1, n + m + 1),
            "effort_eur": np.nan if effort is None else effort,
        }
    )
    return effects, customers


def test_paule_mandel_without_covariates_equals_statsmodels_combine_effects():
    rng = np.random.default_rng(1)
    _, _, y, se = panel(rng, 12, 0.0, tau=0.015)
    ours = meta.fit(y, se, np.ones((12, 1)))
    theirs = combine_effects(y, se**2, method_re="pm")
    assert ours.tau2 == pytest.approx(theirs.tau2, rel=1e-3, abs=1e-9)
    assert ours.coef[0] == pytest.approx(theirs.mean_effect_re, rel=1e-6)


def test_the_weighted_fit_equals_statsmodels_wls_with_knapp_hartung_scaling():
    from statsmodels.regression.linear_model import WLS

    rng = np.random.default_rng(3)
    fit, _, y, se = panel(rng, 15, 0.0006)
    x = np.column_stack([np.ones(15), fit - 75])
    ours = meta.fit(y, se, x)
    res = WLS(y, x, weights=1 / (se**2 + ours.tau2)).fit()
    np.testing.assert_allclose(ours.coef, res.params, rtol=1e-10)
    scale = max(1.0, ours.q / (15 - 2))
    np.testing.assert_allclose(ours.cov, res.normalized_cov_params * scale, rtol=1e-10)


def test_slope_rising_with_fit_is_recovered_within_its_interval():
    rng = np.random.default_rng(2)
    fit, _, est, se = panel(rng, 40, 0.0008)
    model = cm.build(DAY, *frames(fit, est, se, cand_fit=[60, 90]))
    low, high = model.slope_interval
    assert low < 0.0008 < high
    assert model.beyond_noise and low > 0
    ranked = model.candidates["fit_score"].tolist()
    assert ranked == [90.0, 60.0]


def test_slope_interval_covers_the_true_slope_at_about_95_percent():
    rng = np.random.default_rng(11)
    hits = 0
    runs = 100
    for _ in range(runs):
        fit, _, est, se = panel(rng, 12, 0.0008)
        low, high = meta.fit(est, se, np.column_stack([np.ones(12), fit])).coef_interval(1)
        hits += low < 0.0008 < high
    assert 0.90 <= hits / runs <= 1.0


def test_prediction_intervals_cover_new_accounts_true_effects_at_about_95_percent():
    rng = np.random.default_rng(3)
    hits = total = 0
    for _ in range(100):
        fit, _, est, se = panel(rng, 12, 0.0008)
        mf = meta.fit(est, se, np.column_stack([np.ones(12), fit]))
        new_fit, new_true, _, _ = panel(rng, 5, 0.0008)
        _, _, low, high = mf.predict(np.column_stack([np.ones(5), new_fit]))
        hits += int(((low < new_true) & (new_true < high)).sum())
        total += 5
    assert 0.92 <= hits / total <= 0.99  # 100 runs x 5 new accounts


def test_without_a_relation_no_candidate_is_claimed_to_gain_more_than_another_beyond_noise():
    rng = np.random.default_rng(5)
    claims = 0
    for _ in range(100):
        fit, _, est, se = panel(rng, 12, 0.0)
        model = cm.build(DAY, *frames(fit, est, se, cand_fit=[55, 95]))
        claims += model.beyond_noise
    assert claims / 100 <= 0.08
    fit, _, est, se = panel(np.random.default_rng(6), 12, 0.0)
    model = cm.build(DAY, *frames(fit, est, se, cand_fit=[55, 95]))
    assert not model.beyond_noise
    assert any(w.code == "not_beyond_noise" for w in model.warnings)


def test_with_one_account_there_is_no_prediction_and_the_reason():
    model = cm.build(DAY, *frames(np.array([80.0]), np.array([0.03]), np.array([0.01]), cand_fit=[90]))
    assert not model.available and model.candidates.empty
    out = cm.as_json(model)
    assert out["candidates"] == [] and "Fewer than 5" in out["reason"]


def test_candidates_outside_the_learned_fit_range_are_marked_and_warned():
    rng = np.random.default_rng(8)
    fit, _, est, se = panel(rng, 10, 0.0005)
    model = cm.build(DAY, *frames(np.clip(fit, 60, 90), est, se, cand_fit=[30, 75]))
    marked = dict(zip(model.candidates["fit_score"], model.candidates["extrapolated"], strict=True))
    assert marked == {30.0: True, 75.0: False}
    assert [w.code for w in model.warnings][0] == "outside_range"


def test_probability_pays_compares_the_gain_over_the_measured_24_months_with_the_recorded_effort():
    rng = np.random.default_rng(9)
    fit, _, est, se = panel(rng, 10, 0.0)
    effects, customers = frames(fit, est, se, cand_fit=[80, 80, 80, 80], revenue=1e6)
    yearly = cm.build(DAY, effects, customers).candidates["estimate"].iloc[0] * 1e6  # the predicted gain per year
    assert yearly > 0
    efforts = {"C000": 1.0, "C001": 1.5 * yearly, "C002": 2.5 * yearly, "C003": 1e6}
    for cid, effort in efforts.items():
        customers.loc[customers["customer_id"] == cid, "effort_eur"] = effort
    model = cm.build(DAY, effects, customers)
    pays = dict(zip(model.candidates["customer_id"], model.candidates["probability_pays"], strict=True))
    assert pays["C000"] > 0.8 and pays["C003"] < 1e-6  # surely paid; needs +50 pp a year: never
    # One and a half years' gain is covered by two years of it (more likely than not); two and a half is not.
    assert pays["C001"] > 0.5 > pays["C002"]
    assert cm.PAYS_MONTHS == 24 and cm.as_json(model)["model"]["pays_over_months"] == 24
    assert model.candidates.loc[0, "eur"] == pytest.approx(model.candidates.loc[0, "estimate"] * 1e6)


def test_shrinkage_pulls_noisy_accounts_further_towards_the_line():
    shrunk, _ = meta.shrink([0.05, 0.05], [0.001, 0.05], [0.01, 0.01], 0.0001)
    assert abs(shrunk[0] - 0.05) < abs(shrunk[1] - 0.05)
    assert 0.01 < shrunk[1] < shrunk[0] < 0.05


def test_json_has_no_nan_or_infinity():
    import json

    rng = np.random.default_rng(10)
    fit, _, est, se = panel(rng, 8, 0.0)
    model = cm.build(DAY, *frames(fit, est, se, cand_fit=[70], revenue=0.0))
    json.dumps(cm.as_json(model), allow_nan=False)
