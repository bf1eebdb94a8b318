"""Figures built once per content of their data (ui.kit.figures): a second render builds nothing, a write shows
in the next render, and what reaches the browser is the figure the builder made, made inert."""

from __future__ import annotations

import json
import threading

import numpy as np
import pandas as pd
import plotly.graph_objects as go
import plotly.io as pio
import pytest

from skam_core.charts import portfolio as portfolio_charts
from skam_core.charts.inert import inert
from skam_core.domain.asof import AsOf
from skam_core.services.kpis import record_kpi_entry
from skam_core.storage.db import Store
from skam_core.ui.cache import bump_data_version
from skam_core.ui.kit import figures
from skam_core.views import common as common_view
from skam_core.views import portfolio as portfolio_view
from tests.app.conftest import assert_clean, run_app
from tests.conftest import AM_BECKER, DEMO_TODAY, key_account_of

built: list[str] = []


def bars(df: pd.DataFrame, lang: str) -> go.Figure:
    built.append(lang)
    return go.Figure(go.Bar(x=df["x"], y=df["y"], name="<b>ok</b><a href='x'>link</a>"))


def test_a_figure_is_built_once_per_content_of_its_arguments():
    built.clear()
    df = pd.DataFrame({"x": ["a", "b"], "y": [1.0, 2.0]})
    first = figures.figure(bars, df, "de")
    assert figures.figure(bars, df.copy(), "de") is first  # equal content, another object: no second build
    assert built == ["de"]
    figures.figure(bars, df, "en")
    changed = df.assign(y=[1.0, 3.0])
    again = figures.figure(bars, changed, "de")
    assert pio.to_json(again.to_dict(), validate=False) != pio.to_json(first.to_dict(), validate=False)
    assert built == ["de", "en", "de"]


def test_arguments_that_cannot_be_digested_are_built_every_time():
    built.clear()
    df = pd.DataFrame({"x": ["a"], "y": [1.0]})
    lock = threading.Lock()  # cannot be pickled

    def with_lock(df, lang, lock):
        return bars(df, lang)

    figures.figure(with_lock, df, "de", lock)
    figures.figure(with_lock, df, "de", lock)
    assert built == ["de", "de"]


def test_the_kept_figure_is_the_inert_figure_the_builder_made():
    df = pd.DataFrame({"x": ["a", "b"], "y": [1.0, 2.0]})
    kept = json.loads(pio.to_json(figures.figure(bars, df, "de").to_dict(), validate=False))
    assert kept == json.loads(pio.to_json(inert(bars(df, "de")), validate=False))
    assert "&lt;a href" in kept["data"][0]["name"] and "<b>ok</b>" in kept["data"][0]["name"]


def test_st_plotly_chart_sends_the_kept_figure_as_it_is(app_env):
    store = Store(app_env)
    cid = key_account_of(store, AM_BECKER.user_id, "implementation")
    at = run_app("pages/portfolio.py", params={"lang": "de", "account": cid})
    at.session_state["card_trend_box"] = True  # the account card's trend chart, built once its box is open
    at.run()
    assert_clean(at)
    asof = AsOf.now(DEMO_TODAY)
    data = portfolio_view.portfolio(store, asof)
    cust = common_view.customer(store, asof, cid)
    monthly = common_view.customer_monthly(store, asof, cid)
    others = data.comparison.others.relative_operating_profit
    fig = portfolio_charts.account_margin_trend(monthly, others, "de", cust["name"], cust.get("skam_start"))
    expected = json.loads(pio.to_json(inert(fig), validate=False))
    sent = [json.loads(c.proto.spec) for c in at.get("plotly_chart")]
    assert expected in sent


@pytest.mark.parametrize("page", ["pages/portfolio.py", "pages/steering.py"])
def test_a_second_render_builds_no_figure(app_env, page):
    cid = key_account_of(Store(app_env), AM_BECKER.user_id, "implementation")
    params = {"lang": "de", "account": cid}
    # The first render may hand a builder a view's own result, the later ones its copies from the cache, which
    # pickle a little differently: at most one build more, then none.
    assert_clean(run_app(page, params=params))
    assert_clean(run_app(page, params=params))
    before = figures.builds
    assert_clean(run_app(page, params=params))  # a new session
    assert figures.builds == before


def test_a_kpi_entry_shows_in_its_chart_at_the_next_render(app_env):
    store = Store(app_env)
    cid = key_account_of(store, AM_BECKER.user_id, "implementation")
    params = {"lang": "en", "account": cid}
    first = run_app("pages/implementation.py", params=params)
    first.session_state["impl_tab"] = "KPIs: actual against target"  # the KPI cards' tab (lazy_tabs)
    first.run()
    assert_clean(first)
    before = {c.proto.spec for c in first.get("plotly_chart")}
    assert before
    kpi = store.query(
        "SELECT id FROM kpi_definitions WHERE customer_id = ? AND valid_to IS NULL ORDER BY id LIMIT 1", [cid]
    ).single_value()
    record_kpi_entry(store, AM_BECKER, kpi, DEMO_TODAY.replace(day=1), 123456.0, "a new value")
    bump_data_version()  # what every write through the app does (kit.editing.run_write)
    after = run_app("pages/implementation.py", params=params)
    after.session_state["impl_tab"] = "KPIs: actual against target"
    after.run()
    assert_clean(after)
    changed = {c.proto.spec for c in after.get("plotly_chart")} - before
    assert len(changed) == 1  # the KPI's own chart, drawn afresh; the others are as they were
    assert "123.456" in next(iter(changed)) or "123,456" in next(iter(changed))  # its hover or label text


@pytest.mark.parametrize(
    ("x", "points"),
    [([], False), (["a"], True), (np.array([], dtype=float), False), (np.array([1.0, 2.0]), True)],
)
def test_a_kept_figure_knows_whether_it_has_points(x, points):
    def scatter(values):
        return go.Figure(go.Scatter(x=values, y=values))

    assert figures.figure(scatter, x).has_points() is points
    assert figures.figure(lambda: go.Figure()).has_points() is False
