"""Step-3 figures: value to the customer as a waterfall, our economics over time, the proposed sequence and the
copy risk of each component."""

from __future__ import annotations

from datetime import date
from typing import Any

import pandas as pd
import plotly.graph_objects as go

from skam_core.charts.axes import eur_axis, short, wrap
from skam_core.charts.theme import (
    GREY,
    INK,
    MUTED,
    PALE,
    TRAFFIC,
    VALUE_STATUS_COLORS,
    apply_layout,
    eur_hover,
    translator,
)
from skam_core.domain.validation import month_add
from skam_core.i18n.formats import eur, eur_compact, number, quarter

EARNING_COLOR = "#DCE3EC"  # the time a component earns after its delivery
COPY_RISK_COLORS = {1: TRAFFIC["green"], 2: TRAFFIC["green"], 3: TRAFFIC["amber"], 4: TRAFFIC["red"], 5: TRAFFIC["red"]}


def _label(row: Any, width: int = 26) -> str:  # a row of DataFrame.itertuples()
    seq = "" if row.sequence_no is None or pd.isna(row.sequence_no) else f"{int(row.sequence_no)} · "
    return seq + short(row.title, width)


def benefit_waterfall(comps: pd.DataFrame, lang: str) -> go.Figure:
    """Customer benefit per year, component by component in the proposed sequence, up to the total.

    Bars float on the running sum and take the colour of the component's status; declined components are left
    out of the total (the customer said no)."""
    t = translator(lang)
    df = comps[(comps["status"] != "declined") & comps["customer_benefit_eur"].notna()]
    labels = [wrap(_label(r, 40), 18) for r in df.itertuples()]
    values = df["customer_benefit_eur"].to_numpy(dtype=float)
    bases = values.cumsum() - values
    fig = go.Figure()
    for status, color in VALUE_STATUS_COLORS.items():
        mask = (df["status"] == status).to_numpy()
        if not mask.any():
            continue
        fig.add_trace(
            go.Bar(
                x=[lab for lab, m in zip(labels, mask, strict=True) if m],
                y=values[mask],
                base=bases[mask],
                name=t(f"enum.value_status.{status}"),
                marker_color=color,
                text=[eur_compact(v, lang) for v in values[mask]],
                textposition="inside",
                hovertext=[
                    f"<b>{wrap(r.title)}</b><br>{t('value.chart.benefit')}: {eur(r.customer_benefit_eur, lang)}"
                    for r in df[mask].itertuples()
                ],
                hoverinfo="text",
            )
        )
    total = float(values.sum())
    fig.add_trace(
        go.Bar(
            x=[t("value.chart.total")],
            y=[total],
            name=t("value.chart.total"),
            marker_color=INK,
            text=[eur_compact(total, lang)],
            textposition="inside",
            hovertemplate=t("value.chart.total") + ": " + eur(total, lang) + "<extra></extra>",
            showlegend=False,
        )
    )
    apply_layout(
        fig,
        title=t("value.chart.waterfall_title"),
        lang=lang,
        height=460,
        legend_title=t("value.status"),
        legend_below=-0.32,
    )
    fig.update_layout(barmode="overlay", bargap=0.25)
    fig.update_xaxes(
        title=t("value.chart.component_axis"),
        categoryorder="array",
        categoryarray=[*labels, t("value.chart.total")],
        tickangle=0,
    )
    eur_axis(fig, lang, t("value.chart.benefit_axis"), 0.0, total * 1.05, zerolinecolor=GREY)
    return fig


def economics_chart(periods: pd.DataFrame, lang: str, period_label: str) -> go.Figure:
    """Our side per period: revenue and effort cost as bars, profit (contribution - effort) and cumulative profit."""
    t = translator(lang)
    money = f"%{{x}}: {eur_hover(lang)}<extra>%{{fullData.name}}</extra>"
    x = [quarter(p, lang) for p in periods["period"]]  # "Q3 2026" (stored 2026-Q3); years as they are
    fig = go.Figure()
    fig.add_trace(
        go.Bar(
            x=x,
            y=periods["revenue"],
            name=t("value.chart.revenue"),
            marker_color=PALE,
            hovertemplate=money,
        )
    )
    fig.add_trace(
        go.Bar(
            x=x,
            y=-periods["effort_cost"],
            name=t("value.chart.effort_cost"),
            marker_color=TRAFFIC["red"],
            opacity=0.75,
            hovertemplate=money,
        )
    )
    fig.add_trace(
        go.Scatter(
            x=x,
            y=periods["profit"],
            name=t("value.chart.profit"),
            mode="lines+markers",
            line={"color": TRAFFIC["green"], "width": 2.5},
            hovertemplate=money,
        )
    )
    fig.add_trace(
        go.Scatter(
            x=x,
            y=periods["cumulative_profit"],
            name=t("value.chart.cumulative"),
            mode="lines",
            line={"color": INK, "width": 2, "dash": "dash"},
            hovertemplate=money,
        )
    )
    apply_layout(fig, title=t("value.chart.economics_title"), lang=lang, height=420)
    fig.update_layout(barmode="relative")
    fig.update_xaxes(title=period_label, type="category")
    low = float(min((-periods["effort_cost"]).min(), periods["cumulative_profit"].min(), periods["profit"].min(), 0.0))
    high = float(max(periods["revenue"].max(), periods["cumulative_profit"].max(), 0.0))
    eur_axis(fig, lang, t("value.chart.eur_per_period"), low, high, zerolinecolor=GREY)
    return fig


