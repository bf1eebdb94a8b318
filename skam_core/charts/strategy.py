"""Step-1 figures: the five forces as a radar, the weighted priorities, the customer's own customers/markets."""

from __future__ import annotations

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from skam_core.charts.axes import short, wrap
from skam_core.charts.axes import wrap_hyphen as wrap_hyphen  # re-exported: its old home (tests import it here)
from skam_core.charts.theme import PALE, STAGE_COLORS, TRAFFIC, apply_layout, pct_suffix, pct_ticks, tint, translator
from skam_core.i18n.formats import number, pct

TREND_COLORS = {"growing": TRAFFIC["green"], "stable": TRAFFIC["grey"], "declining": TRAFFIC["red"], None: PALE}
ACCENT = STAGE_COLORS["strategy"]


def forces_radar(profile: pd.DataFrame, lang: str) -> go.Figure:
    """Radar of Porter's five forces acting on the customer, 1 (weak) .. 5 (strong); unscored forces stay open."""
    t = translator(lang)
    labels = [wrap(t(f"enum.force.{f}"), 18) for f in profile["force"]]
    scores = [None if pd.isna(s) else float(s) for s in profile["score"]]
    hover = [
        f"<b>{t(f'enum.force.{f}')}</b>: {number(s, lang) if s is not None else t('strategy.not_scored')}<br>{wrap(e)}"
        for f, s, e in zip(profile["force"], scores, profile["evidence"], strict=True)
    ]
    fig = go.Figure(
        go.Scatterpolar(
            r=scores + scores[:1],
            theta=labels + labels[:1],
            fill="toself",
            fillcolor=tint(ACCENT, 0.25),
            line={"color": ACCENT, "width": 2.5},
            marker={"size": 9, "color": ACCENT},
            hovertext=hover + hover[:1],
            hoverinfo="text",
            connectgaps=False,
            name=t("strategy.chart.forces_series"),
        )
    )
    n = sum(s is not None for s in scores)
    apply_layout(fig, title=t("strategy.chart.forces_title", n=n), lang=lang, height=440)
    fig.update_layout(
        showlegend=False,
        polar={
            "radialaxis": {"range": [0, 5], "tickvals": [1, 2, 3, 4, 5], "angle": 90, "tickangle": 90},
            "angularaxis": {"direction": "clockwise", "rotation": 90, "tickfont": {"size": 12}},
            "domain": {"x": [0.2, 0.8], "y": [0.02, 0.9]},
        },
        margin={"l": 30, "r": 30, "t": 70, "b": 30},
    )
    return fig


def priorities_bar(priorities: pd.DataFrame, lang: str) -> go.Figure:
    """The customer's priorities by their share of the total weight."""
    t = translator(lang)
    df = priorities.sort_values("share", ascending=True)
    fig = go.Figure(
        go.Bar(
            x=df["share"] * 100,
            y=[short(p, 48) for p in df["priority"]],
            orientation="h",
            marker_color=ACCENT,
            text=[pct(s, lang, decimals=0) for s in df["share"]],
            textposition="auto",
            hovertext=[
                f"{wrap(p)}<br>{t('strategy.chart.weight')}: {number(w, lang, decimals=1)} ({pct(s, lang, decimals=0)})"
                for p, w, s in zip(df["priority"], df["weight"], df["share"], strict=True)
            ],
            hoverinfo="text",
        )
    )
    apply_layout(fig, title=t("strategy.chart.priorities_title"), lang=lang, height=120 + 42 * len(df))
    fig.update_xaxes(title=t("strategy.chart.priorities_axis"), rangemode="tozero", **pct_ticks(lang))
    fig.update_yaxes(title=None, automargin=True)
    fig.update_layout(showlegend=False)
    return fig


def markets_bar(markets: pd.DataFrame, lang: str) -> go.Figure:
    """The customer's own customers/markets by their share of its business, coloured by trend."""
    t = translator(lang)
    df = markets[markets["share_pct"].notna()].sort_values("share_pct", ascending=True)
    fig = go.Figure()
    for trend in ("growing", "stable", "declining", None):
        part = df[df["trend"].isna()] if trend is None else df[df["trend"] == trend]
        if part.empty:
            continue
        fig.add_trace(
            go.Bar(
                x=part["share_pct"],
                y=[short(n, 40) for n in part["name"]],
                orientation="h",
                marker_color=TREND_COLORS[trend],
                name=t(f"enum.trend.{trend}") if trend else t("strategy.trend_unknown"),
                text=[number(v, lang) + pct_suffix(lang) for v in part["share_pct"]],
                textposition="auto",
                hovertext=[f"<b>{wrap(n)}</b><br>{wrap(d)}" for n, d in zip(part["name"], part["demand"], strict=True)],
                hoverinfo="text",
            )
        )
    apply_layout(
        fig,
        title=t("strategy.chart.markets_title"),
        lang=lang,
        height=200 + 40 * max(len(df), 1),
        legend_title=t("strategy.chart.trend"),
        legend_below=-0.35,
    )
    top = float(np.nanmax(df["share_pct"])) if not df.empty else 100.0
    fig.update_xaxes(
        title=t("strategy.chart.markets_axis"),
        range=[0, max(10.0, top * 1.15)],
        **pct_ticks(lang),
    )
    fig.update_yaxes(
        title=None, automargin=True, categoryorder="array", categoryarray=[short(n, 40) for n in df["name"]]
    )
    fig.update_layout(barmode="stack", showlegend=True)
    return fig
