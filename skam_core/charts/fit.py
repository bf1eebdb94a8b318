"""Step-2 figures: fit against size across the portfolio, new business by type, and the delivery-capacity check
(the fit matrix and what each priority adds, the page's first screen, are HTML: charts.fit_grid, charts.bars)."""

from __future__ import annotations

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from skam_core.charts.axes import eur_axis, log_ticks, plain, short
from skam_core.charts.theme import INK, MUTED, STAGE_COLORS, TRAFFIC, apply_layout, translator
from skam_core.domain.enums import OpportunityType
from skam_core.i18n import translate as translate  # re-exported: tests read fit.translate
from skam_core.i18n.formats import eur_compact, number, quarter

CAPACITY_STATUS_COLORS = {
    "ok": STAGE_COLORS["fit"],
    "tight": TRAFFIC["amber"],
    "over": TRAFFIC["red"],
    "no_capacity": TRAFFIC["red"],
}


def fit_size_scatter(accounts: pd.DataFrame, current: str | None, lang: str, rho: float | None) -> go.Figure:
    """Fit (y) against revenue (x, log) for every customer whose fit can be judged; the open account ringed."""
    t = translator(lang)
    df = accounts[accounts["fit_score"].notna() & (accounts["revenue"] > 0)]
    fig = go.Figure()
    for stage, color in STAGE_COLORS.items():
        part = df[df["skam_stage"] == stage]
        if part.empty:
            continue
        fig.add_trace(
            go.Scatter(
                x=part["revenue"],
                y=part["fit_score"],
                mode="markers",
                marker={"size": 13, "color": color, "line": {"width": 1, "color": "white"}},
                name=t("stage." + stage),
                hovertext=[
                    f"<b>{plain(r.name)}</b><br>{t('stage.' + r.skam_stage)}<br>{t('fit.chart.fit')}: "
                    f"{number(r.fit_score, lang)}<br>{t('fit.chart.revenue')}: {eur_compact(r.revenue, lang)}"
                    for r in part.itertuples()
                ],
                hoverinfo="text",
            )
        )
    me = df[df["customer_id"] == current]
    if not me.empty:
        r = me.iloc[0]
        fig.add_trace(
            go.Scatter(
                x=[r["revenue"]],
                y=[r["fit_score"]],
                mode="markers+text",
                marker={"size": 24, "color": "rgba(0,0,0,0)", "line": {"width": 2.5, "color": INK}},
                text=[short(r["name"], 28)],
                textposition="top center",
                name=t("fit.chart.this_account"),
                hoverinfo="skip",
            )
        )
    title = t("fit.chart.size_title")
    if rho is not None:
        title += " · " + t("fit.chart.size_rho", rho=number(rho, lang, decimals=2))
    apply_layout(fig, title=title, lang=lang, height=440, legend_title=t("chart.stage"), legend_below=-0.2)
    ticks = log_ticks(df["revenue"]) if not df.empty else []
    fig.update_xaxes(
        title=t("fit.chart.size_x"), type="log", tickvals=ticks, ticktext=[eur_compact(v, lang) for v in ticks]
    )
    fig.update_yaxes(title=t("fit.chart.size_y"), range=[0, 105])
    return fig


