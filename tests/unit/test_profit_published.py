"""A published single-treated-unit difference-in-differences through the product's estimator: Kessler & Roth's
organ-donation rates (California moved to active choice in Q3 2011; 26 other states; six quarters), as used in
Huntington-Klein, *The Effect* (2021), ch. 18, whose two-way fixed-effects estimate is -0.0225. Data: the
``causaldata`` package (MIT), tests/data/published/organ_donations.csv. Each state is a customer with revenue 1 in
every quarter and the donation rate as its operating profit, so the margin is the rate and the revenue weights
are equal."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from skam_core.analytics import profit_fe as fe
from tests.unit.profit_panels import all_stats, run

DATA = Path(__file__).parents[1] / "data" / "published" / "organ_donations.csv"
PUBLISHED = -0.0225  # The Effect, ch. 18: feols(Rate ~ Treated | State + Quarter)


def _panel() -> tuple[pd.DataFrame, pd.Series]:
    od = pd.read_csv(DATA)
    quarter = od["Quarter"].str.slice(1, 2).astype(int)
    year = od["Quarter"].str.slice(2).astype(int)
    month = pd.to_datetime({"year": year, "month": 3 * quarter - 2, "day": 1})
    panel = pd.DataFrame({"customer_id": od["State"], "month": month, "revenue": 1.0, "operating_profit": od["Rate"]})
    return panel, pd.Series([pd.Timestamp("2011-07-01")], index=["California"])


def test_the_published_single_treated_unit_estimate_comes_out():
    panel, starts = _panel()
    assert panel["customer_id"].nunique() == 27 and panel["month"].nunique() == 6
    stats = all_stats(panel)
    treated = panel[panel["customer_id"] == "California"]
    controls = stats.minus(fe.stats_of_rows(treated, stats.first, stats.months))
    (stack,) = fe.build_stacks(treated, starts, controls)
    assert stack.effect == pytest.approx(PUBLISHED, abs=5e-5)
    pf = pytest.importorskip("pyfixest")
    od = pd.read_csv(DATA)
    od["Treated"] = ((od["State"] == "California") & od["Quarter"].isin(["Q32011", "Q42011", "Q12012"])).astype(float)
    assert stack.effect == pytest.approx(
        float(pf.feols("Rate ~ Treated | State + Quarter", data=od).coef()["Treated"]), abs=1e-10
    )


def test_the_published_unit_gets_a_placebo_interval_from_the_other_states():
    panel, starts = _panel()
    r = run(panel, starts).result
    assert r.inference == "placebo"
    assert r.effect.estimate == pytest.approx(PUBLISHED, abs=5e-5)
    assert r.effect.ci_low < r.effect.estimate < r.effect.ci_high
    assert np.isfinite(r.effect.std_error)
