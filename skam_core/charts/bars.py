"""Horizontal bars as HTML, for first screens (charts.svg says why): the portfolio's accounts per stage and
what each customer priority adds to the fit score. Labels wrap instead of being cut; the value stands beside
its bar; a segment's width is its share of the longest row."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import pandas as pd

from skam_core.charts.svg import esc, num, soft_hyphens
from skam_core.charts.theme import STAGE_COLORS, translator
from skam_core.i18n.formats import number

MISSED = "#E4E7EB"  # the part of a bar not reached


@dataclass(frozen=True)
class Segment:
    value: float
    color: str
    tip: str  # shown on hover (plain text)


@dataclass(frozen=True)
class Bar:
    label: str
    segments: Sequence[Segment]
    value_label: str


def bars_html(title: str, bars: Sequence[Bar], *, axis: str, legend: Sequence[tuple[str, str]] = ()) -> str:
    """One block: the title, a row per bar (label, bar, value), the axis' meaning and a legend of
    ``(colour, label)``."""
    longest = max((sum(s.value for s in b.segments) for b in bars), default=0.0) or 1.0
    rows = []
    for b in bars:
        segs = "".join(
            f'<span class="skam-bar-seg" style="width:{num(100 * s.value / longest)}%;background:{s.color}"'
            f' title="{esc(s.tip)}"></span>'
            for s in b.segments
            if s.value > 0
        )
        rows.append(
            f'<div class="skam-bar-row"><span class="skam-bar-label">{esc(soft_hyphens(b.label))}</span>'
            f'<span class="skam-bar-track">{segs}</span><span class="skam-bar-value">{esc(b.value_label)}</span></div>'
        )
    keys = "".join(
        f'<span class="skam-key"><span class="skam-key-dot" style="background:{color}"></span>{esc(label)}</span>'
        for color, label in legend
    )
    keys_line = f'<p class="skam-keys">{keys}</p>' if keys else ""
    return (
        f'<div class="skam-bars" role="figure" aria-label="{esc(title)}"><p class="skam-chart-title">{esc(title)}</p>'
        f'{"".join(rows)}<p class="skam-chart-axis">{esc(axis)}</p>{keys_line}</div>'
    )


def stage_bars_html(stage_counts: pd.Series, lang: str) -> str:
    """Key accounts per SKAM stage, in programme order."""
    t = translator(lang)
    bars = []
    for stage, n in stage_counts.items():
        label = t("stage." + str(stage))
        bars.append(
            Bar(label, [Segment(float(n), STAGE_COLORS[str(stage)], f"{label}: {number(n, lang)}")], number(n, lang))
        )
    return bars_html(t("chart.stages_title"), bars, axis=t("chart.accounts_count"))


def breakdown_bars_html(breakdown: pd.DataFrame, lang: str) -> str:
    """Per priority: the points it adds to the fit score, and the points it could add with a best match of 3."""
    t = translator(lang)
    reached, missed = t("fit.chart.points_reached"), t("fit.chart.points_missed")
    bars = []
    for r in breakdown.itertuples():
        got, most = float(r.points), float(r.max_points)
        bars.append(
            Bar(
                str(r.priority),
                [
                    Segment(got, STAGE_COLORS["fit"], f"{r.priority}: {reached} {number(got, lang)}"),
                    Segment(max(0.0, most - got), MISSED, f"{r.priority}: {missed} {number(most, lang)}"),
                ],
                f"{number(got, lang)} / {number(most, lang)}",
            )
        )
    return bars_html(
        t("fit.chart.breakdown_title"),
        bars,
        axis=t("fit.chart.breakdown_axis"),
        legend=[(STAGE_COLORS["fit"], reached), (MISSED, missed)],
    )
