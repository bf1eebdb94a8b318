"""Portfolio figures: one account's monthly margin (the bubble matrix and the stage bars of the first screen are
drawn on the server: charts.bubbles, charts.bars)."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from skam_core.charts.theme import (
    GROUP_COLORS,
    PALE,
    apply_layout,
    eur_hover,
    eur_ticks,
    month_format,
    share_ticks,
    translator,
)
from skam_core.i18n.formats import pct


def account_margin_trend(
    monthly: pd.DataFrame,
    others_margin: float | None,
    lang: str,
    name: str,
    skam_start: object = None,
    *,
    title: str | None = None,
) -> go.Figure:
    """Bars: monthly revenue; line: monthly margin, against the others' 12-month margin and the SKAM start."""
    from plotly.subplots import make_subplots

    t = translator(lang)
    fig = make_subplots(specs=[[{"secondary_y": True}]])
    when = f"%{{x|{month_format(lang)}}}"
    months = pd.to_datetime(monthly["month"])
    fig.add_trace(
        go.Bar(
            x=months,
            y=monthly["revenue"],
            name=t("chart.revenue_month"),
            marker_color=PALE,
            hovertemplate=f"{when}: {eur_hover(lang)}<extra></extra>",
        ),
        secondary_y=False,
    )
    fig.add_trace(
        go.Scatter(
            x=months,
            y=monthly["margin"],
            name=t("chart.margin"),
            mode="lines+markers",
            line={"color": GROUP_COLORS["skam"], "width": 2.5},
            customdata=[pct(v, lang) for v in monthly["margin"]],
            hovertemplate=f"{when}: %{{customdata}}<extra></extra>",
        ),
        secondary_y=True,
    )
    if others_margin is not None:
        fig.add_hline(
            y=others_margin,
            line={"dash": "dash", "color": GROUP_COLORS["others"]},
            secondary_y=True,
            annotation={"text": t("chart.others_margin"), "font": {"size": 11}},
            annotation_position="bottom left",
        )
    if skam_start is not None and not pd.isna(skam_start):
        x = pd.Timestamp(skam_start)
        if months.min() <= x <= months.max() + pd.offsets.MonthEnd(1):
            fig.add_vline(
                x=x.timestamp() * 1000,
                line={"dash": "dot", "color": GROUP_COLORS["skam"]},
                annotation={"text": t("chart.skam_start"), "font": {"size": 11}},
            )
    apply_layout(fig, title=title or t("chart.account_trend_title", name=name), lang=lang, height=360)
    fig.update_yaxes(
        title=t("chart.revenue_month_axis"),
        secondary_y=False,
        **eur_ticks(lang, monthly["revenue"]),
    )
    margins = [*monthly["margin"], *([others_margin] if others_margin is not None else [])]
    fig.update_yaxes(title=t("chart.margin_axis"), secondary_y=True, showgrid=False, **share_ticks(margins, lang))
    fig.update_xaxes(title=t("chart.month_axis"), tickformat=month_format(lang))  # Plotly's month names are English
    return fig
