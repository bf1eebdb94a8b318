"""Figures of steps 1-3: built from small frames in both languages, each titled with labelled axes, and valid for
Plotly (serialising catches invalid properties before a browser does)."""

from datetime import date

import pandas as pd
import pytest

from skam_core.analytics import capacity as cap
from skam_core.analytics import strategy, value
from skam_core.charts import fit as fit_charts
from skam_core.charts import strategy as strategy_charts
from skam_core.charts import value as value_charts
from tests.unit.test_steps_analytics import CAPACITY, ITEMS, OPPS, VOPPS


def _check(fig, *, axes: bool = True) -> None:
    fig.to_json()
    assert fig.layout.title.text
    if axes:
        assert fig.layout.xaxis.title.text
        assert fig.layout.yaxis.title.text or fig.layout.yaxis.type == "category" or fig.data[0].orientation == "h"


@pytest.mark.parametrize("lang", ["de", "en"])
def test_strategy_figures(lang):
    forces = pd.DataFrame({"force": ["rivalry", "buyer_power"], "score": [4, 2], "evidence": ["a", None]})
    radar = strategy_charts.forces_radar(strategy.force_profile(forces), lang)
    _check(radar, axes=False)
    assert ("2 von 5" if lang == "de" else "2 of 5") in radar.layout.title.text
    prios = strategy.priority_shares(
        pd.DataFrame({"id": ["a", "b"], "priority": ["Energy", "Speed"], "weight": [3.0, 1.0]})
    )
    _check(strategy_charts.priorities_bar(prios, lang))
    markets = pd.DataFrame(
        {"name": ["Food", "Pharma"], "demand": ["x", "y"], "trend": ["growing", None], "share_pct": [30.0, 12.0]}
    )
    fig = strategy_charts.markets_bar(markets, lang)
    _check(fig)
    assert len(fig.data) == 2  # one trace per trend, the unknown trend included


@pytest.mark.parametrize("lang", ["de", "en"])
def test_fit_figures(lang):
    accounts = pd.DataFrame(
        {
            "customer_id": ["A", "B", "C"],
            "name": ["Alpha", "Beta", "Gamma"],
            "skam_stage": ["implementation", "none", "fit"],
            "revenue": [2e6, 5e6, 3e5],
            "fit_score": [90.0, 30.0, 70.0],
        }
    )
    _check(fit_charts.fit_size_scatter(accounts, "C", lang, -0.5))
    opps = pd.DataFrame(
        {
            "type": ["product", "service", "product"],
            "customer_value_eur": [1e5, 2e5, 5e4],
            "our_revenue_eur": [5e4, 1e5, 2e4],
        }
    )
    _check(fit_charts.opportunities_by_type(opps, lang))
    check = cap.capacity_check(cap.quarterly_demand(OPPS, "MINE"), CAPACITY)
    fig = fit_charts.capacity_chart(check, "2026-Q2", lang, "Mine GmbH")
    _check(fig)
    assert any(tr.name == fit_charts.translate("fit.chart.flagged", lang) for tr in fig.data)
    assert all(str(x).startswith("Q") and "-Q" not in str(x) for tr in fig.data for x in tr.x)  # "Q2 2026"


@pytest.mark.parametrize("lang", ["de", "en"])
def test_value_figures(lang):
    comps = value.components(ITEMS, VOPPS)
    eco = value.economics(comps, date(2026, 11, 1), 2)
    waterfall = value_charts.benefit_waterfall(comps, lang)
    _check(waterfall)
    total = waterfall.data[-1]
    assert total.y[0] == pytest.approx(230_000.0)  # declined components are not added
    economics = value_charts.economics_chart(eco.periods, lang, "Quartal" if lang == "de" else "Quarter")
    _check(economics)
    assert list(economics.data[0].x)[:2] == ["Q1 2026", "Q2 2026"]  # quarters as people write them
    _check(value_charts.sequence_timeline(comps, lang, date(2026, 11, 27), date(2028, 1, 1)))
    _check(value_charts.copy_risk_bar(comps, lang))


def test_money_ticks_follow_the_language():
    periods = value.economics(value.components(ITEMS, VOPPS), date(2026, 11, 1), 1).periods
    de = value_charts.economics_chart(periods, "de", "Quartal").layout.yaxis.ticktext
    en = value_charts.economics_chart(periods, "en", "Quarter").layout.yaxis.ticktext
    assert all(t.endswith("€") for t in de) and "-20.000 €" in de
    assert all("€" in t and not t.endswith("€") for t in en) and "-€20k" in en
    assert strategy_charts.wrap_hyphen("Lebenszykluskosten-Beratung", 19) == "Lebenszykluskosten-<br>Beratung"
