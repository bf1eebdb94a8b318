"""Palettes and the common layout. Stage colours run from grey (not yet in the programme) through blues to
green (in implementation); status colours follow the traffic-light convention everywhere."""

from __future__ import annotations

import plotly.graph_objects as go

from skam_core.i18n.formats import plotly_separators

STAGE_COLORS = {
    "none": "#B0B7C3",
    "candidate": "#9FB4D6",
    "strategy": "#6F95C9",
    "fit": "#4575B4",
    "value": "#7B5EA7",
    "plan": "#E08E2B",
    "implementation": "#2E9E5B",
}
STATUS_COLORS = {
    "open": "#9AA5B1",
    "on_track": "#2E9E5B",
    "at_risk": "#F0B429",
    "delayed": "#D64545",
    "done": "#1F5F99",
}
TRAFFIC = {"green": "#2E9E5B", "amber": "#F0B429", "red": "#D64545", "grey": "#9AA5B1"}
GROUP_COLORS = {"skam": "#2E9E5B", "others": "#7F8C9D"}
FONT = "Source Sans Pro, Segoe UI, Helvetica, Arial, sans-serif"


def apply_layout(
    fig: go.Figure, *, title: str, lang: str, height: int = 420, legend_title: str | None = None
) -> go.Figure:
    fig.update_layout(
        title={"text": title, "x": 0.0, "xanchor": "left", "font": {"size": 17}},
        separators=plotly_separators(lang),
        height=height,
        margin={"l": 10, "r": 10, "t": 60, "b": 10},
        font={"family": FONT, "size": 13},
        template="plotly_white",
        legend={
            "title": {"text": legend_title or ""},
            "orientation": "h",
            "yanchor": "bottom",
            "y": 1.0,
            "xanchor": "right",
            "x": 1.0,
        },
        hoverlabel={"font": {"family": FONT}},
    )
    return fig


# -- the language's money and month notation inside Plotly (numbers get their separators from apply_layout) --


def eur_hover(lang: str, value: str = "%{y:,.0f}") -> str:
    """A hover template's money value in the language's order: 12.900 € / €12,900."""
    return f"{value} €" if lang == "de" else f"€{value}"


def eur_ticks(lang: str) -> dict[str, str]:
    """Axis tick affixes for money in the language's order (``fig.update_yaxes(**eur_ticks(lang))``)."""
    return {"ticksuffix": " €", "tickprefix": ""} if lang == "de" else {"ticksuffix": "", "tickprefix": "€"}


def month_format(lang: str) -> str:
    """A month as d3 formats it: Plotly's month names are English only, so German shows 03.2026."""
    return "%m.%Y" if lang == "de" else "%b %Y"
