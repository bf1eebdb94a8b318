"""Step-1 figures: the five forces as a radar, the weighted priorities, the customer's own customers/markets."""

from __future__ import annotations

import textwrap

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from skam_core.charts.theme import STAGE_COLORS, TRAFFIC, apply_layout
from skam_core.i18n import translate
from skam_core.i18n.formats import eur_compact, number, pct

TREND_COLORS = {"growing": TRAFFIC["green"], "stable": TRAFFIC["grey"], "declining": TRAFFIC["red"], None: "#C9D6E8"}
ACCENT = STAGE_COLORS["strategy"]


def wrap(text: str | None, width: int = 48) -> str:
    """Plotly labels and hovers do not wrap by themselves."""
    if not isinstance(text, str) or not text:
        return ""
    return "<br>".join(textwrap.wrap(text, width, break_long_words=False)) or text


def wrap_hyphen(text: str | None, width: int) -> str:
    """Like ``wrap``, but words longer than a line are split with a hyphen (German compounds in narrow columns)."""
    if not isinstance(text, str) or not text:
        return ""
    lines = []
    for line in textwrap.wrap(text, width, break_long_words=False):
        while len(line) > width:
            lines.append(line[: width - 1] + "-")
            line = line[width - 1 :]
        lines.append(line)
    return "<br>".join(lines)


def eur_axis(fig: go.Figure, lang: str, title: str, low: float, high: float, **kw) -> None:
    """A EUR y-axis with ticks in the language's compact money format (1,2 Mio. € / €1.2M)."""
    span = max(abs(low), abs(high), 1.0)
    raw = span / 4
    mag = 10 ** np.floor(np.log10(raw))
    step = next(m * mag for m in (1, 2, 2.5, 5, 10) if m * mag >= raw)
    first = np.floor(min(low, 0.0) / step) * step
    ticks = list(np.arange(first, max(high, 0.0) + step * 1.01, step))
    fig.update_yaxes(title=title, tickvals=ticks, ticktext=[eur_compact(v, lang) for v in ticks], zeroline=True, **kw)


def short(text: str, width: int = 34) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def forces_radar(profile: pd.DataFrame, lang: str) -> go.Figure:
    """Radar of Porter's five forces acting on the customer, 1 (weak) .. 5 (strong); unscored forces stay open."""

    def t(key: str, **kw) -> str:
        return translate(key, lang, **kw)

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
            fillcolor="rgba(111,149,201,0.25)",
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

    def t(key: str, **kw) -> str:
        return translate(key, lang, **kw)

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
    fig.update_xaxes(
        title=t("strategy.chart.priorities_axis"), ticksuffix=" %" if lang == "de" else "%", rangemode="tozero"
    )
    fig.update_yaxes(title=None, automargin=True)
    fig.update_layout(showlegend=False)
    return fig


def markets_bar(markets: pd.DataFrame, lang: str) -> go.Figure:
    """The customer's own customers/markets by their share of its business, coloured by trend."""

    def t(key: str, **kw) -> str:
        return translate(key, lang, **kw)

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
                text=[number(v, lang) + (" %" if lang == "de" else "%") for v in part["share_pct"]],
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
    )
    top = float(np.nanmax(df["share_pct"])) if not df.empty else 100.0
    fig.update_xaxes(
        title=t("strategy.chart.markets_axis"),
        ticksuffix=" %" if lang == "de" else "%",
        range=[0, max(10.0, top * 1.15)],
    )
    fig.update_yaxes(
        title=None, automargin=True, categoryorder="array", categoryarray=[short(n, 40) for n in df["name"]]
    )
    fig.update_layout(
        barmode="stack",
        showlegend=True,
        legend={"orientation": "h", "y": -0.35, "yanchor": "top", "x": 0, "xanchor": "left"},
    )
    return fig
