"""Profit-page figures: trailing margins of the two groups, the spread of customer margins, the event study,
each account before and after, and size against uplift. DataFrames in, Plotly figures out."""

from __future__ import annotations

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from skam_core.analytics.did import EXPECTED_MONTHS
from skam_core.charts.axes import log_ticks, short
from skam_core.charts.theme import (
    GREY,
    GROUP_COLORS,
    MUTED,
    PALE,
    STATUS_COLORS,
    TRAFFIC,
    apply_layout,
    pp_ticks,
    share_ticks,
    tint,
    translator,
)
from skam_core.i18n.formats import eur_compact, month, number, pct, pp

BAND = tint(GROUP_COLORS["skam"], 0.18)  # the SKAM green, light: the 95 % band
EXPECTED_FILL = tint(TRAFFIC["amber"], 0.13)  # amber, light: the method's 9-18-month expectation


def trailing_margins(monthly: pd.DataFrame, lang: str) -> go.Figure:
    """Lines: trailing-12-month margin of today's SKAM accounts and of all other customers, by month."""
    t = translator(lang)
    df = monthly.dropna(subset=["others_margin_12m"])
    labels = [month(d.date(), lang) for d in pd.to_datetime(df["month"])]
    fig = go.Figure()
    for group, name in (("skam", t("profit.chart.trend_skam")), ("others", t("profit.chart.trend_others"))):
        y = df[f"{group}_margin_12m"]
        if y.isna().all():
            continue  # no SKAM accounts: no line to draw
        fig.add_trace(
            go.Scatter(
                x=labels,
                y=y,
                name=name,
                mode="lines+markers",
                marker={"size": 5},
                line={"color": GROUP_COLORS[group], "width": 3 if group == "skam" else 2},
                showlegend=True,
                hovertext=[f"{name}, {m}: {pct(v, lang)}" for m, v in zip(labels, y, strict=True)],
                hoverinfo="text",
            )
        )
    apply_layout(fig, title=t("profit.chart.trend_title"), lang=lang, height=400)
    fig.update_xaxes(title=t("profit.chart.month_axis"), type="category", nticks=12, tickangle=-45)
    shares = [*df["skam_margin_12m"], *df["others_margin_12m"]]
    fig.update_yaxes(title=t("profit.chart.margin_axis"), rangemode="tozero", **share_ticks(shares, lang, zero=True))
    return fig


def margin_spread(spread: pd.DataFrame, accounts: pd.DataFrame, lang: str) -> go.Figure:
    """Box per group from the pre-computed quantiles (whiskers 5th to 95th percentile), and every SKAM account
    as a point (there are few)."""
    t = translator(lang)
    fig = go.Figure()
    for group in ("others", "skam"):
        row = spread[spread["group"] == group]
        if row.empty:
            continue
        r = row.iloc[0]
        label = t(f"profit.chart.spread_{group}", n=number(r["customers"], lang))
        fig.add_trace(
            go.Box(
                x=[label],
                q1=[r["q25"]],
                median=[r["q50"]],
                q3=[r["q75"]],
                lowerfence=[r["q05"]],
                upperfence=[r["q95"]],
                mean=[r["mean"]],
                name=label,
                marker_color=GROUP_COLORS[group],
                fillcolor=GROUP_COLORS[group],
                opacity=0.55,
                boxmean=True,
                hoverinfo="skip",
                showlegend=False,
            )
        )
        fig.add_annotation(
            x=label,
            y=r["q50"],
            text=f"{pct(r['q50'], lang)}",
            showarrow=False,
            xshift=70,
            font={"size": 12, "color": MUTED},
        )
    pts = accounts.dropna(subset=["margin_last"])
    if not pts.empty and (spread["group"] == "skam").any():
        r = spread[spread["group"] == "skam"].iloc[0]
        label = t("profit.chart.spread_skam", n=number(r["customers"], lang))
        fig.add_trace(
            go.Scatter(
                x=[label] * len(pts),
                y=pts["margin_last"],
                mode="markers",
                name=t("profit.chart.spread_accounts"),
                marker={"color": GROUP_COLORS["skam"], "size": 8, "line": {"width": 1, "color": "white"}},
                hovertext=[f"{n}: {pct(v, lang)}" for n, v in zip(pts["name"], pts["margin_last"], strict=True)],
                hoverinfo="text",
            )
        )
    apply_layout(fig, title=t("profit.chart.spread_title"), lang=lang, height=400)
    shares = [*spread["q05"], *spread["q95"], *pts["margin_last"]]
    fig.update_yaxes(title=t("profit.chart.spread_axis"), **share_ticks(shares, lang))
    fig.update_xaxes(title=t("profit.chart.group_axis"))
    return fig


