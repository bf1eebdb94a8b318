"""Portfolio figures: strategic fit against size, key accounts per stage, one account's monthly margin."""

from __future__ import annotations

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from skam_core.charts.axes import log_ticks, plain, short
from skam_core.charts.theme import (
    GREY,
    GROUP_COLORS,
    MUTED,
    PALE,
    STAGE_COLORS,
    apply_layout,
    eur_hover,
    eur_ticks,
    month_format,
    share_ticks,
    translator,
)
from skam_core.i18n.formats import eur_compact, number, pct


def fit_size_matrix(accounts: pd.DataFrame, lang: str) -> go.Figure:
    """Bubble matrix: fit (x) against revenue (y, log), bubble area ~ revenue, colour = stage.

    ``customdata[0]`` is the customer_id, so a selected bubble tells which account to open.
    """
    t = translator(lang)
    df = accounts[accounts["fit_score"].notna() & (accounts["revenue"] > 0)].copy()
    fig = go.Figure()
    if not df.empty:
        size_ref = 2.0 * float(np.sqrt(df["revenue"].max())) / (46.0**2) if df["revenue"].max() > 0 else 1
        for stage in STAGE_COLORS:
            part = df[df["skam_stage"] == stage]
            if part.empty:
                continue
            hover = [
                f"<b>{plain(r.name)}</b><br>{t('stage.' + r.skam_stage)}<br>"
                f"{t('chart.fit')}: {number(r.fit_score, lang)}"
                f"<br>{t('chart.revenue_12m')}: {eur_compact(r.revenue, lang)}<br>{t('chart.margin')}: "
                f"{pct(r.margin, lang)}"
                for r in part.itertuples()
            ]
            # Alternate label positions by fit rank so that neighbouring bubbles' names collide less.
            rank = part["fit_score"].rank(method="first").astype(int).to_numpy()
            fig.add_trace(
                go.Scatter(
                    x=part["fit_score"],
                    y=part["revenue"],
                    mode="markers+text",
                    text=[short(n, 22) for n in part["name"]],
                    textposition=["top center" if r % 2 else "bottom center" for r in rank],
                    textfont={"size": 10, "color": MUTED},
                    marker={
                        "size": np.sqrt(part["revenue"]),
                        "sizemode": "area",
                        "sizeref": size_ref,
                        "sizemin": 6,
                        "color": STAGE_COLORS[stage],
                        "line": {"width": 1, "color": "white"},
                        "opacity": 0.85,
                    },
                    name=t("stage." + stage),
                    customdata=np.stack([part["customer_id"]], axis=-1),
                    hovertext=hover,
                    hoverinfo="text",
                )
            )
        fig.add_vline(
            x=60,
            line={"dash": "dot", "color": GREY},
            annotation={"text": t("chart.good_fit_threshold"), "font": {"size": 11, "color": MUTED}},
            annotation_position="top",
        )
    apply_layout(
        fig, title=t("chart.fit_size_title"), lang=lang, height=480, legend_title=t("chart.stage"), legend_below=-0.18
    )
    # Room right of 100 so that the names of accounts with a perfect fit are not cut off.
    fig.update_xaxes(title=t("chart.fit_axis"), range=[-3, 118], tickvals=[0, 20, 40, 60, 80, 100], zeroline=False)
    ticks = log_ticks(df["revenue"]) if not df.empty else []
    fig.update_yaxes(
        title=t("chart.revenue_axis"), type="log", tickvals=ticks, ticktext=[eur_compact(v, lang) for v in ticks]
    )
    # clickmode/dragmode stay unset: Streamlit's point selection makes a click select a bubble (a set
    # dragmode of 'select' would turn clicks into plain events).
    return fig


def stage_bars(stage_counts: pd.Series, lang: str) -> go.Figure:
    t = translator(lang)
    labels = [t("stage." + s) for s in stage_counts.index]
    fig = go.Figure(
        go.Bar(
            x=stage_counts.to_numpy(),
            y=labels,
            orientation="h",
            text=stage_counts.to_numpy(),
            textposition="auto",
            marker_color=[STAGE_COLORS[s] for s in stage_counts.index],
            hovertemplate="%{y}: %{x}<extra></extra>",
        )
    )
    apply_layout(fig, title=t("chart.stages_title"), lang=lang, height=300)
    fig.update_xaxes(title=t("chart.accounts_count"), dtick=1)
    fig.update_yaxes(autorange="reversed", title=None)
    fig.update_layout(showlegend=False)
    return fig


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
    fig.update_xaxes(title=t("chart.month_axis"))
    return fig