def sequence_timeline(comps: pd.DataFrame, lang: str, today: date, horizon_end: date | None = None) -> go.Figure:
    """The proposed sequence: each component's delivery (start to end, in its status colour) and the time it
    earns afterwards (pale), in the order of the sequence."""
    t = translator(lang)
    df = comps[comps["start_month"].notna() & comps["duration_months"].notna()]
    labels = [_label(r, 36) for r in df.itertuples()]
    fig = go.Figure()
    shown: set[str] = set()
    for lab, r in zip(labels, df.itertuples(), strict=True):
        start = pd.Timestamp(r.start_month)
        end = pd.Timestamp(month_add(r.start_month, int(r.duration_months)))
        color = VALUE_STATUS_COLORS.get(r.status, VALUE_STATUS_COLORS["draft"])
        fig.add_trace(
            go.Bar(
                x=[(end - start).total_seconds() * 1000],
                y=[lab],
                base=[start],
                orientation="h",
                marker_color=color,
                name=t(f"enum.value_status.{r.status}"),
                legendgroup=r.status,
                showlegend=r.status not in shown,
                hovertext=[
                    f"<b>{wrap(r.title)}</b><br>{t('value.chart.delivery')}: {start:%m/%Y} – "
                    f"{(end - pd.Timedelta(days=1)):%m/%Y} "
                    f"({number(r.duration_months, lang)} {t('value.chart.months')})"
                ],
                hoverinfo="text",
            )
        )
        shown.add(r.status)
        if horizon_end is not None and r.status != "declined":
            tail_end = pd.Timestamp(horizon_end)
            if tail_end > end:
                fig.add_trace(
                    go.Bar(
                        x=[(tail_end - end).total_seconds() * 1000],
                        y=[lab],
                        base=[end],
                        orientation="h",
                        marker={"color": EARNING_COLOR},
                        name=t("value.chart.earning"),
                        legendgroup="earning",
                        showlegend="earning" not in shown,
                        hovertext=[f"{wrap(r.title)}<br>{t('value.chart.earning_from', month=f'{end:%m/%Y}')}"],
                        hoverinfo="text",
                    )
                )
                shown.add("earning")
    fig.add_vline(
        x=pd.Timestamp(today).timestamp() * 1000,
        line={"dash": "dot", "color": MUTED},
        annotation={"text": t("value.chart.today"), "font": {"size": 11}},
    )
    apply_layout(fig, title=t("value.chart.timeline_title"), lang=lang, height=150 + 48 * max(len(df), 1))
    fig.update_layout(barmode="overlay")
    fig.update_xaxes(title=t("value.chart.month_axis"), type="date", tickformat="%m/%Y")
    fig.update_yaxes(title=None, autorange="reversed", automargin=True, categoryorder="array", categoryarray=labels)
    return fig


def copy_risk_bar(comps: pd.DataFrame, lang: str) -> go.Figure:
    """How easily a competitor could offer the same, 1 (hard) .. 5 (easy), with the reason on hover."""
    t = translator(lang)
    df = comps[comps["copy_risk"].notna()]
    labels = [_label(r) for r in df.itertuples()]
    fig = go.Figure(
        go.Bar(
            x=df["copy_risk"],
            y=labels,
            orientation="h",
            marker_color=[COPY_RISK_COLORS.get(int(v), TRAFFIC["grey"]) for v in df["copy_risk"]],
            text=[t(f"value.copy_risk.{int(v)}") for v in df["copy_risk"]],
            textposition="auto",
            cliponaxis=False,
            hovertext=[f"<b>{wrap(r.title)}</b><br>{wrap(r.copy_risk_reason)}" for r in df.itertuples()],
            hoverinfo="text",
        )
    )
    apply_layout(fig, title=t("value.chart.copy_title"), lang=lang, height=150 + 48 * max(len(df), 1))
    fig.update_xaxes(title=t("value.chart.copy_axis"), range=[0, 6.2], tickvals=[1, 2, 3, 4, 5])
    fig.update_yaxes(title=None, autorange="reversed", automargin=True)
    fig.update_layout(showlegend=False)
    return fig
