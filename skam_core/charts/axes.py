"""Text and axis helpers shared by the chart modules: Plotly neither wraps nor shortens labels by itself, and
money and log axes need their ticks written out in the user's language."""

from __future__ import annotations

import html
import math
import textwrap
from collections.abc import Iterable
from typing import Any

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from skam_core.i18n.formats import eur_compact


def plain(text: object) -> str:
    """Data as Plotly text: Plotly reads tags in labels, hovers, legends and titles (``<a href>`` would be a live
    link, ``<b>`` bold), so ``<``, ``>`` and ``&`` are written as entities and the text shows as typed. Every
    data string on a chart goes through here (``wrap``, ``wrap_hyphen`` and ``short`` do it themselves)."""
    return html.escape("" if text is None else str(text), quote=False)


def wrap(text: str | None, width: int = 48) -> str:
    """Plotly labels and hovers do not wrap by themselves."""
    if not isinstance(text, str) or not text:
        return ""
    return "<br>".join(plain(line) for line in textwrap.wrap(text, width, break_long_words=False)) or plain(text)


def wrap_hyphen(text: str | None, width: int) -> str:
    """Like ``wrap``, but words longer than a line are split with a hyphen (German compounds in narrow columns)."""
    if not isinstance(text, str) or not text:
        return ""
    lines = []
    for line in textwrap.wrap(text, width, break_long_words=False):
        while len(line) > width:
            lines.append(line[: width - 1] + "-")
            line = line[width - 1 :]
        lines.append(line)
    return "<br>".join(plain(line) for line in lines)


def short(text: str, width: int = 34) -> str:
    """The text cut to at most ``width`` characters, an ellipsis marking the cut."""
    return plain(text if len(text) <= width else text[: width - 1] + "…")


def eur_axis(fig: go.Figure, lang: str, title: str, low: float, high: float, **kw: Any) -> None:
    """A EUR y-axis with ticks in the language's compact money format (1,2 Mio. € / €1.2M)."""
    ticks = nice_ticks([low, high], zero=True, n=4)
    fig.update_yaxes(title=title, tickvals=ticks, ticktext=[eur_compact(v, lang) for v in ticks], zeroline=True, **kw)


def nice_ticks(values: Iterable[float] | None, *, zero: bool = False, n: int = 5) -> list[float]:
    """About ``n`` round tick values (steps of 1, 2 or 5 times a power of ten) covering the finite values
    (and zero when asked); empty without a finite value."""
    finite = [float(v) for v in (values if values is not None else []) if v is not None and math.isfinite(float(v))]
    if not finite:
        return []
    lo, hi = min(finite), max(finite)
    if zero:
        lo, hi = min(lo, 0.0), max(hi, 0.0)
    if hi - lo < 1e-12:
        pad = abs(hi) * 0.1 or 0.01
        lo, hi = lo - pad, hi + pad
    raw = (hi - lo) / n
    mag = 10 ** math.floor(math.log10(raw))
    step = next(m * mag for m in (1, 2, 5, 10) if m * mag >= raw - 1e-15)
    first, last = math.floor(lo / step + 1e-9), math.ceil(hi / step - 1e-9)
    return [round(k * step, 12) for k in range(first, last + 1)]


def log_ticks(values: pd.Series, *, pad: float = 1.5, min_ticks: int = 0) -> list[float]:
    """1-2-5 ticks for a log axis over the positive values, reaching up to ``pad`` times beyond their smallest
    and largest; finer (1-1.5-2-3-5-7) when 1-2-5 gives fewer than ``min_ticks``."""
    lo, hi = float(values[values > 0].min()), float(values.max())
    exps = range(int(np.floor(np.log10(lo))) - 1, int(np.ceil(np.log10(hi))) + 1)
    for steps in ((1, 2, 5), (1, 1.5, 2, 3, 5, 7)):
        ticks = [m * 10.0**exp for exp in exps for m in steps if lo / pad <= m * 10.0**exp <= hi * pad]
        if len(ticks) >= min_ticks:
            break
    return ticks
