"""Figures of the steering pack: value delivered against the proposition, and KPI traffic lights."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from skam_core.charts.axes import wrap
from skam_core.charts.theme import STATUS_COLORS, TRAFFIC, apply_layout, eur_ticks, translator
from skam_core.i18n.formats import eur_compact


def value_delivery(components: pd.DataFrame, lang: str) -> go.Figure:
    """Per accepted component: customer benefit per year, coloured delivered / in delivery."""
    t = translator(lang)
    df = components[components["status"].isin(["accepted", "partly_accepted"])].copy()
    df = df.sort_values("customer_benefit_eur")
    fig = go.Figure()
    for delivered, color, label in (
        (True, STATUS_COLORS["done"], t("steering.value.delivered")),
        (False, STATUS_COLORS["open"], t("steering.value.in_delivery")),
    ):
        part = df[df["delivered"] == delivered]
        if part.empty:
            continue
        fig.add_trace(
            go.Bar(
                x=part["customer_benefit_eur"],
                # two short lines, not one long one: the labels leave the bars room even in a half-page chart
                y=[wrap(x if len(x) <= 44 else x[:43] + "…", 24) for x in part["title"]],
                orientation="h",
                marker_color=color,
                name=label,
                text=[eur_compact(v, lang) for v in part["customer_benefit_eur"]],
                textposition="auto",
                cliponaxis=False,  # a label beside a short bar stays whole (the axis leaves room for it)
                customdata=[f"{d}/{m}" for d, m in zip(part["done"], part["milestones"], strict=True)],
                hovertemplate="%{y}<br>%{text}<br>"
                + t("steering.value.milestones_done")
                + ": %{customdata}<extra></extra>",
            )
        )
    apply_layout(fig, title=t("steering.value.chart_title"), lang=lang, height=max(240, 80 + 48 * len(df)))
    top = float(df["customer_benefit_eur"].max()) if not df.empty else 0.0
    # Room right of the longest bar for a label outside it; three ticks stay level even in a half-page chart.
    fig.update_xaxes(
        title=t("steering.value.axis"),
        range=[0, top * 1.3] if top > 0 else None,
        **eur_ticks(lang, df["customer_benefit_eur"], n=3),
    )
    fig.update_yaxes(title=None)
    fig.update_layout(barmode="stack")
    return fig


def kpi_lights(kpis: pd.DataFrame, lang: str) -> go.Figure:
    """One marker per KPI: green / amber / red / grey (no value), the latest value against its target."""
    t = translator(lang)
    names = list(kpis["name"])
    fig = go.Figure(
        go.Scatter(
            x=[1] * len(kpis),
            y=names,
            mode="markers+text",
            marker={"size": 26, "color": [TRAFFIC.get(x, TRAFFIC["grey"]) for x in kpis["light"]]},
            text=[t(f"steering.light.{x}") for x in kpis["light"]],
            textposition="middle right",
            hovertemplate="%{y}: %{text}<extra></extra>",
        )
    )
    apply_layout(fig, title=t("steering.kpi.chart_title"), lang=lang, height=max(200, 70 + 45 * len(kpis)))
    fig.update_xaxes(visible=False, range=[0.9, 1.6])
    fig.update_yaxes(autorange="reversed", title=None)
    fig.update_layout(showlegend=False)
    return fig


def enlarge(fig: go.Figure, size: int, height: int | None = None) -> go.Figure:
    """The same chart with large type everywhere (title, ticks, axis titles, legend, bar labels), for the
    projector and the half-page charts of the board pack; ``height`` in px when given."""
    fig.update_layout(font={"size": size}, title_font_size=size + 6, legend_font_size=size)
    if height is not None:
        fig.update_layout(height=height)
    fig.update_xaxes(tickfont_size=size, title_font_size=size)
    fig.update_yaxes(tickfont_size=size, title_font_size=size)
    fig.update_annotations(font_size=size - 2)
    fig.update_traces(textfont_size=size, textangle=0, selector={"type": "bar"})  # never turned sideways
    return fig
