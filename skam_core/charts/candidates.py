"""Who-next figures: the ranked candidates with their 95 % prediction intervals as bars, and the fit/size matrix
coloured by predicted uplift."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from skam_core.charts.axes import log_ticks, short
from skam_core.charts.theme import GREY, INK, MUTED, TRAFFIC, apply_layout, pp_ticks, translator
from skam_core.i18n.formats import eur_compact, number, pp


def ranking(cands: pd.DataFrame, lang: str, *, top: int = 15) -> go.Figure:
    """Predicted uplift (pp) per candidate, best first, with its prediction interval; extrapolated ones grey."""
    t = translator(lang)
    df = cands.head(top).iloc[::-1]
    labels = [short(str(n), 28) for n in df["name"]]
    colors = [GREY if x else INK for x in df["extrapolated"]]
    hover = [
        f"<b>{r.name}</b><br>{t('candidates.chart.fit')}: {number(r.fit_score, lang)}<br>"
        f"{t('candidates.chart.uplift')}: {pp(r.estimate, lang)} ({pp(r.low, lang)} – {pp(r.high, lang)})"
        f"<br>{t('candidates.chart.eur')}: {eur_compact(r.eur, lang)}"
        for r in df.itertuples()
    ]
    fig = go.Figure(
        go.Scatter(
            x=df["estimate"] * 100,
            y=labels,
            mode="markers",
            marker={"size": 10, "color": colors},
            error_x={
                "type": "data",
                "symmetric": False,
                "array": (df["high"] - df["estimate"]) * 100,
                "arrayminus": (df["estimate"] - df["low"]) * 100,
                "color": MUTED,
                "thickness": 2,
                "width": 0,
            },
            hovertext=hover,
            hoverinfo="text",
            showlegend=False,
        )
    )
    fig.add_vline(x=0, line={"color": GREY, "width": 1})
    apply_layout(fig, title=t("candidates.chart.ranking_title"), lang=lang, height=max(260, 60 + 28 * len(df)))
    fig.update_xaxes(title=t("candidates.chart.uplift_axis"), **pp_ticks(lang))
    fig.update_yaxes(title=t("candidates.chart.candidate_axis"), automargin=True)
    return fig


def fit_size_uplift(cands: pd.DataFrame, accounts: pd.DataFrame, lang: str) -> go.Figure:
    """Fit (x) against revenue (y, log): candidates coloured by predicted uplift (pp), measured accounts as
    rings for where the model learned from."""
    t = translator(lang)
    df = cands[cands["revenue"] > 0]
    fig = go.Figure()
    if not df.empty:
        fig.add_trace(
            go.Scatter(
                x=df["fit_score"],
                y=df["revenue"],
                mode="markers+text",
                text=[short(str(n), 20) for n in df["name"]],
                textposition="top center",
                textfont={"size": 10, "color": MUTED},
                marker={
                    "size": 14,
                    "color": df["estimate"] * 100,
                    "colorscale": [[0, TRAFFIC["red"]], [0.5, "#F7F7F7"], [1, TRAFFIC["green"]]],
                    "cmid": 0,
                    "colorbar": {"title": {"text": t("candidates.chart.uplift_axis"), "side": "right"}},
                    "line": {"width": 1, "color": INK},
                },
                name=t("candidates.chart.candidates"),
                hovertext=[f"<b>{r.name}</b><br>{pp(r.estimate, lang)}" for r in df.itertuples()],
                hoverinfo="text",
            )
        )
    known = accounts[accounts["revenue"] > 0] if not accounts.empty else accounts
    if not known.empty:
        fig.add_trace(
            go.Scatter(
                x=known["fit_score"],
                y=known["revenue"],
                mode="markers",
                marker={"size": 12, "color": "rgba(0,0,0,0)", "line": {"width": 2, "color": MUTED}},
                name=t("candidates.chart.measured"),
                hovertext=[f"{r.customer_id}: {pp(r.estimate, lang)}" for r in known.itertuples()],
                hoverinfo="text",
            )
        )
    apply_layout(fig, title=t("candidates.chart.matrix_title"), lang=lang, height=440, legend_below=-0.18)
    fig.update_xaxes(title=t("candidates.chart.fit_axis"), range=[-3, 110])
    both = pd.concat([df["revenue"], known["revenue"]]) if not known.empty else df["revenue"]
    ticks = log_ticks(both) if len(both) else []
    fig.update_yaxes(
        title=t("candidates.chart.revenue_axis"),
        type="log",
        tickvals=ticks,
        ticktext=[eur_compact(v, lang) for v in ticks],
    )
    return fig
