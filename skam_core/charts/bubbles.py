"""The portfolio's bubble matrix as SVG: strategic fit (x) against revenue (y, log), bubble area ~ revenue,
colour = stage; each bubble carries its account (``data-id``) and its details (``data-tip``), so that the page's
script shows the details on hover and opens the account on a click. Drawn on the server because it is the
portfolio's first screen (charts.svg says why)."""

from __future__ import annotations

import math
from collections.abc import Callable

import pandas as pd

from skam_core.charts.axes import log_ticks
from skam_core.charts.svg import Linear, Log, cut, esc, num, text, tip
from skam_core.charts.theme import GREY, INK, STAGE_COLORS, translator
from skam_core.i18n.formats import eur_compact, number, pct

W = 760
LEFT, RIGHT, TOP, BOTTOM = 86, 744, 52, 392  # the plot area
GOOD_FIT = 60  # the fit score from which a fit counts as good (the dotted line)
R_MAX, R_MIN = 17.0, 4.0  # bubble radii in px: the largest account, the smallest shown
CHAR_PX = 6.0  # width of a 12 px legend character (Source Sans), to space the legend's entries


def fit_size_svg(accounts: pd.DataFrame, lang: str, current: str | None = None) -> str:
    """The matrix as one ``<svg>`` element, "" when no account has both a fit score and revenue."""
    t = translator(lang)
    df = accounts[accounts["fit_score"].notna() & (accounts["revenue"] > 0)]
    if df.empty:
        return ""
    ticks = log_ticks(df["revenue"])
    lo = min([*ticks, float(df["revenue"].min())]) / 1.6
    hi = max([*ticks, float(df["revenue"].max())]) * 1.6
    x = Linear(-3, 118, LEFT, RIGHT)  # room right of 100: the names of perfect fits stay whole
    y = Log(lo, hi, BOTTOM, TOP)
    top = float(df["revenue"].max())
    stages = sorted(set(df["skam_stage"]), key=list(STAGE_COLORS).index)
    legend, rows = _legend(t, stages)
    height = BOTTOM + 62 + 20 * rows
    parts = [
        f'<svg viewBox="0 0 {W} {height}" class="skam-svg" role="img" aria-label="{esc(t("chart.fit_size_title"))}">',
        text(0, 20, t("chart.fit_size_title"), cls="skam-svg-title", anchor="start"),
    ]
    # Grid and ticks.
    for fx in (0, 20, 40, 60, 80, 100):
        parts.append(f'<line x1="{num(x(fx))}" x2="{num(x(fx))}" y1="{TOP}" y2="{BOTTOM}" class="skam-svg-grid"/>')
        parts.append(text(x(fx), BOTTOM + 18, number(fx, lang), cls="skam-svg-tick"))
    for ry in ticks:
        parts.append(f'<line x1="{LEFT}" x2="{RIGHT}" y1="{num(y(ry))}" y2="{num(y(ry))}" class="skam-svg-grid"/>')
        parts.append(text(LEFT - 8, y(ry) + 4, eur_compact(ry, lang), cls="skam-svg-tick", anchor="end"))
    parts.append(
        f'<line x1="{num(x(GOOD_FIT))}" x2="{num(x(GOOD_FIT))}" y1="{TOP}" y2="{BOTTOM}" stroke="{GREY}"'
        ' stroke-dasharray="2 3" stroke-width="1.5"/>'
    )
    parts.append(text(x(GOOD_FIT), TOP - 6, t("chart.good_fit_threshold"), cls="skam-svg-note"))
    parts.append(text((LEFT + RIGHT) / 2, BOTTOM + 40, t("chart.fit_axis"), cls="skam-svg-axis"))
    mid = (TOP + BOTTOM) / 2
    parts.append(
        text(16, mid, t("chart.revenue_axis"), cls="skam-svg-axis", extra=f' transform="rotate(-90 16 {num(mid)})"')
    )
    # Bubbles, the largest first so that small ones stay on top; labels alternate above and below by fit rank,
    # so that neighbours' names collide less.
    rank = df["fit_score"].rank(method="first").astype(int)
    for r in df.assign(fit_rank=rank).sort_values("revenue", ascending=False).itertuples():
        radius = bubble_radius(float(r.revenue), top)
        cx, cy = x(float(r.fit_score)), y(float(r.revenue))
        ly = cy - radius - 4 if r.fit_rank % 2 else cy + radius + 11
        details = tip(
            [
                str(r.name),
                t("stage." + r.skam_stage),
                f"{t('chart.fit')}: {number(r.fit_score, lang)}",
                f"{t('chart.revenue_12m')}: {eur_compact(r.revenue, lang)}",
                f"{t('chart.margin')}: {pct(r.margin, lang)}",
            ]
        )
        ring = f' stroke="{INK}" stroke-width="2.5"' if r.customer_id == current else ' stroke="white" stroke-width="1"'
        parts.append(
            f'<g class="skam-bubble" data-id="{esc(r.customer_id)}" data-tip="{details}" tabindex="0" role="button"'
            f' aria-label="{esc(r.name)}">'
            f'<circle cx="{num(cx)}" cy="{num(cy)}" r="{num(radius)}" fill="{STAGE_COLORS[r.skam_stage]}"'
            f' fill-opacity="0.85"{ring}/>' + text(cx, ly, cut(r.name, 22), cls="skam-svg-label") + "</g>"
        )
    parts.append(legend)
    parts.append("</svg>")
    return "".join(parts)


def _legend(t: Callable[..., str], stages: list[str]) -> tuple[str, int]:
    """The stages shown, in programme order, under the x-axis title: as many per row as fit the plot's width
    (SVG does not wrap). Returns the markup and the number of rows."""
    ypos = BOTTOM + 66
    out = [text(LEFT - 8, ypos + 4, t("chart.stage") + ":", cls="skam-svg-tick", anchor="end")]
    at, rows = float(LEFT), 1
    for stage in stages:
        label = t("stage." + stage)
        width = 16 + CHAR_PX * len(label) + 18
        if at > LEFT and at + width - 18 > RIGHT:
            at, ypos, rows = float(LEFT), ypos + 20, rows + 1
        out.append(f'<circle cx="{num(at + 6)}" cy="{ypos}" r="6" fill="{STAGE_COLORS[stage]}"/>')
        out.append(text(at + 16, ypos + 4, label, cls="skam-svg-tick", anchor="start"))
        at += width
    return "".join(out), rows


def bubble_radius(revenue: float, largest: float) -> float:
    """A bubble's radius beside the largest account's: its area grows with the square root of revenue, so that
    a customer 100 times the size does not hide the rest."""
    return max(R_MIN, R_MAX * (revenue / largest) ** 0.25) if largest > 0 and not math.isnan(revenue) else R_MIN