def opportunities_by_type(opps: pd.DataFrame, lang: str) -> go.Figure:
    """Customer value and our revenue per year, summed by type of new business."""
    t = translator(lang)
    g = (
        opps.groupby("type")[["customer_value_eur", "our_revenue_eur"]].sum(min_count=1).fillna(0.0)
        if not opps.empty
        else pd.DataFrame(columns=["customer_value_eur", "our_revenue_eur"])
    )
    order = [k.value for k in OpportunityType if k.value in g.index]
    g = g.reindex(order)
    labels = [t(f"enum.opportunity.{k}") for k in order]
    fig = go.Figure()
    for col, name, color in (
        ("customer_value_eur", t("fit.chart.customer_value"), STAGE_COLORS["value"]),
        ("our_revenue_eur", t("fit.chart.our_revenue"), STAGE_COLORS["fit"]),
    ):
        fig.add_trace(
            go.Bar(
                x=labels,
                y=g[col],
                name=name,
                marker_color=color,
                text=[eur_compact(v, lang) for v in g[col]],
                textposition="outside",
                hovertemplate="%{x}: %{text}<extra>" + name + "</extra>",
            )
        )
    apply_layout(fig, title=t("fit.chart.by_type_title"), lang=lang, height=400, legend_below=-0.28)
    fig.update_layout(barmode="group")
    fig.update_xaxes(title=t("fit.chart.by_type_x"), tickangle=0)
    top = float(np.nanmax(g.to_numpy(dtype=float))) if len(g) else 1.0
    eur_axis(fig, lang, t("fit.chart.eur_per_year"), 0.0, top * 1.15)
    return fig


def capacity_chart(check: pd.DataFrame, current_quarter: str, lang: str, account_name: str | None) -> go.Figure:
    """Person-days per quarter across all accounts (this account highlighted) against our capacity."""
    t = translator(lang)
    q = list(check["quarter"])
    past = [x < current_quarter for x in q]
    labels = [quarter(x, lang) for x in q]  # "Q3 2026": the stored key is 2026-Q3
    opacity = [0.45 if p else 1.0 for p in past]
    hover = "%{x}: %{y:,.0f} " + t("fit.chart.pd_short") + "<extra>%{fullData.name}</extra>"
    fig = go.Figure()
    fig.add_trace(
        go.Bar(
            x=labels,
            y=check["others_demand"],
            name=t("fit.chart.other_accounts"),
            marker={"color": "#AEB8C6", "opacity": opacity},
            hovertemplate=hover,
        )
    )
    fig.add_trace(
        go.Bar(
            x=labels,
            y=check["account_demand"],
            name=short(account_name, 30) if account_name else t("fit.chart.this_account"),
            marker={"color": STAGE_COLORS["fit"], "opacity": opacity},
            hovertemplate=hover,
        )
    )
    fig.add_trace(
        go.Scatter(
            x=labels,
            y=check["capacity"],
            name=t("fit.chart.capacity"),
            mode="lines+markers",
            line={"color": INK, "width": 2, "shape": "hvh"},
            marker={"size": 6},
            connectgaps=False,
            hovertemplate=hover,
        )
    )
    bad = check[check["status"].isin(["over", "no_capacity", "tight"])]
    if not bad.empty:
        top = float(np.nanmax(np.r_[check["demand"].to_numpy(dtype=float), check["capacity"].to_numpy(dtype=float)]))
        fig.add_trace(
            go.Scatter(
                x=[quarter(x, lang) for x in bad["quarter"]],
                y=[top * 1.08] * len(bad),
                mode="markers",
                marker={
                    "symbol": "triangle-down",
                    "size": 13,
                    "color": [CAPACITY_STATUS_COLORS[s] for s in bad["status"]],
                },
                name=t("fit.chart.flagged"),
                hovertext=[
                    f"{quarter(r.quarter, lang)}: {t(f'fit.capacity.status.{r.status}')}" for r in bad.itertuples()
                ],
                hoverinfo="text",
            )
        )
    if current_quarter in q:
        fig.add_vline(
            x=q.index(current_quarter) - 0.5,
            line={"dash": "dot", "color": MUTED},
            annotation={"text": t("fit.chart.now"), "font": {"size": 11}},
            annotation_position="top right",
        )
    apply_layout(fig, title=t("fit.chart.capacity_title"), lang=lang, height=420)
    fig.update_layout(barmode="stack")
    fig.update_xaxes(title=t("fit.chart.quarter"), type="category")
    fig.update_yaxes(title=t("fit.chart.person_days"), rangemode="tozero")
    return fig
