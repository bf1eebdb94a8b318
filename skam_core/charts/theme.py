"""Palettes and the common layout. Stage colours run from grey (not yet in the programme) through blues to
green (in implementation); status colours follow the traffic-light convention everywhere."""

from __future__ import annotations

from collections.abc import Callable, Iterable

import plotly.graph_objects as go

from skam_core.charts.axes import nice_ticks
from skam_core.i18n import translate
from skam_core.i18n.formats import eur_compact, pct, plotly_separators

# Neutrals, named by what they do on a chart.
INK = "#1F2933"  # dark emphasis: totals, our capacity, cumulative lines, the ringed account
MUTED = "#52606D"  # secondary text and reference lines (today, start, trend lines)
GREY = "#9AA5B1"  # no value / not started, and thin zero and threshold lines
SLATE = "#7F8C9D"  # what we compare against: other customers, targets
PALE = "#C9D6E8"  # background bars and connectors behind the data

TRAFFIC = {"green": "#2E9E5B", "amber": "#F0B429", "red": "#D64545", "grey": GREY}
STAGE_COLORS = {
    "none": "#B0B7C3",
    "candidate": "#9FB4D6",
    "strategy": "#6F95C9",
    "fit": "#4575B4",
    "value": "#7B5EA7",
    "plan": "#E08E2B",
    "implementation": TRAFFIC["green"],
}
STATUS_COLORS = {
    "open": TRAFFIC["grey"],
    "on_track": TRAFFIC["green"],
    "at_risk": TRAFFIC["amber"],
    "delayed": TRAFFIC["red"],
    "done": "#1F5F99",
}
GROUP_COLORS = {"skam": TRAFFIC["green"], "others": SLATE}
# Status of a value-proposition component after customer feedback; green means agreed as on every page, red
# declined.
VALUE_STATUS_COLORS = {
    "draft": STAGE_COLORS["none"],
    "proposed": STAGE_COLORS["fit"],
    "accepted": TRAFFIC["green"],
    "partly_accepted": "#8CCB9B",
    "declined": TRAFFIC["red"],
}
FONT = "Source Sans Pro, Segoe UI, Helvetica, Arial, sans-serif"


def tint(color: str, alpha: float) -> str:
    """A palette colour (#RRGGBB) made transparent, for bands and fills: ``tint(TRAFFIC["red"], 0.25)``."""
    r, g, b = (int(color[i : i + 2], 16) for i in (1, 3, 5))
    return f"rgba({r}, {g}, {b}, {alpha})"


def apply_layout(
    fig: go.Figure,
    *,
    title: str,
    lang: str,
    height: int = 420,
    legend_title: str | None = None,
    legend_below: float | None = None,
) -> go.Figure:
    """Title, fonts, margins and the language's number separators; the legend sits top right above the plot,
    or with ``legend_below`` left-aligned below it, its top that far under the plot (``-0.2``: 20 % of the
    plot's height)."""
    if legend_below is None:
        legend = {"orientation": "h", "yanchor": "bottom", "y": 1.0, "xanchor": "right", "x": 1.0}
    else:
        legend = {"orientation": "h", "yanchor": "top", "y": legend_below, "xanchor": "left", "x": 0}
    fig.update_layout(
        title={"text": title, "x": 0.0, "xanchor": "left", "font": {"size": 17}},
        separators=plotly_separators(lang),
        height=height,
        margin={"l": 10, "r": 10, "t": 60, "b": 10},
        font={"family": FONT, "size": 13},
        template="plotly_white",
        legend={"title": {"text": legend_title or ""}, **legend},
        hoverlabel={"font": {"family": FONT}},
    )
    return fig


# -- the language: texts, and money, percent and month notation inside Plotly (numbers get their separators
# from apply_layout) --


def translator(lang: str) -> Callable[..., str]:
    """``t = translator(lang)``; ``t(key, **kw)`` is ``translate(key, lang, **kw)``."""

    def t(key: str, **kw: object) -> str:
        return translate(key, lang, **kw)

    return t


def eur_hover(lang: str, value: str = "%{y:,.0f}") -> str:
    """A hover template's money value in the language's order: 12.900 € / €12,900."""
    return f"{value} €" if lang == "de" else f"€{value}"


def eur_ticks(lang: str, values: Iterable[float] | None = None, *, n: int = 5) -> dict:
    """Axis ticks for money (``fig.update_yaxes(**eur_ticks(lang, values))``). With the values on the axis, the tick
    texts come from Babel like every amount on the page ("250.000 €", "1,5 Mio. €" / "€250k"); Plotly's own
    notation would write "250k €" in German. Without values, only the currency sign in the language's order."""
    ticks = nice_ticks(values, zero=True, n=n) if values is not None else []
    if ticks:
        return {"tickmode": "array", "tickvals": ticks, "ticktext": [eur_compact(v, lang) for v in ticks]}
    return {"ticksuffix": " €", "tickprefix": ""} if lang == "de" else {"ticksuffix": "", "tickprefix": "€"}


def share_ticks(values: Iterable[float], lang: str, *, zero: bool = False) -> dict:
    """Axis ticks for shares given as fractions (0.12), written by Babel: "12 %" in German, "12%" in English —
    d3's ".0%" knows no space before the sign. One decimal only where the steps are finer than a point."""
    ticks = nice_ticks(values, zero=zero)
    if not ticks:
        return {"tickformat": ".0%"}
    step = ticks[1] - ticks[0] if len(ticks) > 1 else 0.01
    decimals = 0 if abs(step * 100 - round(step * 100)) < 1e-9 else 1
    return {"tickmode": "array", "tickvals": ticks, "ticktext": [pct(v, lang, decimals=decimals) for v in ticks]}


def pct_suffix(lang: str) -> str:
    """What follows a percentage figure: 12 % / 12%."""
    return " %" if lang == "de" else "%"


def pct_ticks(lang: str) -> dict[str, str]:
    """Axis ticks of values already in percent (12, not 0.12): ``fig.update_xaxes(**pct_ticks(lang))``."""
    return {"ticksuffix": pct_suffix(lang)}


def pp_ticks(lang: str) -> dict[str, str]:
    """Axis ticks of values in percentage points: 1,5 Pp. / 1.5 pp."""
    return {"ticksuffix": " Pp." if lang == "de" else " pp"}


def month_format(lang: str) -> str:
    """A month as d3 formats it: Plotly's month names are English only, so German shows 03.2026."""
    return "%m.%Y" if lang == "de" else "%b %Y"
