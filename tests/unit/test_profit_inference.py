"""The two pieces of the SKAM effect's interval from twelve accounts on, each against a maintained implementation:
the month effects' variance (pyfixest's clustered covariance of the month dummies) and the wild cluster bootstrap
with the null imposed (the ``wildboottest`` package, all 2^G sign vectors enumerated)."""

from __future__ import annotations

import warnings

import numpy as np
import pytest

from skam_core.analytics import wild_bootstrap as wb
from skam_core.analytics.did import month_index
from tests.unit.profit_panels import all_stats, make_panel


def test_month_effect_variance_equals_the_clustered_covariance_of_a_fixed_effects_regression():
    pf = pytest.importorskip("pyfixest")
    panel, _ = make_panel(seed=7, treated=0, others=40, months=10, entering=0.4, tiny=0.02)
    stats = all_stats(panel)
    d = panel.assign(
        y=panel["operating_profit"] / panel["revenue"],
        mf=(month_index(panel["month"].to_numpy()) - stats.first).astype(str),
    )
    d["mf"] = d["mf"].str.zfill(2)
    fit = pf.feols(
        "y ~ C(mf) | customer_id",
        data=d,
        weights="revenue",
        vcov={"CRV1": "customer_id"},
        ssc=pf.ssc(k_adj=False, G_adj=False),
    )
    months = [int(str(n).split("T.")[1].rstrip("]")) for n in fit._coefnames]  # b_t - b_0 for t = 1..T-1
    contrasts = np.random.default_rng(0).normal(size=(stats.months, 3))
    contrasts -= contrasts.mean(axis=0)
    expected = [c[months] @ fit._vcov @ c[months] for c in contrasts.T]
    np.testing.assert_allclose(stats.contrast_variance(contrasts), expected, rtol=1e-9)
    b = stats.month_effects()
    np.testing.assert_allclose(fit.coef().to_numpy(), b[months] - b[0], atol=1e-10)


def _wildboottest_draws(effects: np.ndarray, weights: np.ndarray, null: float) -> tuple[float, np.ndarray, np.ndarray]:
    """wildboottest's WCR (CRV1, Rademacher, full enumeration) for the weighted mean as the regression
    sqrt(w) * (effect - null) on sqrt(w), one cluster per account: observed t, draws' t, the sign vectors."""
    boot_mod = pytest.importorskip("wildboottest.wildboottest")
    x = np.sqrt(weights)[:, None]
    y = (effects - null) * np.sqrt(weights)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # "setting full_enumeration to True" is what the test wants
        boot = boot_mod.WildboottestCL(
            X=x, Y=y, cluster=np.arange(len(effects)), R=np.array([1.0]), B=99_999, seed=1, parallel=False
        )
        boot.get_scores(bootstrap_type="11", impose_null=True)
        boot.get_weights(weights_type="rademacher")
        boot.get_numer()
        boot.get_denom()
        boot.get_tboot()
        boot.get_vcov()
        boot.get_tstat()
    return float(np.ravel(boot.t_stat)[0]), np.ravel(boot.t_boot), boot.v.T


@pytest.mark.parametrize("null", [0.0, 0.027, 0.03, 0.034])
def test_wild_bootstrap_t_statistics_equal_wildboottest_with_every_sign_vector(null):
    rng = np.random.default_rng(3)
    effects = 0.03 + rng.normal(0, 0.003, 9)
    weights = np.exp(rng.normal(0, 0.8, 9))
    t_obs, t_draws, signs = _wildboottest_draws(effects, weights, null)
    w = wb.Wcr.build(effects, weights / weights.sum(), 0.0, signs)
    assert w.t_observed(null) == pytest.approx(t_obs, rel=1e-10)
    np.testing.assert_allclose(w.t_draws(null), t_draws, rtol=1e-9, atol=1e-12)


def test_interval_ends_where_the_bootstrap_test_starts_to_reject():
    rng = np.random.default_rng(4)
    effects = 0.03 + rng.normal(0, 0.003, 15)
    shares = np.exp(rng.normal(0, 0.8, 15))
    shares /= shares.sum()
    est, se, low, high = wb.interval(effects, shares, extra_var=(0.0005) ** 2)
    w = wb.Wcr.build(effects, shares, (0.0005) ** 2, wb.webb_weights(wb.DRAWS, 15))
    assert low < est < high
    for end, inward in ((low, 1), (high, -1)):
        assert w.p_value(end + inward * 1e-3 * se) > 0.05 >= w.p_value(end - inward * 1e-3 * se)


def test_shared_control_noise_widens_the_interval():
    rng = np.random.default_rng(5)
    effects = 0.03 + rng.normal(0, 0.003, 20)
    shares = np.full(20, 1 / 20)
    _, se0, low0, high0 = wb.interval(effects, shares)
    _, se1, low1, high1 = wb.interval(effects, shares, extra_var=se0**2)
    assert se1 == pytest.approx(np.sqrt(2) * se0)
    assert high1 - low1 > 1.3 * (high0 - low0)
