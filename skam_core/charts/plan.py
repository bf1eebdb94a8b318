"""Plan figures (step 4): the stakeholder map — influence against attitude, coloured by function."""

from __future__ import annotations

import math
from typing import Any

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from skam_core.charts.axes import plain, short
from skam_core.charts.theme import MUTED, SLATE, TRAFFIC, apply_layout, translator
from skam_core.domain.enums import StakeholderFunction
from skam_core.i18n.formats import day

# One colour per function (a categorical palette; the status colours keep their own meaning elsewhere).
FUNCTION_COLORS = {
    "management": "#1F5F99",
    "finance": "#E08E2B",
    "rnd": "#2BA3A3",
    "production": "#8C6BB1",
    "purchasing": "#D9577E",
    "quality": "#C9A227",
    "logistics": "#8C6D4F",
    "sales": "#5B9E3F",
    "it": SLATE,
}
ATTITUDES = (-2, -1, 0, 1, 2)
INFLUENCES = (1, 2, 3, 4, 5)


def spread(xs: list[float], ys: list[float], radius: float = 0.2) -> tuple[list[float], list[float]]:
    """Points sharing a position are placed on a small circle around it (deterministically), so that every
    bubble stays visible and hoverable; single points stay where they are."""
    groups: dict[tuple[float, float], list[int]] = {}
    for i, (x, y) in enumerate(zip(xs, ys, strict=True)):
        groups.setdefault((x, y), []).append(i)
    out_x, out_y = list(map(float, xs)), list(map(float, ys))
    for (x, y), idx in groups.items():
        if len(idx) < 2:
            continue
        for k, i in enumerate(idx):
            angle = math.pi / 2 + 2 * math.pi * k / len(idx)
            out_x[i] = x + radius * math.cos(angle)
            out_y[i] = y + radius * 0.8 * math.sin(angle)
    return out_x, out_y


def stakeholder_map(stakeholders: pd.DataFrame, lang: str, *, title: str | None = None) -> go.Figure:
    """Influence (1-5, y) against attitude to us (-2 .. +2, x), one colour per function, names on hover.

    Expects the columns of ``analytics.stakeholders.with_engagement`` (``engaged``, ``days_since_contact``).
    Diamonds: responsible for the long-term business; open markers: not contacted within the contact window.
    """
    t = translator(lang)
    fig = go.Figure()
    # Zones: influential opponents to win over (top left), influential champions (top right).
    fig.add_shape(type="rect", x0=-2.5, x1=-0.5, y0=3.5, y1=5.5, fillcolor=TRAFFIC["red"], opacity=0.07, line_width=0)
    fig.add_shape(type="rect", x0=0.5, x1=2.5, y0=3.5, y1=5.5, fillcolor=TRAFFIC["green"], opacity=0.07, line_width=0)
    fig.add_annotation(
        x=-2.45,
        y=5.45,
        text=t("plan.map.zone_risk"),
        showarrow=False,
        xanchor="left",
        yanchor="top",
        font={"size": 11, "color": "#8A3B3B"},
    )
    fig.add_annotation(
        x=2.45,
        y=5.45,
        text=t("plan.map.zone_champions"),
        showarrow=False,
        xanchor="right",
        yanchor="top",
        font={"size": 11, "color": "#2F6B45"},
    )
    df = stakeholders.copy()
    if not df.empty:
        xs, ys = spread(list(df["attitude"].astype(float)), list(df["influence"].astype(float)))
        df["_x"], df["_y"] = xs, ys
        for func in [f.value for f in StakeholderFunction]:
            part = df[df["function"] == func]
            if part.empty:
                continue
            symbols = [
                ("diamond" if lt else "circle") + ("" if eng else "-open")
                for lt, eng in zip(part["long_term_responsibility"], part["engaged"], strict=True)
            ]
            hover = [_hover(r, lang) for r in part.to_dict("records")]
            color = FUNCTION_COLORS.get(func, SLATE)
            fig.add_trace(
                go.Scatter(
                    x=part["_x"],
                    y=part["_y"],
                    mode="markers+text",
                    text=[short(n, 18) for n in part["name"]],
                    textposition="bottom center",
                    textfont={"size": 10, "color": MUTED},
                    marker={
                        "size": 20,
                        "color": color,
                        "symbol": symbols,
                        "line": {"width": 2, "color": color},
                        "opacity": 0.9,
                    },
                    name=t(f"enum.function.{func}"),
                    hovertext=hover,
                    hoverinfo="text",
                )
            )
    apply_layout(
        fig,
        title=title or t("plan.map.title"),
        lang=lang,
        height=470,
        legend_title=t("plan.map.legend"),
        legend_below=-0.2,
    )
    fig.update_xaxes(
        title=t("plan.map.x_axis"),
        range=[-2.6, 2.6],
        tickvals=list(ATTITUDES),
        ticktext=[t(f"plan.attitude.{a}") for a in ATTITUDES],
        zeroline=True,
        zerolinecolor="#CBD2D9",
        showgrid=False,
    )
    fig.update_yaxes(title=t("plan.map.y_axis"), range=[0.4, 5.6], tickvals=list(INFLUENCES), showgrid=True)
    return fig


def _hover(r: dict[str, Any], lang: str) -> str:
    t = translator(lang)
    last = r.get("last_contact")
    if last is None or (not isinstance(last, str) and pd.isna(last)):
        contact = t("plan.map.never_contacted")
    else:
        contact = t(
            "plan.map.last_contact", day=day(pd.Timestamp(last).date(), lang), days=int(r["days_since_contact"])
        )
    lines = [
        f"<b>{plain(r['name'])}</b>",
        plain(r.get("job_title") or ""),
        f"{t('plan.col.function')}: {t('enum.function.' + str(r['function']))}",
        f"{t('plan.col.influence')}: {int(r['influence'])} · {t('plan.col.attitude')}: "
        f"{t('plan.attitude.' + str(int(r['attitude'])))}",
    ]
    if r.get("long_term_responsibility"):
        lines.append(t("plan.map.long_term"))
    lines.append(contact)
    if r.get("our_contact"):
        lines.append(f"{t('plan.col.our_contact')}: {r['our_contact']}")
    return "<br>".join(x for x in lines if x)


def function_bars(coverage: pd.DataFrame, lang: str) -> go.Figure:
    """Stakeholders per function: engaged (contacted recently) and not engaged, key functions first."""
    t = translator(lang)
    df = coverage.copy()
    labels = [
        t(f"enum.function.{f}") + (" *" if k else "") for f, k in zip(df["function"], df["key_function"], strict=True)
    ]
    hover = "%{y}: %{x}<extra></extra>"
    fig = go.Figure()
    fig.add_trace(
        go.Bar(
            y=labels,
            x=df["engaged"],
            orientation="h",
            name=t("plan.cov.engaged"),
            marker_color=TRAFFIC["green"],
            hovertemplate=hover,
        )
    )
    fig.add_trace(
        go.Bar(
            y=labels,
            x=df["stakeholders"] - df["engaged"],
            orientation="h",
            name=t("plan.cov.not_engaged"),
            marker_color=TRAFFIC["grey"],
            hovertemplate=hover,
        )
    )
    apply_layout(fig, title=t("plan.cov.chart_title"), lang=lang, height=360)
    fig.update_layout(barmode="stack")
    top = int(np.nanmax(df["stakeholders"])) if len(df) else 1
    fig.update_xaxes(title=t("plan.cov.x_axis"), dtick=1, range=[0, max(2, top) + 0.5])
    fig.update_yaxes(autorange="reversed", title=None)
    return fig