def event_study(study: pd.DataFrame, months_to_improvement: int | None, lang: str) -> go.Figure:
    """Effect by month since start (percentage points, relative to the mean of the months before the start) with
    its simultaneous 95 % band, the start line and the method's 9-18-month expectation shaded."""
    t = translator(lang)
    s = study.copy()
    fig = go.Figure()
    lo_exp, hi_exp = EXPECTED_MONTHS
    fig.add_vrect(
        x0=lo_exp - 0.5,
        x1=hi_exp + 0.5,
        fillcolor=EXPECTED_FILL,
        line_width=0,
        layer="below",
        annotation={"text": t("profit.chart.event_expected"), "font": {"size": 12, "color": "#8A6D1A"}},
        annotation_position="top left",
    )
    band = s.dropna(subset=["ci_low", "ci_high"])
    fig.add_trace(
        go.Scatter(
            x=np.concatenate([band["k"].to_numpy(), band["k"].to_numpy()[::-1]]),
            y=np.concatenate([band["ci_high"].to_numpy(), band["ci_low"].to_numpy()[::-1]]) * 100,
            fill="toself",
            fillcolor=BAND,
            line={"width": 0},
            name=t("profit.chart.event_band"),
            hoverinfo="skip",
        )
    )
    hover = [
        t(
            "profit.chart.event_hover",
            k=int(r.k),
            est=pp(r.estimate, lang),
            low=pp(r.ci_low, lang),
            high=pp(r.ci_high, lang),
            n=int(r.accounts),
        )
        for r in s.itertuples()
    ]
    fig.add_trace(
        go.Scatter(
            x=s["k"],
            y=s["estimate"] * 100,
            mode="lines+markers",
            name=t("profit.chart.event_estimate"),
            line={"color": GROUP_COLORS["skam"], "width": 2.5},
            marker={"size": 6},
            hovertext=hover,
            hoverinfo="text",
        )
    )
    fig.add_hline(y=0, line={"color": MUTED, "width": 1})
    fig.add_vline(
        x=-0.5,
        line={"dash": "dot", "color": MUTED},
        annotation={"text": t("profit.chart.event_start"), "font": {"size": 12}},
        annotation_position="bottom right",
    )
    if months_to_improvement is not None:
        row = s[s["k"] == months_to_improvement]
        if not row.empty:
            fig.add_annotation(
                x=months_to_improvement,
                y=float(row["estimate"].iloc[0]) * 100,
                text=t("profit.chart.event_clear", k=months_to_improvement),
                showarrow=True,
                arrowhead=2,
                ax=-60,
                ay=-45,
                font={"size": 12, "color": STATUS_COLORS["done"]},
            )
    apply_layout(fig, title=t("profit.chart.event_title"), lang=lang, height=460)
    fig.update_xaxes(title=t("profit.chart.event_axis_x"), dtick=3, zeroline=False)
    fig.update_yaxes(title=t("profit.chart.event_axis_y"), **pp_ticks(lang))
    return fig


def before_after(accounts: pd.DataFrame, lang: str) -> go.Figure:
    """Dumbbells: each account's margin in the 12 months before its start against the last 12 months."""
    t = translator(lang)
    df = accounts.dropna(subset=["margin_last"]).sort_values("skam_start", ascending=False)
    names = [short(n, 28) for n in df["name"]]
    fig = go.Figure()
    for name, b, a in zip(names, df["margin_before"], df["margin_last"], strict=True):
        if pd.notna(b):
            fig.add_trace(
                go.Scatter(
                    x=[b, a],
                    y=[name, name],
                    mode="lines",
                    line={"color": PALE, "width": 4},
                    showlegend=False,
                    hoverinfo="skip",
                )
            )
    for col, key, group in (("margin_before", "before", "others"), ("margin_last", "last", "skam")):
        fig.add_trace(
            go.Scatter(
                x=df[col],
                y=names,
                mode="markers",
                name=t(f"profit.chart.{key}"),
                marker={"color": GROUP_COLORS[group], "size": 11},
                hovertext=[f"{n}: {pct(v, lang)}" for n, v in zip(names, df[col], strict=True)],
                hoverinfo="text",
            )
        )
    apply_layout(fig, title=t("profit.chart.before_after_title"), lang=lang, height=max(320, 60 + 34 * len(df)))
    shares = [*df["margin_before"], *df["margin_last"]]
    fig.update_xaxes(title=t("profit.chart.account_margin_axis"), **share_ticks(shares, lang))
    fig.update_yaxes(title=t("profit.chart.account_axis"), type="category", automargin=True)
    return fig


def size_uplift(accounts: pd.DataFrame, correlation: float | None, lang: str) -> go.Figure:
    """Scatter: size before the start (log) against uplift (pp), with a least-squares line when there is a
    correlation."""
    t = translator(lang)
    df = accounts.dropna(subset=["uplift", "revenue_before"])
    df = df[df["revenue_before"] > 0]
    fig = go.Figure()
    hover = [
        t("profit.chart.size_hover", name=r.name, size=eur_compact(r.revenue_before, lang), uplift=pp(r.uplift, lang))
        for r in df.itertuples()
    ]
    fig.add_trace(
        go.Scatter(
            x=df["revenue_before"],
            y=df["uplift"] * 100,
            mode="markers",
            marker={"color": GROUP_COLORS["skam"], "size": 11, "line": {"width": 1, "color": "white"}},
            hovertext=hover,
            hoverinfo="text",
            showlegend=False,
        )
    )
    if correlation is not None and len(df) >= 3:
        x = np.log10(df["revenue_before"].to_numpy(dtype="float64"))
        slope, intercept = np.polyfit(x, df["uplift"].to_numpy(dtype="float64") * 100, 1)
        xs = np.linspace(x.min(), x.max(), 20)
        fig.add_trace(
            go.Scatter(
                x=10**xs,
                y=intercept + slope * xs,
                mode="lines",
                line={"dash": "dash", "color": MUTED},
                name=t("profit.chart.fit_line", r=number(correlation, lang, decimals=2)),
                hoverinfo="skip",
            )
        )
    fig.add_hline(y=0, line={"color": GREY, "width": 1})
    apply_layout(fig, title=t("profit.chart.size_title"), lang=lang, height=400)
    ticks = log_ticks(df["revenue_before"], pad=1.3, min_ticks=4) if not df.empty else []
    span = (
        [
            np.log10(min(ticks + [df["revenue_before"].min()]) / 1.1),
            np.log10(max(ticks + [df["revenue_before"].max()]) * 1.1),
        ]
        if ticks
        else None
    )
    fig.update_xaxes(
        title=t("profit.chart.size_axis"),
        type="log",
        range=span,
        tickvals=ticks,
        ticktext=[eur_compact(v, lang) for v in ticks],
    )
    fig.update_yaxes(title=t("profit.chart.uplift_axis"), **pp_ticks(lang))
    return fig
